// The demo city's pools and lists (issue 5): specialty pool members, category lists with some
// reviews overdue, chief reserve candidates for chief posts, 好苗子, two-way secondments and “2+1”
// mentoring. Pure building from the built city; writing in a few bulk inserts after the cadres.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { Random } from '../../domain/random.js';
import { addMonths, type Category, type Readiness } from '../pools/pools.rules.js';
import type { CategoryEntryTable, PoolMembershipTable } from '../pools/pools.table.js';
import type { PromisingSource } from '../young/young.rules.js';
import { directionOf } from '../young/young.rules.js';
import type { PromisingCadreTable, SecondmentTable } from '../young/young.table.js';
import { CREATED_AT } from './demo.catalog.js';
import type { DemoCity } from './demo.generator.js';
import { insertMany } from './demo.repository.js';

/** The demo's “today” is the day it was made: every record lies before it. */
const LAST_DAY = '2026-05-31';
const BY = 'demo';

const POOL_REASONS: Record<string, string[]> = {
  党建: ['长期从事党务工作，基层党建成效明显', '大调研中党建工作评价较好', '抓党建促发展经验丰富'],
  社会治理: ['信访维稳、基层治理经验丰富', '疫情防控一线表现突出', '大调研中社会治理能力评价较好'],
  经济: ['招商引资成效明显', '熟悉产业发展和经济运行', '“双招双引”一线表现突出'],
  城建: ['重点工程建设经验丰富', '熟悉城市规划建设管理', '文明创建一线表现突出'],
  法治: ['法律专业背景，依法行政能力强', '长期从事政法工作', '法治政府建设成效明显'],
};
const CATEGORY_REASONS: Record<Category, string[]> = {
  promote_soon: ['年度考核优秀，条件成熟', '多岗位历练，综合素质好', '大调研中民主推荐得票靠前'],
  develop: ['有发展潜力，需进一步历练', '专业能力强，需补基层经历', '年轻干部，拟安排多岗位锻炼'],
  watch: ['工作经历较单一，长期关注', '新任职，待进一步观察', '结构性干部，长期关注培养'],
  unfit: ['群众反映较多，经研判不适宜担任现职', '身体原因难以履职', '担当作为不够，研判后列入'],
};

export interface PoolsDemo {
  memberships: Insertable<PoolMembershipTable>[];
  categories: Insertable<CategoryEntryTable>[];
  reserve: {
    cadreId: number;
    readiness: Readiness;
    enteredOn: string;
    status: string;
    outcomeOn: string | null;
    outcomePostId: number | null;
    outcomeReason: string | null;
    postIds: number[];
  }[];
  promising: Insertable<PromisingCadreTable>[];
  secondments: Insertable<SecondmentTable>[];
  mentorships: { cadreId: number; mentorId: number; startDate: string; endDate: string | null; records: { date: string; content: string }[] }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A day between two years (inclusive), not after the demo's last day. */
function dayIn(rng: Random, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const lastMonth = y === Number(LAST_DAY.slice(0, 4)) ? Number(LAST_DAY.slice(5, 7)) : 12;
  const d = `${y}-${pad(rng.int(1, lastMonth))}-${pad(rng.int(1, 28))}`;
  return d > LAST_DAY ? LAST_DAY : d;
}
const later = (a: string, b: string) => (a > b ? a : b);
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function buildPoolsDemo(city: DemoCity, pools: readonly { id: number; name: string }[], seed: number): PoolsDemo {
  const rng = new Random(seed).fork('pools');
  const active = city.bundles.map((b) => b.cadre).filter((c) => c.status === 'active');
  // 乡科级副职 and above (ZB09 1A11–1A42): the people the pools and lists are about
  const leaders = active.filter((c) => c.levelCode && /^1A[1-4][12]$/.test(c.levelCode));
  const tierOf = new Map(city.structure.units.map((u) => [u.id, u.tier]));
  const out: PoolsDemo = { memberships: [], categories: [], reserve: [], promising: [], secondments: [], mentorships: [] };

  // 五类干部库: about a third of the leaders, in one pool or two; a few since left a pool.
  for (const c of leaders) {
    if (!rng.chance(0.33)) continue;
    for (const pool of rng.shuffle(pools).slice(0, rng.chance(0.25) ? 2 : 1)) {
      const addedOn = dayIn(rng, 2021, 2026);
      const removed = rng.chance(0.06) && addedOn < '2025-06-01';
      out.memberships.push({
        cadreId: c.id,
        poolId: pool.id,
        reason: rng.pick(POOL_REASONS[pool.name] ?? ['大调研中综合评价较好']),
        addedOn,
        addedBy: BY,
        removedOn: removed ? later(dayIn(rng, 2025, 2026), addedOn) : null,
        removedBy: removed ? BY : null,
        removalReason: removed ? '岗位调整，不再列入该库' : null,
        createdAt: CREATED_AT,
      });
    }
  }

  // 四类干部清单: about a fifth of the leaders; some moved once, so their history has two stays.
  for (const c of leaders) {
    if (!rng.chance(0.2)) continue;
    const category = rng.weighted<Category>([
      ['promote_soon', 3],
      ['develop', 5],
      ['watch', 3],
      ['unfit', 0.4],
    ]);
    let start = dayIn(rng, 2023, 2026);
    if (category === 'promote_soon' && rng.chance(0.4) && start > '2023-06-30') {
      const first = dayIn(rng, 2022, 2022);
      out.categories.push({
        cadreId: c.id,
        category: 'develop',
        reason: rng.pick(CATEGORY_REASONS.develop),
        startDate: first,
        endDate: start,
        reviewDue: addMonths(first, 12),
        lastReviewedOn: null,
        reviewNote: null,
        decidedBy: BY,
        createdAt: CREATED_AT,
      });
    } else start = later(start, '2023-01-01');
    // Most stays are reviewed every year (the last review before the demo's day); some are overdue.
    let reviewDue = addMonths(start, 12);
    let lastReviewedOn: string | null = null;
    if (rng.chance(0.85)) while (reviewDue <= LAST_DAY) [lastReviewedOn, reviewDue] = [reviewDue, addMonths(reviewDue, 12)];
    out.categories.push({
      cadreId: c.id,
      category,
      reason: rng.pick(CATEGORY_REASONS[category]),
      startDate: start,
      endDate: null,
      reviewDue,
      lastReviewedOn,
      reviewNote: lastReviewedOn ? '年度复核，维持原类别' : null,
      decidedBy: BY,
      createdAt: CREATED_AT,
    });
  }

  // 正职人选后备库: city-managed 副县级 leaders considered for one to three chief posts of their level.
  const teamUnit = new Map(city.structure.teams.map((t) => [t.id, t.unitId]));
  const chiefPosts = city.structure.posts.filter((p) => p.isChief === 1 && p.levelCode === '1A31');
  const deputies = leaders.filter((c) => c.levelCode === '1A32' && c.birthDate >= '1972-01-01');
  for (const c of rng.shuffle(deputies).slice(0, Math.max(1, Math.round(deputies.length * 0.12)))) {
    const same = chiefPosts.filter((p) => tierOf.get(teamUnit.get(p.teamId) ?? -1) === tierOf.get(c.unitId ?? -1));
    const posts = rng.shuffle(same.length ? same : chiefPosts).slice(0, rng.int(1, 3));
    if (!posts.length) break;
    const enteredOn = dayIn(rng, 2023, 2026);
    const fate =
      enteredOn < '2025-01-01'
        ? rng.weighted([
            ['active', 6],
            ['used', 2],
            ['withdrawn', 1],
          ] as const)
        : 'active';
    out.reserve.push({
      cadreId: c.id,
      readiness: rng.weighted<Readiness>([
        ['now', 3],
        ['one_two_years', 5],
        ['later', 2],
      ]),
      enteredOn,
      status: fate,
      outcomeOn: fate === 'active' ? null : dayIn(rng, 2025, 2026),
      outcomePostId: fate === 'used' ? posts[0].id : null,
      outcomeReason: fate === 'withdrawn' ? '经研判，暂不作为正职人选' : null,
      postIds: posts.map((p) => p.id),
    });
  }

  // 好苗子: young cadres (born 1988 or later) found by the survey, a team analysis or a recommendation.
  const young = active.filter((c) => c.birthDate >= '1988-01-01' && c.unitId);
  const promising = rng.shuffle(young).slice(0, Math.round(young.length * 0.06));
  for (const c of promising) {
    out.promising.push({
      cadreId: c.id,
      source: rng.weighted<PromisingSource>([
        ['survey', 5],
        ['analysis', 3],
        ['recommendation', 2],
      ]),
      markedOn: dayIn(rng, 2022, 2026),
      note: '',
      withdrawnOn: null,
      createdBy: BY,
      createdAt: CREATED_AT,
    });
  }

  // 双挂双任: some 好苗子 swapped between city and county units, for one or two years.
  const cityUnits = city.structure.units.filter((u) => u.tier === 'city' && u.kind !== '地区');
  const countyUnits = city.structure.units.filter((u) => u.tier !== 'city' && u.kind !== '地区');
  for (const c of promising.slice(0, Math.ceil(promising.length * 0.3))) {
    const homeTier = tierOf.get(c.unitId!) ?? 'county';
    const hosts = directionOf(homeTier) === 'city_to_county' ? countyUnits : cityUnits;
    if (!hosts.length) continue;
    const host = rng.pick(hosts);
    const startDate = dayIn(rng, 2023, 2025);
    const endDate = rng.chance(0.2) ? null : dayBefore(addMonths(startDate, rng.pick([12, 24])));
    out.secondments.push({
      cadreId: c.id,
      homeUnitId: c.unitId!,
      hostUnitId: host.id,
      direction: directionOf(homeTier),
      hostPost: directionOf(homeTier) === 'city_to_county' ? `挂任${host.name}副职` : `挂职${host.name}`,
      startDate,
      endDate,
      createdBy: BY,
      createdAt: CREATED_AT,
    });
  }

  // “2+1” 导师帮带: two senior leaders of the same authority for some 好苗子, with dated records.
  const seniors = new Map<number, typeof leaders>();
  for (const c of leaders) {
    if (c.birthDate >= '1978-01-01') continue;
    const list = seniors.get(c.authorityId);
    if (list) list.push(c);
    else seniors.set(c.authorityId, [c]);
  }
  for (const c of promising.slice(0, Math.ceil(promising.length * 0.5))) {
    const pool = (seniors.get(c.authorityId) ?? []).filter((s) => s.id !== c.id);
    if (pool.length < 2) continue;
    const [a, b] = rng.shuffle(pool.slice(0, 400)).slice(0, 2);
    const startDate = dayIn(rng, 2024, 2025);
    for (const mentor of [a, b]) {
      const records = Array.from({ length: rng.int(0, 3) }, () => ({
        date: later(dayIn(rng, 2024, 2026), startDate),
        content: rng.pick(['谈心谈话，了解思想和工作情况', '指导撰写调研报告', '带领参加信访接待', '点评年度工作总结', '带队开展项目现场调度']),
      }));
      // a few older pairs have ended (the mentor moved on), after their last record and a year at least
      const ended = startDate < '2025-01-01' && (out.mentorships.every((m) => m.endDate === null) || rng.chance(0.15));
      const lastRecord = records.reduce((d, x) => later(d, x.date), startDate);
      const endDate = ended ? later(lastRecord, dayBefore(addMonths(startDate, 12))) : null;
      out.mentorships.push({ cadreId: c.id, mentorId: mentor.id, startDate, endDate, records });
    }
  }
  return out;
}

/** Write the pools demo; the reserve's posts and the mentoring records follow their rows' new ids. */
export async function writePoolsDemo(db: Db, city: DemoCity, seed: number): Promise<void> {
  const pools = await db.selectFrom('specialtyPools').select(['id', 'name']).orderBy('sortOrder').execute();
  const demo = buildPoolsDemo(city, pools, seed);
  await insertMany(db, 'poolMemberships', demo.memberships);
  await insertMany(db, 'categoryEntries', demo.categories);
  await insertMany(db, 'promisingCadres', demo.promising);
  await insertMany(db, 'secondments', demo.secondments);
  await insertMany(
    db,
    'chiefReserve',
    demo.reserve.map(({ postIds: _p, ...r }) => ({ ...r, note: '', createdBy: BY, createdAt: CREATED_AT })),
  );
  const reserveIds = new Map((await db.selectFrom('chiefReserve').select(['id', 'cadreId']).execute()).map((r) => [r.cadreId, r.id]));
  await insertMany(
    db,
    'chiefReservePosts',
    demo.reserve.flatMap((r) => r.postIds.map((postId) => ({ reserveId: reserveIds.get(r.cadreId)!, postId }))),
  );
  await insertMany(
    db,
    'mentorships',
    demo.mentorships.map(({ records: _r, ...m }) => ({ ...m, createdBy: BY, createdAt: CREATED_AT })),
  );
  const mentorshipIds = new Map(
    (await db.selectFrom('mentorships').select(['id', 'cadreId', 'mentorId']).execute()).map((m) => [`${m.cadreId}/${m.mentorId}`, m.id]),
  );
  await insertMany(
    db,
    'mentoringRecords',
    demo.mentorships.flatMap((m) =>
      m.records.map((r) => ({
        mentorshipId: mentorshipIds.get(`${m.cadreId}/${m.mentorId}`)!,
        date: r.date,
        content: r.content,
        createdBy: BY,
        createdAt: CREATED_AT,
      })),
    ),
  );
}
