// The only code that reads and writes cadre tables. Every read takes the actor's visible authorities,
// so a cadre outside the actor's 干部管理权限 is simply not found.
import { sql, type ExpressionBuilder, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import { dialectOf, executeCompiled, type Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { CadreTable } from './cadres.table.js';
import type { AppraisalEntry, FamilyMember, RankEntry, ResumeLine, RewardEntry } from './cadres.rules.js';
import { chunks } from '../../domain/group.js';

export type CadreRow = Omit<Insertable<CadreTable>, 'id' | 'version'>;

export interface CadreChildren {
  resume: ResumeLine[];
  rewards: RewardEntry[];
  appraisals: AppraisalEntry[];
  family: FamilyMember[];
  ranks: RankEntry[];
  tags: string[];
}

/** One cadre within scope, with the names of its unit and authority and whether it has a photo. */
export async function findCadre(db: Db, id: number, authorityIds: readonly number[]) {
  if (authorityIds.length === 0) return undefined;
  return db
    .selectFrom('cadres')
    .innerJoin('authorities', 'authorities.id', 'cadres.authorityId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .leftJoin('cadrePhotos', 'cadrePhotos.cadreId', 'cadres.id')
    .selectAll('cadres')
    .select(['authorities.name as authorityName', 'units.name as unitName', 'cadrePhotos.mime as photoMime'])
    .where('cadres.id', '=', id)
    .where('cadres.authorityId', 'in', authorityIds)
    .executeTakeFirst();
}

/** How many authorities there are: a scope of that many (distinct, existing) ids is all of them. */
export async function authorityCount(db: Db): Promise<number> {
  const { rows } = await executeCompiled(db, 'authorities.count', () =>
    db.selectFrom('authorities').select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return Number(rows[0].n);
}

/** Who holds an ID number, across all authorities (an ID number is unique in the whole system). */
export async function findIdCardOwner(db: Db, idCard: string): Promise<number | undefined> {
  const row = await db.selectFrom('cadres').select('id').where('idCard', '=', idCard).executeTakeFirst();
  return row?.id;
}

export async function findUnitAuthority(db: Db, unitId: number): Promise<number | undefined> {
  const row = await db.selectFrom('units').select('authorityId').where('id', '=', unitId).executeTakeFirst();
  return row?.authorityId;
}

export async function findUnitPath(db: Db, unitId: number): Promise<string | undefined> {
  const row = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  return row?.path;
}

export async function loadChildren(db: Db, cadreId: number): Promise<CadreChildren> {
  const [resume, rewards, appraisals, family, ranks, tags] = await Promise.all([
    db.selectFrom('cadreResume').select(['kind', 'startMonth', 'endMonth', 'text']).where('cadreId', '=', cadreId).orderBy('seq').execute(),
    db.selectFrom('cadreRewards').select(['kind', 'month', 'description', 'docNo']).where('cadreId', '=', cadreId).orderBy('seq').execute(),
    db.selectFrom('cadreAppraisals').select(['year', 'grade']).where('cadreId', '=', cadreId).orderBy('year').execute(),
    db
      .selectFrom('cadreFamily')
      .select(['relation', 'name', 'birthMonth', 'politicalStatus', 'workUnitPost'])
      .where('cadreId', '=', cadreId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('cadreRanks')
      .select(['rankCode', 'startDate', 'endDate', 'docNo'])
      .where('cadreId', '=', cadreId)
      .orderBy('startDate')
      .orderBy('id')
      .execute(),
    db.selectFrom('cadreTags').select('tag').where('cadreId', '=', cadreId).orderBy('tag').execute(),
  ]);
  return {
    resume: resume as ResumeLine[],
    rewards: rewards as RewardEntry[],
    appraisals: appraisals as AppraisalEntry[],
    family,
    ranks,
    tags: tags.map((t) => t.tag),
  };
}

export async function insertCadre(db: Db, row: CadreRow): Promise<number> {
  const r = await db.insertInto('cadres').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** insertCadre for many new cadres: multi-row inserts; the new ids in the order of `rows`. */
export async function insertCadres(db: Db, rows: readonly CadreRow[]): Promise<number[]> {
  const ids = new Map<string, number>();
  // ≤ 500 rows of ≈ 45 columns: under both databases' bound-parameter limits
  for (const part of chunks(rows, 500)) {
    // RETURNING promises no order: the new rows are told apart by their (unique) ID numbers.
    const r = await db.insertInto('cadres').values(part).returning(['id', 'idCard']).execute();
    for (const x of r) ids.set(x.idCard, x.id);
  }
  return rows.map((row) => ids.get(row.idCard)!);
}

/** Update when the version still matches; false when someone else saved first. */
export async function updateCadre(db: Db, id: number, version: number, row: Partial<CadreRow>): Promise<boolean> {
  const r = await db
    .updateTable('cadres')
    .set({ ...row, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One cadre's changed columns, to be set only if it is still at `version` (it then moves to version + 1). */
export interface CadreUpdate {
  id: number;
  version: number;
  row: Partial<CadreRow>;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * updateCadre for many cadres at once: one statement per chunk of cadres that change the same columns,
 * the values passed as one JSON array (PostgreSQL types them by the table's row type). The number of
 * cadres not updated because somebody saved them since their version was read.
 */
export async function updateCadres(db: Db, updates: readonly CadreUpdate[]): Promise<number> {
  const groups = new Map<string, CadreUpdate[]>();
  for (const u of updates) {
    const k = Object.keys(u.row).sort().join(',');
    const g = groups.get(k);
    if (g) g.push(u);
    else groups.set(k, [u]);
  }
  const pg = dialectOf(db as unknown as Kysely<unknown>) === 'postgres';
  let missed = 0;
  for (const [k, group] of groups) {
    // column names from CadreRow's own keys, never from input
    const columns = k.split(',').map(snake);
    const set = sql.raw(
      columns.map((c) => (pg ? `${c} = x.${c}` : `${c} = json_extract(x.value, '$.${c}')`)).join(', ') +
        (columns.length ? ', ' : '') +
        'version = cadres.version + 1',
    );
    for (const part of chunks(group, 1000)) {
      const json = JSON.stringify(
        part.map((u) => ({ id: u.id, version: u.version, ...Object.fromEntries(Object.entries(u.row).map(([c, v]) => [snake(c), v ?? null])) })),
      );
      const r = pg
        ? await sql`update cadres set ${set} from json_populate_recordset(null::cadres, ${json}::json) as x where cadres.id = x.id and cadres.version = x.version`.execute(
            db,
          )
        : await sql`update cadres set ${set} from json_each(${json}) as x where cadres.id = json_extract(x.value, '$.id') and cadres.version = json_extract(x.value, '$.version')`.execute(
            db,
          );
      missed += part.length - Number(r.numAffectedRows ?? 0);
    }
  }
  return missed;
}

/** Replace every child list of a cadre with the given ones (the profile is saved as a whole). */
export async function replaceChildren(db: Db, cadreId: number, c: CadreChildren): Promise<void> {
  for (const t of ['cadreResume', 'cadreRewards', 'cadreAppraisals', 'cadreFamily', 'cadreRanks', 'cadreTags'] as const) {
    await db.deleteFrom(t).where('cadreId', '=', cadreId).execute();
  }
  await insertChildren(db, cadreId, c);
}

/** Replace only the child lists that differ (`changed`), e.g. none when an import sets scalar fields only. */
export async function replaceSomeChildren(db: Db, cadreId: number, c: CadreChildren, changed: readonly (keyof CadreChildren)[]): Promise<void> {
  if (!changed.length) return;
  const table = {
    resume: 'cadreResume',
    rewards: 'cadreRewards',
    appraisals: 'cadreAppraisals',
    family: 'cadreFamily',
    ranks: 'cadreRanks',
    tags: 'cadreTags',
  } as const;
  for (const k of changed) await db.deleteFrom(table[k]).where('cadreId', '=', cadreId).execute();
  const none: CadreChildren = { resume: [], rewards: [], appraisals: [], family: [], ranks: [], tags: [] };
  const only = { ...none };
  for (const k of changed) (only as Record<string, unknown>)[k] = c[k];
  await insertChildren(db, cadreId, only);
}

/** key → value for the keys found, read 500 keys at a time (IN lists under the bound-parameter limits). */
async function mapInParts<K, V>(keys: readonly K[], read: (part: K[]) => Promise<(readonly [K, V])[]>): Promise<Map<K, V>> {
  const out = new Map<K, V>();
  for (const part of chunks([...new Set(keys)], 500)) for (const [k, v] of await read(part)) out.set(k, v);
  return out;
}

/** Ids per ID number (any authority), for a batch. */
export const findIdCardOwners = (db: Db, idCards: readonly string[]): Promise<Map<string, number>> =>
  mapInParts(idCards, async (part) =>
    (await db.selectFrom('cadres').select(['id', 'idCard']).where('idCard', 'in', part).execute()).map((r) => [r.idCard, r.id] as const),
  );

/** The version of each of these cadres (whatever the scope): has any of them been saved since? */
export const cadreVersions = (db: Db, ids: readonly number[]): Promise<Map<number, number>> =>
  mapInParts(ids, async (part) =>
    (await db.selectFrom('cadres').select(['id', 'version']).where('id', 'in', part).execute()).map((r) => [r.id, r.version] as const),
  );

/** findCadre for many ids at once (those within scope). */
export async function findCadres(db: Db, ids: readonly number[], authorityIds: readonly number[]) {
  const out = new Map<number, NonNullable<Awaited<ReturnType<typeof findCadre>>>>();
  if (authorityIds.length === 0) return out;
  for (const part of chunks([...new Set(ids)], 500)) {
    const rows = await db
      .selectFrom('cadres')
      .innerJoin('authorities', 'authorities.id', 'cadres.authorityId')
      .leftJoin('units', 'units.id', 'cadres.unitId')
      .leftJoin('cadrePhotos', 'cadrePhotos.cadreId', 'cadres.id')
      .selectAll('cadres')
      .select(['authorities.name as authorityName', 'units.name as unitName', 'cadrePhotos.mime as photoMime'])
      .where('cadres.id', 'in', part)
      .execute();
    // Scope checked here rather than in SQL: with both IN lists the planner may walk an authority index.
    const scope = new Set(authorityIds);
    for (const r of rows) if (scope.has(r.authorityId)) out.set(r.id, r);
  }
  return out;
}

/**
 * loadChildren for many cadres at once: six queries per 500 cadres instead of six per cadre; only the
 * lists asked for are read (the others come back empty).
 */
export async function loadChildrenMany(
  db: Db,
  ids: readonly number[],
  lists: readonly (keyof CadreChildren)[] = ['resume', 'rewards', 'appraisals', 'family', 'ranks', 'tags'],
): Promise<Map<number, CadreChildren>> {
  const want = (k: keyof CadreChildren) => lists.includes(k);
  const out = new Map<number, CadreChildren>();
  const of = (id: number) => out.get(id)!;
  for (const id of ids) out.set(id, { resume: [], rewards: [], appraisals: [], family: [], ranks: [], tags: [] });
  for (const part of chunks([...new Set(ids)], 500)) {
    const none = Promise.resolve([] as never[]);
    const [resume, rewards, appraisals, family, ranks, tags] = await Promise.all([
      !want('resume')
        ? none
        : db
            .selectFrom('cadreResume')
            .select(['cadreId', 'kind', 'startMonth', 'endMonth', 'text'])
            .where('cadreId', 'in', part)
            .orderBy('cadreId')
            .orderBy('seq')
            .execute(),
      !want('rewards')
        ? none
        : db
            .selectFrom('cadreRewards')
            .select(['cadreId', 'kind', 'month', 'description', 'docNo'])
            .where('cadreId', 'in', part)
            .orderBy('cadreId')
            .orderBy('seq')
            .execute(),
      !want('appraisals')
        ? none
        : db
            .selectFrom('cadreAppraisals')
            .select(['cadreId', 'year', 'grade'])
            .where('cadreId', 'in', part)
            .orderBy('cadreId')
            .orderBy('year')
            .execute(),
      !want('family')
        ? none
        : db
            .selectFrom('cadreFamily')
            .select(['cadreId', 'relation', 'name', 'birthMonth', 'politicalStatus', 'workUnitPost'])
            .where('cadreId', 'in', part)
            .orderBy('cadreId')
            .orderBy('seq')
            .execute(),
      !want('ranks')
        ? none
        : db
            .selectFrom('cadreRanks')
            .select(['cadreId', 'rankCode', 'startDate', 'endDate', 'docNo'])
            .where('cadreId', 'in', part)
            .orderBy('cadreId')
            .orderBy('startDate')
            .orderBy('id')
            .execute(),
      !want('tags')
        ? none
        : db.selectFrom('cadreTags').select(['cadreId', 'tag']).where('cadreId', 'in', part).orderBy('cadreId').orderBy('tag').execute(),
    ]);
    for (const { cadreId, ...r } of resume) of(cadreId).resume.push(r as ResumeLine);
    for (const { cadreId, ...r } of rewards) of(cadreId).rewards.push(r as RewardEntry);
    for (const { cadreId, ...r } of appraisals) of(cadreId).appraisals.push(r as AppraisalEntry);
    for (const { cadreId, ...r } of family) of(cadreId).family.push(r);
    for (const { cadreId, ...r } of ranks) of(cadreId).ranks.push(r);
    for (const { cadreId, tag } of tags) of(cadreId).tags.push(tag);
  }
  return out;
}

/** The authority of each unit asked for (unknown units are absent). */
export const unitAuthorities = (db: Db, unitIds: readonly number[]): Promise<Map<number, number>> =>
  mapInParts(unitIds, async (part) =>
    (await db.selectFrom('units').select(['id', 'authorityId']).where('id', 'in', part).execute()).map((r) => [r.id, r.authorityId] as const),
  );

/** The child rows of a cadre that has none yet (a new one): replaceChildren without its deletes. */
export async function insertChildren(db: Db, cadreId: number, c: CadreChildren): Promise<void> {
  await insertChildrenMany(db, [{ cadreId, children: c }]);
}

/** insertChildren for many new cadres: one multi-row insert per table (per 1,000 rows). */
export async function insertChildrenMany(db: Db, list: readonly { cadreId: number; children: CadreChildren }[]): Promise<void> {
  const resume = list.flatMap(({ cadreId, children }) => children.resume.map((r, seq) => ({ ...r, cadreId, seq })));
  const rewards = list.flatMap(({ cadreId, children }) => children.rewards.map((r, seq) => ({ ...r, cadreId, seq })));
  const appraisals = list.flatMap(({ cadreId, children }) => children.appraisals.map((a) => ({ ...a, cadreId })));
  const family = list.flatMap(({ cadreId, children }) => children.family.map((f, seq) => ({ ...f, cadreId, seq })));
  const ranks = list.flatMap(({ cadreId, children }) => children.ranks.map((r) => ({ ...r, cadreId })));
  const tags = list.flatMap(({ cadreId, children }) => children.tags.map((tag) => ({ cadreId, tag })));
  for (const part of chunks(resume, 1000)) await db.insertInto('cadreResume').values(part).execute();
  for (const part of chunks(rewards, 1000)) await db.insertInto('cadreRewards').values(part).execute();
  for (const part of chunks(appraisals, 1000)) await db.insertInto('cadreAppraisals').values(part).execute();
  for (const part of chunks(family, 1000)) await db.insertInto('cadreFamily').values(part).execute();
  for (const part of chunks(ranks, 1000)) await db.insertInto('cadreRanks').values(part).execute();
  for (const part of chunks(tags, 1000)) await db.insertInto('cadreTags').values(part).execute();
}

// ---- search ----

export type CadreSort = 'name' | 'pinyin' | 'birthDate' | 'level' | 'workStart';

/** What the search matches on, within scope (the search adds order and paging; the roster, keyset pages). */
export interface CadreConditions {
  authorityIds: readonly number[];
  /**
   * authorityIds is every authority there is (the top department's scope): no scope condition is
   * written, since every cadre belongs to an authority. A list of 259 ids cost SQLite ≈ 0.5–2 ms per
   * statement at 1,000,000 cadres, more than the page itself.
   */
  allAuthorities?: boolean;
  /** pinyin prefix, matched against the full pinyin and the initials (lower case) */
  pinyinPrefix?: string;
  /** substring of the name */
  nameContains?: string;
  gender?: string;
  /** birth date bounds from the age range: bornOnOrBefore for ageMin, bornAfter for ageMax */
  bornOnOrBefore?: string;
  bornAfter?: string;
  ethnic?: string;
  politicalIn?: string[];
  politicalNotIn?: string[];
  educationIn?: string[];
  /** no 学历 recorded (the statistics' 未填学历) */
  educationMissing?: boolean;
  levelIn?: string[];
  /** no 职务层次 recorded (the statistics' 未定职务层次) */
  levelMissing?: boolean;
  rank?: string;
  /** materialized path of a unit: its whole subtree */
  unitPath?: string;
  specialtyContains?: string;
  tag?: string;
  status?: string;
}

export interface CadreFilter extends CadreConditions {
  sort: CadreSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Callers pass plain text; LIKE's own wildcards in it would match anything. */
const likeText = (s: string) => s.replace(/[%_\\]/g, '');

/** At most this many of a query's bigrams are intersected; the LIKE checks the rest. */
const MAX_GRAMS = 4;

/**
 * The distinct two-character pieces of a name query, as migration 0013 stores them (by code point, as
 * SQL's substr counts characters), or none when they cannot narrow it: a single character, or text
 * with letters that have case (SQLite's LIKE ignores ASCII case, the stored bigrams do not).
 */
export function nameGrams(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2 || text.toLowerCase() !== text.toUpperCase()) return [];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length && grams.size < MAX_GRAMS; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

/** A text column's values strictly between two bounds (either open): one piece of a NOT IN or <>. */
interface Range {
  above?: string;
  below?: string;
}

/**
 * What `x NOT IN (codes)` matches, as disjoint ranges: below the first code, between each two, above
 * the last (NULL is in none of them, as it matches no NOT IN). Each is an index range, so a count
 * can be summed from them without reading the rest of the index.
 */
function rangesOutside(codes: readonly string[]): Range[] {
  const sorted = [...new Set(codes)].sort();
  if (!sorted.length) return [{}];
  return [{ below: sorted[0] }, ...sorted.slice(1).map((c, i) => ({ above: sorted[i], below: c })), { above: sorted[sorted.length - 1] }];
}

interface FilterOptions {
  /**
   * SQLite: the page is to walk the index of this sort order, checking the conditions row by row
   * (they match many cadres, so 20 come soon): every condition column but the sort's own is written
   * as `+column`, which SQLite never answers from an index. Without it SQLite's planner often chose
   * a condition's index and sorted every match (≈ 5 s for 中共党员 under 40 at 1,000,000).
   */
  walk?: CadreSort;
  /** instead of politicalNotIn and ethnic 'minority': one piece of each (countCadres sums the pieces) */
  politicalRange?: Range;
  ethnicRange?: Range;
}

/** The cadres matching a filter, within scope: the base of the search and of the roster export. */
export function filtered(db: Db, f: CadreConditions, o: FilterOptions = {}) {
  const pg = dialectOf(db as unknown as Kysely<unknown>) === 'postgres';
  const walking = !pg && o.walk !== undefined;
  // The column as is, or with a unary plus that keeps SQLite from answering it from an index.
  const col = <T = string>(
    c: 'gender' | 'birthDate' | 'ethnicCode' | 'politicalStatus' | 'highestEducation' | 'levelCode' | 'rankCode' | 'unitId' | 'specialty',
  ) => {
    const ref = `cadres.${c}` as const;
    if (!walking || (o.walk && SORT_COLUMNS[o.walk] === ref)) return sql.ref<T>(ref);
    return sql<T>`+${sql.ref(ref)}`;
  };
  const inRange = (c: 'politicalStatus' | 'ethnicCode', r: Range) => (eb: ExpressionBuilder<Database, 'cadres'>) =>
    eb.and([...(r.above !== undefined ? [eb(col(c), '>', r.above)] : []), ...(r.below !== undefined ? [eb(col(c), '<', r.below)] : [])]);
  let q = db.selectFrom('cadres');
  if (!f.allAuthorities) q = q.where('cadres.authorityId', 'in', f.authorityIds);
  if (f.status) q = q.where('cadres.status', '=', f.status);
  if (f.pinyinPrefix) {
    const prefix = likeText(f.pinyinPrefix);
    if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
      // PostgreSQL answers LIKE 'prefix%' from the text_pattern_ops indexes (migration 0002).
      q = q.where((eb) => eb.or([eb('cadres.namePinyin', 'like', `${prefix}%`), eb('cadres.nameInitials', 'like', `${prefix}%`)]));
    } else {
      // SQLite's LIKE ignores case and so cannot use an index; the keys are stored lower case and the
      // prefix arrives lower case, so the same match is the range [prefix, prefix + '{') ('{' follows 'z').
      const end = `${prefix}{`;
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('cadres.namePinyin', '>=', prefix), eb('cadres.namePinyin', '<', end)]),
          eb.and([eb('cadres.nameInitials', '>=', prefix), eb('cadres.nameInitials', '<', end)]),
        ]),
      );
    }
  }
  if (f.nameContains) {
    const text = likeText(f.nameContains);
    q = q.where('cadres.name', 'like', `%${text}%`);
    // The LIKE above decides; the bigrams only narrow it down to the cadres that hold every piece of
    // the text (migration 0013), an index range each, instead of reading every name.
    const grams = nameGrams(text);
    if (grams.length) {
      q = q.where('cadres.id', 'in', (eb) => {
        const holders = (g: string) => eb.selectFrom('cadreNameGrams').select('cadreNameGrams.cadreId').where('cadreNameGrams.gram', '=', g);
        return grams.slice(1).reduce((acc, g) => acc.intersect(holders(g)), holders(grams[0]));
      });
    }
  }
  if (f.gender) q = q.where(col('gender'), '=', f.gender);
  if (f.bornOnOrBefore) q = q.where(col('birthDate'), '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where(col('birthDate'), '>', f.bornAfter);
  // 'minority' = every 民族 but 汉族 (GB 3304 code 01), the 少数民族干部 of the statistics.
  if (o.ethnicRange) q = q.where(inRange('ethnicCode', o.ethnicRange));
  else if (f.ethnic === 'minority') q = q.where(col('ethnicCode'), '<>', '01');
  else if (f.ethnic) q = q.where(col('ethnicCode'), '=', f.ethnic);
  if (f.politicalIn) q = q.where(col('politicalStatus'), 'in', f.politicalIn);
  if (o.politicalRange) q = q.where(inRange('politicalStatus', o.politicalRange));
  else if (f.politicalNotIn) q = q.where(col('politicalStatus'), 'not in', f.politicalNotIn);
  // An empty list (conditions that exclude each other) matches nothing rather than writing IN ().
  if (f.educationIn) q = f.educationIn.length ? q.where(col('highestEducation'), 'in', f.educationIn) : q.where(sql<boolean>`1 = 0`);
  if (f.levelIn) q = f.levelIn.length ? q.where(col('levelCode'), 'in', f.levelIn) : q.where(sql<boolean>`1 = 0`);
  if (f.educationMissing) q = q.where(col('highestEducation'), 'is', null);
  if (f.levelMissing) q = q.where(col('levelCode'), 'is', null);
  if (f.rank) q = q.where(col('rankCode'), '=', f.rank);
  if (f.unitPath) {
    const path = `${likeText(f.unitPath)}%`;
    q = q.where(col<number | null>('unitId'), 'in', (eb) => eb.selectFrom('units').select('units.id').where('units.path', 'like', path));
  }
  if (f.specialtyContains) {
    // The same LIKE, over each distinct 专长 text once (migration 0018 keeps the texts in use); the
    // matching texts are then index seeks in (status, specialty) instead of a read of every entry.
    const like = `%${likeText(f.specialtyContains)}%`;
    q = q.where(col('specialty'), 'in', (eb) =>
      eb.selectFrom('cadreSpecialties').select('cadreSpecialties.specialty').where('cadreSpecialties.specialty', 'like', like),
    );
  }
  if (f.tag) {
    const tag = f.tag;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('cadreTags').select('cadreTags.cadreId').whereRef('cadreTags.cadreId', '=', 'cadres.id').where('cadreTags.tag', '=', tag),
      ),
    );
  }
  return q;
}

const SORT_COLUMNS = {
  name: 'cadres.name',
  pinyin: 'cadres.namePinyin',
  birthDate: 'cadres.birthDate',
  level: 'cadres.levelCode',
  workStart: 'cadres.workStartMonth',
} as const;

/** One page of cadres and the total, both counted and cut in the database. */
export async function searchCadres(db: Db, f: CadreFilter) {
  if (f.authorityIds.length === 0) return { items: [], total: 0 };
  // The filter is the whole input of both queries: the same search (the default list above all) reuses
  // their compiled SQL.
  const key = JSON.stringify(f);
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    // PostgreSQL weighs the LIMIT itself (walk the order's index or sort the matches) and runs both
    // queries at once on two connections.
    const [page, total] = await Promise.all([executeCompiled(db, `cadres.page ${key}`, () => pageQuery(db, f)), countCadres(db, f, key)]);
    return { items: page.rows, total };
  }
  // SQLite runs one statement at a time anyway: the total first, then it decides the page's plan.
  const total = await countCadres(db, f, key);
  const walk = await walkPage(db, f, total);
  const page = await executeCompiled(db, `cadres.page ${walk ? 'walk ' : ''}${key}`, () => pageQuery(db, f, walk));
  return { items: page.rows, total };
}

/** SQLite: whether the page should walk the order's index (FilterOptions.walk), given the total. */
export async function walkPage(db: Db, f: CadreFilter, total: number): Promise<boolean> {
  if (total === 0 || f.nameContains || f.pinyinPrefix || isScopeOnly(f)) return false;
  // Walking the order's index reads ≈ (offset + limit) × inScope / total rows (a random row read each)
  // to find the page; starting from a condition's index reads ≈ total index entries (often without
  // their rows) and sorts them. A row read costs ≈ 10 index entries (measured at 1,000,000: 4,500
  // matches walked 112 ms, driven 12 ms), so walk when (offset + limit) × inScope / total × 10 ≤ total.
  const inScope = await scopeCount(db, f);
  return total * total >= 10 * (f.offset + f.limit) * inScope;
}

/** The list's order: the sort key, then name_pinyin and id as tie-breaks. */
function ordered<Q extends SelectQueryBuilder<Database, 'cadres', object>>(q: Q, f: CadreFilter): Q {
  let o = q as SelectQueryBuilder<Database, 'cadres', object>;
  // Empty 职务层次 sorts last either way; SQLite and PostgreSQL disagree on where NULLs go by default.
  // The expression is indexed as written here (migration 0016, with rank_code added by 0018), so a page
  // by level walks that index.
  if (f.sort === 'level') o = o.orderBy(sql`case when ${sql.ref('cadres.levelCode')} is null then 1 else 0 end`);
  o = o.orderBy(SORT_COLUMNS[f.sort], f.order);
  // Naming name_pinyin twice in ORDER BY keeps SQLite from walking cadres_status_pinyin: it sorted
  // the whole table (≈ 280 ms at 100,000 cadres) for the default list.
  if (f.sort !== 'pinyin') o = o.orderBy('cadres.namePinyin');
  return o.orderBy('cadres.id') as Q;
}

/**
 * The page's query (exported for bench/search-plans.ts, which shows its plan). The page's ids are
 * found first from cadres alone, then only those rows are read and joined: the ids can come from an
 * index without reading rows, and the planner cannot start from the authorities (SQLite scanned all
 * authorities and sorted their cadres for an age range, ≈ 1 s at 1,000,000).
 */
export function pageQuery(db: Db, f: CadreFilter, walk = false) {
  const ids = ordered(filtered(db, f, walk ? { walk: f.sort } : {}).select('cadres.id'), f)
    .limit(f.limit)
    .offset(f.offset);
  // CROSS JOIN keeps SQLite from reordering: from the 20 ids to their rows, never the other way round
  // (it scanned every cadre against a Bloom filter of the page). PostgreSQL plans it as an inner join.
  const items = db
    .selectFrom(ids.as('page'))
    .crossJoin('cadres')
    .whereRef('cadres.id', '=', 'page.id')
    .innerJoin('authorities', 'authorities.id', 'cadres.authorityId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select([
      'cadres.id',
      'cadres.name',
      'cadres.gender',
      'cadres.birthDate',
      'cadres.ethnicCode',
      'cadres.politicalStatus',
      'cadres.highestEducation',
      'cadres.levelCode',
      'cadres.rankCode',
      'cadres.unitId',
      'cadres.currentPost',
      'cadres.authorityId',
      'cadres.status',
      'units.name as unitName',
      'authorities.name as authorityName',
    ]);
  return ordered(items as unknown as SelectQueryBuilder<Database, 'cadres', object>, f) as unknown as typeof items;
}

/** Keys that only scope, order or cut the list; any other condition set means rows must be counted. */
const SCOPE_ONLY = new Set(['authorityIds', 'allAuthorities', 'status', 'sort', 'order', 'limit', 'offset']);

const isScopeOnly = (f: CadreConditions) => Object.entries(f).every(([k, v]) => SCOPE_ONLY.has(k) || v === undefined || v === false);

/** The cadres in scope with the status asked for, summed from cadre_counts (migration 0009). */
async function scopeCount(db: Db, f: CadreConditions): Promise<number> {
  const r = await executeCompiled(db, `cadres.sum ${JSON.stringify([f.allAuthorities || f.authorityIds, f.status])}`, () => {
    let q = db.selectFrom('cadreCounts').select((eb) => eb.fn.sum<number | string | null>('n').as('n'));
    if (!f.allAuthorities) q = q.where('authorityId', 'in', f.authorityIds);
    if (f.status) q = q.where('status', '=', f.status);
    return q;
  });
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The exact number of cadres matching the conditions. Scope and status alone (the default list) are
 * summed from cadre_counts, which triggers keep in the same transaction as the cadre rows (migration
 * 0009); counting 100,000 index entries took ≈ 20 ms per request on SQLite. Coded columns alone are
 * summed from cadre_profile_counts (profileCountQuery), a birth range with some of them from
 * cadre_birth_profile_counts (birthProfileCountQuery). Any other condition counts index entries
 * (migration 0016 gives each common condition an index that covers the count).
 */
export async function countCadres(db: Db, f: CadreConditions, key = JSON.stringify(f)): Promise<number> {
  if (f.authorityIds.length === 0) return 0;
  if (isScopeOnly(f)) return scopeCount(db, f);
  // Sort and paging keys in `key` make a few identical count queries under different keys: harmless.
  const r = await executeCompiled(db, `cadres.count ${key}`, () => countQuery(db, f));
  return Object.values(r.rows[0] as Record<string, number | string>).reduce<number>((sum, n) => sum + Number(n), 0);
}

/**
 * 党外 (political status NOT IN the party codes) and 少数民族 (ethnic code <> 01) match most of an
 * index but cannot be read as a range of it: both databases read every entry (SQLite ≈ 0.4 s at
 * 1,000,000). Split into disjoint ranges (rangesOutside), each counted from its index range, the
 * pieces add up to the same exact total.
 */
function countPieces(f: CadreConditions): FilterOptions[] {
  const political = f.politicalNotIn ? rangesOutside(f.politicalNotIn) : [undefined];
  const ethnic = f.ethnic === 'minority' ? rangesOutside(['01']) : [undefined];
  return political.flatMap((p) => ethnic.map((e) => ({ ...(p && { politicalRange: p }), ...(e && { ethnicRange: e }) })));
}

/** Conditions that cadre_profile_counts (migration 0015) has as columns; any other needs the rows. */
const PROFILE_KEYS = new Set([...SCOPE_ONLY, 'gender', 'ethnic', 'politicalIn', 'politicalNotIn', 'educationIn', 'levelIn']);

/**
 * Whether only scope, status and profile columns are asked for (at least one of the latter). 少数民族
 * alone (≈ 4 % of the cadres) stays with its two index ranges (countPieces), which read fewer entries.
 */
export const isProfileOnly = (f: CadreConditions) =>
  !isScopeOnly(f) &&
  Object.entries(f).every(([k, v]) => PROFILE_KEYS.has(k) || v === undefined || v === false) &&
  !(f.ethnic === 'minority' && isScopeOnly({ ...f, ethnic: undefined }));

/**
 * The total of conditions on coded columns only, summed from cadre_profile_counts (per authority,
 * migration 0015) or, for the whole province, cadre_province_counts (migration 0018, which also has
 * 职级); triggers keep both in the same transaction as the cadre rows, so the total is exact and never
 * stale. It reads at most the kept rows of the status (≈ 61,000 per authority at 1,000,000 cadres,
 * ≈ 12 ms on SQLite; ≈ 4,000 for the province, < 1 ms; a 职务层次 is a seek into either key), where an
 * index count reads every match (956,501 for 本科及以上: ≈ 60 ms). The same comparisons as filtered():
 * the codes are NOT NULL columns but 职务层次, 职级 and 学历, kept as '', which matches no code list
 * (the 'missing' conditions, IS NULL, are not answered here).
 */
export function profileCountQuery(db: Db, f: CadreConditions) {
  const province = isProvinceOnly(f);
  // The two tables share these columns; cadre_province_counts has no authority and adds rank_code.
  let q = db
    .selectFrom(province ? ('cadreProvinceCounts' as 'cadreProfileCounts') : 'cadreProfileCounts')
    .select((eb) => eb.fn.sum<number | string | null>('n').as('n'));
  if (!province && !f.allAuthorities) q = q.where('authorityId', 'in', f.authorityIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.gender) q = q.where('gender', '=', f.gender);
  if (f.ethnic === 'minority') q = q.where('ethnicCode', '<>', '01');
  else if (f.ethnic) q = q.where('ethnicCode', '=', f.ethnic);
  if (f.politicalIn) q = q.where('politicalStatus', 'in', f.politicalIn);
  if (f.politicalNotIn) q = q.where('politicalStatus', 'not in', f.politicalNotIn);
  const codes = (c: 'highestEducation' | 'levelCode', list: string[]) => (list.length ? q.where(c, 'in', list) : q.where(sql<boolean>`1 = 0`));
  if (f.educationIn) q = codes('highestEducation', f.educationIn);
  if (f.levelIn) q = codes('levelCode', f.levelIn);
  if (f.rank) q = q.where(sql.ref('rank_code'), '=', f.rank);
  return q;
}

/** What cadre_province_counts (migration 0018) has as columns: cadre_profile_counts' and 职级. */
const PROVINCE_KEYS = new Set([...PROFILE_KEYS, 'rank']);

/** Whether only coded columns of cadre_province_counts are asked for, for the whole province. */
export const isProvinceOnly = (f: CadreConditions) =>
  !!f.allAuthorities && !isScopeOnly(f) && Object.entries(f).every(([k, v]) => PROVINCE_KEYS.has(k) || v === undefined || v === false);

/** Conditions that cadre_birth_profile_counts (migration 0018) has as columns, for the whole province. */
const BIRTH_PROFILE_KEYS = new Set([...SCOPE_ONLY, 'gender', 'politicalIn', 'politicalNotIn', 'educationIn', 'bornAfter', 'bornOnOrBefore']);

/**
 * Whether only what cadre_birth_profile_counts has is asked for, for the whole province (≈ 24,000
 * rows; without a birth range cadre_province_counts answers first, from fewer).
 */
export function isBirthProfileOnly(f: CadreConditions): boolean {
  if (!f.allAuthorities || isScopeOnly(f)) return false;
  if (!Object.entries(f).every(([k, v]) => BIRTH_PROFILE_KEYS.has(k) || v === undefined || v === false)) return false;
  // Within one month (or an empty range) the cadres' own index range is small anyway.
  return !(f.bornAfter && f.bornOnOrBefore && f.bornAfter.slice(0, 7) >= f.bornOnOrBefore.slice(0, 7));
}

/**
 * The total of gender, political status, 学历 and a birth range, for the whole province: the whole
 * months inside the range summed from cadre_birth_profile_counts (kept by triggers in the same
 * transaction as the cadres, migration 0018, so exact and never stale), plus the cadres of the one or
 * two boundary months counted from the cadres (≈ 1,400 index entries a month at 1,000,000), in one
 * statement. Birth dates are 'YYYY-MM-DD' (validated, and the month key of 0015/0018 relies on it):
 * a month key above the lower bound's month is a date above the bound, and 'YYYY-MM-99' / 'YYYY-MM-00'
 * enclose the dates of month YYYY-MM.
 */
export function birthProfileCountQuery(db: Db, f: CadreConditions) {
  const lo = f.bornAfter?.slice(0, 7);
  const hi = f.bornOnOrBefore?.slice(0, 7);
  let kept = db.selectFrom('cadreBirthProfileCounts').select((eb) => eb.fn.sum<number | string | null>('n').as('n'));
  if (f.status) kept = kept.where('status', '=', f.status);
  if (lo) kept = kept.where('birthMonth', '>', lo);
  if (hi) kept = kept.where('birthMonth', '<', hi);
  if (f.gender) kept = kept.where('gender', '=', f.gender);
  if (f.politicalIn) kept = kept.where('politicalStatus', 'in', f.politicalIn);
  if (f.politicalNotIn) kept = kept.where('politicalStatus', 'not in', f.politicalNotIn);
  if (f.educationIn) kept = f.educationIn.length ? kept.where('highestEducation', 'in', f.educationIn) : kept.where(sql<boolean>`1 = 0`);
  const edge = (g: CadreConditions) => filtered(db, g).select((eb) => eb.fn.countAll<number>().as('n'));
  return db.selectNoFrom([
    kept.as('n0'),
    ...(lo ? [edge({ ...f, bornOnOrBefore: `${lo}-99` }).as('n1')] : []),
    ...(hi ? [edge({ ...f, bornAfter: `${hi}-00` }).as('n2')] : []),
  ]);
}

/** The row count of countCadres: one column per piece, to be added (exported for bench/search-plans.ts). */
export function countQuery(db: Db, f: CadreConditions) {
  if (isProvinceOnly(f) || isProfileOnly(f)) return profileCountQuery(db, f);
  if (isBirthProfileOnly(f)) return birthProfileCountQuery(db, f);
  const pieces = countPieces(f);
  const count = (o: FilterOptions) => filtered(db, f, o).select((eb) => eb.fn.countAll<number>().as('n'));
  return pieces.length === 1 ? count(pieces[0]) : db.selectNoFrom(pieces.map((o, i) => count(o).as(`n${i}`)));
}

export async function tagsOf(db: Db, cadreIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (cadreIds.length === 0) return map;
  const { rows } = await executeCompiled(db, `cadres.tags ${cadreIds.join(',')}`, () =>
    db.selectFrom('cadreTags').select(['cadreId', 'tag']).where('cadreId', 'in', cadreIds).orderBy('tag'),
  );
  for (const r of rows) map.set(r.cadreId, [...(map.get(r.cadreId) ?? []), r.tag]);
  return map;
}

/** The tags in use within scope, with how many active cadres carry each. */
export async function tagCounts(db: Db, authorityIds: readonly number[]) {
  if (authorityIds.length === 0) return [];
  const rows = await db
    .selectFrom('cadreTags')
    .innerJoin('cadres', 'cadres.id', 'cadreTags.cadreId')
    .select(['cadreTags.tag', (eb) => eb.fn.countAll<number>().as('count')])
    .where('cadres.authorityId', 'in', authorityIds)
    .where('cadres.status', '=', 'active')
    .groupBy('cadreTags.tag')
    .orderBy('cadreTags.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

// ---- photo ----

export async function findPhoto(db: Db, cadreId: number) {
  return db.selectFrom('cadrePhotos').select(['mime', 'data']).where('cadreId', '=', cadreId).executeTakeFirst();
}

export async function savePhoto(db: Db, cadreId: number, mime: string, data: Uint8Array): Promise<void> {
  await db.deleteFrom('cadrePhotos').where('cadreId', '=', cadreId).execute();
  await db.insertInto('cadrePhotos').values({ cadreId, mime, data }).execute();
}

export interface NewPhoto {
  cadreId: number;
  mime: string;
  data: Uint8Array;
}

/** The photos of new cadres (none stored yet): multi-row inserts of at most ≈ 8 MB each. */
export async function insertPhotos(db: Db, photos: readonly NewPhoto[]): Promise<void> {
  let part: NewPhoto[] = [];
  let bytes = 0;
  const flush = async () => {
    if (part.length) await db.insertInto('cadrePhotos').values(part).execute();
    part = [];
    bytes = 0;
  };
  for (const p of photos) {
    if (bytes + p.data.length > 8 * 1024 * 1024) await flush();
    part.push(p);
    bytes += p.data.length;
  }
  await flush();
}

export async function deletePhoto(db: Db, cadreId: number): Promise<void> {
  await db.deleteFrom('cadrePhotos').where('cadreId', '=', cadreId).execute();
}
