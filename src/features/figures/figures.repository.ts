// The appointments a period's figures count, with the post, unit and cadre facts, and the levels of
// each cadre's earlier posts (to tell a promotion from a transfer).
import type { Db } from '../../db/database.js';

export interface PeriodScope {
  from: string;
  to: string;
  /** the unit's materialized path: the unit and its subtree */
  unitPath?: string;
  authorityIds: readonly number[];
}

export async function appointmentsBegun(db: Db, s: PeriodScope) {
  let q = db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'appointments.id as appointmentId',
      'appointments.cadreId',
      'appointments.startDate',
      'posts.title as postTitle',
      'posts.levelCode as postLevelCode',
      'posts.isChief',
      'teams.kind as teamKind',
      'units.kind as unitKind',
      'units.tier as unitTier',
      'units.name as unitName',
      'cadres.name',
      'cadres.birthDate',
      'cadres.levelCode as cadreLevelCode',
      'cadres.levelSince as cadreLevelSince',
    ])
    .where('appointments.startDate', '>=', s.from)
    .where('appointments.startDate', '<=', s.to)
    .where('units.authorityId', 'in', s.authorityIds.length ? s.authorityIds : [-1])
    .where('cadres.authorityId', 'in', s.authorityIds.length ? s.authorityIds : [-1]);
  if (s.unitPath) q = q.where('units.path', 'like', `${s.unitPath}%`);
  return q.orderBy('appointments.startDate').orderBy('appointments.id').execute();
}

/** Every post the cadres began before `to`, with its level, to compare with each new post. */
export async function postsBegunBy(db: Db, cadreIds: readonly number[], to: string) {
  if (cadreIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .select(['appointments.cadreId', 'appointments.startDate', 'posts.levelCode'])
    .where('appointments.cadreId', 'in', cadreIds)
    .where('appointments.startDate', '<=', to)
    .execute();
}

export async function tagsOf(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return [];
  return db.selectFrom('cadreTags').select(['cadreId', 'tag']).where('cadreId', 'in', cadreIds).execute();
}
