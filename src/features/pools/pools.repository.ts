// The only code that reads and writes the pools, category lists and chief reserve tables. Every read of
// people takes the actor's visible authorities (干部管理权限): out-of-scope cadres are simply not there.
import type { Insertable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { CategoryEntryTable, ChiefReserveTable, PoolMembershipTable } from './pools.table.js';

type Auth = readonly number[];
const likeText = (s: string) => s.replace(/[%_\\]/g, '');

/** Only cadres of the visible authorities, and (when given) whose unit lies in a unit subtree. */
export function scoped<Q>(q: Q, auth: Auth, unitPath?: string): Q {
  // Every caller's query joins `cadres`; the cast lets one helper serve them all.
  let b = (q as unknown as SelectQueryBuilder<Database, 'cadres', object>).where('cadres.authorityId', 'in', auth.length ? auth : [-1]);
  if (unitPath)
    b = b.where('cadres.unitId', 'in', (eb) =>
      eb
        .selectFrom('units')
        .select('units.id')
        .where('units.path', 'like', `${likeText(unitPath)}%`),
    );
  return b as unknown as Q;
}

/** A cadre in scope, with what the pools pages show beside a name. */
export async function findVisibleCadre(db: Db, id: number, auth: Auth) {
  return scoped(
    db
      .selectFrom('cadres')
      .leftJoin('units', 'units.id', 'cadres.unitId')
      .select([
        'cadres.id',
        'cadres.name',
        'cadres.birthDate',
        'cadres.gender',
        'cadres.status',
        'cadres.unitId',
        'cadres.authorityId',
        'cadres.currentPost',
      ])
      .select('units.name as unitName')
      .select('units.tier as unitTier')
      .where('cadres.id', '=', id),
    auth,
  ).executeTakeFirst();
}

export async function findUnitPath(db: Db, unitId: number): Promise<string | undefined> {
  return (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst())?.path;
}

export async function findUnit(db: Db, unitId: number) {
  return db.selectFrom('units').select(['id', 'name', 'tier', 'authorityId', 'path']).where('id', '=', unitId).executeTakeFirst();
}

// ---- specialty pools (the set) ----

export async function listPools(db: Db) {
  return db.selectFrom('specialtyPools').select(['id', 'name', 'sortOrder', 'version']).orderBy('sortOrder').orderBy('id').execute();
}

export async function findPool(db: Db, id: number) {
  return db.selectFrom('specialtyPools').select(['id', 'name', 'sortOrder', 'version']).where('id', '=', id).executeTakeFirst();
}

export async function poolByName(db: Db, name: string) {
  return db.selectFrom('specialtyPools').select('id').where('name', '=', name).executeTakeFirst();
}

export async function insertPool(db: Db, p: { name: string; sortOrder: number }): Promise<number> {
  return (await db.insertInto('specialtyPools').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePool(db: Db, id: number, version: number, p: { name?: string; sortOrder?: number }): Promise<boolean> {
  const r = await db
    .updateTable('specialtyPools')
    .set({ ...p, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deletePool(db: Db, id: number): Promise<void> {
  await db.deleteFrom('specialtyPools').where('id', '=', id).execute();
}

/** Memberships ever recorded in a pool, whoever manages the cadres: a pool with history is in use. */
export async function poolUse(db: Db, poolId: number): Promise<{ total: number; current: number }> {
  const r = await db
    .selectFrom('poolMemberships')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('removedOn').as('removed')])
    .where('poolId', '=', poolId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), current: Number(r.total) - Number(r.removed) };
}

/** Current members per pool within scope. */
export async function currentCounts(db: Db, auth: Auth, unitPath?: string) {
  const rows = await scoped(
    db
      .selectFrom('poolMemberships')
      .innerJoin('cadres', 'cadres.id', 'poolMemberships.cadreId')
      .select('poolMemberships.poolId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('poolMemberships.removedOn', 'is', null)
      .groupBy('poolMemberships.poolId'),
    auth,
    unitPath,
  ).execute();
  return new Map(rows.map((r) => [r.poolId, Number(r.n)]));
}

// ---- memberships ----

const memberColumns = [
  'poolMemberships.id',
  'poolMemberships.poolId',
  'poolMemberships.cadreId',
  'poolMemberships.reason',
  'poolMemberships.addedOn',
  'poolMemberships.addedBy',
  'poolMemberships.removedOn',
  'poolMemberships.removedBy',
  'poolMemberships.removalReason',
] as const;

export async function listMembers(db: Db, poolId: number, auth: Auth, includeRemoved: boolean) {
  let q = db
    .selectFrom('poolMemberships')
    .innerJoin('cadres', 'cadres.id', 'poolMemberships.cadreId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select(memberColumns)
    .select(['cadres.name', 'cadres.currentPost', 'cadres.birthDate', 'cadres.gender', 'units.name as unitName'])
    .where('poolMemberships.poolId', '=', poolId);
  if (!includeRemoved) q = q.where('poolMemberships.removedOn', 'is', null);
  return scoped(q, auth)
    .orderBy('poolMemberships.removedOn', 'desc')
    .orderBy('poolMemberships.addedOn', 'desc')
    .orderBy('poolMemberships.id', 'desc')
    .execute();
}

export async function membershipsOfCadre(db: Db, cadreId: number) {
  return db
    .selectFrom('poolMemberships')
    .innerJoin('specialtyPools', 'specialtyPools.id', 'poolMemberships.poolId')
    .select(memberColumns)
    .select('specialtyPools.name as poolName')
    .where('poolMemberships.cadreId', '=', cadreId)
    .orderBy('poolMemberships.addedOn')
    .orderBy('poolMemberships.id')
    .execute();
}

export async function currentMembership(db: Db, poolId: number, cadreId: number) {
  return db
    .selectFrom('poolMemberships')
    .select(['id', 'addedOn'])
    .where('poolId', '=', poolId)
    .where('cadreId', '=', cadreId)
    .where('removedOn', 'is', null)
    .executeTakeFirst();
}

export async function findMembership(db: Db, id: number, auth: Auth) {
  return scoped(
    db
      .selectFrom('poolMemberships')
      .innerJoin('cadres', 'cadres.id', 'poolMemberships.cadreId')
      .select(memberColumns)
      .where('poolMemberships.id', '=', id),
    auth,
  ).executeTakeFirst();
}

export async function insertMembership(db: Db, row: Insertable<PoolMembershipTable>): Promise<number> {
  return (await db.insertInto('poolMemberships').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function closeMembership(db: Db, id: number, p: { removedOn: string; removedBy: string; removalReason: string }): Promise<boolean> {
  const r = await db.updateTable('poolMemberships').set(p).where('id', '=', id).where('removedOn', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- category lists ----

const categoryColumns = [
  'categoryEntries.id',
  'categoryEntries.cadreId',
  'categoryEntries.category',
  'categoryEntries.reason',
  'categoryEntries.startDate',
  'categoryEntries.endDate',
  'categoryEntries.reviewDue',
  'categoryEntries.lastReviewedOn',
  'categoryEntries.reviewNote',
  'categoryEntries.decidedBy',
] as const;

export async function currentCategory(db: Db, cadreId: number) {
  return db
    .selectFrom('categoryEntries')
    .select(categoryColumns)
    .where('categoryEntries.cadreId', '=', cadreId)
    .where('categoryEntries.endDate', 'is', null)
    .executeTakeFirst();
}

export async function categoryHistory(db: Db, cadreId: number) {
  return db
    .selectFrom('categoryEntries')
    .select(categoryColumns)
    .where('categoryEntries.cadreId', '=', cadreId)
    .orderBy('categoryEntries.startDate', 'desc')
    .orderBy('categoryEntries.id', 'desc')
    .execute();
}

export async function findCategoryEntry(db: Db, id: number, auth: Auth) {
  return scoped(
    db
      .selectFrom('categoryEntries')
      .innerJoin('cadres', 'cadres.id', 'categoryEntries.cadreId')
      .select(categoryColumns)
      .where('categoryEntries.id', '=', id),
    auth,
  ).executeTakeFirst();
}

/** Close the current stay; false when another move closed it first. */
export async function closeCategory(db: Db, id: number, endDate: string): Promise<boolean> {
  const r = await db.updateTable('categoryEntries').set({ endDate }).where('id', '=', id).where('endDate', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertCategory(db: Db, row: Insertable<CategoryEntryTable>): Promise<number> {
  return (await db.insertInto('categoryEntries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function recordReview(db: Db, id: number, p: { lastReviewedOn: string; reviewNote: string; reviewDue: string }): Promise<void> {
  await db.updateTable('categoryEntries').set(p).where('id', '=', id).execute();
}

/** Current list entries in scope: one category, or those whose review falls due on or before a day. */
export async function listCurrentCategories(db: Db, auth: Auth, f: { category?: string; dueBy?: string; unitPath?: string }) {
  let q = db
    .selectFrom('categoryEntries')
    .innerJoin('cadres', 'cadres.id', 'categoryEntries.cadreId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select(categoryColumns)
    .select(['cadres.name', 'cadres.currentPost', 'cadres.birthDate', 'cadres.gender', 'units.name as unitName'])
    .where('categoryEntries.endDate', 'is', null);
  if (f.category) q = q.where('categoryEntries.category', '=', f.category);
  if (f.dueBy) q = q.where('categoryEntries.reviewDue', '<=', f.dueBy);
  // Reviews: the most urgent first; a list: the latest moves first.
  q = f.dueBy
    ? q.orderBy('categoryEntries.reviewDue').orderBy('categoryEntries.id')
    : q.orderBy('categoryEntries.startDate', 'desc').orderBy('categoryEntries.id', 'desc');
  return scoped(q, auth, f.unitPath).limit(2000).execute();
}

export async function categoryCounts(db: Db, auth: Auth) {
  const rows = await scoped(
    db
      .selectFrom('categoryEntries')
      .innerJoin('cadres', 'cadres.id', 'categoryEntries.cadreId')
      .select('categoryEntries.category')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('categoryEntries.endDate', 'is', null)
      .groupBy('categoryEntries.category'),
    auth,
  ).execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

// ---- chief reserve pool ----

const reserveColumns = [
  'chiefReserve.id',
  'chiefReserve.cadreId',
  'chiefReserve.readiness',
  'chiefReserve.enteredOn',
  'chiefReserve.note',
  'chiefReserve.status',
  'chiefReserve.outcomeOn',
  'chiefReserve.outcomePostId',
  'chiefReserve.outcomeReason',
  'chiefReserve.createdBy',
  'chiefReserve.version',
] as const;

export async function listReserve(db: Db, auth: Auth, f: { status?: string; cadreId?: number }) {
  let q = db
    .selectFrom('chiefReserve')
    .innerJoin('cadres', 'cadres.id', 'chiefReserve.cadreId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select(reserveColumns)
    .select(['cadres.name', 'cadres.currentPost', 'cadres.birthDate', 'cadres.gender', 'units.name as unitName']);
  if (f.status) q = q.where('chiefReserve.status', '=', f.status);
  if (f.cadreId) q = q.where('chiefReserve.cadreId', '=', f.cadreId);
  return scoped(q, auth).orderBy('chiefReserve.enteredOn', 'desc').orderBy('chiefReserve.id', 'desc').limit(2000).execute();
}

/** The posts each reserve entry is considered for, with the team's unit. */
export async function reservePosts(db: Db, reserveIds: readonly number[]) {
  if (reserveIds.length === 0) return [];
  return db
    .selectFrom('chiefReservePosts')
    .innerJoin('posts', 'posts.id', 'chiefReservePosts.postId')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['chiefReservePosts.reserveId', 'posts.id as postId', 'posts.title', 'posts.isChief', 'units.name as unitName', 'units.authorityId'])
    .where('chiefReservePosts.reserveId', 'in', reserveIds)
    .orderBy('posts.id')
    .execute();
}

export async function findReserve(db: Db, id: number, auth: Auth) {
  return scoped(
    db.selectFrom('chiefReserve').innerJoin('cadres', 'cadres.id', 'chiefReserve.cadreId').select(reserveColumns).where('chiefReserve.id', '=', id),
    auth,
  ).executeTakeFirst();
}

export async function activeReserveOf(db: Db, cadreId: number) {
  return db.selectFrom('chiefReserve').select('id').where('cadreId', '=', cadreId).where('status', '=', 'active').executeTakeFirst();
}

export async function insertReserve(db: Db, row: Insertable<ChiefReserveTable>, postIds: readonly number[]): Promise<number> {
  const { id } = await db.insertInto('chiefReserve').values(row).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('chiefReservePosts')
    .values(postIds.map((postId) => ({ reserveId: id, postId })))
    .execute();
  return id;
}

export async function updateReserve(
  db: Db,
  id: number,
  version: number,
  p: Partial<Pick<ChiefReserveTable, 'readiness' | 'note' | 'status' | 'outcomeOn' | 'outcomePostId' | 'outcomeReason'>>,
  postIds?: readonly number[],
): Promise<boolean> {
  const r = await db
    .updateTable('chiefReserve')
    .set({ ...p, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (postIds) {
    await db.deleteFrom('chiefReservePosts').where('reserveId', '=', id).execute();
    await db
      .insertInto('chiefReservePosts')
      .values(postIds.map((postId) => ({ reserveId: id, postId })))
      .execute();
  }
  return true;
}

/** Posts with their unit's authority and whether they are chief posts, for checking what a form names. */
export async function postsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['posts.id', 'posts.title', 'posts.isChief', 'units.authorityId', 'units.name as unitName'])
    .where('posts.id', 'in', ids)
    .execute();
}

/** Chief posts of visible units whose title or unit name contains the text, for choosing considered posts. */
export async function chiefPosts(db: Db, auth: Auth, text: string) {
  let q = db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['posts.id', 'posts.title', 'posts.levelCode', 'units.name as unitName'])
    .where('posts.isChief', '=', 1)
    .where('units.authorityId', 'in', auth.length ? auth : [-1]);
  const t = likeText(text.trim());
  if (t) q = q.where((eb) => eb.or([eb('posts.title', 'like', `%${t}%`), eb('units.name', 'like', `%${t}%`)]));
  return q.orderBy('units.path').orderBy('posts.sortOrder').limit(50).execute();
}

/** Whether the cadre holds (or held) an appointment to one of these posts starting on or after a day. */
export async function appointedTo(db: Db, cadreId: number, postIds: readonly number[], since: string) {
  if (postIds.length === 0) return undefined;
  return db
    .selectFrom('appointments')
    .select(['postId', 'startDate'])
    .where('cadreId', '=', cadreId)
    .where('postId', 'in', postIds)
    .where('startDate', '>=', since)
    .orderBy('startDate')
    .executeTakeFirst();
}

// ---- the figures' rows ----

/** Every pool entry (cadre, date added) in scope, for 累计入库. */
export async function poolEntryDates(db: Db, auth: Auth, unitPath?: string, to?: string) {
  let q = db
    .selectFrom('poolMemberships')
    .innerJoin('cadres', 'cadres.id', 'poolMemberships.cadreId')
    .select(['poolMemberships.cadreId', 'poolMemberships.addedOn as date']);
  if (to) q = q.where('poolMemberships.addedOn', '<=', to);
  return scoped(q, auth, unitPath).execute();
}

/** Names and units of cadres, for the lists behind the figures (in the given order). */
export async function cadreNames(db: Db, ids: readonly number[]) {
  const out: { id: number; name: string; unitName: string | null; currentPost: string }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    out.push(
      ...(await db
        .selectFrom('cadres')
        .leftJoin('units', 'units.id', 'cadres.unitId')
        .select(['cadres.id', 'cadres.name', 'units.name as unitName', 'cadres.currentPost'])
        .where('cadres.id', 'in', chunk)
        .execute()),
    );
  }
  const byId = new Map(out.map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
