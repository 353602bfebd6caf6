import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { insertCadreRow } from '../../../test/support/factory.js';
import { ageOn } from '../../domain/dates.js';
import { AGE_BANDS, averageAge, birthRanges } from './stats.rules.js';

type Headers = { authorization: string };

describe('age bands', () => {
  const on = '2026-06-01';
  const ranges = birthRanges(AGE_BANDS, on);
  const bandOf = (birthDate: string) =>
    ranges
      .filter((r) => (r.bornOnOrBefore === null || birthDate <= r.bornOnOrBefore) && (r.bornAfter === null || birthDate > r.bornAfter))
      .map((r) => r.key);

  it.each([
    ['1991-06-02', 34, 'age35'],
    ['1990-06-02', 35, 'age35'],
    ['1990-06-01', 36, 'age36_40'],
    ['1985-06-02', 40, 'age36_40'],
    ['1985-06-01', 41, 'age41_45'],
    ['1975-12-31', 50, 'age46_50'],
    ['1971-06-01', 55, 'age51_55'],
    ['1970-06-02', 55, 'age51_55'],
    ['1970-06-01', 56, 'age56'],
    ['1960-01-01', 66, 'age56'],
  ])('born %s is %i on 2026-06-01: exactly one band, %s', (birthDate, age, key) => {
    expect(ageOn(birthDate, on)).toBe(age);
    expect(bandOf(birthDate)).toEqual([key]);
  });

  it.each([
    [['1991-06-02', '1990-06-01', '1970-01-01', '1975-12-31', '1985-06-01'], 43.4],
    [['2000-06-01'], 26],
    [['2000-06-02'], 25],
    [[], null],
  ])('average age of %j is %s', (births, expected) => {
    const sumYears = births.reduce((s, b) => s + Number(b.slice(0, 4)), 0);
    const later = births.filter((b) => b.slice(5) > on.slice(5)).length;
    expect(averageAge(births.length, sumYears, later, on)).toBe(expected);
  });
});

describe.each(dialects)('home-page statistics on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let cityAuth: number;
  let donghuAuth: number;

  const created = async (url: string, headers: Headers, payload: object) => {
    const res = await h.app.inject({ method: 'POST', url, headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu] = await Promise.all([h.as('ganbuke'), h.as('donghu')]);
    const auths = await h.t.db.selectFrom('authorities').select(['id', 'name', 'level']).execute();
    cityAuth = auths.find((a) => a.level === 'city')!.id;
    donghuAuth = auths.find((a) => a.name === '中共东湖区委组织部')!.id;
    const db = h.t.db;

    // on 2026-06-01: A 34, B 36, C 56, D 50, F 41; E retired and not counted
    const a = await insertCadreRow(db, { authorityId: cityAuth, gender: '2', birthDate: '1991-06-02', highestEducation: '21', levelCode: '1A31' });
    const b = await insertCadreRow(db, {
      authorityId: cityAuth,
      birthDate: '1990-06-01',
      politicalStatus: '13',
      ethnicCode: '03',
      highestEducation: '11',
      levelCode: '1A32',
    });
    const c = await insertCadreRow(db, {
      authorityId: donghuAuth,
      gender: '2',
      birthDate: '1970-01-01',
      politicalStatus: '02',
      highestEducation: '31',
      levelCode: '1A41',
    });
    const d = await insertCadreRow(db, { authorityId: donghuAuth, birthDate: '1975-12-31', highestEducation: '35' });
    await insertCadreRow(db, { authorityId: cityAuth, status: 'retired', gender: '2', birthDate: '1960-01-01' });
    await insertCadreRow(db, { authorityId: donghuAuth, birthDate: '1985-06-01', levelCode: '1A42' });

    const cityUnit = await created('/api/units', ganbuke, { name: '市委办公室', kind: '党委', tier: 'city', authorityId: cityAuth });
    const cityTeam = await created('/api/teams', ganbuke, { unitId: cityUnit, name: '市委办领导班子', kind: '部门班子' });
    await created('/api/posts', ganbuke, { teamId: cityTeam, title: '主任', levelCode: '1A31', isChief: true, quota: 1 });
    const cityDeputy = await created('/api/posts', ganbuke, { teamId: cityTeam, title: '副主任', levelCode: '1A32', isChief: false, quota: 3 });
    await created('/api/appointments', ganbuke, { cadreId: b, postId: cityDeputy, startDate: '2023-01-01' });
    const ended = await created('/api/appointments', ganbuke, { cadreId: a, postId: cityDeputy, startDate: '2023-01-01' });
    await h.app.inject({ method: 'POST', url: `/api/appointments/${ended}/end`, headers: ganbuke, payload: { endDate: '2025-01-01' } });

    const countyUnit = await created('/api/units', donghu, { name: '东湖区委组织部', kind: '党委', tier: 'county', authorityId: donghuAuth });
    const countyTeam = await created('/api/teams', donghu, { unitId: countyUnit, name: '区委组织部领导班子', kind: '部门班子' });
    const countyChief = await created('/api/posts', donghu, { teamId: countyTeam, title: '部长', levelCode: '1A41', isChief: true, quota: 1 });
    await created('/api/appointments', donghu, { cadreId: c, postId: countyChief, startDate: '2024-01-01' });
    // An imported record beyond the quota: the API would refuse it, the figures must still show it.
    await db
      .insertInto('appointments')
      .values({ cadreId: d, postId: countyChief, startDate: '2024-02-01', startDocNo: '', createdAt: '2026-01-01T00:00:00Z' })
      .execute();
  });
  afterAll(async () => h?.close());

  const overview = async (headers: Headers) => {
    const res = await h.app.inject({ url: '/api/stats/overview', headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const counts = (items: { key: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.key, i.count]));

  it('counts the city’s whole scope, with the search behind each figure', async () => {
    const o = await overview(ganbuke);
    expect(o.asOf).toBe('2026-06-01');
    expect(o.total).toEqual({ key: 'total', label: '在职干部', count: 5, share: 1, filter: { status: 'active' } });
    expect(o.averageAge).toBe(43.4);

    const byAuthority = o.byAuthority as { label: string; count: number; filter: Record<string, string> }[];
    expect(byAuthority).toHaveLength(6);
    expect(byAuthority[0]).toMatchObject({ label: '市管干部', count: 2, filter: { authorityId: String(cityAuth) } });
    expect(byAuthority.find((a) => a.label === '东湖区管干部')).toMatchObject({ count: 3 });
    expect(byAuthority.find((a) => a.label === '西山区管干部')).toMatchObject({ count: 0 });

    expect(counts(o.byLevel)).toEqual({ '1A31': 1, '1A32': 1, '1A41': 1, '1A42': 1, none: 1 });
    expect(o.byLevel.find((l: { key: string }) => l.key === '1A31')).toMatchObject({
      label: '县处级正职',
      filter: { status: 'active', level: '1A31' },
    });

    expect(o.structure).toEqual([
      { key: 'women', label: '女干部', count: 2, share: 0.4, filter: { status: 'active', gender: '2' } },
      { key: 'nonParty', label: '党外干部', count: 1, share: 0.2, filter: { status: 'active', political: 'nonParty' } },
      { key: 'minority', label: '少数民族干部', count: 1, share: 0.2, filter: { status: 'active', ethnic: 'minority' } },
    ]);

    expect(counts(o.byAge)).toEqual({ age35: 1, age36_40: 1, age41_45: 1, age46_50: 1, age51_55: 0, age56: 1 });
    expect(o.byAge[1].filter).toEqual({ status: 'active', ageMin: '36', ageMax: '40', ageOn: '2026-06-01' });
    expect(o.byAge[0].filter).toEqual({ status: 'active', ageMax: '35', ageOn: '2026-06-01' });

    expect(counts(o.byEducation)).toEqual({ graduate: 1, bachelor: 1, college: 1, secondary: 1, unknown: 1 });
    expect(o.byEducation[0]).toMatchObject({ label: '研究生', filter: { education: '1' } });

    expect(counts(o.teams)).toEqual({ units: 2, teams: 2, quota: 5, filled: 3, vacant: 3, overQuota: 1, chiefVacantTeams: 1 });
  });

  it('counts only a county’s own scope for the county', async () => {
    const o = await overview(donghu);
    expect(o.total.count).toBe(3);
    expect(o.byAuthority).toEqual([
      { key: `authority${donghuAuth}`, label: '东湖区管干部', count: 3, share: 1, filter: { status: 'active', authorityId: String(donghuAuth) } },
    ]);
    expect(counts(o.structure)).toEqual({ women: 1, nonParty: 0, minority: 0 });
    expect(counts(o.teams)).toEqual({ units: 1, teams: 1, quota: 1, filled: 2, vacant: 0, overQuota: 1, chiefVacantTeams: 0 });
  });

  it('is open to leaders and closed to the admin roles', async () => {
    expect((await h.app.inject({ url: '/api/stats/overview', headers: await h.as('leader') })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/stats/overview', headers: await h.as('auditor') })).statusCode).toBe(403);
  });

  it('lists an authority without cadres with a zero', async () => {
    await h.t.db.insertInto('authorities').values({ name: '中共空县委组织部', level: 'county', parentId: cityAuth }).execute();
    const o = await overview(ganbuke);
    expect(o.byAuthority.find((a: { label: string }) => a.label === '空县管干部')).toMatchObject({ count: 0 });
    expect(o.total.count).toBe(5);
  });
});
