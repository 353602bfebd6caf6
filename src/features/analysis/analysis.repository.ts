// The stored facts a team analysis needs, for one team or for every team in a scope at once: the teams
// and their units, the county each sits in, posts, members on a date with their cadre facts, the
// members' family (for 任职回避) and the members of the teams one unit up. A handful of queries per
// call whatever the number of teams, so all 30,000 teams of a province load in one go.
import type { Db } from '../../db/database.js';
import { inForce } from '../units/units.repository.js';

/** Which teams: given ids, and/or those of units under a path, and/or of some authorities. */
export interface TeamScope {
  teamIds?: readonly number[];
  /** a unit's materialized path ('/1/5/'): the unit and its subtree */
  unitPath?: string;
  authorityIds?: readonly number[];
}

function scopedTeamIds(db: Db, scope: TeamScope) {
  let q = db.selectFrom('teams').innerJoin('units', 'units.id', 'teams.unitId').select('teams.id');
  if (scope.teamIds) q = q.where('teams.id', 'in', scope.teamIds.length ? scope.teamIds : [-1]);
  if (scope.unitPath) q = q.where('units.path', 'like', `${scope.unitPath}%`);
  if (scope.authorityIds) q = q.where('units.authorityId', 'in', scope.authorityIds.length ? scope.authorityIds : [-1]);
  return q;
}

/** The teams of the scope with their unit's kind, tier, name, path, parent and authority. */
export async function teamsWithUnits(db: Db, scope: TeamScope) {
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
      'units.parentId',
      'units.authorityId',
    ])
    .where('teams.id', 'in', scopedTeamIds(db, scope))
    .orderBy('units.path')
    .orderBy('teams.id')
    .execute();
}

/** Every county-level area (单位类别 地区, 层级 county): a few hundred rows at most. */
export async function countyAreas(db: Db) {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', '地区').where('tier', '=', 'county').execute();
}

export async function postsOfTeams(db: Db, scope: TeamScope) {
  return db.selectFrom('posts').select(['teamId', 'levelCode', 'isChief', 'quota']).where('teamId', 'in', scopedTeamIds(db, scope)).execute();
}

/** Who holds the teams' posts on `on`, with the cadre facts the rules read. */
export async function membersOfTeams(db: Db, scope: TeamScope, on: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select([
      'posts.teamId',
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
      'cadres.specialty',
      'cadres.highestEducation',
    ])
    .where('posts.teamId', 'in', scopedTeamIds(db, scope))
    .where(inForce(on))
    .orderBy('posts.teamId')
    .orderBy('posts.isChief', 'desc')
    .orderBy('posts.sortOrder')
    .orderBy('appointments.startDate')
    .orderBy('appointments.id')
    .execute();
}

/** Every earlier tenure of the teams' posts begun by or on `on`, to follow a tenure back through re-appointments. */
export async function tenuresOfTeams(db: Db, scope: TeamScope, on: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .select(['appointments.postId', 'appointments.cadreId', 'appointments.startDate', 'appointments.endDate'])
    .where('posts.teamId', 'in', scopedTeamIds(db, scope))
    .where('appointments.startDate', '<=', on)
    .where('appointments.endDate', 'is not', null)
    .execute();
}

function memberIds(db: Db, scope: TeamScope, on: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .select('appointments.cadreId')
    .where('posts.teamId', 'in', scopedTeamIds(db, scope))
    .where(inForce(on));
}

/** The 家庭成员 of everyone holding a post of the teams on `on`. */
export async function familyOfMembers(db: Db, scope: TeamScope, on: string) {
  return db
    .selectFrom('cadreFamily')
    .select(['cadreId', 'relation', 'name', 'birthMonth'])
    .where('cadreId', 'in', memberIds(db, scope, on))
    .orderBy('cadreId')
    .orderBy('seq')
    .execute();
}

/** The tags (选调生, 退役军人 …) of everyone holding a post of the teams on `on`. */
export async function tagsOfMembers(db: Db, scope: TeamScope, on: string) {
  return db
    .selectFrom('cadreTags')
    .select(['cadreId', 'tag'])
    .where('cadreId', 'in', memberIds(db, scope, on))
    .orderBy('cadreId')
    .orderBy('tag')
    .execute();
}

/** The facts of some cadres (candidates of a what-if), with their family and tags. */
export async function cadresForFacts(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return { cadres: [], family: [], tags: [] };
  const [cadres, family, tags] = await Promise.all([
    db
      .selectFrom('cadres')
      .select([
        'id',
        'name',
        'gender',
        'birthDate',
        'politicalStatus',
        'ethnicCode',
        'nativePlace',
        'levelCode',
        'levelSince',
        'specialty',
        'highestEducation',
        'authorityId',
      ])
      .where('id', 'in', cadreIds)
      .execute(),
    db.selectFrom('cadreFamily').select(['cadreId', 'relation', 'name', 'birthMonth']).where('cadreId', 'in', cadreIds).orderBy('seq').execute(),
    db.selectFrom('cadreTags').select(['cadreId', 'tag']).where('cadreId', 'in', cadreIds).orderBy('tag').execute(),
  ]);
  return { cadres, family, tags };
}

/** Who holds a post of any team of the units on `on`: the supervising line one level up. */
export async function membersOfUnits(db: Db, unitIds: readonly number[], on: string) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select(['teams.unitId', 'appointments.cadreId', 'cadres.name', 'cadres.birthDate'])
    .where('teams.unitId', 'in', unitIds)
    .where(inForce(on))
    .execute();
}
