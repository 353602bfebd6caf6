// Units, teams, posts and appointments in the database. Plain functions taking db or trx first.
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { AppointmentTable, PostTable, TeamTable, UnitTable } from './units.table.js';

/** The tables whose rows carry a version for optimistic locking. */
type Versioned = 'units' | 'teams' | 'posts';

/** Update when the version still matches, bumping it; false when someone changed the row first. */
async function updateVersioned<T extends Versioned>(db: Db, table: T, id: number, version: number, patch: Updateable<Database[T]>) {
  // Kysely cannot type a query over a table chosen by a type parameter; all three have id and version.
  const r = await (db as unknown as Kysely<Record<Versioned, { id: number; version: number }>>)
    .updateTable(table as Versioned)
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- units ----

const unitColumns = [
  'units.id',
  'units.name',
  'units.kind',
  'units.tier',
  'units.authorityId',
  'units.parentId',
  'units.path',
  'units.sortOrder',
  'units.version',
] as const;

export async function listUnits(db: Db, authorityIds: readonly number[]) {
  return db
    .selectFrom('units')
    .select(unitColumns)
    .where('units.authorityId', 'in', authorityIds)
    .orderBy('sortOrder')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findUnit(db: Db, id: number) {
  return db
    .selectFrom('units')
    .innerJoin('authorities', 'authorities.id', 'units.authorityId')
    .select([...unitColumns, 'authorities.name as authorityName'])
    .where('units.id', '=', id)
    .executeTakeFirst();
}

export async function unitsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(unitColumns).where('id', 'in', ids).execute();
}

export async function childUnits(db: Db, parentId: number, authorityIds: readonly number[]) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'tier', 'authorityId'])
    .where('parentId', '=', parentId)
    .where('authorityId', 'in', authorityIds)
    .orderBy('sortOrder')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Is the name taken by another unit under the same parent (or among the roots)? */
export async function unitNameTaken(db: Db, parentId: number | null, name: string, exceptId?: number) {
  let q = db.selectFrom('units').select('id').where('name', '=', name);
  q = parentId === null ? q.where('parentId', 'is', null) : q.where('parentId', '=', parentId);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertUnit(db: Db, row: Omit<Insertable<UnitTable>, 'path'>, parentPath: string) {
  // The path holds the unit's own id, known only after the insert.
  const { id } = await db
    .insertInto('units')
    .values({ ...row, path: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `${parentPath}${id}/` })
    .where('id', '=', id)
    .execute();
  return id;
}

export async function updateUnit(db: Db, id: number, version: number, patch: Updateable<UnitTable>) {
  return updateVersioned(db, 'units', id, version, patch);
}

/** Move a subtree: every path starting with oldPrefix starts with newPrefix instead. */
export async function rewritePaths(db: Db, oldPrefix: string, newPrefix: string) {
  await db
    .updateTable('units')
    .set({ path: sql<string>`cast(${newPrefix} as text) || substr(path, cast(${oldPrefix.length + 1} as integer))` })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
}

// ---- teams ----

const teamColumns = ['teams.id', 'teams.unitId', 'teams.name', 'teams.kind', 'teams.sortOrder', 'teams.version'] as const;

/** A team with its unit's name and authority (for the data scope). */
export async function findTeam(db: Db, id: number) {
  return db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select([...teamColumns, 'units.name as unitName', 'units.authorityId'])
    .where('teams.id', '=', id)
    .executeTakeFirst();
}

export async function teamsOfUnit(db: Db, unitId: number) {
  return db.selectFrom('teams').select(teamColumns).where('unitId', '=', unitId).orderBy('sortOrder').orderBy('id').execute();
}

export async function teamNameTaken(db: Db, unitId: number, name: string, exceptId?: number) {
  let q = db.selectFrom('teams').select('id').where('unitId', '=', unitId).where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertTeam(db: Db, row: Insertable<TeamTable>) {
  const { id } = await db.insertInto('teams').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateTeam(db: Db, id: number, version: number, patch: Updateable<TeamTable>) {
  return updateVersioned(db, 'teams', id, version, patch);
}

// ---- posts ----

const postColumns = [
  'posts.id',
  'posts.teamId',
  'posts.title',
  'posts.levelCode',
  'posts.isChief',
  'posts.quota',
  'posts.sortOrder',
  'posts.version',
] as const;

/** A post with its team and unit names and the unit's authority (for the data scope). */
export async function findPost(db: Db, id: number) {
  return db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select([...postColumns, 'teams.name as teamName', 'teams.unitId', 'units.name as unitName', 'units.authorityId'])
    .where('posts.id', '=', id)
    .executeTakeFirst();
}

export async function postsOfTeams(db: Db, teamIds: readonly number[]) {
  if (teamIds.length === 0) return [];
  return db.selectFrom('posts').select(postColumns).where('teamId', 'in', teamIds).orderBy('sortOrder').orderBy('id').execute();
}

export async function postTitleTaken(db: Db, teamId: number, title: string, exceptId?: number) {
  let q = db.selectFrom('posts').select('id').where('teamId', '=', teamId).where('title', '=', title);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return !!(await q.executeTakeFirst());
}

export async function insertPost(db: Db, row: Insertable<PostTable>) {
  const { id } = await db.insertInto('posts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePost(db: Db, id: number, version: number, patch: Updateable<PostTable>) {
  return updateVersioned(db, 'posts', id, version, patch);
}

/**
 * Take the post's row lock for the rest of the transaction (a no-op update), so two appointments to
 * the same post cannot both pass the quota check on PostgreSQL. SQLite runs one writer at a time.
 */
export async function lockPost(db: Db, id: number) {
  await db
    .updateTable('posts')
    .set((eb) => ({ quota: eb.ref('quota') }))
    .where('id', '=', id)
    .execute();
}

// ---- appointments ----

/** In force on `on`; the SQL twin of domain/teams.ts isInForce (start inclusive, end exclusive). */
/**
 * Summed over per-post rows `p` (quota, filled): the vacancies, and the holders beyond quota. Each post
 * counts on its own, so one post's excess never fills another's vacancy. Team summaries and the
 * statistics overview both read them.
 */
export const VACANT_SUM = sql<number | null>`sum(case when p.quota > p.filled then p.quota - p.filled else 0 end)`;
export const OVER_QUOTA_SUM = sql<number | null>`sum(case when p.filled > p.quota then p.filled - p.quota else 0 end)`;

export function inForce(on: string) {
  return (eb: ExpressionBuilder<Database, 'appointments'>) =>
    eb.and([eb('appointments.startDate', '<=', on), eb.or([eb('appointments.endDate', 'is', null), eb('appointments.endDate', '>', on)])]);
}

/** The holders of the posts on a date, with the cadre's name, oldest tenure first. */
export async function holdersOn(db: Db, postIds: readonly number[], on: string) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'appointments.id as appointmentId',
      'appointments.postId',
      'appointments.cadreId',
      'cadres.name',
      'cadres.gender',
      'cadres.birthDate',
      'appointments.startDate',
      'appointments.startDocNo',
      'appointments.endDate',
    ])
    .where('appointments.postId', 'in', postIds)
    .where(inForce(on))
    .orderBy('appointments.startDate')
    .orderBy('appointments.id')
    .execute();
}

export async function countHoldersOn(db: Db, postId: number, on: string) {
  const r = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('postId', '=', postId)
    .where(inForce(on))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every tenure of a post, for the rules. */
export async function tenuresOfPost(db: Db, postId: number) {
  return db.selectFrom('appointments').select(['id', 'cadreId', 'startDate', 'endDate']).where('postId', '=', postId).execute();
}

/** Who held the post when, newest first. */
export async function postHistory(db: Db, postId: number) {
  return db
    .selectFrom('appointments')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'appointments.id as appointmentId',
      'appointments.cadreId',
      'cadres.name',
      'cadres.gender',
      'cadres.birthDate',
      'appointments.startDate',
      'appointments.startDocNo',
      'appointments.endDate',
      'appointments.endDocNo',
      'appointments.endReason',
    ])
    .where('appointments.postId', '=', postId)
    .orderBy('appointments.startDate', 'desc')
    .orderBy('appointments.id', 'desc')
    .execute();
}

/** An appointment with its post and the authorities of its unit and cadre (for the data scope). */
export async function findAppointment(db: Db, id: number) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'appointments.id',
      'appointments.cadreId',
      'appointments.postId',
      'appointments.startDate',
      'appointments.endDate',
      'units.authorityId as unitAuthorityId',
      'cadres.authorityId as cadreAuthorityId',
    ])
    .where('appointments.id', '=', id)
    .executeTakeFirst();
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>) {
  const { id } = await db.insertInto('appointments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** End an appointment that is still open; false when it was ended meanwhile. */
export async function endAppointment(db: Db, id: number, end: { endDate: string; endDocNo: string; endReason: string }) {
  const r = await db.updateTable('appointments').set(end).where('id', '=', id).where('endDate', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A cadre's appointments with the names of post, team and unit, newest first. */
export async function appointmentsOfCadre(db: Db, cadreId: number) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select([
      'appointments.id as appointmentId',
      'appointments.postId',
      'posts.title as postTitle',
      'posts.levelCode',
      'posts.isChief',
      'teams.id as teamId',
      'teams.name as teamName',
      'units.id as unitId',
      'units.name as unitName',
      'appointments.startDate',
      'appointments.startDocNo',
      'appointments.endDate',
      'appointments.endDocNo',
      'appointments.endReason',
    ])
    .where('appointments.cadreId', '=', cadreId)
    .orderBy('appointments.startDate', 'desc')
    .orderBy('appointments.id', 'desc')
    .execute();
}

/** The few facts about a cadre that appointments need. */
export async function findCadreForAppointment(db: Db, id: number) {
  return db.selectFrom('cadres').select(['id', 'name', 'authorityId', 'status', 'workStartMonth']).where('id', '=', id).executeTakeFirst();
}

/**
 * Every visible post with how many hold it on a date, one row per post: the base of the staffing sums
 * (per team here, over the whole scope in stats), so that vacancies never go negative per post.
 */
export function postsWithHolders(db: Db, authorityIds: readonly number[], on: string) {
  return db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .leftJoin('appointments', (join) => join.onRef('appointments.postId', '=', 'posts.id').on(inForce(on)))
    .select((eb) => ['posts.teamId', 'posts.quota', 'posts.isChief', eb.fn.count<number>('appointments.id').as('filled')])
    .where('units.authorityId', 'in', authorityIds)
    .groupBy(['posts.id', 'posts.teamId', 'posts.quota', 'posts.isChief']);
}

/**
 * Every visible team's staffing and composition on a date in one grouped query: quota, holders,
 * vacancies (never negative per post), whether the chief's post is vacant, and of the holders the
 * women, the 党外 and the sum of birth years (for the average age). One row per team, no row loading.
 */
export async function teamSummaries(db: Db, authorityIds: readonly number[], on: string) {
  if (authorityIds.length === 0) return [];
  const perPost = postsWithHolders(db, authorityIds, on)
    .leftJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select((eb) => [
      eb.fn.sum<number | null>(eb.case().when('cadres.gender', '=', '2').then(1).else(0).end()).as('women'),
      eb.fn.sum<number | null>(eb.case().when('cadres.politicalStatus', 'not in', ['01', '02']).then(1).else(0).end()).as('nonParty'),
      eb.fn.sum<number | null>(sql`cast(substr(cadres.birth_date, 1, 4) as integer)`).as('birthYears'),
    ])
    .as('p');
  const rows = await db
    .selectFrom(perPost)
    .select((eb) => [
      'p.teamId',
      eb.fn.sum<number>('p.quota').as('quota'),
      eb.fn.sum<number>('p.filled').as('filled'),
      VACANT_SUM.as('vacant'),
      OVER_QUOTA_SUM.as('overQuota'),
      eb.fn
        .max<number>(
          eb
            .case()
            .when(eb.and([eb('p.isChief', '=', 1), eb('p.quota', '>', eb.ref('p.filled'))]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('chiefVacant'),
      eb.fn.sum<number | null>('p.women').as('women'),
      eb.fn.sum<number | null>('p.nonParty').as('nonParty'),
      eb.fn.sum<number | null>('p.birthYears').as('birthYears'),
    ])
    .groupBy('p.teamId')
    .orderBy('p.teamId')
    .execute();
  const n = (v: number | string | null) => Number(v ?? 0);
  return rows.map((r) => ({
    teamId: r.teamId,
    quota: n(r.quota),
    filled: n(r.filled),
    vacant: n(r.vacant),
    overQuota: n(r.overQuota),
    chiefVacant: n(r.chiefVacant) === 1,
    women: n(r.women),
    nonParty: n(r.nonParty),
    sumBirthYears: n(r.birthYears),
  }));
}
