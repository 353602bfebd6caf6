// The structure dashboard (GET /api/stats/structure, /api/stats/vacancies) and the cadre-search
// conditions its segments open: every count must equal the number of names the search lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';

type Headers = { authorization: string };
interface StatItem {
  key: string;
  label: string;
  count: number;
  filter?: Record<string, string>;
}

describe.each(dialects)('structure dashboard on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let area: number;
  let town: number;
  let cityUnit: number;

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu] = await Promise.all([h.as('ganbuke'), h.as('donghu')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    const city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: city });
    town = await insertUnit(db, { name: '东湖区湖滨街道', authorityId: donghuAuth, kind: '街道', tier: 'township', parentId: area });
    cityUnit = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, kind: '部门', tier: 'city', parentId: city });

    // In 东湖区's subtree on 2026-06-01: a woman of 30 (birthday that day), a man of 31, a non-Party
    // man of 61 with no 学历, a woman of 45 with 中专, a man without 职务层次; one retired; one in the city.
    const c = (o: Parameters<typeof insertCadreRow>[1]) => insertCadreRow(db, o);
    await c({ authorityId: donghuAuth, unitId: town, gender: '2', birthDate: '1996-06-01', highestEducation: '21', levelCode: '1A42' });
    await c({ authorityId: donghuAuth, unitId: area, birthDate: '1995-06-01', highestEducation: '11', levelCode: '1A42' });
    await c({ authorityId: donghuAuth, unitId: area, birthDate: '1964-02-29', politicalStatus: '13', levelCode: '1A41' });
    await c({ authorityId: donghuAuth, unitId: town, gender: '2', birthDate: '1981-01-01', highestEducation: '35', levelCode: '1A41' });
    await c({ authorityId: donghuAuth, unitId: town, birthDate: '1990-01-01', highestEducation: '31' });
    await c({ authorityId: donghuAuth, unitId: town, status: 'retired', birthDate: '1960-01-01' });
    await c({ authorityId: cityAuth, unitId: cityUnit, birthDate: '1970-01-01', highestEducation: '21', levelCode: '1A31' });

    const team = (
      await db.insertInto('teams').values({ unitId: town, name: '湖滨街道党工委', kind: '党委班子' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const cityTeam = (
      await db.insertInto('teams').values({ unitId: cityUnit, name: '市发改委领导班子', kind: '部门班子' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const post = async (teamId: number, title: string, levelCode: string, isChief: number, quota: number) =>
      (await db.insertInto('posts').values({ teamId, title, levelCode, isChief, quota }).returning('id').executeTakeFirstOrThrow()).id;
    const chief = await post(team, '书记', '1A41', 1, 1);
    await post(team, '副书记', '1A42', 0, 3);
    await post(cityTeam, '主任', '1A31', 1, 1);
    const someone = await c({ authorityId: donghuAuth, unitId: null, birthDate: '1980-01-01' });
    // held until 2026-03-01, vacant since
    await db
      .insertInto('appointments')
      .values({ cadreId: someone, postId: chief, startDate: '2020-01-01', startDocNo: '', endDate: '2026-03-01', createdAt: '2026-01-01T00:00:00Z' })
      .execute();
  });
  afterAll(async () => h?.close());

  const structure = async (headers: Headers, query: string) => {
    const res = await h.app.inject({ url: `/api/stats/structure?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const names = async (headers: Headers, filter: Record<string, string>) => {
    const res = await h.app.inject({ url: `/api/cadres?${new URLSearchParams({ ...filter, pageSize: '200' })}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };
  const counts = (items: StatItem[]) => Object.fromEntries(items.map((i) => [i.key, i.count]));

  it('counts a unit subtree on a date, and each segment lists exactly its cadres', async () => {
    const s = await structure(ganbuke, `unitId=${area}&asOf=2026-06-01`);
    expect(s.unit).toEqual({ id: area, name: '东湖区' });
    expect(s.total.count).toBe(5);
    expect(counts(s.gender)).toEqual({ men: 3, women: 2 });
    expect(counts(s.party)).toEqual({ party: 4, nonParty: 1 });
    expect(counts(s.education)).toEqual({ graduate: 1, bachelor: 1, college: 1, secondary: 1, unknown: 1 });
    expect(counts(s.byLevel)).toEqual({ '1A41': 2, '1A42': 2, none: 1 });
    const pyramid = Object.fromEntries(
      (s.agePyramid as { key: string; men: StatItem; women: StatItem }[]).map((b) => [b.key, [b.men.count, b.women.count]]),
    );
    expect(pyramid).toEqual({
      p30: [0, 1],
      p31_35: [1, 0],
      p36_40: [1, 0],
      p41_45: [0, 1],
      p46_50: [0, 0],
      p51_55: [0, 0],
      p56_60: [0, 0],
      p61: [1, 0],
    });
    expect(s.agePyramid[0].women.filter).toEqual({ status: 'active', unitId: String(area), ageMax: '30', ageOn: '2026-06-01', gender: '2' });

    const segments: StatItem[] = [
      ...s.gender,
      ...s.party,
      ...s.education,
      ...s.byLevel,
      ...s.agePyramid.flatMap((b: { men: StatItem; women: StatItem }) => [b.men, b.women]),
    ];
    for (const seg of segments) expect(await names(ganbuke, seg.filter!), seg.label).toBe(seg.count);
  });

  it('moves the ages with the date', async () => {
    const s = await structure(ganbuke, `unitId=${area}&asOf=2026-05-31`);
    // the woman born 1996-06-01 is 29 the day before her birthday; the man born on 29 February is 62 either way
    expect(s.agePyramid.find((b: { key: string }) => b.key === 'p30').women.count).toBe(1);
    expect(s.agePyramid.find((b: { key: string }) => b.key === 'p30').men.count).toBe(1);
    expect(s.agePyramid.find((b: { key: string }) => b.key === 'p61').men.count).toBe(1);
  });

  it('says on another date than today that the people are today’s, in today’s units', async () => {
    expect((await structure(ganbuke, `unitId=${area}&asOf=2026-06-01`)).peopleNote).toBeNull(); // the test clock's today
    for (const asOf of ['2026-05-31', '2027-01-01'])
      expect((await structure(ganbuke, `unitId=${area}&asOf=${asOf}`)).peopleNote).toContain('人员仍为今天在职的干部、按其现所在单位统计');
    expect((await structure(ganbuke, `unitId=${area}`)).peopleNote).toBeNull();
  });

  it('counts vacancies by level on the date and lists the posts behind them', async () => {
    const before = await structure(ganbuke, `unitId=${town}&asOf=2026-02-01`);
    expect(before.vacancies).toEqual([
      { key: '1A41', label: '乡科级正职', levelCode: '1A41', quota: 1, filled: 1, vacant: 0 },
      { key: '1A42', label: '乡科级副职', levelCode: '1A42', quota: 3, filled: 0, vacant: 3 },
    ]);
    const after = await structure(ganbuke, `unitId=${town}&asOf=2026-03-01`);
    expect(after.vacancies[0]).toMatchObject({ levelCode: '1A41', filled: 0, vacant: 1 });

    const res = await h.app.inject({ url: `/api/stats/vacancies?unitId=${town}&asOf=2026-03-01&level=1A41`, headers: ganbuke });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ title: '书记', teamName: '湖滨街道党工委', unitName: '东湖区湖滨街道', isChief: true, vacant: 1 }],
    });
    const all = (await h.app.inject({ url: '/api/stats/vacancies?asOf=2026-03-01', headers: ganbuke })).json();
    expect(all.items.map((p: { title: string }) => p.title).sort()).toEqual(['主任', '书记', '副书记']);
  });

  it('keeps to the actor’s scope: a county sees its own cadres and not the city’s units', async () => {
    const whole = await structure(donghu, 'asOf=2026-06-01');
    expect(whole.unit).toBeNull();
    expect(whole.total.count).toBe(6); // the five in the subtree and the one without a unit
    expect((await h.app.inject({ url: `/api/stats/structure?unitId=${cityUnit}`, headers: donghu })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/stats/vacancies?unitId=${cityUnit}`, headers: donghu })).statusCode).toBe(404);
    const vac = (await h.app.inject({ url: '/api/stats/vacancies?asOf=2026-03-01', headers: donghu })).json();
    expect(vac.items.map((p: { title: string }) => p.title)).not.toContain('主任');
    expect((await h.app.inject({ url: '/api/stats/structure', headers: await h.as('auditor') })).statusCode).toBe(403);
  });

  it('the search takes the new shortcuts and still refuses unknown codes', async () => {
    expect(await names(ganbuke, { education: 'secondary', unitId: String(area) })).toBe(1);
    expect(await names(ganbuke, { education: 'none', unitId: String(area) })).toBe(1);
    expect(await names(ganbuke, { level: 'none', unitId: String(area) })).toBe(1);
    const bad = await h.app.inject({ url: '/api/cadres?education=tertiary', headers: ganbuke });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('未知的学历代码 tertiary');
  });
});
