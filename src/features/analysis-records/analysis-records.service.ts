// 研判 records and 大调研 notes. An analysis snapshots the automatic team analysis of every team in its
// scope on its date (analysis.service analyzeStoredTeams), so it reads the same later whatever changes.
// Data scope: a record belongs to the department that made it and is seen by it and those above it;
// its teams must all be in the actor's 干部管理权限.
import { can, canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError, type FieldIssue } from '../../server/errors.js';
import { todayOf } from '../../domain/dates.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { analyzeStoredTeams } from '../analysis/analysis.service.js';
import { markPromisingIn, promisingFromRecords } from '../young/young.service.js';
import type { Finding } from '../../domain/team-rules.js';
import * as repo from './analysis-records.repository.js';
import {
  ANALYSIS_KINDS,
  FOLLOW_UP_STATUSES,
  RATING_DIMENSIONS,
  RECOMMENDATION_KINDS,
  SURVEY_SUBJECTS,
  analysisDateProblems,
  followUpProblems,
  shortfallProblems,
  surveyProblems,
  type AnalysisKind,
  type FollowUpStatus,
  type Problem,
  type Recommendation,
  type Shortfall,
  type SurveySubject,
} from './analysis-records.rules.js';

const LABELS: Record<string, string> = {
  kind: '研判类别',
  title: '标题',
  asOf: '研判日期',
  scope: '研判范围',
  'scope.unitIds': '研判范围（单位）',
  'scope.teamIds': '研判范围（班子）',
  'scope.postId': '研判范围（职位）',
  participants: '参加人员',
  judgement: '研判意见',
  shortfalls: '短板弱项',
  suggestions: '意见建议',
  date: '日期',
  note: '跟进情况',
  status: '状态',
  teamId: '班子',
  cadreId: '干部',
  subject: '调研对象',
  surveyors: '调研人员',
  assessment: '调研评价',
  ratings: '评价',
  recommendations: '建议',
};
const labelOf = (field: string) => {
  if (LABELS[field]) return LABELS[field];
  const m = /^(shortfalls|recommendations)\.(\d+)\.(\w+)$/.exec(field);
  if (m) return `${LABELS[m[1]]}第${Number(m[2]) + 1}条`;
  const r = /^ratings\.(\w+)$/.exec(field);
  if (r) return `评价 ${r[1]}`;
  return field;
};
const issue = (field: string, message: string): FieldIssue => ({ field, label: labelOf(field), message });
const raise = (problems: readonly Problem[]) => {
  if (problems.length) throw validationError(problems.map((p) => issue(p.field, p.message)));
};

// ---- analyses ----

export interface AnalysisScope {
  /** every team of the actor's 干部管理权限 */
  all?: boolean;
  /** the teams of these units and their subtrees */
  unitIds?: number[];
  teamIds?: number[];
  /** a key post (专项研判): its team */
  postId?: number;
}

export interface AnalysisInput {
  kind: AnalysisKind;
  title?: string;
  asOf: string;
  scope: AnalysisScope;
  participants: string[];
  judgement?: string;
  shortfalls?: Shortfall[];
  suggestions?: string;
}

interface ScopedTeam {
  id: number;
  name: string;
  unitName: string;
  postId?: number;
  postTitle?: string;
}

/** The teams an analysis covers, each visible to the actor, with a label in words. */
async function resolveScope(ctx: Ctx, scope: AnalysisScope): Promise<{ teams: ScopedTeam[]; label: string }> {
  const given = [scope.all === true, scope.unitIds !== undefined, scope.teamIds !== undefined, scope.postId !== undefined].filter(Boolean).length;
  if (given !== 1) throw validationError([issue('scope', '请选择研判范围：全部班子、单位、班子或职位，只选其一')]);
  const visible = ctx.actor.visibleAuthorityIds;
  let teams: ScopedTeam[];
  let label: string;
  if (scope.postId !== undefined) {
    const post = await repo.findPost(ctx.db, scope.postId);
    if (!post || !canSeeAuthority(ctx.actor, post.authorityId))
      throw validationError([issue('scope.postId', '未找到该职位，或不在本部门的干部管理权限内')]);
    const [team] = await repo.teamsInScope(ctx.db, visible, { teamIds: [post.teamId] });
    teams = [{ id: team.id, name: team.name, unitName: team.unitName, postId: post.id, postTitle: post.title }];
    label = `职位：${team.unitName} ${post.title}`;
  } else if (scope.unitIds !== undefined) {
    const ids = [...new Set(scope.unitIds)];
    const units = await repo.unitsByIds(ctx.db, ids);
    const missing = ids.find((id) => !units.some((u) => u.id === id && canSeeAuthority(ctx.actor, u.authorityId)));
    if (missing !== undefined) throw validationError([issue('scope.unitIds', `未找到编号为 ${missing} 的单位，或不在本部门的干部管理权限内`)]);
    teams = await repo.teamsInScope(ctx.db, visible, { unitPaths: units.map((u) => u.path) });
    label = `${units.map((u) => u.name).join('、')}（含下级单位）`;
  } else if (scope.teamIds !== undefined) {
    const ids = [...new Set(scope.teamIds)];
    teams = await repo.teamsInScope(ctx.db, visible, { teamIds: ids });
    const missing = ids.find((id) => !teams.some((t) => t.id === id));
    if (missing !== undefined) throw validationError([issue('scope.teamIds', `未找到编号为 ${missing} 的班子，或不在本部门的干部管理权限内`)]);
    label = teams.length <= 3 ? teams.map((t) => `${t.unitName}${t.name === t.unitName ? '' : ` ${t.name}`}`).join('、') : '选定的班子';
  } else {
    teams = await repo.teamsInScope(ctx.db, visible, {});
    label = '管理范围内全部班子';
  }
  if (teams.length === 0) throw validationError([issue('scope', '研判范围内没有任何班子，请重新选择')]);
  return { teams, label: `${label}（${teams.length}个班子）` };
}

/** Every team's analysis at once: the facts of all teams load in a fixed number of queries. */
async function analyzeAll(ctx: Ctx, teams: readonly ScopedTeam[], asOf: string) {
  const out = await analyzeStoredTeams(
    ctx,
    teams.map((t) => t.id),
    asOf,
  );
  if (out.length !== teams.length) throw notFound('该班子');
  return out;
}

export async function createAnalysis(ctx: Ctx, input: AnalysisInput): Promise<number> {
  requireAccess(ctx.actor, 'analysis:write');
  raise(analysisDateProblems(input.asOf, todayOf(ctx.now)));
  const { teams, label } = await resolveScope(ctx, input.scope);
  const shortfalls = input.shortfalls ?? [];
  raise(shortfallProblems(shortfalls, new Set(teams.map((t) => t.id))));
  const analyses = await analyzeAll(ctx, teams, input.asOf);
  const at = ctx.now.toISOString();
  const title = input.title?.trim() || `${input.asOf.slice(0, 4)}年${ANALYSIS_KINDS[input.kind]}`;
  const row = {
    kind: input.kind,
    title,
    asOf: input.asOf,
    authorityId: ctx.actor.authorityId,
    scopeLabel: label,
    participants: JSON.stringify(input.participants),
    judgement: input.judgement ?? '',
    shortfalls: JSON.stringify(shortfalls),
    suggestions: input.suggestions ?? '',
    status: 'pending',
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.displayName,
    createdAt: at,
    updatedAt: at,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertRecord(trx, row);
    await repo.insertItems(
      trx,
      teams.map((t, seq) => {
        const a = analyses[seq];
        return {
          recordId: id,
          seq,
          teamId: t.id,
          postId: t.postId ?? null,
          teamName: a.teamName,
          unitName: a.unitName,
          postTitle: t.postTitle ?? null,
          findingCount: a.findings.length,
          snapshot: JSON.stringify({ team: a.team, members: a.members, findings: a.findings }),
        };
      }),
    );
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'analysis.create',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'analysis', id },
        detail: {
          kind: row.kind,
          title,
          asOf: row.asOf,
          scope: label,
          teams: teams.length,
          findings: analyses.reduce((s, a) => s + a.findings.length, 0),
        },
      }),
    );
    return id;
  });
}

export interface AnalysisListQuery {
  kind?: string;
  status?: string;
  year?: number;
  teamId?: number;
  page: number;
  pageSize: number;
}

export async function listAnalyses(ctx: Ctx, q: AnalysisListQuery) {
  requireAccess(ctx.actor, 'unit:read');
  const { items, total } = await repo.listRecords(ctx.db, {
    authorityIds: ctx.actor.visibleAuthorityIds,
    kind: q.kind,
    status: q.status,
    year: q.year,
    teamId: q.teamId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    items: items.map((i) => ({
      ...i,
      kindName: ANALYSIS_KINDS[i.kind as AnalysisKind] ?? i.kind,
      statusName: FOLLOW_UP_STATUSES[i.status as FollowUpStatus] ?? i.status,
    })),
  };
}

async function visibleRecord(ctx: Ctx, id: number) {
  const rec = await repo.findRecord(ctx.db, id, ctx.actor.visibleAuthorityIds);
  if (!rec) throw notFound('该研判');
  return rec;
}

export async function getAnalysis(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'unit:read');
  const rec = await visibleRecord(ctx, id);
  const [items, followUps, marks] = await Promise.all([
    repo.itemsOf(ctx.db, id),
    repo.followUpsOf(ctx.db, id),
    promisingFromRecords(ctx, { analysisId: id }),
  ]);
  return {
    id: rec.id,
    kind: rec.kind,
    kindName: ANALYSIS_KINDS[rec.kind as AnalysisKind] ?? rec.kind,
    title: rec.title,
    asOf: rec.asOf,
    authorityId: rec.authorityId,
    authorityName: rec.authorityName,
    scopeLabel: rec.scopeLabel,
    participants: JSON.parse(rec.participants) as string[],
    judgement: rec.judgement,
    shortfalls: JSON.parse(rec.shortfalls) as Shortfall[],
    suggestions: rec.suggestions,
    status: rec.status,
    statusName: FOLLOW_UP_STATUSES[rec.status as FollowUpStatus] ?? rec.status,
    createdByName: rec.createdByName,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    version: rec.version,
    items: items.map((i) => ({
      id: i.id,
      teamId: i.teamId,
      postId: i.postId,
      teamName: i.teamName,
      unitName: i.unitName,
      postTitle: i.postTitle,
      findingCount: i.findingCount,
      ...(JSON.parse(i.snapshot) as { team: unknown; members: unknown[]; findings: Finding[] }),
    })),
    followUps: followUps.map((f) => ({ ...f, statusName: FOLLOW_UP_STATUSES[f.status as FollowUpStatus] ?? f.status })),
    promising: marks.map((m) => ({ id: m.id, cadreId: m.cadreId, name: m.name, markedOn: m.markedOn, withdrawnOn: m.withdrawnOn })),
  };
}

export interface AnalysisPatch {
  version: number;
  title?: string;
  participants?: string[];
  judgement?: string;
  shortfalls?: Shortfall[];
  suggestions?: string;
}

export async function updateAnalysis(ctx: Ctx, id: number, input: AnalysisPatch) {
  requireAccess(ctx.actor, 'analysis:write');
  const rec = await visibleRecord(ctx, id);
  // A closed analysis is the department's record of what it concluded: it stays as it was.
  if (rec.status === 'done') throw new AppError('CONFLICT', '该研判已完成跟进，不能再修改');
  if (input.shortfalls) raise(shortfallProblems(input.shortfalls, new Set(await repo.teamIdsOf(ctx.db, id))));
  const { version, participants, shortfalls, ...rest } = input;
  const patch = {
    ...rest,
    ...(rest.title !== undefined && { title: rest.title.trim() || rec.title }),
    ...(participants && { participants: JSON.stringify(participants) }),
    ...(shortfalls && { shortfalls: JSON.stringify(shortfalls) }),
  };
  const changes = diffFields(rec, patch);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRecord(trx, id, version, { ...patch, updatedAt: ctx.now.toISOString() }))) throw new AppError('STALE_VERSION');
    await insertAudit(trx, buildAuditRow({ event: 'analysis.update', actor: ctx.actor, at: ctx.now, target: { type: 'analysis', id }, changes }));
  });
}

export async function addFollowUp(ctx: Ctx, id: number, input: { date: string; note: string; status: FollowUpStatus; version: number }) {
  requireAccess(ctx.actor, 'analysis:write');
  const rec = await visibleRecord(ctx, id);
  const problems = followUpProblems(rec, input, todayOf(ctx.now));
  if (rec.status === 'done') throw new AppError('CONFLICT', problems[0].message);
  raise(problems);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRecord(trx, id, input.version, { status: input.status, updatedAt: ctx.now.toISOString() })))
      throw new AppError('STALE_VERSION');
    const followUpId = await repo.insertFollowUp(trx, {
      recordId: id,
      date: input.date,
      note: input.note,
      status: input.status,
      createdByName: ctx.actor.displayName,
      createdAt: ctx.now.toISOString(),
    });
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'analysis.follow_up',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'analysis', id },
        detail: { date: input.date, note: input.note },
        changes: [{ field: 'status', old: rec.status, new: input.status }],
      }),
    );
    return followUpId;
  });
}

// ---- surveys (大调研) ----

export interface SurveyInput {
  subject: SurveySubject;
  teamId?: number;
  cadreId?: number;
  date: string;
  surveyors: string;
  assessment: string;
  ratings: Record<string, string>;
  recommendations: Recommendation[];
}

export async function createSurvey(ctx: Ctx, input: SurveyInput): Promise<number> {
  requireAccess(ctx.actor, 'analysis:write');
  let authorityId: number;
  if (input.subject === 'team') {
    if (input.teamId === undefined) throw validationError([issue('teamId', '班子调研须选择班子')]);
    const team = await repo.findTeam(ctx.db, input.teamId);
    if (!team || !canSeeAuthority(ctx.actor, team.authorityId))
      throw validationError([issue('teamId', '未找到该班子，或不在本部门的干部管理权限内')]);
    authorityId = team.authorityId;
  } else {
    if (input.cadreId === undefined) throw validationError([issue('cadreId', '干部调研须选择干部')]);
    const cadre = await repo.findCadre(ctx.db, input.cadreId);
    if (!cadre || !canSeeAuthority(ctx.actor, cadre.authorityId))
      throw validationError([issue('cadreId', '未找到该干部，或不在本部门的干部管理权限内')]);
    authorityId = cadre.authorityId;
  }
  raise(surveyProblems(input, todayOf(ctx.now)));
  const row = {
    subject: input.subject,
    teamId: input.subject === 'team' ? input.teamId! : null,
    cadreId: input.subject === 'cadre' ? input.cadreId! : null,
    authorityId,
    date: input.date,
    surveyors: input.surveyors,
    assessment: input.assessment,
    ratings: JSON.stringify(input.ratings),
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.displayName,
    createdAt: ctx.now.toISOString(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertSurvey(trx, row);
    await repo.insertRecommendations(
      trx,
      input.recommendations.map((r) => ({ surveyId: id, kind: r.kind, detail: r.detail.trim() })),
    );
    // A 好苗子 recommendation marks the cadre (young cadres, 好苗子) with this survey as its source, for
    // those who keep the young-cadre lists; a cadre already marked keeps the mark (a hand-made one is linked).
    const seedling = input.recommendations.find((r) => r.kind === 'seedling');
    if (seedling && row.cadreId !== null && can(ctx.actor, 'pool:write'))
      await markPromisingIn(
        ctx,
        trx,
        { cadreId: row.cadreId, source: 'survey', markedOn: row.date, note: seedling.detail.trim(), sourceSurveyId: id },
        'keep',
      );
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'survey.create',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'survey', id },
        detail: { ...row, ratings: input.ratings, recommendations: input.recommendations },
      }),
    );
    return id;
  });
}

export interface SurveyListQuery {
  subject?: SurveySubject;
  teamId?: number;
  cadreId?: number;
  recommendation?: string;
  page: number;
  pageSize: number;
}

export async function listSurveys(ctx: Ctx, q: SurveyListQuery) {
  requireAccess(ctx.actor, 'cadre:read');
  const { items, total } = await repo.listSurveys(ctx.db, {
    authorityIds: ctx.actor.visibleAuthorityIds,
    ...q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const [recs, marks] = await Promise.all([
    repo.recommendationsOf(
      ctx.db,
      items.map((i) => i.id),
    ),
    promisingFromRecords(ctx, { surveyIds: items.map((i) => i.id) }),
  ]);
  return {
    total,
    items: items.map((i) => {
      const dims: Record<string, string> = RATING_DIMENSIONS[i.subject as SurveySubject] ?? {};
      const ratings = JSON.parse(i.ratings) as Record<string, string>;
      return {
        ...i,
        subjectName: SURVEY_SUBJECTS[i.subject as SurveySubject] ?? i.subject,
        ratings: Object.entries(ratings).map(([key, grade]) => ({ key, label: dims[key] ?? key, grade })),
        recommendations: recs
          .filter((r) => r.surveyId === i.id)
          .map((r) => ({
            kind: r.kind,
            label: RECOMMENDATION_KINDS[r.kind as keyof typeof RECOMMENDATION_KINDS]?.label ?? r.kind,
            detail: r.detail,
          })),
        promising: marks
          .filter((m) => m.sourceSurveyId === i.id)
          .map((m) => ({ id: m.id, cadreId: m.cadreId, name: m.name, markedOn: m.markedOn, withdrawnOn: m.withdrawnOn })),
      };
    }),
  };
}
