// Home-page counts, computed by the database (aggregates and GROUP BY), never by loading rows.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { inForce, OVER_QUOTA_SUM, postsWithHolders, VACANT_SUM } from '../units/units.repository.js';
import { COLLEGE_CODES, type BirthRange } from './stats.rules.js';

/** The visible authorities; `all` when they are every authority (no condition needs writing then). */
export interface Scope {
  authorityIds: readonly number[];
  all: boolean;
}

type Cadres = ExpressionBuilder<Database, 'cadres'>;

/** Active cadres in scope; with a unit path, only those whose unit lies in that unit's subtree. */
const activeIn = (db: Db, authorityIds: readonly number[], unitPath?: string) => {
  const q = db.selectFrom('cadres').where('cadres.authorityId', 'in', authorityIds).where('cadres.status', '=', 'active');
  return unitPath === undefined
    ? q
    : q.where('cadres.unitId', 'in', (eb) => eb.selectFrom('units').select('units.id').where('units.path', 'like', `${unitPath}%`));
};

/** 1 when the condition holds, else 0, summed: a count of the rows matching it. */
const countWhere = (eb: Cadres, cond: ReturnType<Cadres['and']>) => eb.fn.sum<number | null>(eb.case().when(cond).then(1).else(0).end());

export interface CadreFigures {
  total: number;
  women: number;
  nonParty: number;
  minority: number;
  sumBirthYears: number;
  birthdaysLater: number;
  bands: Record<string, number>;
  education: { graduate: number; bachelor: number; college: number; secondary: number; unknown: number };
}

/** The active cadres' totals in one pass: gender, party, ethnicity, age bands, age sums, education. */
export async function cadreFigures(
  db: Db,
  authorityIds: readonly number[],
  ranges: readonly BirthRange[],
  onMonthDay: string,
  unitPath?: string,
): Promise<CadreFigures> {
  const edu = 'cadres.highestEducation' as const;
  const row = (await activeIn(db, authorityIds, unitPath)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      countWhere(eb, eb.and([eb('cadres.gender', '=', '2')])).as('women'),
      // 中共党员 (01) and 预备党员 (02) are Party members (GB/T 4762); everyone else is 党外.
      countWhere(eb, eb.and([eb('cadres.politicalStatus', 'not in', ['01', '02'])])).as('nonParty'),
      // 汉族 is 01 (GB 3304).
      countWhere(eb, eb.and([eb('cadres.ethnicCode', '<>', '01')])).as('minority'),
      eb.fn.sum<number | null>(sql`cast(substr(cadres.birth_date, 1, 4) as integer)`).as('sumBirthYears'),
      countWhere(eb, eb.and([eb(eb.fn('substr', ['cadres.birthDate', eb.val(6), eb.val(5)]), '>', onMonthDay)])).as('birthdaysLater'),
      ...ranges.map((r, i) =>
        countWhere(
          eb,
          eb.and([
            ...(r.bornOnOrBefore === null ? [] : [eb('cadres.birthDate', '<=', r.bornOnOrBefore)]),
            ...(r.bornAfter === null ? [] : [eb('cadres.birthDate', '>', r.bornAfter)]),
          ]),
        ).as(`band${i}`),
      ),
      countWhere(eb, eb.and([eb(edu, 'like', '1%')])).as('eduGraduate'),
      countWhere(eb, eb.and([eb(edu, 'like', '2%')])).as('eduBachelor'),
      countWhere(eb, eb.and([eb(edu, 'in', COLLEGE_CODES)])).as('eduCollege'),
      countWhere(eb, eb.and([eb(edu, 'is', null)])).as('eduUnknown'),
    ])
    .executeTakeFirstOrThrow()) as Record<string, number | string | null>;
  const n = (k: string) => Number(row[k] ?? 0);
  const known = n('eduGraduate') + n('eduBachelor') + n('eduCollege') + n('eduUnknown');
  return {
    total: n('total'),
    women: n('women'),
    nonParty: n('nonParty'),
    minority: n('minority'),
    sumBirthYears: n('sumBirthYears'),
    birthdaysLater: n('birthdaysLater'),
    bands: Object.fromEntries(ranges.map((r, i) => [r.key, n(`band${i}`)])),
    education: {
      graduate: n('eduGraduate'),
      bachelor: n('eduBachelor'),
      college: n('eduCollege'),
      secondary: n('total') - known,
      unknown: n('eduUnknown'),
    },
  };
}

/** Active cadres per visible authority (zero included), in authority order, from the kept counts (migration 0009). */
export async function cadresByAuthority(db: Db, authorityIds: readonly number[]) {
  const rows = await db
    .selectFrom('authorities')
    .leftJoin('cadreCounts', (join) => join.onRef('cadreCounts.authorityId', '=', 'authorities.id').on('cadreCounts.status', '=', 'active'))
    .select((eb) => ['authorities.id', 'authorities.name', 'authorities.level', eb.fn.sum<number | null>('cadreCounts.n').as('count')])
    .where('authorities.id', 'in', authorityIds)
    .groupBy(['authorities.id', 'authorities.name', 'authorities.level'])
    .orderBy('authorities.id')
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count ?? 0) }));
}

/**
 * The active cadres' structure per 职务层次 (null = none recorded) from the counts kept by triggers
 * (migration 0015): a few thousand rows summed instead of every cadre read. Same figures as
 * cadreFigures and cadresByLevel (stats-counts.test.ts compares them on random data).
 */
export async function keptProfile(db: Db, scope: Scope) {
  const n = sql.ref('n');
  const when = (cond: ReturnType<typeof sql>) => sql<number | null>`sum(case when ${cond} then ${n} else 0 end)`;
  const edu = sql.ref('highest_education');
  let q = db
    .selectFrom('cadreProfileCounts')
    .select((eb) => [
      'levelCode',
      eb.fn.sum<number | null>('n').as('total'),
      when(sql`gender = '2'`).as('women'),
      // 中共党员 (01) and 预备党员 (02) are Party members (GB/T 4762); everyone else is 党外.
      when(sql`political_status not in ('01', '02')`).as('nonParty'),
      // 汉族 is 01 (GB 3304).
      when(sql`ethnic_code <> '01'`).as('minority'),
      when(sql`${edu} like '1%'`).as('graduate'),
      when(sql`${edu} like '2%'`).as('bachelor'),
      when(sql`${edu} in (${sql.join(COLLEGE_CODES)})`).as('college'),
      when(sql`${edu} = ''`).as('unknown'),
    ])
    .where('status', '=', 'active');
  if (!scope.all) q = q.where('authorityId', 'in', scope.authorityIds);
  const rows = await q.groupBy('levelCode').orderBy('levelCode').execute();
  const num = (v: unknown) => Number(v ?? 0);
  return rows
    .map((r) => ({
      levelCode: r.levelCode === '' ? null : r.levelCode,
      total: num(r.total),
      women: num(r.women),
      nonParty: num(r.nonParty),
      minority: num(r.minority),
      graduate: num(r.graduate),
      bachelor: num(r.bachelor),
      college: num(r.college),
      unknown: num(r.unknown),
    }))
    .filter((r) => r.total !== 0);
}

/**
 * Active cadres per birth month (kept by triggers, migration 0015), and per birth year how many of
 * those born in `on`'s month of the year were born after its day: counted from the cadres through
 * the (status, birth_date) index, one small range per year (≈ 1 % of the cadres). Together they
 * give every cadre's exact age on `on` (stats.rules.ts ageCounts).
 */
export async function keptBirths(db: Db, scope: Scope, on: string) {
  let q = db
    .selectFrom('cadreBirthCounts')
    .select((eb) => ['birthMonth', eb.fn.sum<number>('n').as('n')])
    .where('status', '=', 'active');
  if (!scope.all) q = q.where('authorityId', 'in', scope.authorityIds);
  const months = (await q.groupBy('birthMonth').execute()).map((r) => ({ birthMonth: r.birthMonth, n: Number(r.n) })).filter((r) => r.n !== 0);
  const mmdd = on.slice(5, 10);
  const years = months.filter((m) => m.birthMonth.slice(5, 7) === mmdd.slice(0, 2)).map((m) => m.birthMonth.slice(0, 4));
  const later = new Map<string, number>();
  if (years.length === 0) return { months, later };
  // (year-MM-DD, year-MM-31]: born later in that month than `on`'s day.
  const ranges = sql.join(years.map((y) => sql`(${`${y}-${mmdd}`}, ${`${y}-${mmdd.slice(0, 2)}-31`})`));
  const inScope = scope.all ? sql`` : sql`and c.authority_id in (${sql.join(scope.authorityIds)})`;
  const { rows } = await sql<{ lo: string; n: number | string }>`
    with r (lo, hi) as (values ${ranges})
    select r.lo as lo, count(*) as n from r
      join cadres c on c.status = 'active' and c.birth_date > r.lo and c.birth_date <= r.hi ${inScope}
    group by r.lo`.execute(db);
  for (const r of rows) later.set(r.lo.slice(0, 4), Number(r.n));
  return { months, later };
}

/** Active cadres per 职务层次 code (null = none recorded). */
export async function cadresByLevel(db: Db, authorityIds: readonly number[], unitPath?: string) {
  const rows = await activeIn(db, authorityIds, unitPath)
    .select((eb) => ['cadres.levelCode', eb.fn.countAll<number>().as('count')])
    .groupBy('cadres.levelCode')
    .orderBy('cadres.levelCode')
    .execute();
  return rows.map((r) => ({ levelCode: r.levelCode, count: Number(r.count) }));
}

/**
 * Units, teams, and the posts' quotas, holders and vacancies on a date, over the visible units. The
 * holders are counted once per post from the appointments in force (one grouped pass), then joined to
 * the posts; with every authority visible, no scope join at all.
 */
export async function staffingFigures(db: Db, scope: Scope, on: string) {
  let units = db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'));
  if (!scope.all) units = units.where('authorityId', 'in', scope.authorityIds);
  const teams = scope.all
    ? db.selectFrom('teams').select((eb) => eb.fn.countAll<number>().as('n'))
    : db
        .selectFrom('teams')
        .innerJoin('units', 'units.id', 'teams.unitId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('units.authorityId', 'in', scope.authorityIds);
  const holders = db
    .selectFrom('appointments')
    .select((eb) => ['appointments.postId', eb.fn.countAll<number>().as('n')])
    .where(inForce(on))
    .groupBy('appointments.postId')
    .as('h');
  let perPost = db
    .selectFrom('posts')
    .leftJoin(holders, 'h.postId', 'posts.id')
    .select((eb) => ['posts.teamId', 'posts.quota', 'posts.isChief', eb.fn.coalesce('h.n', eb.lit(0)).as('filled')]);
  if (!scope.all)
    perPost = perPost
      .innerJoin('teams', 'teams.id', 'posts.teamId')
      .innerJoin('units', 'units.id', 'teams.unitId')
      .where('units.authorityId', 'in', scope.authorityIds);
  const p = perPost.as('p');
  const [u, t, posts] = await Promise.all([
    units.executeTakeFirstOrThrow(),
    teams.executeTakeFirstOrThrow(),
    db
      .selectFrom(p)
      .select((eb) => [
        eb.fn.sum<number | null>('p.quota').as('quota'),
        eb.fn.sum<number | null>('p.filled').as('filled'),
        VACANT_SUM.as('vacant'),
        OVER_QUOTA_SUM.as('overQuota'),
        eb.fn
          .count<number>(
            eb
              .case()
              .when(eb.and([eb('p.isChief', '=', 1), eb('p.quota', '>', eb.ref('p.filled'))]))
              .then(eb.ref('p.teamId'))
              .end(),
          )
          .distinct()
          .as('chiefVacantTeams'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const n = (v: number | string | null) => Number(v ?? 0);
  return {
    units: n(u.n),
    teams: n(t.n),
    quota: n(posts.quota),
    filled: n(posts.filled),
    vacant: n(posts.vacant),
    overQuota: n(posts.overQuota),
    chiefVacantTeams: n(posts.chiefVacantTeams),
  };
}

/** The age pyramid: per gender, the active cadres in each birth range (one grouped query). */
export async function agePyramid(db: Db, authorityIds: readonly number[], ranges: readonly BirthRange[], unitPath?: string) {
  const rows = (await activeIn(db, authorityIds, unitPath)
    .select((eb) => [
      'cadres.gender',
      ...ranges.map((r, i) =>
        countWhere(
          eb,
          eb.and([
            ...(r.bornOnOrBefore === null ? [] : [eb('cadres.birthDate', '<=', r.bornOnOrBefore)]),
            ...(r.bornAfter === null ? [] : [eb('cadres.birthDate', '>', r.bornAfter)]),
          ]),
        ).as(`band${i}`),
      ),
    ])
    .groupBy('cadres.gender')
    .execute()) as unknown as Record<string, string | number | null>[];
  return rows.map((r) => ({ gender: String(r.gender), bands: Object.fromEntries(ranges.map((b, i) => [b.key, Number(r[`band${i}`] ?? 0)])) }));
}

/** Posts in scope (optionally a unit subtree) with their holders on a date: one row per post. */
function postsOn(db: Db, authorityIds: readonly number[], on: string, unitPath?: string) {
  const q = postsWithHolders(db, authorityIds, on)
    .select(['posts.id', 'posts.levelCode', 'posts.title', 'teams.name as teamName', 'teams.unitId', 'units.name as unitName'])
    .groupBy(['posts.levelCode', 'posts.title', 'teams.name', 'teams.unitId', 'units.name']);
  return unitPath === undefined ? q : q.where('units.path', 'like', `${unitPath}%`);
}

/** Quota, holders and vacancies (never negative per post) per 职务层次 of the posts, on a date. */
export async function vacanciesByLevel(db: Db, authorityIds: readonly number[], on: string, unitPath?: string) {
  const p = postsOn(db, authorityIds, on, unitPath).as('p');
  const rows = await db
    .selectFrom(p)
    .select((eb) => ['p.levelCode', eb.fn.sum<number>('p.quota').as('quota'), eb.fn.sum<number>('p.filled').as('filled'), VACANT_SUM.as('vacant')])
    .groupBy('p.levelCode')
    .orderBy('p.levelCode')
    .execute();
  return rows.map((r) => ({ levelCode: r.levelCode, quota: Number(r.quota ?? 0), filled: Number(r.filled ?? 0), vacant: Number(r.vacant ?? 0) }));
}

/** The posts with a vacancy on a date (the names behind a vacancy figure), at most `limit`. */
export async function vacantPosts(db: Db, authorityIds: readonly number[], on: string, f: { unitPath?: string; levelCode?: string; limit: number }) {
  let q = db.selectFrom(postsOn(db, authorityIds, on, f.unitPath).as('p')).where('p.quota', '>', (eb) => eb.ref('p.filled'));
  if (f.levelCode) q = q.where('p.levelCode', '=', f.levelCode);
  const [items, count] = await Promise.all([
    q
      .select(['p.id', 'p.teamId', 'p.unitId', 'p.title', 'p.levelCode', 'p.isChief', 'p.quota', 'p.filled', 'p.teamName', 'p.unitName'])
      .orderBy('p.unitName')
      .orderBy('p.teamName')
      .orderBy('p.isChief', 'desc')
      .orderBy('p.id')
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((i) => ({ ...i, filled: Number(i.filled) })), total: Number(count.n) };
}
