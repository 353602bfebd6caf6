// The stored facts a team analysis needs: the team and its unit, the county it sits in, its posts,
// and its members on a date with their cadre facts. Plain functions taking db or trx first.
import type { Db } from '../../db/database.js';
import { inForce } from '../units/units.repository.js';

/** A team with its unit's kind, tier, name, path and authority (for the data scope). */
export async function findTeamWithUnit(db: Db, id: number) {
  return db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select([
      'teams.id',
      'teams.name',
      'teams.kind',
      'units.id as unitId',
      'units.name as unitName',
      'units.kind as unitKind',
      'units.tier',
      'units.path',
      'units.authorityId',
    ])
    .where('teams.id', '=', id)
    .executeTakeFirst();
}

/** The name of the county-level area (单位类别 地区, 层级 county) among the units, if any. */
export async function countyAreaName(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return undefined;
  const row = await db
    .selectFrom('units')
    .select('name')
    .where('id', 'in', unitIds)
    .where('kind', '=', '地区')
    .where('tier', '=', 'county')
    .executeTakeFirst();
  return row?.name;
}

export async function postsOfTeam(db: Db, teamId: number) {
  return db.selectFrom('posts').select(['id', 'levelCode', 'isChief', 'quota']).where('teamId', '=', teamId).execute();
}

/** Who holds the team's posts on `on`, with the cadre facts the rules read. */
export async function membersOn(db: Db, teamId: number, on: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'appointments.postId',
      'appointments.cadreId',
      'appointments.startDate',
      'posts.levelCode as postLevelCode',
      'posts.isChief',
      'cadres.name',
      'cadres.gender',
      'cadres.birthDate',
      'cadres.politicalStatus',
      'cadres.ethnicCode',
      'cadres.nativePlace',
      'cadres.levelCode',
      'cadres.levelSince',
    ])
    .where('posts.teamId', '=', teamId)
    .where(inForce(on))
    .orderBy('posts.isChief', 'desc')
    .orderBy('posts.sortOrder')
    .orderBy('appointments.startDate')
    .orderBy('appointments.id')
    .execute();
}

/** Every earlier tenure of the team's posts begun by or on `on`, to follow a tenure back through re-appointments. */
export async function tenuresOfTeam(db: Db, teamId: number, on: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .select(['appointments.postId', 'appointments.cadreId', 'appointments.startDate', 'appointments.endDate'])
    .where('posts.teamId', '=', teamId)
    .where('appointments.startDate', '<=', on)
    .execute();
}
