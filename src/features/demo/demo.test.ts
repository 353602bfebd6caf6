import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDb, type TestDb } from '../../../test/support/db.js';
import { parseIdCard } from '../../domain/idcard.js';
import { ageInMonths } from '../../domain/dates.js';
import { isCode } from '../codes/codes.catalog.js';
import type { Db } from '../../db/database.js';
import { createDemo } from './demo.service.js';
import { DEMO_ACCOUNTS, DEMO_AUTHORITIES } from './demo.accounts.js';
import { buildDemoCity } from './demo.generator.js';
import { AS_OF } from './demo.catalog.js';
import { cadreIssues } from '../cadres/cadres.rules.js';
import { importRmbFile } from '../../io/rmb-import.js';
import { bundleFile } from './demo.files.js';
import { SETTINGS } from '../settings/settings.catalog.js';

const SCALE = 0.03;
const SEED = 7;

/** A digest of every generated row, in id order (ids are deterministic on an empty database). */
async function digest(db: Db): Promise<string> {
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify(await db.selectFrom('units').selectAll().orderBy('id').execute()));
  h.update(JSON.stringify(await db.selectFrom('posts').selectAll().orderBy('id').execute()));
  h.update(JSON.stringify(await db.selectFrom('cadres').selectAll().orderBy('id').execute()));
  h.update(
    JSON.stringify(
      await db
        .selectFrom('cadreResume')
        .select(['cadreId', 'seq', 'startMonth', 'endMonth', 'text', 'kind'])
        .orderBy('cadreId')
        .orderBy('seq')
        .execute(),
    ),
  );
  h.update(
    JSON.stringify(
      await db
        .selectFrom('cadreFamily')
        .select(['cadreId', 'seq', 'relation', 'name', 'birthMonth', 'workUnitPost'])
        .orderBy('cadreId')
        .orderBy('seq')
        .execute(),
    ),
  );
  h.update(JSON.stringify(await db.selectFrom('appointments').select(['cadreId', 'postId', 'startDate', 'startDocNo']).orderBy('cadreId').execute()));
  return h.digest('hex');
}

/** A fresh database, used and dropped before the next is made (Kysely's migrator on PostgreSQL finds
 * its tables in any schema of the database, so two live test schemas disturb each other's migration). */
async function withFreshDb<T>(dialect: TestDb['dialect'], f: (db: Db) => Promise<T>): Promise<T> {
  const t = await freshDb(dialect);
  try {
    return await f(t.db);
  } finally {
    await t.close();
  }
}

describe.each(dialects)('demo city on %s', (dialect) => {
  let a: TestDb;
  let counts: { cadres: number; units: number };
  let firstDigest: string;
  let empty: { result: unknown; units: number; users: number };

  beforeAll(async () => {
    firstDigest = await withFreshDb(dialect, async (db) => {
      await createDemo(db, { seed: SEED, scale: SCALE });
      return digest(db);
    });
    empty = await withFreshDb(dialect, async (db) => ({
      result: await createDemo(db, { seed: SEED, scale: 0 }),
      units: (await db.selectFrom('units').select('id').execute()).length,
      users: (await db.selectFrom('users').select('id').execute()).length,
    }));
    a = await freshDb(dialect);
    counts = await createDemo(a.db, { seed: SEED, scale: SCALE });
  });
  afterAll(async () => {
    await a?.close();
  });

  it('creates the city, and the same seed gives identical rows', async () => {
    expect(counts.cadres).toBeGreaterThan(300);
    expect(counts.units).toBeGreaterThan(60);
    const n = await a.db
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(counts.cadres);
    expect(await digest(a.db)).toBe(firstDigest);
  });

  it('creates nothing but the accounts at scale 0', () => {
    expect(empty).toEqual({ result: { cadres: 0, units: 0 }, units: 0, users: DEMO_ACCOUNTS.length });
  });

  it('has the demo accounts and marks the database as demo data', async () => {
    const users = await a.db
      .selectFrom('users')
      .innerJoin('authorities', 'authorities.id', 'users.authorityId')
      .select(['users.username', 'authorities.name'])
      .execute();
    for (const acc of DEMO_ACCOUNTS) {
      const authority = DEMO_AUTHORITIES.find((x) => x.key === acc.authority)!.name;
      expect(users).toContainEqual({ username: acc.username, name: authority });
    }
    const setting = await a.db.selectFrom('settings').selectAll().where('key', '=', 'system.demoData').executeTakeFirstOrThrow();
    expect(setting).toMatchObject({ value: 'true', effectiveFrom: '2000-01-01', source: '演示数据', updatedBy: 'demo' });
  });

  it('gives the 干部科 a finished import job, with files that went in and files refused, for the 数据导入 page', async () => {
    const job = await a.db
      .selectFrom('importJobs')
      .innerJoin('users', 'users.id', 'importJobs.userId')
      .select(['users.username', 'importJobs.status', 'importJobs.total', 'importJobs.done'])
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ username: 'ganbuke', status: 'done', total: 6, done: 6 });
    const files = await a.db.selectFrom('importJobFiles').select(['status', 'message', 'cadreId']).orderBy('seq').execute();
    expect(files.map((f) => f.status)).toEqual(['created', 'created', 'created', 'unchanged', 'error', 'error']);
    expect(files[4].message).toMatch(/^身份证号：.+/);
    for (const f of files.slice(0, 4))
      expect(await a.db.selectFrom('cadres').select('id').where('id', '=', f.cadreId!).executeTakeFirst()).toBeDefined();
  });

  it('gives every cadre a valid, unique ID number agreeing with birth date and gender', async () => {
    const rows = await a.db.selectFrom('cadres').select(['idCard', 'birthDate', 'gender']).execute();
    for (const r of rows) {
      const parsed = parseIdCard(r.idCard, AS_OF);
      expect(parsed, r.idCard).toMatchObject({ ok: true, id: r.idCard, birthDate: r.birthDate, gender: r.gender });
    }
    expect(new Set(rows.map((r) => r.idCard)).size).toBe(rows.length);
  });

  it('writes consecutive resumes ending with the current, open segment', async () => {
    const lines = await a.db
      .selectFrom('cadreResume')
      .select(['cadreId', 'seq', 'startMonth', 'endMonth', 'kind'])
      .orderBy('cadreId')
      .orderBy('seq')
      .execute();
    const byCadre = new Map<number, typeof lines>();
    for (const l of lines) byCadre.set(l.cadreId, [...(byCadre.get(l.cadreId) ?? []), l]);
    expect(byCadre.size).toBe(counts.cadres);
    for (const [id, list] of byCadre) {
      const segments = list.filter((l) => l.kind === 'segment');
      expect(segments.length, `cadre ${id}`).toBeGreaterThanOrEqual(2);
      expect(segments.length, `cadre ${id}`).toBeLessThanOrEqual(10);
      expect(segments.at(-1)!.endMonth, `cadre ${id}`).toBeNull();
      segments.forEach((s, i) => {
        expect(s.startMonth, `cadre ${id}`).not.toBeNull();
        if (s.endMonth) expect(s.endMonth >= s.startMonth!, `cadre ${id} line ${s.seq}`).toBe(true);
        if (i > 0) expect(s.startMonth, `cadre ${id} line ${s.seq} follows the one before`).toBe(segments[i - 1].endMonth);
        if (i < segments.length - 1) expect(s.endMonth, `cadre ${id}`).not.toBeNull();
      });
    }
  });

  it('fills posts within their quotas but one (cut by 机构改革, see demo.findings) and leaves some seats vacant', async () => {
    const posts = await a.db
      .selectFrom('posts')
      .leftJoin('appointments', (j) => j.onRef('appointments.postId', '=', 'posts.id').on('appointments.endDate', 'is', null))
      .select((eb) => ['posts.id', 'posts.quota', 'posts.isChief', eb.fn.count<number>('appointments.id').as('filled')])
      .groupBy(['posts.id', 'posts.quota', 'posts.isChief'])
      .execute();
    expect(posts.length).toBeGreaterThan(100);
    expect(posts.filter((p) => Number(p.filled) > p.quota).map((p) => Number(p.filled) - p.quota)).toEqual([1]);
    const vacant = posts.reduce((s, p) => s + Math.max(0, p.quota - Number(p.filled)), 0);
    expect(vacant).toBeGreaterThan(0);
    // Each holder works in the unit of the post's team and holds one post only.
    const holders = await a.db
      .selectFrom('appointments')
      .innerJoin('posts', 'posts.id', 'appointments.postId')
      .innerJoin('teams', 'teams.id', 'posts.teamId')
      .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
      .select(['cadres.id', 'cadres.unitId', 'teams.unitId as teamUnitId', 'cadres.levelCode', 'posts.levelCode as postLevel'])
      .execute();
    for (const h of holders) expect([h.unitId, h.levelCode]).toEqual([h.teamUnitId, h.postLevel]);
    expect(new Set(holders.map((h) => h.id)).size).toBe(holders.length);
  });

  it('has women, minorities and non-Party cadres, and mostly Party members', async () => {
    const rows = await a.db
      .selectFrom('cadres')
      .select(['gender', 'politicalStatus', 'partyJoinMonth', 'otherParty', 'ethnicCode', 'birthDate', 'workStartMonth'])
      .execute();
    const share = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    expect(share((r) => r.gender === '2')).toBeGreaterThan(0.15);
    expect(share((r) => r.gender === '2')).toBeLessThan(0.4);
    expect(share((r) => r.politicalStatus === '01' || r.politicalStatus === '02')).toBeGreaterThan(0.75);
    expect(rows.some((r) => ['04', '05', '06', '07', '08', '09', '10', '12'].includes(r.politicalStatus) && r.otherParty)).toBe(true);
    expect(rows.some((r) => r.ethnicCode !== '01')).toBe(true);
    for (const r of rows) {
      const member = r.politicalStatus === '01' || r.politicalStatus === '02';
      expect(member, r.politicalStatus).toBe(r.partyJoinMonth !== null);
      const born = r.birthDate.slice(0, 7);
      if (r.partyJoinMonth) expect(ageInMonths(born, r.partyJoinMonth)).toBeGreaterThanOrEqual(18);
      expect(ageInMonths(born, r.workStartMonth)).toBeGreaterThanOrEqual(16);
      expect(ageInMonths(born, r.workStartMonth)).toBeLessThanOrEqual(26);
    }
  });

  it('keeps county-managed cadres in units of their own county, and city-managed ones at the city or in county organs', async () => {
    const rows = await a.db
      .selectFrom('cadres')
      .innerJoin('units', 'units.id', 'cadres.unitId')
      .innerJoin('authorities', 'authorities.id', 'cadres.authorityId')
      .select(['cadres.id', 'cadres.authorityId', 'authorities.level', 'units.authorityId as unitAuthority', 'units.kind', 'cadres.levelCode'])
      .execute();
    const county = rows.filter((r) => r.level === 'county');
    const city = rows.filter((r) => r.level === 'city');
    expect(county.length).toBeGreaterThan(city.length);
    for (const r of county) expect(r.unitAuthority, `cadre ${r.id}`).toBe(r.authorityId);
    const inCounties = city.filter((r) => r.unitAuthority !== r.authorityId);
    expect(inCounties.length).toBeGreaterThan(0);
    for (const r of inCounties) expect(['党委', '人大', '政府', '政协', '纪委', '法院', '检察院']).toContain(r.kind);
    const leaders = new Set(inCounties.filter((r) => r.levelCode).map((r) => r.levelCode));
    expect([...leaders].every((l) => l === '1A31' || l === '1A32')).toBe(true);
  });

  it('keeps codes, ranks and the unit tree consistent', async () => {
    const cadres = await a.db
      .selectFrom('cadres')
      .select(['id', 'rankCode', 'rankSince', 'levelCode', 'highestEducation', 'ftEducation', 'ipEducation', 'ftDegree'])
      .execute();
    const ranks = await a.db
      .selectFrom('cadreRanks')
      .select(['cadreId', 'rankCode', 'startDate', 'endDate'])
      .orderBy('cadreId')
      .orderBy('startDate')
      .execute();
    const open = new Map(ranks.filter((r) => r.endDate === null).map((r) => [r.cadreId, r]));
    for (const c of cadres) {
      const r = open.get(c.id);
      expect(r ? [r.rankCode, r.startDate] : [null, null], `cadre ${c.id}`).toEqual([c.rankCode, c.rankSince]);
      if (c.levelCode) expect(isCode('level', c.levelCode), c.levelCode).toBe(true);
      if (c.rankCode) expect(isCode('rank', c.rankCode)).toBe(true);
      expect(isCode('education', c.ftEducation!)).toBe(true);
      expect([c.ftEducation, c.ipEducation]).toContain(c.highestEducation);
      if (c.ftDegree) expect(isCode('degree', c.ftDegree)).toBe(true);
    }
    for (let i = 1; i < ranks.length; i++) {
      if (ranks[i].cadreId === ranks[i - 1].cadreId) expect(ranks[i - 1].endDate).toBe(ranks[i].startDate);
    }
    const units = await a.db.selectFrom('units').select(['id', 'parentId', 'path', 'tier', 'kind']).execute();
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) expect(u.path).toBe(`${u.parentId ? byId.get(u.parentId)!.path : '/'}${u.id}/`);
    expect(units.filter((u) => u.kind === '地区').length).toBe(6);
  });

  it('lets later rows take fresh ids (sequences follow the generated ids)', async () => {
    const max = await a.db
      .selectFrom('units')
      .select((eb) => eb.fn.max<number>('id').as('m'))
      .executeTakeFirstOrThrow();
    const authority = await a.db.selectFrom('authorities').select('id').limit(1).executeTakeFirstOrThrow();
    const row = await a.db
      .insertInto('units')
      .values({ name: '测试单位', parentId: null, path: '/', kind: '其他', tier: 'city', authorityId: authority.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(row.id).toBeGreaterThan(Number(max.m));
  });
});

describe('demo city generator', () => {
  const ids = { unit: 1, team: 1, post: 1, cadre: 1 };
  const auth = { city: 1, donghu: 2, xishan: 3, nanxi: 4, beiling: 5, linjiang: 6 };

  it('gives other people for another seed, and grows with the scale', () => {
    const one = buildDemoCity(auth, { seed: 1, scale: 0.05 }, ids);
    const two = buildDemoCity(auth, { seed: 2, scale: 0.05 }, ids);
    expect(one.bundles.map((x) => x.cadre.idCard)).not.toEqual(two.bundles.map((x) => x.cadre.idCard));
    const bigger = buildDemoCity(auth, { seed: 1, scale: 0.2 }, ids);
    expect(bigger.bundles.length).toBeGreaterThan(one.bundles.length * 2);
    expect(bigger.structure.units.length).toBeGreaterThan(one.structure.units.length);
  });

  it('makes every cadre a .lrmx file that the import reads back and the form would save, as of the generator date', () => {
    const city = buildDemoCity(auth, { seed: 1, scale: 0.5 }, ids);
    const unitAuthority = new Map(city.structure.units.map((u) => [u.id, u.authorityId]));
    const refused = city.bundles.flatMap((b) => {
      const read = importRmbFile({ format: 'lrmx', bytes: bundleFile(b), pic: null }, { today: AS_OF, format: 'lrmx' });
      if (read.record === null) return read.issues.map((i) => `${b.cadre.name}：${i.message}`);
      const input = { ...read.input, authorityId: b.cadre.authorityId, unitId: b.cadre.unitId ?? null };
      const issues = [
        ...read.issues.filter((i) => i.severity === 'error'),
        ...cadreIssues(input, {
          today: AS_OF,
          minWorkAge: SETTINGS['cadre.minWorkAge'].default,
          visibleAuthorityIds: Object.values(auth),
          unitAuthorityId: input.unitId === null ? undefined : unitAuthority.get(input.unitId),
          idCardOwner: undefined,
          selfId: undefined,
        }),
      ];
      return issues.map((i) => `${b.cadre.name} ${i.label ?? i.field}：${i.message}`);
    });
    expect(city.bundles.length).toBeGreaterThan(10_000);
    expect(refused.slice(0, 5)).toEqual([]);
  });

  it('leaves a few chief posts vacant at full scale', () => {
    const city = buildDemoCity(auth, { seed: 1, scale: 1 }, ids);
    const seats = city.structure.seats;
    const vacant = seats.filter((s) => s.vacant);
    expect(vacant.length / seats.length).toBeGreaterThan(0.02);
    expect(vacant.length / seats.length).toBeLessThan(0.1);
    expect(vacant.some((s) => s.isChief)).toBe(true);
    const byAuthority = new Map<number, number>();
    for (const b of city.bundles) byAuthority.set(b.cadre.authorityId, (byAuthority.get(b.cadre.authorityId) ?? 0) + 1);
    expect(byAuthority.get(1)).toBeGreaterThan(2_500);
    expect(city.bundles.length - byAuthority.get(1)!).toBeGreaterThan(18_000);
  });
});
