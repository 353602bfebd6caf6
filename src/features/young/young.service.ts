// Use cases of the young-cadre programme (report part 二: “789” 计划, 好苗子, 双挂双任, “2+1” 导师帮带).
// Same shape as every service: requireAccess, scoped facts, pure rules, one transaction with the audit row.
import { ageOn, todayOf } from '../../domain/dates.js';
import type { Problem } from '../../domain/teams.js';
import type { Db } from '../../db/database.js';
import { can, canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { AppError, notFound } from '../../server/errors.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { getSetting } from '../settings/settings.service.js';
import * as poolsRepo from '../pools/pools.repository.js';
import { raise, visibleCadre, visibleUnitPath } from '../pools/pools.service.js';
import * as repo from './young.repository.js';
import {
  cohortOf,
  covers,
  directionOf,
  DIRECTIONS,
  mentorProblems,
  mentorshipEndProblems,
  PROMISING_SOURCES,
  secondmentProblems,
  type Direction,
  type PromisingSource,
} from './young.rules.js';

const LABELS: Record<string, string> = {
  cadreId: '干部',
  source: '来源',
  markedOn: '标记日期',
  note: '备注',
  homeUnitId: '派出单位',
  hostUnitId: '挂职单位',
  hostPost: '挂任职务',
  startDate: '开始日期',
  endDate: '结束日期',
  mentorId: '导师',
  date: '日期',
  content: '帮带内容',
  sourceSurveyId: '来源调研记录',
  sourceAnalysisId: '来源研判记录',
};
const fail = (problems: Problem[]) => raise(problems, LABELS);

const audit = (ctx: Ctx, db: Parameters<typeof insertAudit>[0], input: Omit<Parameters<typeof buildAuditRow>[0], 'actor' | 'at'>) =>
  insertAudit(db, buildAuditRow({ ...input, actor: ctx.actor, at: ctx.now }));

/** The cohorts of the “789” programme with the active cadres and current 好苗子 in each, within scope. */
export async function cohorts(ctx: Ctx, unitId?: number) {
  requireAccess(ctx.actor, 'pool:read');
  const unitPath = await visibleUnitPath(ctx, unitId);
  const defs = await getSetting(ctx.db, 'young.cohorts', ctx.now);
  const [years, promising] = await Promise.all([
    repo.birthYearCounts(ctx.db, ctx.actor.visibleAuthorityIds, unitPath),
    repo.listPromising(ctx.db, ctx.actor.visibleAuthorityIds, { unitPath }),
  ]);
  const promisingIds = new Set<number>();
  const promisingBy = new Map<string, number>();
  for (const p of promising) {
    if (promisingIds.has(p.cadreId)) continue;
    promisingIds.add(p.cadreId);
    const c = cohortOf(p.birthDate, defs);
    if (c) promisingBy.set(c, (promisingBy.get(c) ?? 0) + 1);
  }
  return defs.map((c) => ({
    ...c,
    cadres: years.filter((y) => y.year >= c.fromYear && y.year <= c.toYear).reduce((a, y) => a + y.n, 0),
    promising: promisingBy.get(c.label) ?? 0,
  }));
}

// ---- 好苗子 ----

export async function listPromising(ctx: Ctx, f: { includeWithdrawn?: boolean; unitId?: number }) {
  requireAccess(ctx.actor, 'pool:read');
  const today = todayOf(ctx.now);
  const defs = await getSetting(ctx.db, 'young.cohorts', ctx.now);
  const rows = await repo.listPromising(ctx.db, ctx.actor.visibleAuthorityIds, { ...f, unitPath: await visibleUnitPath(ctx, f.unitId) });
  return rows.map((r) => ({
    ...promisingOut(ctx, r),
    age: ageOn(r.birthDate, today),
    cohort: cohortOf(r.birthDate, defs),
  }));
}

type PromisingRow = Awaited<ReturnType<typeof repo.listPromising>>[number];

/**
 * A mark with its source record: the survey's date or the 研判's title, shown only when the actor may
 * open that record (a record of a department it does not see keeps its kind, without the link).
 */
function promisingOut(ctx: Ctx, r: PromisingRow) {
  const {
    sourceAnalysisTitle,
    sourceAnalysisDate,
    sourceAnalysisAuthorityId,
    sourceSurveyDate,
    sourceSurveyAuthorityId,
    sourceSurveyId,
    sourceAnalysisId,
    ...rest
  } = r;
  const sees = (a: number | null) => a !== null && ctx.actor.visibleAuthorityIds.includes(a);
  const sourceRecord =
    sourceSurveyId !== null && sees(sourceSurveyAuthorityId)
      ? { kind: 'survey' as const, id: sourceSurveyId, label: `大调研（${sourceSurveyDate}）` }
      : sourceAnalysisId !== null && sees(sourceAnalysisAuthorityId)
        ? { kind: 'analysis' as const, id: sourceAnalysisId, label: `研判：${sourceAnalysisTitle}（${sourceAnalysisDate}）` }
        : null;
  return { ...rest, sourceName: PROMISING_SOURCES[r.source as PromisingSource] ?? r.source, sourceRecord };
}

export interface PromisingInput {
  cadreId: number;
  source: PromisingSource;
  markedOn?: string;
  note?: string;
  /** the 大调研 survey recommending the cadre as a 好苗子 */
  sourceSurveyId?: number;
  /** the 研判 record the cadre was found in */
  sourceAnalysisId?: number;
}

export async function markPromising(ctx: Ctx, input: PromisingInput) {
  requireAccess(ctx.actor, 'pool:write');
  return ctx.db.transaction().execute((trx) => markPromisingIn(ctx, trx, input, 'conflict'));
}

/**
 * Marks a 好苗子 inside the caller's transaction (a survey recommending one marks it with the survey).
 * From a record, the mark defaults to the record's date, and a current mark made by hand is linked to
 * the record instead of a second mark. `already`: a current mark is a conflict, or is kept as it is.
 */
export async function markPromisingIn(ctx: Ctx, trx: Db, input: PromisingInput, already: 'conflict' | 'keep'): Promise<number> {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const auth = ctx.actor.visibleAuthorityIds;
  const cadre = await visibleCadre(ctx, trx, input.cadreId);
  const problems: Problem[] = [];
  let recordDate: string | null = null;
  if (input.sourceSurveyId !== undefined && input.sourceAnalysisId !== undefined)
    problems.push({ field: 'sourceAnalysisId', message: '来源记录只能选一个：大调研或研判', kind: 'validation' });
  else if (input.sourceSurveyId !== undefined) {
    const survey = await repo.findSurveySource(trx, input.sourceSurveyId, auth);
    if (!survey) throw notFound('该调研记录');
    if (input.source !== 'survey') problems.push({ field: 'source', message: '来源记录为大调研时，来源应为“大调研”', kind: 'validation' });
    if (survey.cadreId !== cadre.id) problems.push({ field: 'sourceSurveyId', message: `该调研记录不是对${cadre.name}的调研`, kind: 'validation' });
    else if (!survey.seedling) problems.push({ field: 'sourceSurveyId', message: '该调研记录没有“好苗子”建议', kind: 'validation' });
    recordDate = survey.date;
  } else if (input.sourceAnalysisId !== undefined) {
    const record = await repo.findAnalysisSource(trx, input.sourceAnalysisId, auth);
    if (!record) throw notFound('该研判记录');
    if (input.source !== 'analysis') problems.push({ field: 'source', message: '来源记录为研判时，来源应为“研判”', kind: 'validation' });
    recordDate = record.asOf;
  }
  const markedOn = input.markedOn ?? (recordDate && recordDate <= today ? recordDate : today);
  if (markedOn > today) problems.push({ field: 'markedOn', message: '不能晚于今天', kind: 'validation' });
  if (markedOn < cadre.birthDate) problems.push({ field: 'markedOn', message: '不能早于出生日期', kind: 'validation' });
  if (recordDate && markedOn < recordDate) problems.push({ field: 'markedOn', message: `不能早于来源记录的日期 ${recordDate}`, kind: 'validation' });
  const current = await repo.currentPromising(trx, cadre.id);
  const link = { sourceSurveyId: input.sourceSurveyId ?? null, sourceAnalysisId: input.sourceAnalysisId ?? null };
  const fromRecord = link.sourceSurveyId !== null || link.sourceAnalysisId !== null;
  if (current) {
    if (fromRecord && current.sourceSurveyId === null && current.sourceAnalysisId === null) {
      fail(problems);
      await repo.linkPromising(trx, current.id, link);
      await audit(ctx, trx, { event: 'young.promising_link', target: { type: 'cadre', id: cadre.id }, detail: { promisingId: current.id, ...link } });
      return current.id;
    }
    if (already === 'keep') return current.id;
    problems.push({ field: 'cadreId', message: `${cadre.name}已标记为好苗子`, kind: 'conflict' });
  }
  fail(problems);
  const id = await repo.insertPromising(trx, {
    cadreId: cadre.id,
    source: input.source,
    markedOn,
    note: input.note?.trim() ?? '',
    ...link,
    createdBy: ctx.actor.username,
    createdAt: ctx.now.toISOString(),
  });
  await audit(ctx, trx, {
    event: 'young.promising_mark',
    target: { type: 'cadre', id: cadre.id },
    detail: { source: input.source, markedOn, ...link },
  });
  return id;
}

/** The marks made from records, for the records' side: by survey, or of one 研判 record. */
export async function promisingFromRecords(ctx: Ctx, f: { surveyIds?: readonly number[]; analysisId?: number }) {
  if (!can(ctx.actor, 'pool:read')) return [];
  return repo.promisingFromRecords(ctx.db, ctx.actor.visibleAuthorityIds, f);
}

export async function withdrawPromising(ctx: Ctx, id: number, input: { date?: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const date = input.date ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.findPromising(trx, id, ctx.actor.visibleAuthorityIds);
    if (!p) throw notFound('该好苗子标记');
    const problems: Problem[] = [];
    if (p.withdrawnOn) problems.push({ field: 'date', message: `该标记已于 ${p.withdrawnOn} 撤销`, kind: 'conflict' });
    if (date < p.markedOn) problems.push({ field: 'date', message: `不能早于标记日期 ${p.markedOn}`, kind: 'validation' });
    if (date > today) problems.push({ field: 'date', message: '不能晚于今天', kind: 'validation' });
    fail(problems);
    if (!(await repo.withdrawPromising(trx, id, date))) throw new AppError('STALE_VERSION');
    await audit(ctx, trx, { event: 'young.promising_withdraw', target: { type: 'cadre', id: p.cadreId }, detail: { date } });
  });
}

// ---- 双挂双任 ----

export async function listSecondments(ctx: Ctx, f: { unitId?: number }) {
  requireAccess(ctx.actor, 'pool:read');
  const today = todayOf(ctx.now);
  const rows = await repo.listSecondments(ctx.db, ctx.actor.visibleAuthorityIds, { unitPath: await visibleUnitPath(ctx, f.unitId) });
  return rows.map((r) => ({ ...r, directionName: DIRECTIONS[r.direction as Direction] ?? r.direction, current: covers(r, today) }));
}

export async function addSecondment(
  ctx: Ctx,
  input: { cadreId: number; homeUnitId?: number; hostUnitId: number; hostPost?: string; startDate: string; endDate?: string | null },
) {
  requireAccess(ctx.actor, 'pool:write');
  return ctx.db.transaction().execute(async (trx) => {
    const cadre = await visibleCadre(ctx, trx, input.cadreId);
    const homeId = input.homeUnitId ?? cadre.unitId;
    if (!homeId) fail([{ field: 'homeUnitId', message: '该干部没有所在单位，请选择派出单位', kind: 'validation' }]);
    const unit = async (id: number, what: string) => {
      const u = await poolsRepo.findUnit(trx, id);
      if (!u || !canSeeAuthority(ctx.actor, u.authorityId)) throw notFound(what);
      return u;
    };
    const home = await unit(homeId!, '派出单位');
    const host = await unit(input.hostUnitId, '挂职单位');
    fail(
      secondmentProblems({
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        homeUnitId: home.id,
        hostUnitId: host.id,
        homeTier: home.tier,
        hostTier: host.tier,
      }),
    );
    const direction = directionOf(home.tier);
    const id = await repo.insertSecondment(trx, {
      cadreId: cadre.id,
      homeUnitId: home.id,
      hostUnitId: host.id,
      direction,
      hostPost: input.hostPost?.trim() ?? '',
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      createdBy: ctx.actor.username,
      createdAt: ctx.now.toISOString(),
    });
    await audit(ctx, trx, {
      event: 'young.secondment_create',
      target: { type: 'cadre', id: cadre.id },
      detail: { home: home.name, host: host.name, direction, startDate: input.startDate, endDate: input.endDate ?? null },
    });
    return id;
  });
}

/**
 * Corrects a secondment: either end, the post, the dates. The merged record passes the same rules as a
 * new one, and the direction follows the (possibly new) home unit's tier.
 */
export async function updateSecondment(
  ctx: Ctx,
  id: number,
  input: { homeUnitId?: number; hostUnitId?: number; hostPost?: string; startDate?: string; endDate?: string | null },
) {
  requireAccess(ctx.actor, 'pool:write');
  await ctx.db.transaction().execute(async (trx) => {
    const s = await repo.findSecondment(trx, id, ctx.actor.visibleAuthorityIds);
    if (!s) throw notFound('该挂职记录');
    const unit = async (unitId: number, what: string) => {
      const u = await poolsRepo.findUnit(trx, unitId);
      if (!u || !canSeeAuthority(ctx.actor, u.authorityId)) throw notFound(what);
      return u;
    };
    const home = await unit(input.homeUnitId ?? s.homeUnitId, '派出单位');
    const host = await unit(input.hostUnitId ?? s.hostUnitId, '挂职单位');
    const startDate = input.startDate ?? s.startDate;
    const endDate = input.endDate === undefined ? s.endDate : input.endDate;
    fail(secondmentProblems({ startDate, endDate, homeUnitId: home.id, hostUnitId: host.id, homeTier: home.tier, hostTier: host.tier }));
    const next = {
      homeUnitId: home.id,
      hostUnitId: host.id,
      direction: directionOf(home.tier),
      hostPost: input.hostPost === undefined ? s.hostPost : input.hostPost.trim(),
      startDate,
      endDate,
    };
    const changes = diffFields(s, next);
    if (changes.length === 0) return;
    await repo.updateSecondment(trx, id, next);
    await audit(ctx, trx, { event: 'young.secondment_update', target: { type: 'cadre', id: s.cadreId }, detail: { secondmentId: id }, changes });
  });
}

// ---- “2+1” 导师帮带 ----

/** Ends a mentorship on a day (default today); its records stay, and a new mentor may then be given. */
export async function endMentorship(ctx: Ctx, id: number, input: { date?: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const date = input.date ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    const m = await repo.findMentorship(trx, id, ctx.actor.visibleAuthorityIds);
    if (!m) throw notFound('该帮带关系');
    raise(mentorshipEndProblems(m, date, today, await repo.lastRecordDate(trx, m.id)), { ...LABELS, date: '结束日期' });
    if (!(await repo.endMentorship(trx, m.id, date, m.endDate))) throw new AppError('STALE_VERSION');
    await audit(ctx, trx, {
      event: 'young.mentorship_end',
      target: { type: 'cadre', id: m.cadreId },
      detail: { mentorshipId: m.id, mentorId: m.mentorId, date },
      changes: [{ field: 'endDate', old: m.endDate, new: date }],
    });
  });
}

export async function listMentorships(ctx: Ctx, f: { unitId?: number; cadreId?: number }) {
  requireAccess(ctx.actor, 'pool:read');
  const today = todayOf(ctx.now);
  const rows = await repo.listMentorships(ctx.db, ctx.actor.visibleAuthorityIds, {
    cadreId: f.cadreId,
    unitPath: await visibleUnitPath(ctx, f.unitId),
  });
  return rows.map((r) => ({ ...r, records: Number(r.records ?? 0), current: covers(r, today) }));
}

export async function addMentor(ctx: Ctx, input: { cadreId: number; mentorId: number; startDate?: string; endDate?: string | null }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const startDate = input.startDate ?? today;
  const max = await getSetting(ctx.db, 'young.mentorsPerCadre', ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const cadre = await visibleCadre(ctx, trx, input.cadreId);
    const mentor = await poolsRepo.findVisibleCadre(trx, input.mentorId, ctx.actor.visibleAuthorityIds);
    if (!mentor) throw notFound('该导师');
    const existing = await repo.mentorshipsOf(trx, cadre.id);
    fail(mentorProblems({ cadreId: cadre.id, mentorId: mentor.id, startDate, endDate: input.endDate }, existing, max));
    const id = await repo.insertMentorship(trx, {
      cadreId: cadre.id,
      mentorId: mentor.id,
      startDate,
      endDate: input.endDate ?? null,
      createdBy: ctx.actor.username,
      createdAt: ctx.now.toISOString(),
    });
    await audit(ctx, trx, { event: 'young.mentorship_create', target: { type: 'cadre', id: cadre.id }, detail: { mentor: mentor.name, startDate } });
    return id;
  });
}

export async function mentoringRecords(ctx: Ctx, mentorshipId: number) {
  requireAccess(ctx.actor, 'pool:read');
  const m = await repo.findMentorship(ctx.db, mentorshipId, ctx.actor.visibleAuthorityIds);
  if (!m) throw notFound('该帮带关系');
  return repo.mentoringRecords(ctx.db, m.id);
}

export async function addMentoringRecord(ctx: Ctx, mentorshipId: number, input: { date: string; content: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const m = await repo.findMentorship(trx, mentorshipId, ctx.actor.visibleAuthorityIds);
    if (!m) throw notFound('该帮带关系');
    const problems: Problem[] = [];
    if (!input.content.trim()) problems.push({ field: 'content', message: '必填', kind: 'validation' });
    if (input.date > today) problems.push({ field: 'date', message: '不能晚于今天', kind: 'validation' });
    if (input.date < m.startDate) problems.push({ field: 'date', message: `不能早于帮带开始日期 ${m.startDate}`, kind: 'validation' });
    if (m.endDate && input.date > m.endDate) problems.push({ field: 'date', message: `不能晚于帮带结束日期 ${m.endDate}`, kind: 'validation' });
    fail(problems);
    const id = await repo.insertMentoringRecord(trx, {
      mentorshipId: m.id,
      date: input.date,
      content: input.content.trim(),
      createdBy: ctx.actor.username,
      createdAt: ctx.now.toISOString(),
    });
    await audit(ctx, trx, {
      event: 'young.mentoring_record',
      target: { type: 'cadre', id: m.cadreId },
      detail: { mentorshipId: m.id, date: input.date },
    });
    return id;
  });
}

/** One cadre's young-cadre status, for the profile panel. */
export async function cadreYoungStatus(ctx: Ctx, cadreId: number) {
  requireAccess(ctx.actor, 'pool:read');
  const cadre = await visibleCadre(ctx, ctx.db, cadreId);
  const defs = await getSetting(ctx.db, 'young.cohorts', ctx.now);
  const [promising, secondments, mentors] = await Promise.all([
    listPromisingOf(ctx, cadre.id),
    listSecondmentsOf(ctx, cadre.id),
    listMentorships(ctx, { cadreId: cadre.id }),
  ]);
  return { cohort: cohortOf(cadre.birthDate, defs), promising, secondments, mentors };
}

async function listPromisingOf(ctx: Ctx, cadreId: number) {
  const rows = await repo.listPromising(ctx.db, ctx.actor.visibleAuthorityIds, { cadreId, includeWithdrawn: true });
  return rows.map((r) => promisingOut(ctx, r));
}

async function listSecondmentsOf(ctx: Ctx, cadreId: number) {
  const today = todayOf(ctx.now);
  const rows = await repo.listSecondments(ctx.db, ctx.actor.visibleAuthorityIds, { cadreId });
  return rows.map((r) => ({ ...r, directionName: DIRECTIONS[r.direction as Direction] ?? r.direction, current: covers(r, today) }));
}
