// The stored facts a team analysis needs, for one team or for every team in a scope at once: the teams
// and their units, the county each sits in, posts, members on a date with their cadre facts, the
// members' family (for 任职回避) and the members of the teams one unit up. A handful of queries per
// call whatever the number of teams, so all 30,000 teams of a province load in one go.
import { sql, type Kysely } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import { selectRows, type RowOf } from '../../db/bulk-read.js';
import { inForce } from '../units/units.repository.js';

/** Which teams: given ids, and/or those of units under a path, and/or of some authorities. */
export interface TeamScope {
  teamIds?: readonly number[];
  /** a unit's materialized path ('/1/5/'): the unit and its subtree */
  unitPath?: string;
  authorityIds?: readonly number[];
}

/**
 * The ids of the scope's teams, or undefined for every team: then the reads need no condition (every
 * post is of a team), and the members' reads no join of the posts. For a province that is 50–90 ms of
 * the server's time less in each of five reads.
 */
function scopedTeamIds(db: Db, scope: TeamScope) {
  if (!scope.teamIds && scope.unitPath === undefined && !scope.authorityIds) return undefined;
  let q = db.selectFrom('teams').innerJoin('units', 'units.id', 'teams.unitId').select('teams.id');
  if (scope.teamIds) q = q.where('teams.id', 'in', scope.teamIds.length ? scope.teamIds : [-1]);
  if (scope.unitPath) q = q.where('units.path', 'like', `${scope.unitPath}%`);
  if (scope.authorityIds) q = q.where('units.authorityId', 'in', scope.authorityIds.length ? scope.authorityIds : [-1]);
  return q;
}

/** The appointments to the posts of the scope's teams (all of them when the scope is every team). */
function appointmentsOfScope(db: Db, scope: TeamScope) {
  const scoped = scopedTeamIds(db, scope);
  const all = db.selectFrom('appointments');
  return scoped ? all.where('appointments.postId', 'in', db.selectFrom('posts').select('posts.id').where('posts.teamId', 'in', scoped)) : all;
}

/** The teams of the scope with their unit's kind, tier, name, path, parent and authority. */
export async function teamsWithUnits(db: Db, scope: TeamScope) {
  const scoped = scopedTeamIds(db, scope);
  const query = db
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
    .$if(scoped !== undefined, (q) => q.where('teams.id', 'in', scoped!));
  const shape = { id: 'int', name: 'text', kind: 'text', unitId: 'int', unitName: 'text', unitKind: 'text', tier: 'text', path: 'text', parentId: 'int?', authorityId: 'int' } as const; // prettier-ignore
  // In path order, sorted here: paths are ASCII ('/1/5/'), so the order is the database's.
  return (await selectRows(db, query, shape)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id));
}

/** Every county-level area (单位类别 地区, 层级 county): a few hundred rows at most. */
export async function countyAreas(db: Db) {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', '地区').where('tier', '=', 'county').execute();
}

export async function postsOfTeams(db: Db, scope: TeamScope) {
  const scoped = scopedTeamIds(db, scope);
  const query = db
    .selectFrom('posts')
    .select(['id', 'teamId', 'levelCode', 'isChief', 'quota', 'sortOrder'])
    .$if(scoped !== undefined, (q) => q.where('teamId', 'in', scoped!));
  return selectRows(db, query, { id: 'int', teamId: 'int', levelCode: 'text', isChief: 'int', quota: 'int', sortOrder: 'int' } as const);
}

/** The columns of a cadre that the team rules read (members' and candidates' facts alike). */
const CADRE_FACTS = [
  'name',
  'gender',
  'birthDate',
  'politicalStatus',
  'ethnicCode',
  'nativePlace',
  'levelSince',
  'specialty',
  'highestEducation',
] as const;

/**
 * Who holds the teams' posts on `on`, with the cadre facts the rules read; in no order. The post's own
 * facts (team, 职务层次, chief, order) are those of postsOfTeams, read anyway: left out here, they make
 * the largest read of a province (148,550 rows) a fifth smaller.
 */
export async function membersOfTeams(db: Db, scope: TeamScope, on: string) {
  const holders = appointmentsOfScope(db, scope);
  // PostgreSQL: each holder's cadre looked up by its key (a lateral subquery with OFFSET 0, which the
  // planner cannot flatten), not a hash join that reads the whole cadres table: 148,550 of 1,000,000
  // cadres, and the table has twice the pages since migration 0022 (one backend: ≈ 0.29 s against
  // 0.48 s). SQLite looks each cadre up by rowid anyway.
  const joined =
    dialectOf(db as unknown as Kysely<unknown>) === 'postgres'
      ? holders.innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('cadres')
              .select(CADRE_FACTS)
              .whereRef('cadres.id', '=', 'appointments.cadreId')
              .modifyEnd(sql`offset 0`)
              .as('cadres'),
          (join) => join.onTrue(),
        )
      : holders.innerJoin('cadres', 'cadres.id', 'appointments.cadreId');
  const query = joined
    .select([
      'appointments.id',
      'appointments.postId',
      'appointments.cadreId',
      'appointments.startDate',
      ...CADRE_FACTS.map((c) => `cadres.${c}` as const),
    ])
    .where(inForce(on));
  const shape = {
    id: 'int',
    postId: 'int',
    cadreId: 'int',
    startDate: 'text',
    name: 'text',
    gender: 'text',
    birthDate: 'text',
    politicalStatus: 'text',
    ethnicCode: 'text',
    nativePlace: 'text',
    levelSince: 'text?',
    specialty: 'text',
    highestEducation: 'text?',
  } as const;
  return selectRows(db, query, shape);
}

/** Every earlier tenure of the teams' posts begun by or on `on`, to follow a tenure back through re-appointments. */
export async function tenuresOfTeams(db: Db, scope: TeamScope, on: string) {
  return appointmentsOfScope(db, scope)
    .select(['appointments.postId', 'appointments.cadreId', 'appointments.startDate', 'appointments.endDate'])
    .where('appointments.startDate', '<=', on)
    .where('appointments.endDate', 'is not', null)
    .execute();
}

function memberIds(db: Db, scope: TeamScope, on: string) {
  return appointmentsOfScope(db, scope).select('appointments.cadreId').where(inForce(on));
}

const FAMILY = { cadreId: 'int', seq: 'int', relation: 'text', name: 'text', birthMonth: 'text?' } as const;
type FamilyRow = RowOf<typeof FAMILY>;

/** The 家庭成员 of everyone holding a post of the teams on `on`. */
export async function familyOfMembers(db: Db, scope: TeamScope, on: string): Promise<FamilyRow[]> {
  const query = db
    .selectFrom('cadreFamily')
    .select(['cadreId', 'seq', 'relation', 'name', 'birthMonth'])
    .where('cadreId', 'in', memberIds(db, scope, on));
  return selectRows(db, query, FAMILY, ['cadreId', 'seq']);
}

/**
 * Only those 家庭成员 of the teams' office holders on `on` who can denote another office holder of the
 * same team or of a team of the unit directly above (公务员法 第74条; the rule avoidance-kin in
 * domain/team-rules.ts): the same name, and a birth month that begins the holder's birth date when it
 * is given. The rule decides; this only leaves out the relatives who cannot match anyone, so that a
 * province's 616,000 family rows need not be read. Two kinds:
 * - birth month 'YYYY-MM' (every write path stores that): the pairs of family row and namesake cadre
 *   kept in family_namesakes (migration 0020), both ends holding a post on `on`;
 * - birth month unknown or in another form: driven by those family rows (cadre_family_name_other, a
 *   partial index that real data leaves nearly empty), then the other holders of the member's team,
 *   and those of the teams of the unit above.
 */
export async function kinOfMembers(db: Db, scope: TeamScope, on: string): Promise<FamilyRow[]> {
  const scoped = scopedTeamIds(db, scope);
  const month = sql.ref('f.birthMonth');
  const born = sql.ref('oc.birthDate');
  const columns = ['f.cadreId', 'f.seq', 'f.relation', 'f.name', 'f.birthMonth'] as const;
  // k: the pair; m (ma, mp): the member whose relative f is, holding a post of a scope team; o (oa, op):
  // the namesake holding a post of m's team or of a team of the unit above m's.
  const byNamesake = db
    .selectFrom('familyNamesakes as k')
    .innerJoin('appointments as ma', 'ma.cadreId', 'k.memberId')
    .innerJoin('posts as mp', 'mp.id', 'ma.postId')
    .innerJoin('appointments as oa', 'oa.cadreId', 'k.cadreId')
    .innerJoin('posts as op', 'op.id', 'oa.postId')
    .innerJoin('cadreFamily as f', 'f.id', 'k.familyId')
    .select(columns)
    .whereRef('k.cadreId', '<>', 'k.memberId')
    .where((eb) => eb.and([eb('ma.startDate', '<=', on), eb.or([eb('ma.endDate', 'is', null), eb('ma.endDate', '>', on)])]))
    .where((eb) => eb.and([eb('oa.startDate', '<=', on), eb.or([eb('oa.endDate', 'is', null), eb('oa.endDate', '>', on)])]))
    .$if(scoped !== undefined, (q) => q.where('mp.teamId', 'in', scoped!))
    // the units are read only for the pairs in another team, a few thousand at most
    .where((eb) =>
      eb.or([
        eb('op.teamId', '=', eb.ref('mp.teamId')),
        eb(
          eb.selectFrom('teams as ot').select('ot.unitId').whereRef('ot.id', '=', 'op.teamId'),
          '=',
          eb.selectFrom('teams as mt').innerJoin('units as mu', 'mu.id', 'mt.unitId').select('mu.parentId').whereRef('mt.id', '=', 'mp.teamId'),
        ),
      ]),
    );
  // The other forms of birth month, from the family rows: o in m's team, or in a team of the unit above.
  const byRelative = (line: 'team' | 'above') =>
    db
      .selectFrom('cadreFamily as f')
      .crossJoin('appointments as ma')
      .innerJoin('posts as mp', 'mp.id', 'ma.postId')
      .innerJoin('teams as mt', 'mt.id', 'mp.teamId')
      .innerJoin('units as mu', 'mu.id', 'mt.unitId')
      .innerJoin('posts as op', (j) => (line === 'team' ? j.onRef('op.teamId', '=', 'mp.teamId') : j.onTrue()))
      .innerJoin('teams as ot', 'ot.id', 'op.teamId')
      .innerJoin('appointments as oa', 'oa.postId', 'op.id')
      .innerJoin('cadres as oc', 'oc.id', 'oa.cadreId')
      .select(columns)
      // word for word the predicate of cadre_family_name_other
      .where(sql<boolean>`(${month} is null or length(${month}) <> 7)`)
      .where(sql<boolean>`(${month} is null or substr(${born}, 1, length(${month})) = ${month})`)
      .whereRef('ma.cadreId', '=', 'f.cadreId')
      .where((eb) => eb.and([eb('ma.startDate', '<=', on), eb.or([eb('ma.endDate', 'is', null), eb('ma.endDate', '>', on)])]))
      .$if(scoped !== undefined, (q) => q.where('mp.teamId', 'in', scoped!))
      .$if(line === 'above', (q) => q.whereRef('ot.unitId', '=', 'mu.parentId'))
      .where((eb) => eb.and([eb('oa.startDate', '<=', on), eb.or([eb('oa.endDate', 'is', null), eb('oa.endDate', '>', on)])]))
      .whereRef('oa.cadreId', '<>', 'ma.cadreId')
      .whereRef('oc.name', '=', 'f.name');
  // UNION ALL and no order: a sorted UNION made SQLite read the family rows in cadre order instead.
  const query = byNamesake.unionAll(byRelative('team')).unionAll(byRelative('above'));
  // The longest read of the team analysis: on SQLite it runs on a second connection beside the others.
  const rows = await selectRows(db, query, FAMILY, [], { concurrent: true });
  // A relative matched through several holders or posts comes once, in the order of the form.
  const seen = new Set<string>();
  return rows
    .filter(({ cadreId, seq }) => !seen.has(`${cadreId}:${seq}`) && seen.add(`${cadreId}:${seq}`) !== undefined)
    .sort((a, b) => a.cadreId - b.cadreId || a.seq - b.seq);
}

/** The tags (选调生, 退役军人 …) of everyone holding a post of the teams on `on`. */
export async function tagsOfMembers(db: Db, scope: TeamScope, on: string) {
  const query = db
    .selectFrom('cadreTags')
    .select(['cadreId', 'tag'])
    .where('cadreId', 'in', memberIds(db, scope, on));
  return selectRows(db, query, { cadreId: 'int', tag: 'text' } as const, ['cadreId', 'tag']);
}

/** The facts of some cadres (candidates of a what-if), with their family and tags. */
export async function cadresForFacts(db: Db, cadreIds: readonly number[]) {
  if (cadreIds.length === 0) return { cadres: [], family: [], tags: [] };
  const [cadres, family, tags] = await Promise.all([
    db
      .selectFrom('cadres')
      .select(['id', ...CADRE_FACTS, 'levelCode', 'authorityId'])
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
