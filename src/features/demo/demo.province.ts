// A synthetic province for benchmarks: many copies of the demo city (each with its own seed, its own
// city and county departments, and more townships per county), built and written one city at a time
// so memory stays bounded whatever the size. Deterministic: the same seed and size give the same rows.
import type { Db } from '../../db/database.js';
import { Random } from '../../domain/random.js';
import { ensureBuiltInRoles } from '../accounts/accounts.bootstrap.js';
import { hashPassword } from '../accounts/accounts.service.js';
import { DEMO_AUTHORITIES, DEMO_PASSWORD, type DemoAuthorityKey } from './demo.accounts.js';
import { AS_OF, CREATED_AT } from './demo.catalog.js';
import { buildDemoCity, writeDemoCity, type DemoCity } from './demo.generator.js';
import { insertMany, nextIds, putSetting, syncIdSequences } from './demo.repository.js';

/** Cadres of one demo city at scale 1 (3,000 city-managed, 20,000 county-managed). */
const CITY_SIZE = 23_000;
/**
 * Townships per county in a province: with them a city has about 465 units and 700 teams, so a
 * province of a million cadres (43 cities) has about 20,000 units and 30,000 teams.
 */
const PROVINCE_TOWNSHIPS: readonly [number, number] = [40, 54];
/** 其间 notes added to every profile so a resume has about ten lines, as long careers do. */
const EXTRA_NOTES = 4;
const TRAININGS = [
  '省委党校中青年干部培训班',
  '省委党校县处级干部进修班',
  '市委党校科级干部培训班',
  '省行政学院公务员任职培训班',
  '国家行政学院专题研讨班',
  '省委组织部乡村振兴专题培训班',
  '浙江大学基层治理能力提升研修班',
  '市委党校年轻干部培训班',
];

export interface ProvincePlan {
  cadres: number;
  cities: number;
  /** scale of each city (about 1) */
  scale: number;
}

export function provincePlan(cadres: number): ProvincePlan {
  const cities = Math.max(1, Math.round(cadres / CITY_SIZE));
  return { cadres, cities, scale: cadres / (cities * CITY_SIZE) };
}

export interface ProvinceAuthorities {
  province: number;
  /** per city: its six departments as the demo city names them */
  cities: Record<DemoAuthorityKey, number>[];
}

/** The province's departments (one per city and county) and one 干部科 account that sees them all. */
export async function createProvinceAuthorities(db: Db, plan: ProvincePlan, username = 'ganbuke'): Promise<ProvinceAuthorities> {
  await ensureBuiltInRoles(db);
  const { id: province } = await db
    .insertInto('authorities')
    .values({ name: '中共青川省委组织部', level: 'province', parentId: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cities: Record<DemoAuthorityKey, number>[] = [];
  for (let c = 0; c < plan.cities; c++) {
    const ids = {} as Record<DemoAuthorityKey, number>;
    for (const a of DEMO_AUTHORITIES) {
      const parentId = a.parent ? ids[a.parent] : province;
      const { id } = await db
        .insertInto('authorities')
        .values({ name: `${a.name}（第${c + 1}市）`, level: a.level, parentId })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[a.key] = id;
    }
    cities.push(ids);
  }
  const role = await db.selectFrom('roles').select('id').where('code', '=', 'cadre_section').executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values({
      username,
      displayName: '省委组织部干部处',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roleId: role.id,
      authorityId: province,
      createdAt: CREATED_AT,
    })
    .execute();
  return { province, cities };
}

export interface ProvinceCursor {
  unit: number;
  team: number;
  post: number;
  cadre: number;
  /** the province's root unit, parent of every city's root */
  root: number;
  usedIds: Set<string>;
}

/** The province's root unit and where the ids of the cities start. */
export async function startProvince(db: Db, provinceAuthority: number): Promise<ProvinceCursor> {
  const ids = await nextIds(db);
  const root = ids.units;
  await insertMany(db, 'units', [
    { id: root, name: '青川省', parentId: null, path: `/${root}/`, kind: '地区', tier: 'province', authorityId: provinceAuthority, sortOrder: 1 },
  ]);
  return { unit: root + 1, team: ids.teams, post: ids.posts, cadre: ids.cadres, root, usedIds: new Set() };
}

/** City number `index` of the province, in memory (pure but for the cursor it advances). */
export function buildProvinceCity(
  seed: number,
  plan: ProvincePlan,
  index: number,
  authorityIds: Record<DemoAuthorityKey, number>,
  cur: ProvinceCursor,
): DemoCity {
  const city = buildDemoCity(
    authorityIds,
    { seed: seed * 1_000 + index, scale: plan.scale, townships: PROVINCE_TOWNSHIPS, usedIds: cur.usedIds },
    { unit: cur.unit, team: cur.team, post: cur.post, cadre: cur.cadre },
  );
  const { units, teams, posts } = city.structure;
  // Hang the city under the province root.
  const prefix = `/${cur.root}`;
  for (const u of units) {
    u.path = prefix + u.path;
    if (u.parentId === null) u.parentId = cur.root;
  }
  const rng = new Random(seed * 7_919 + index);
  for (const b of city.bundles) addTrainingNotes(rng, b.resume);
  const maxId = (rows: { id: number }[], fallback: number) => (rows.length ? rows[rows.length - 1].id + 1 : fallback);
  cur.unit = maxId(units, cur.unit);
  cur.team = maxId(teams, cur.team);
  cur.post = maxId(posts, cur.post);
  cur.cadre = maxId(
    city.bundles.map((b) => b.cadre),
    cur.cadre,
  );
  return city;
}

const dotted = (m: number) => `${Math.floor(m / 12)}.${String((m % 12) + 1).padStart(2, '0')}`;
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Short trainings during the current post, as 其间 notes after its line. */
function addTrainingNotes(rng: Random, resume: DemoCity['bundles'][number]['resume']): void {
  const last = [...resume].reverse().find((r) => r.kind === 'segment' && r.startMonth);
  if (!last?.startMonth) return;
  const from = monthIndex(last.startMonth);
  const to = monthIndex(AS_OF) - 1;
  let seq = resume.length;
  const cadreId = last.cadreId;
  const starts = Array.from({ length: EXTRA_NOTES }, () => rng.int(from, Math.max(from, to))).sort((a, b) => a - b);
  for (const s of starts) {
    const e = Math.min(s + rng.int(0, 2), to);
    resume.push({
      cadreId,
      seq: ++seq,
      startMonth: null,
      endMonth: null,
      kind: 'note',
      text: `（其间：${dotted(s)}--${dotted(e)}在${rng.pick(TRAININGS)}学习）`,
    });
  }
}

/** Write one city (callers choose the transaction). */
export async function writeProvinceCity(db: Db, city: DemoCity): Promise<void> {
  await writeDemoCity(db, city, { finish: false });
}

/** After the last city: sequences past the explicit ids, and the demo flag. */
export async function finishProvince(db: Db): Promise<void> {
  await syncIdSequences(db);
  await putSetting(db, {
    key: 'system.demoData',
    value: 'true',
    effectiveFrom: '2000-01-01',
    source: '演示数据',
    updatedBy: 'demo',
    updatedAt: CREATED_AT,
  });
}

/**
 * Build and write a whole province, one city per transaction; the next city is built while the
 * database (PostgreSQL) still writes the previous one. Memory holds at most two cities.
 */
export async function generateDemoProvince(
  db: Db,
  opts: { seed: number; cadres: number },
  onCity?: (done: number, of: number, cadres: number) => void,
): Promise<{ cadres: number; units: number; teams: number }> {
  const plan = provincePlan(opts.cadres);
  const auth = await createProvinceAuthorities(db, plan);
  const cur = await startProvince(db, auth.province);
  let cadres = 0;
  let units = 1;
  let teams = 0;
  let pending: Promise<void> | null = null;
  for (let c = 0; c < plan.cities; c++) {
    const city = buildProvinceCity(opts.seed, plan, c, auth.cities[c], cur);
    if (pending) await pending;
    cadres += city.bundles.length;
    units += city.structure.units.length;
    teams += city.structure.teams.length;
    const done = cadres;
    pending = db
      .transaction()
      .execute((trx) => writeProvinceCity(trx, city))
      .then(() => onCity?.(c + 1, plan.cities, done));
  }
  if (pending) await pending;
  await finishProvince(db);
  return { cadres, units, teams };
}
