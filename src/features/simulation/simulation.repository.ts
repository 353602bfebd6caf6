// Adjustment plans (模拟调配方案) and their moves: the only code of the feature touching the database.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AdjustmentPlanTable } from './simulation.table.js';

export interface MoveRow {
  kind: 'in' | 'out';
  cadreId: number;
  postId: number | null;
}

const planColumns = [
  'adjustmentPlans.id',
  'adjustmentPlans.teamId',
  'adjustmentPlans.name',
  'adjustmentPlans.asOf',
  'adjustmentPlans.note',
  'adjustmentPlans.authorId',
  'adjustmentPlans.createdAt',
  'adjustmentPlans.updatedAt',
  'adjustmentPlans.version',
  'users.displayName as authorName',
  'teams.name as teamName',
  'units.id as unitId',
  'units.name as unitName',
  'units.authorityId',
] as const;

function plans(db: Db) {
  return db
    .selectFrom('adjustmentPlans')
    .innerJoin('teams', 'teams.id', 'adjustmentPlans.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .innerJoin('users', 'users.id', 'adjustmentPlans.authorId')
    .select(planColumns);
}

export async function findPlan(db: Db, id: number) {
  return plans(db).where('adjustmentPlans.id', '=', id).executeTakeFirst();
}

/** Plans of teams whose unit belongs to one of the authorities, newest change first. */
export async function listPlans(db: Db, authorityIds: readonly number[], teamId?: number) {
  let q = plans(db).where('units.authorityId', 'in', authorityIds.length ? authorityIds : [-1]);
  if (teamId !== undefined) q = q.where('adjustmentPlans.teamId', '=', teamId);
  return q.orderBy('adjustmentPlans.updatedAt', 'desc').orderBy('adjustmentPlans.id', 'desc').execute();
}

export async function movesOf(db: Db, planIds: readonly number[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('adjustmentPlanMoves')
    .select(['planId', 'seq', 'kind', 'cadreId', 'postId'])
    .where('planId', 'in', planIds)
    .orderBy('planId')
    .orderBy('seq')
    .execute();
}

export async function insertPlan(db: Db, row: Insertable<AdjustmentPlanTable>) {
  const { id } = await db.insertInto('adjustmentPlans').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Change a plan if it still has the version read; false when someone changed it since. */
export async function updatePlan(db: Db, id: number, version: number, patch: { name: string; asOf: string; note: string; updatedAt: string }) {
  const r = await db
    .updateTable('adjustmentPlans')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceMoves(db: Db, planId: number, moves: readonly MoveRow[]) {
  await db.deleteFrom('adjustmentPlanMoves').where('planId', '=', planId).execute();
  if (moves.length === 0) return;
  await db
    .insertInto('adjustmentPlanMoves')
    .values(moves.map((m, seq) => ({ planId, seq, kind: m.kind, cadreId: m.cadreId, postId: m.postId })))
    .execute();
}

export async function deletePlan(db: Db, id: number, version: number) {
  await db.deleteFrom('adjustmentPlanMoves').where('planId', '=', id).execute();
  const r = await db.deleteFrom('adjustmentPlans').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Names of cadres (for describing moves), whatever their authority: callers filter. */
export async function cadreNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('cadres').select(['id', 'name', 'gender', 'birthDate', 'authorityId']).where('id', 'in', ids).execute();
}

/** The 简历 lines of some cadres, for reading 基层 / 市直 experience (segments and 其间 notes). */
export async function resumeLines(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return [];
  return db
    .selectFrom('cadreResume')
    .select(['cadreId', 'startMonth', 'endMonth', 'text', 'kind'])
    .where('cadreId', 'in', [...cadreIds])
    .orderBy('cadreId')
    .orderBy('seq')
    .execute();
}

/** The names of the cities (units of kind 地区 on the city tier), which name their 市直 departments. */
export async function cityNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('units').select('name').where('kind', '=', '地区').where('tier', '=', 'city').execute();
  return rows.map((r) => r.name);
}
