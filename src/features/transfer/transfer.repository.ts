// The only code that reads and writes the transfer tables: the kept 任免审批表 extras of a cadre, and
// import jobs with their per-file results.
import { dialectOf, type Db } from '../../db/database.js';
import type { ImportJobFileTable } from './transfer.table.js';
import type { Insertable, Kysely, Selectable } from 'kysely';

/** Statements go to a server and back (PostgreSQL), leaving this process idle meanwhile; SQLite answers in-process. */
export const writesOverNetwork = (db: Db) => dialectOf(db as unknown as Kysely<unknown>) === 'postgres';

export async function findExtras(db: Db, cadreId: number) {
  return db.selectFrom('cadreRmbExtras').select(['proposal', 'extras']).where('cadreId', '=', cadreId).executeTakeFirst();
}

/** Keep the extras of a cadre; `fresh` for a cadre just created (nothing to replace). */
export async function saveExtras(db: Db, cadreId: number, proposal: string, extras: string, at: string, fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom('cadreRmbExtras').where('cadreId', '=', cadreId).execute();
  await db.insertInto('cadreRmbExtras').values({ cadreId, proposal, extras, updatedAt: at }).execute();
}

/** The extras of new cadres (none kept yet): multi-row inserts. */
export async function insertExtras(db: Db, rows: readonly { cadreId: number; proposal: string; extras: string; updatedAt: string }[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('cadreRmbExtras')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Cadres within scope with this name and birth month ('YYYY-MM'): the match of a file without an ID number. */
export async function findByNameAndBirthMonth(db: Db, name: string, birthMonth: string, authorityIds: readonly number[]) {
  if (authorityIds.length === 0) return [];
  return db
    .selectFrom('cadres')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select(['cadres.id', 'cadres.idCard', 'cadres.name', 'cadres.currentPost', 'units.name as unitName'])
    .where('cadres.name', '=', name)
    .where('cadres.birthDate', '>=', `${birthMonth}-01`)
    .where('cadres.birthDate', '<=', `${birthMonth}-31`)
    .where('cadres.authorityId', 'in', authorityIds)
    .orderBy('cadres.id')
    .limit(20)
    .execute();
}

/** Cadre ids within scope by ID number, in the order asked; unknown numbers are left out. */
export async function findIdsByIdCard(db: Db, idCards: string[], authorityIds: readonly number[]) {
  if (!idCards.length || !authorityIds.length) return [];
  return db.selectFrom('cadres').select(['id', 'idCard']).where('idCard', 'in', idCards).where('authorityId', 'in', authorityIds).execute();
}

export async function rootAuthority(db: Db) {
  return db.selectFrom('authorities').select(['id', 'name']).where('parentId', 'is', null).orderBy('id').executeTakeFirst();
}

export async function allAuthorityIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('authorities').select('id').orderBy('id').execute()).map((r) => r.id);
}

// ---- jobs ----

export async function insertJob(db: Db, job: { userId: number; authorityId: number; unitId: number | null; total: number; createdAt: string }) {
  const r = await db
    .insertInto('importJobs')
    .values({ ...job, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findJob(db: Db, id: number, userId: number) {
  return db.selectFrom('importJobs').selectAll().where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
}

export async function setJobProgress(db: Db, id: number, done: number): Promise<void> {
  await db.updateTable('importJobs').set({ done }).where('id', '=', id).execute();
}

export async function finishJob(db: Db, id: number, status: 'done' | 'failed', done: number, at: string): Promise<void> {
  await db.updateTable('importJobs').set({ status, done, finishedAt: at }).where('id', '=', id).execute();
}

export type JobFileRow = Selectable<ImportJobFileTable>;

export async function insertJobFiles(db: Db, rows: Insertable<ImportJobFileTable>[]): Promise<void> {
  // Many rows per statement, under PostgreSQL's and SQLite's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('importJobFiles')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** One page of a job's results in file order (without payloads), optionally of one status. */
export async function jobFilesPage(db: Db, jobId: number, q: { offset: number; limit: number; status?: string }): Promise<JobFileRow[]> {
  let query = db.selectFrom('importJobFiles').where('jobId', '=', jobId);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = await query
    .select(['id', 'jobId', 'seq', 'file', 'status', 'name', 'idCard', 'message', 'issues', 'diff', 'cadreId', 'baseVersion', 'candidates'])
    .orderBy('seq')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return rows.map((r) => ({ ...r, payload: null }));
}

/** How many files of a job have each status. */
export async function jobStatusCounts(db: Db, jobId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('importJobFiles')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('jobId', '=', jobId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** The files of a job waiting for confirmation, with their payloads (confirming all of them). */
export async function pendingJobFiles(db: Db, jobId: number): Promise<JobFileRow[]> {
  return db.selectFrom('importJobFiles').selectAll().where('jobId', '=', jobId).where('status', '=', 'needs-confirmation').orderBy('seq').execute();
}

/** Jobs created before `before` (ISO instant): their ids, for the retention cleanup. */
export async function deleteJobsBefore(db: Db, before: string): Promise<number> {
  const old = db.selectFrom('importJobs').select('id').where('createdAt', '<', before);
  // files first: SQLite enforces the cascade only with foreign keys on, PostgreSQL always; be explicit
  await db.deleteFrom('importJobFiles').where('jobId', 'in', old).execute();
  const r = await db.deleteFrom('importJobs').where('createdAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** One file of a job, with its payload. */
export async function findJobFile(db: Db, jobId: number, file: string): Promise<JobFileRow | undefined> {
  return db.selectFrom('importJobFiles').selectAll().where('jobId', '=', jobId).where('file', '=', file).executeTakeFirst();
}

export async function updateJobFile(db: Db, id: number, patch: Partial<Omit<JobFileRow, 'id' | 'jobId' | 'seq'>>): Promise<void> {
  await db.updateTable('importJobFiles').set(patch).where('id', '=', id).execute();
}

/** The actor's latest jobs, newest first. */
export async function listJobs(db: Db, userId: number, limit: number) {
  return db.selectFrom('importJobs').selectAll().where('userId', '=', userId).orderBy('id', 'desc').limit(limit).execute();
}
