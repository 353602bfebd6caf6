// The only code that reads and writes the transfer tables: the kept 任免审批表 extras of a cadre, and
// import jobs with their per-file results.
import type { Db } from '../../db/database.js';
import type { ImportJobFileTable } from './transfer.table.js';
import type { Insertable, Selectable } from 'kysely';

export async function findExtras(db: Db, cadreId: number) {
  return db.selectFrom('cadreRmbExtras').select(['proposal', 'extras']).where('cadreId', '=', cadreId).executeTakeFirst();
}

/** Keep the extras of a cadre; `fresh` for a cadre just created (nothing to replace). */
export async function saveExtras(db: Db, cadreId: number, proposal: string, extras: string, at: string, fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom('cadreRmbExtras').where('cadreId', '=', cadreId).execute();
  await db.insertInto('cadreRmbExtras').values({ cadreId, proposal, extras, updatedAt: at }).execute();
}

/** Cadres within scope with this name and birth month ('YYYY-MM'): the match of a file without an ID number. */
export async function findByNameAndBirthMonth(db: Db, name: string, birthMonth: string, authorityIds: readonly number[]) {
  if (authorityIds.length === 0) return [];
  return db
    .selectFrom('cadres')
    .select(['id', 'idCard', 'name', 'currentPost'])
    .where('name', '=', name)
    .where('birthDate', '>=', `${birthMonth}-01`)
    .where('birthDate', '<=', `${birthMonth}-31`)
    .where('authorityId', 'in', authorityIds)
    .orderBy('id')
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

export async function jobFiles(db: Db, jobId: number, withPayload = false): Promise<JobFileRow[]> {
  const q = db.selectFrom('importJobFiles').where('jobId', '=', jobId).orderBy('seq');
  if (withPayload) return q.selectAll().execute();
  const rows = await q
    .select(['id', 'jobId', 'seq', 'file', 'status', 'name', 'idCard', 'message', 'issues', 'diff', 'cadreId', 'baseVersion'])
    .execute();
  return rows.map((r) => ({ ...r, payload: null }));
}

export async function updateJobFile(db: Db, id: number, patch: Partial<Omit<JobFileRow, 'id' | 'jobId' | 'seq'>>): Promise<void> {
  await db.updateTable('importJobFiles').set(patch).where('id', '=', id).execute();
}

/** The actor's latest jobs, newest first. */
export async function listJobs(db: Db, userId: number, limit: number) {
  return db.selectFrom('importJobs').selectAll().where('userId', '=', userId).orderBy('id', 'desc').limit(limit).execute();
}
