// Use cases of the specialty pools (五类干部库), the category lists (四类干部清单) and the chief reserve
// pool (正职人选后备库): requireAccess first, facts through the repository, pure rules, then one
// transaction with the audit row. A cadre, membership or entry outside the actor's scope is a 404.
import type { Db } from '../../db/database.js';
import { todayOf } from '../../domain/dates.js';
import type { Problem } from '../../domain/teams.js';
import { canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { getSetting } from '../settings/settings.service.js';
import * as repo from './pools.repository.js';
import * as youngRepo from '../young/young.repository.js';
import {
  addMonths,
  CATEGORIES,
  distinctCadresIn,
  categoryMoveProblems,
  READINESS,
  reserveEntryProblems,
  reserveOutcomeProblems,
  reviewState,
  RESERVE_STATUS,
  type Category,
} from './pools.rules.js';

const LABELS: Record<string, string> = {
  name: '名称',
  sortOrder: '排序号',
  poolId: '干部库',
  cadreId: '干部',
  reason: '理由',
  addedOn: '入库日期',
  removedOn: '出库日期',
  category: '清单类别',
  date: '日期',
  reviewDue: '复核日期',
  note: '备注',
  readiness: '成熟度',
  postIds: '拟任职位',
  postId: '任用职位',
  enteredOn: '入库日期',
  outcome: '结果',
};

const MOVE_LABELS = { ...LABELS, reason: '调整理由', date: '调整日期' };
const REVIEW_LABELS = { ...LABELS, note: '复核意见', date: '复核日期', reviewDue: '下次复核日期' };

/** Throw a rule's problems: a conflict as 409, bad input as 400, each naming its field in Chinese. */
export function raise(problems: readonly Problem[], labels: Record<string, string> = LABELS): void {
  if (problems.length === 0) return;
  const issues = problems.map((p) => ({ field: p.field, label: labels[p.field] ?? p.field, message: p.message }));
  const conflict = problems.find((p) => p.kind === 'conflict');
  if (conflict) throw new AppError('CONFLICT', conflict.message, issues);
  throw validationError(issues);
}

export async function visibleCadre(ctx: Ctx, db: Db, id: number) {
  const c = await repo.findVisibleCadre(db, id, ctx.actor.visibleAuthorityIds);
  if (!c) throw notFound('该干部');
  return c;
}

/** The path of a unit the actor may see, for subtree filters; 404 otherwise. */
export async function visibleUnitPath(ctx: Ctx, unitId: number | undefined): Promise<string | undefined> {
  if (!unitId) return undefined;
  const u = await repo.findUnit(ctx.db, unitId);
  if (!u || !canSeeAuthority(ctx.actor, u.authorityId)) throw notFound('该单位');
  return u.path;
}

const audit = (ctx: Ctx, db: Db, input: Omit<Parameters<typeof buildAuditRow>[0], 'actor' | 'at'>) =>
  insertAudit(db, buildAuditRow({ ...input, actor: ctx.actor, at: ctx.now }));

// ---- the set of specialty pools ----

/** The pools and (for readers of cadre data) how many current members each has within scope. */
export async function listPools(ctx: Ctx, unitId?: number) {
  const pools = await repo.listPools(ctx.db);
  if (!ctx.actor.permissions.has('pool:read')) return pools.map((p) => ({ ...p, members: null }));
  const counts = await repo.currentCounts(ctx.db, ctx.actor.visibleAuthorityIds, await visibleUnitPath(ctx, unitId));
  return pools.map((p) => ({ ...p, members: counts.get(p.id) ?? 0 }));
}

async function uniqueName(db: Db, name: string, exceptId?: number) {
  const other = await repo.poolByName(db, name);
  if (other && other.id !== exceptId)
    throw new AppError('CONFLICT', `已有名为“${name}”的干部库`, [{ field: 'name', label: '名称', message: '已存在' }]);
}

export async function createPool(ctx: Ctx, input: { name: string; sortOrder?: number }) {
  requireAccess(ctx.actor, 'pool:manage');
  return ctx.db.transaction().execute(async (trx) => {
    await uniqueName(trx, input.name);
    const row = { name: input.name, sortOrder: input.sortOrder ?? 0 };
    const id = await repo.insertPool(trx, row);
    await audit(ctx, trx, { event: 'pool.create', target: { type: 'specialty_pool', id }, detail: row });
    return id;
  });
}

export async function updatePool(ctx: Ctx, id: number, input: { name?: string; sortOrder?: number; version: number }) {
  requireAccess(ctx.actor, 'pool:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findPool(trx, id);
    if (!before) throw notFound('该干部库');
    if (input.name !== undefined) await uniqueName(trx, input.name, id);
    const { version, ...changes } = input;
    if (!(await repo.updatePool(trx, id, version, changes))) throw new AppError('STALE_VERSION');
    await audit(ctx, trx, { event: 'pool.update', target: { type: 'specialty_pool', id }, changes: diffFields(before, changes) });
  });
}

/** A pool with any membership, current or past, stays: its history would lose its name. */
export async function deletePool(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'pool:manage');
  await ctx.db.transaction().execute(async (trx) => {
    const pool = await repo.findPool(trx, id);
    if (!pool) throw notFound('该干部库');
    const use = await repo.poolUse(trx, id);
    if (use.total > 0)
      throw new AppError('CONFLICT', `“${pool.name}”库已有入库记录（现有 ${use.current} 人，累计 ${use.total} 人次），不能删除；可改名或调整排序`);
    await repo.deletePool(trx, id);
    await audit(ctx, trx, { event: 'pool.delete', target: { type: 'specialty_pool', id }, detail: { name: pool.name } });
  });
}

// ---- memberships ----

export async function poolMembers(ctx: Ctx, poolId: number, includeRemoved: boolean) {
  requireAccess(ctx.actor, 'pool:read');
  const pool = await repo.findPool(ctx.db, poolId);
  if (!pool) throw notFound('该干部库');
  return { pool, members: await repo.listMembers(ctx.db, poolId, ctx.actor.visibleAuthorityIds, includeRemoved) };
}

export async function addMember(ctx: Ctx, input: { poolId: number; cadreId: number; reason: string; addedOn?: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const addedOn = input.addedOn ?? today;
  return ctx.db.transaction().execute(async (trx) => {
    const pool = await repo.findPool(trx, input.poolId);
    if (!pool) throw notFound('该干部库');
    const cadre = await visibleCadre(ctx, trx, input.cadreId);
    const problems: Problem[] = [];
    if (!input.reason.trim()) problems.push({ field: 'reason', message: '入库必须填写理由', kind: 'validation' });
    if (addedOn > today) problems.push({ field: 'addedOn', message: '不能晚于今天', kind: 'validation' });
    if (await repo.currentMembership(trx, pool.id, cadre.id))
      problems.push({ field: 'cadreId', message: `${cadre.name}已在“${pool.name}”库中`, kind: 'conflict' });
    raise(problems);
    const id = await repo.insertMembership(trx, {
      poolId: pool.id,
      cadreId: cadre.id,
      reason: input.reason.trim(),
      addedOn,
      addedBy: ctx.actor.username,
      createdAt: ctx.now.toISOString(),
    });
    await audit(ctx, trx, {
      event: 'pool.member_add',
      target: { type: 'cadre', id: cadre.id },
      detail: { pool: pool.name, reason: input.reason.trim(), addedOn },
    });
    return id;
  });
}

export async function removeMember(ctx: Ctx, id: number, input: { reason: string; removedOn?: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const removedOn = input.removedOn ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    const m = await repo.findMembership(trx, id, ctx.actor.visibleAuthorityIds);
    if (!m) throw notFound('该入库记录');
    const problems: Problem[] = [];
    if (m.removedOn) problems.push({ field: 'removedOn', message: `该干部已于 ${m.removedOn} 出库`, kind: 'conflict' });
    if (!input.reason.trim()) problems.push({ field: 'reason', message: '出库必须填写理由', kind: 'validation' });
    if (removedOn > today) problems.push({ field: 'removedOn', message: '不能晚于今天', kind: 'validation' });
    if (removedOn < m.addedOn) problems.push({ field: 'removedOn', message: `不能早于入库日期 ${m.addedOn}`, kind: 'validation' });
    raise(problems);
    if (!(await repo.closeMembership(trx, id, { removedOn, removedBy: ctx.actor.username, removalReason: input.reason.trim() })))
      throw new AppError('STALE_VERSION');
    await audit(ctx, trx, {
      event: 'pool.member_remove',
      target: { type: 'cadre', id: m.cadreId },
      detail: { poolId: m.poolId, reason: input.reason.trim(), removedOn },
    });
  });
}

// ---- category lists ----

async function reviewSettings(db: Db, now: Date) {
  const [months, noticeDays] = await Promise.all([getSetting(db, 'pools.categoryReviewMonths', now), getSetting(db, 'pools.reviewNoticeDays', now)]);
  return { months, noticeDays };
}

const categoryView = <T extends { category: string; reviewDue: string; endDate: string | null }>(e: T, today: string, noticeDays: number) => ({
  ...e,
  categoryName: CATEGORIES[e.category as Category] ?? e.category,
  reviewState: e.endDate ? null : reviewState(e.reviewDue, today, noticeDays),
});

export async function listCategory(ctx: Ctx, f: { category?: Category; unitId?: number }) {
  requireAccess(ctx.actor, 'pool:read');
  const today = todayOf(ctx.now);
  const { noticeDays } = await reviewSettings(ctx.db, ctx.now);
  const [rows, counts] = await Promise.all([
    repo.listCurrentCategories(ctx.db, ctx.actor.visibleAuthorityIds, { category: f.category, unitPath: await visibleUnitPath(ctx, f.unitId) }),
    repo.categoryCounts(ctx.db, ctx.actor.visibleAuthorityIds),
  ]);
  return {
    counts: Object.entries(CATEGORIES).map(([code, name]) => ({ category: code, name, count: counts.get(code) ?? 0 })),
    entries: rows.map((e) => categoryView(e, today, noticeDays)),
  };
}

/** Reviews overdue or due within the notice days (the reminder on the home and list pages). */
export async function dueReviews(ctx: Ctx) {
  requireAccess(ctx.actor, 'pool:read');
  const today = todayOf(ctx.now);
  const { noticeDays } = await reviewSettings(ctx.db, ctx.now);
  const dueBy = addDays(today, noticeDays);
  const rows = await repo.listCurrentCategories(ctx.db, ctx.actor.visibleAuthorityIds, { dueBy });
  const entries = rows.map((e) => categoryView(e, today, noticeDays));
  return {
    today,
    noticeDays,
    overdue: entries.filter((e) => e.reviewState === 'overdue').length,
    dueSoon: entries.filter((e) => e.reviewState === 'due_soon').length,
    entries,
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function moveCategory(
  ctx: Ctx,
  cadreId: number,
  input: { category: Category | null; reason: string; date?: string; reviewDue?: string | null },
) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const date = input.date ?? today;
  const { months } = await reviewSettings(ctx.db, ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const cadre = await visibleCadre(ctx, trx, cadreId);
    const current = await repo.currentCategory(trx, cadre.id);
    raise(categoryMoveProblems({ category: input.category, reason: input.reason, date, reviewDue: input.reviewDue }, current, today), MOVE_LABELS);
    if (current && !(await repo.closeCategory(trx, current.id, date))) throw new AppError('STALE_VERSION');
    let id: number | null = null;
    const reviewDue = input.reviewDue ?? addMonths(date, months);
    if (input.category) {
      id = await repo.insertCategory(trx, {
        cadreId: cadre.id,
        category: input.category,
        reason: input.reason.trim(),
        startDate: date,
        reviewDue,
        decidedBy: ctx.actor.username,
        createdAt: ctx.now.toISOString(),
      });
    }
    await audit(ctx, trx, {
      event: 'category.move',
      target: { type: 'cadre', id: cadre.id },
      detail: { reason: input.reason.trim(), date },
      changes: [{ field: 'category', old: current?.category ?? null, new: input.category }],
    });
    return { id, reviewDue: input.category ? reviewDue : null };
  });
}

/** A review that keeps the cadre on the list: note it, and the next review falls an interval later. */
export async function reviewCategory(ctx: Ctx, entryId: number, input: { note: string; date?: string; nextDue?: string }) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const date = input.date ?? today;
  const { months } = await reviewSettings(ctx.db, ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    const e = await repo.findCategoryEntry(trx, entryId, ctx.actor.visibleAuthorityIds);
    if (!e) throw notFound('该清单记录');
    const nextDue = input.nextDue ?? addMonths(date, months);
    const problems: Problem[] = [];
    if (e.endDate) problems.push({ field: 'category', message: '该记录已结束，不能复核', kind: 'conflict' });
    if (!input.note.trim()) problems.push({ field: 'note', message: '复核必须填写意见', kind: 'validation' });
    if (date > today) problems.push({ field: 'date', message: '不能晚于今天', kind: 'validation' });
    if (date < e.startDate) problems.push({ field: 'date', message: `不能早于列入清单的日期 ${e.startDate}`, kind: 'validation' });
    if (nextDue <= date) problems.push({ field: 'reviewDue', message: '须晚于复核日期', kind: 'validation' });
    raise(problems, REVIEW_LABELS);
    await repo.recordReview(trx, e.id, { lastReviewedOn: date, reviewNote: input.note.trim(), reviewDue: nextDue });
    await audit(ctx, trx, {
      event: 'category.review',
      target: { type: 'cadre', id: e.cadreId },
      detail: { note: input.note.trim(), date },
      changes: [{ field: 'reviewDue', old: e.reviewDue, new: nextDue }],
    });
  });
}

// ---- chief reserve pool ----

async function withPosts<T extends { id: number }>(db: Db, rows: T[]) {
  const posts = await repo.reservePosts(db, rows.map((r) => r.id)); // prettier-ignore
  return rows.map((r) => ({
    ...r,
    posts: posts.filter((p) => p.reserveId === r.id).map(({ reserveId: _r, authorityId: _a, ...p }) => ({ ...p, isChief: p.isChief === 1 })),
  }));
}

const reserveView = <T extends { readiness: string; status: string }>(r: T) => ({
  ...r,
  readinessName: READINESS[r.readiness as keyof typeof READINESS] ?? r.readiness,
  statusName: RESERVE_STATUS[r.status as keyof typeof RESERVE_STATUS] ?? r.status,
});

export async function listReserve(ctx: Ctx, f: { status?: string }) {
  requireAccess(ctx.actor, 'pool:read');
  const rows = await repo.listReserve(ctx.db, ctx.actor.visibleAuthorityIds, f);
  const out = await withPosts(ctx.db, rows);
  // A candidate appointed to one of the considered posts since entry, not yet marked 'used': say so.
  return Promise.all(
    out.map(async (r) => {
      const hit = r.status === 'active' ? await repo.appointedTo(ctx.db, r.cadreId, r.posts.map((p) => p.postId), r.enteredOn) : undefined; // prettier-ignore
      return { ...reserveView(r), appointedTo: hit ?? null };
    }),
  );
}

export async function chiefPosts(ctx: Ctx, q: string) {
  requireAccess(ctx.actor, 'pool:read');
  return repo.chiefPosts(ctx.db, ctx.actor.visibleAuthorityIds, q);
}

async function checkPosts(ctx: Ctx, db: Db, postIds: readonly number[]) {
  const posts = await repo.postsByIds(db, postIds);
  const seen = new Set(posts.filter((p) => canSeeAuthority(ctx.actor, p.authorityId)).map((p) => p.id));
  if (postIds.some((id) => !seen.has(id))) throw notFound('所选职位');
  const notChief = posts.filter((p) => p.isChief !== 1);
  if (notChief.length)
    throw validationError([{ field: 'postIds', label: LABELS.postIds, message: `“${notChief[0].unitName}${notChief[0].title}”不是正职职位` }]);
}

export async function addReserve(
  ctx: Ctx,
  input: { cadreId: number; readiness: keyof typeof READINESS; postIds: number[]; enteredOn?: string; note?: string },
) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const enteredOn = input.enteredOn ?? today;
  const postIds = [...new Set(input.postIds)];
  return ctx.db.transaction().execute(async (trx) => {
    const cadre = await visibleCadre(ctx, trx, input.cadreId);
    raise(reserveEntryProblems({ postIds, enteredOn }, today));
    await checkPosts(ctx, trx, postIds);
    if (await repo.activeReserveOf(trx, cadre.id)) raise([{ field: 'cadreId', message: `${cadre.name}已在正职人选后备库中`, kind: 'conflict' }]);
    const id = await repo.insertReserve(
      trx,
      {
        cadreId: cadre.id,
        readiness: input.readiness,
        enteredOn,
        note: input.note?.trim() ?? '',
        status: 'active',
        createdBy: ctx.actor.username,
        createdAt: ctx.now.toISOString(),
      },
      postIds,
    );
    await audit(ctx, trx, {
      event: 'reserve.create',
      target: { type: 'cadre', id: cadre.id },
      detail: { readiness: input.readiness, postIds, enteredOn },
    });
    return id;
  });
}

export async function updateReserve(
  ctx: Ctx,
  id: number,
  input: { readiness?: keyof typeof READINESS; postIds?: number[]; note?: string; version: number },
) {
  requireAccess(ctx.actor, 'pool:write');
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.findReserve(trx, id, ctx.actor.visibleAuthorityIds);
    if (!r) throw notFound('该后备人选');
    if (r.status !== 'active') raise([{ field: 'outcome', message: `该人选已${RESERVE_STATUS[r.status as 'used']}，不能修改`, kind: 'conflict' }]);
    const postIds = input.postIds ? [...new Set(input.postIds)] : undefined;
    if (postIds) {
      raise(reserveEntryProblems({ postIds, enteredOn: r.enteredOn }, todayOf(ctx.now)));
      await checkPosts(ctx, trx, postIds);
    }
    const changes = { readiness: input.readiness, note: input.note?.trim() };
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (!(await repo.updateReserve(trx, id, input.version, set, postIds))) throw new AppError('STALE_VERSION');
    await audit(ctx, trx, {
      event: 'reserve.update',
      target: { type: 'cadre', id: r.cadreId },
      detail: { reserveId: id, ...(postIds && { postIds }) },
      changes: diffFields(r, set),
    });
  });
}

export async function reserveOutcome(
  ctx: Ctx,
  id: number,
  input: { outcome: 'used' | 'withdrawn'; date?: string; postId?: number; reason?: string; version: number },
) {
  requireAccess(ctx.actor, 'pool:write');
  const today = todayOf(ctx.now);
  const date = input.date ?? today;
  await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.findReserve(trx, id, ctx.actor.visibleAuthorityIds);
    if (!r) throw notFound('该后备人选');
    const posts = await repo.reservePosts(trx, [id]);
    raise(reserveOutcomeProblems({ ...input, date }, { status: r.status, enteredOn: r.enteredOn, postIds: posts.map((p) => p.postId) }, today));
    const ok = await repo.updateReserve(trx, id, input.version, {
      status: input.outcome,
      outcomeOn: date,
      outcomePostId: input.outcome === 'used' ? (input.postId ?? null) : null,
      outcomeReason: input.reason?.trim() || null,
    });
    if (!ok) throw new AppError('STALE_VERSION');
    await audit(ctx, trx, {
      event: 'reserve.outcome',
      target: { type: 'cadre', id: r.cadreId },
      detail: { reserveId: id, outcome: input.outcome, date, postId: input.postId ?? null, reason: input.reason ?? null },
    });
  });
}

// ---- one cadre's status (the profile panel) ----

export async function cadrePoolStatus(ctx: Ctx, cadreId: number) {
  requireAccess(ctx.actor, 'pool:read');
  const cadre = await visibleCadre(ctx, ctx.db, cadreId);
  const today = todayOf(ctx.now);
  const { noticeDays } = await reviewSettings(ctx.db, ctx.now);
  const [memberships, categories, reserve] = await Promise.all([
    repo.membershipsOfCadre(ctx.db, cadre.id),
    repo.categoryHistory(ctx.db, cadre.id),
    repo.listReserve(ctx.db, ctx.actor.visibleAuthorityIds, { cadreId: cadre.id }),
  ]);
  return {
    cadreId: cadre.id,
    memberships,
    categories: categories.map((e) => categoryView(e, today, noticeDays)),
    reserve: (await withPosts(ctx.db, reserve)).map(reserveView),
  };
}

// ---- the report's figures (report part 二) ----

export const POOL_FIGURES = {
  pool_entries: '累计入库（五类干部库）',
  promising: '重点掌握好苗子',
  two_way_secondments: '双向互派挂（任）职年轻干部',
} as const;

/**
 * The report's figures for a period and a unit subtree, each with the names behind it. Every figure
 * counts people, once each: 累计入库 by the day a cadre entered a pool, 好苗子 by the day marked,
 * 双向互派 by the day a secondment started (in the home unit's subtree). No `from` = since records began.
 */
export async function poolFigures(ctx: Ctx, q: { from?: string; to?: string; unitId?: number }) {
  requireAccess(ctx.actor, 'pool:read');
  const period = { from: q.from ?? null, to: q.to ?? todayOf(ctx.now) };
  if (period.from && period.from > period.to) throw validationError([{ field: 'to', label: '截止日期', message: `不能早于起始日期 ${period.from}` }]);
  const unitPath = await visibleUnitPath(ctx, q.unitId);
  const auth = ctx.actor.visibleAuthorityIds;
  const [entries, promising, secondments] = await Promise.all([
    repo.poolEntryDates(ctx.db, auth, unitPath, period.to),
    youngRepo.promisingDates(ctx.db, auth, unitPath),
    youngRepo.secondmentDates(ctx.db, auth, unitPath),
  ]);
  const sets: [keyof typeof POOL_FIGURES, number[]][] = [
    ['pool_entries', distinctCadresIn(entries, period)],
    ['promising', distinctCadresIn(promising, period)],
    ['two_way_secondments', distinctCadresIn(secondments, period)],
  ];
  const figures = [];
  for (const [key, ids] of sets) {
    figures.push({ key, label: POOL_FIGURES[key], value: ids.length, cadreIds: ids, cadres: await repo.cadreNames(ctx.db, ids) });
  }
  return { from: period.from, to: period.to, unitId: q.unitId ?? null, figures };
}
