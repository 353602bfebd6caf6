// The counts behind the home page (migration 0015) must equal a real count after every kind of write,
// on both databases, and the figures read from them must equal the figures a scan of the cadres gives
// (ages on any date included: a birthday on the date, 29 February, the first and last day of a year).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow, insertCadreRow } from '../../../test/support/factory.js';
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CadreTable } from '../cadres/cadres.table.js';
import { ageOn } from '../../domain/dates.js';
import * as repo from './stats.repository.js';
import { keptCadreFigures } from './stats.service.js';
import { AGE_BANDS, PYRAMID_BANDS, ageCounts, averageAge, averageOfAges, bandCounts, birthRanges, monthDay } from './stats.rules.js';

describe('exact ages from birth months', () => {
  // born in the date's month of the year: split at the day (later = born after the day)
  it.each([
    ['2026-06-01', [['1990-06', 3]], [['1990', 2]], { 36: 1, 35: 2 }],
    ['2026-06-30', [['1990-06', 3]], [], { 36: 3 }],
    [
      '2026-06-15',
      [
        ['1990-05', 1],
        ['1990-07', 2],
        ['1991-06', 4],
      ],
      [['1991', 1]],
      { 36: 1, 35: 5, 34: 1 },
    ],
    // 29 February: on 28 Feb of a common year those born on the 29th are still younger
    ['2027-02-28', [['2000-02', 2]], [['2000', 1]], { 27: 1, 26: 1 }],
    // on 29 Feb of a leap year nobody in February is born later
    ['2028-02-29', [['2000-02', 2]], [], { 28: 2 }],
    [
      '2026-01-01',
      [
        ['1980-12', 1],
        ['1981-01', 2],
      ],
      [['1981', 1]],
      { 45: 2, 44: 1 },
    ],
    [
      '2026-12-31',
      [
        ['1980-12', 1],
        ['1981-01', 2],
      ],
      [],
      { 46: 1, 45: 2 },
    ],
    ['2026-06-01', [['1990-06', 0]], [], {}],
  ] as const)('on %s', (on, months, later, expected) => {
    const ages = ageCounts(
      months.map(([birthMonth, n]) => ({ birthMonth, n })),
      new Map(later.map(([y, n]) => [y, n])),
      on,
    );
    expect(Object.fromEntries(ages)).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [Number(k), v])));
  });

  it('puts ages into bands with inclusive bounds and averages them', () => {
    const ages = new Map([
      [35, 2],
      [36, 1],
      [56, 1],
      [61, 1],
    ]);
    expect(bandCounts(ages, AGE_BANDS)).toEqual({ age35: 2, age36_40: 1, age41_45: 0, age46_50: 0, age51_55: 0, age56: 2 });
    expect(averageOfAges(ages)).toBe(44.6);
    expect(averageOfAges(new Map())).toBeNull();
  });
});

describe.each(dialects)('kept statistics counts on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let donghu: number;
  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    donghu = await authorityId(h.t.db, '中共东湖区委组织部');
  });
  afterAll(async () => h?.close());

  const num = (v: unknown) => Number(v);
  /** both kept tables, minus empty groups, against GROUP BY over the cadres themselves */
  const expectInStep = async (db: Db = h.t.db) => {
    const kept = await db.selectFrom('cadreProfileCounts').selectAll().where('n', '<>', 0).execute();
    const real = await db
      .selectFrom('cadres')
      .select((eb) => [
        'authorityId',
        'status',
        eb.fn.coalesce('levelCode', eb.val('')).as('levelCode'),
        'gender',
        eb.fn.coalesce('highestEducation', eb.val('')).as('highestEducation'),
        'politicalStatus',
        'ethnicCode',
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['authorityId', 'status', 'levelCode', 'gender', 'highestEducation', 'politicalStatus', 'ethnicCode'])
      .execute();
    const pk = (r: (typeof kept)[number] | (typeof real)[number]) =>
      [r.authorityId, r.status, r.levelCode, r.gender, r.highestEducation, r.politicalStatus, r.ethnicCode, num(r.n)].join('/');
    expect(kept.map(pk).sort()).toEqual(real.map(pk).sort());
    const keptBirths = await db.selectFrom('cadreBirthCounts').selectAll().where('n', '<>', 0).execute();
    // literal positions: PostgreSQL matches the GROUP BY expression to the selected one only without parameters
    const month = sql<string>`substr(birth_date, 1, 7)`;
    const realBirths = await db
      .selectFrom('cadres')
      .select((eb) => ['authorityId', 'status', month.as('birthMonth'), eb.fn.countAll<number>().as('n')])
      .groupBy(['authorityId', 'status', month])
      .execute();
    const bk = (r: { authorityId: number; status: string; birthMonth: string; n: unknown }) =>
      [r.authorityId, r.status, r.birthMonth, num(r.n)].join('/');
    expect(keptBirths.map(bk).sort()).toEqual(realBirths.map(bk).sort());
  };

  /** the figures from the kept counts equal those of a scan of the cadres, on a date, for a scope */
  const expectSameFigures = async (on: string, authorityIds: number[], all: boolean, db: Db = h.t.db) => {
    for (const bands of [AGE_BANDS, PYRAMID_BANDS]) {
      const kept = await keptCadreFigures(db, { authorityIds, all }, bands, on);
      const scan = await repo.cadreFigures(db, authorityIds, birthRanges(bands, on), monthDay(on));
      const levels = await repo.cadresByLevel(db, authorityIds);
      expect(kept.total).toBe(scan.total);
      expect([kept.women, kept.nonParty, kept.minority]).toEqual([scan.women, scan.nonParty, scan.minority]);
      expect(kept.bands).toEqual(scan.bands);
      expect(kept.averageAge).toBe(averageAge(scan.total, scan.sumBirthYears, scan.birthdaysLater, on));
      expect(kept.education).toEqual(scan.education);
      const byCode = (xs: { levelCode: string | null; count: number }[]) => Object.fromEntries(xs.map((l) => [l.levelCode ?? 'none', l.count]));
      expect(byCode(kept.byLevel)).toEqual(byCode(levels));
    }
  };

  it('follows inserts, updates of each counted column, status and authority changes, deletes and rollbacks', async () => {
    const db = h.t.db;
    await expectInStep();
    const a = await insertCadreRow(db, { authorityId: city, levelCode: '1A31', highestEducation: '21' });
    const b = await insertCadreRow(db, { authorityId: city, gender: '2', birthDate: '1990-06-15' });
    await insertCadreRow(db, { authorityId: donghu, politicalStatus: '13', ethnicCode: '03' });
    await expectInStep();

    // one statement inserting several rows (the demo loader and the imports write this way)
    const rows = [1, 2, 3, 4].map((i) =>
      cadreRow({
        name: `统计${i}`,
        gender: '2',
        birthDate: `1985-0${i}-2${i}`,
        authorityId: i === 3 ? donghu : city,
        levelCode: i === 4 ? null : '1A42',
      }),
    );
    await db.insertInto('cadres').values(rows).execute();
    await expectInStep();

    const set = async (values: Updateable<CadreTable>, id = a) => {
      await db.updateTable('cadres').set(values).where('id', '=', id).execute();
      await expectInStep();
    };
    await set({ levelCode: '1A32' });
    await set({ levelCode: null });
    await set({ levelCode: '1A41' });
    await set({ gender: '2' });
    await set({ highestEducation: null });
    await set({ highestEducation: '11' });
    await set({ politicalStatus: '03' });
    await set({ ethnicCode: '02' });
    await set({ birthDate: '1980-01-31' }); // same month: only the profile's trigger is not concerned
    await set({ birthDate: '1981-02-01' }); // another month
    await set({ status: 'retired' });
    await set({ authorityId: donghu });
    await set({ authorityId: city, status: 'active', gender: '1', birthDate: '1979-12-31' });
    // an update that changes no counted column moves nothing
    await db.updateTable('cadres').set({ remarks: '备注', version: 7 }).where('authorityId', '=', city).execute();
    await expectInStep();
    // several rows at once
    await db.updateTable('cadres').set({ status: 'left', levelCode: '1A42' }).where('authorityId', '=', donghu).execute();
    await expectInStep();

    await db.deleteFrom('cadres').where('id', '=', b).execute();
    await expectInStep();
    await expectSameFigures('2026-06-15', [city, donghu], false);

    // a failed transaction leaves the counts as they were; inside it, they follow its own writes
    const before = await keptCadreFigures(db, { authorityIds: [city, donghu], all: false }, AGE_BANDS, '2026-06-15');
    await expect(
      db.transaction().execute(async (trx) => {
        await insertCadreRow(trx, { authorityId: city, birthDate: '2000-02-29' });
        await trx.updateTable('cadres').set({ gender: '2', status: 'active' }).execute();
        await trx.deleteFrom('cadres').where('id', '=', a).execute();
        await expectInStep(trx);
        await expectSameFigures('2026-06-15', [city, donghu], false, trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await keptCadreFigures(db, { authorityIds: [city, donghu], all: false }, AGE_BANDS, '2026-06-15')).toEqual(before);
    await expectInStep();

    await db.deleteFrom('cadres').execute();
    await expectInStep();
    expect((await keptCadreFigures(db, { authorityIds: [city, donghu], all: false }, AGE_BANDS, '2026-06-15')).total).toBe(0);
  });

  it('gives exactly the figures of a scan on random cadres, on any date, for any scope', async () => {
    const db = h.t.db;
    // a small deterministic generator (no Math.random: a failure must be reproducible)
    let seed = 20261126;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)];
    const pad = (n: number) => String(n).padStart(2, '0');
    const dates = ['2026-06-15', '2028-02-29', '2027-02-28', '2027-03-01', '2026-01-01', '2026-12-31'];
    // births on the dates' days (birthdays on the date), on 29 February, and random ones
    const special = ['1990-06-15', '1971-06-15', '1976-02-29', '1988-02-29', '1986-02-28', '1986-03-01', '1970-01-01', '1991-12-31', '1985-12-31'];
    const rows = Array.from({ length: 400 }, (_, i) =>
      cadreRow({
        name: `随机${i}`,
        authorityId: pick([city, city, donghu]),
        status: pick(['active', 'active', 'active', 'retired']),
        gender: pick(['1', '2']),
        birthDate: i < special.length * 3 ? special[i % special.length] : `${1960 + rnd(45)}-${pad(1 + rnd(12))}-${pad(1 + rnd(28))}`,
        ethnicCode: pick(['01', '01', '01', '02', '05']),
        politicalStatus: pick(['01', '01', '02', '03', '13']),
        highestEducation: pick([null, '11', '14', '21', '31', '3', '35', '41']),
        levelCode: pick([null, '1A31', '1A32', '1A41', '1A42']),
      }),
    );
    await db.insertInto('cadres').values(rows).execute();
    await expectInStep();
    // the ages behind the figures really do cross these dates' boundaries
    const births = rows.map((r) => String(r.birthDate));
    expect(births.some((b) => ageOn(b, '2026-06-15') === 35) && births.some((b) => ageOn(b, '2026-06-15') === 36)).toBe(true);
    for (const on of dates) {
      await expectSameFigures(on, [city, donghu], false);
      await expectSameFigures(on, [donghu], false);
      const all = (await db.selectFrom('authorities').select('id').execute()).map((x) => x.id);
      await expectSameFigures(on, all, true);
    }
    await db.deleteFrom('cadres').execute();
  });

  it('answers the overview from the counts, right after an edit', async () => {
    const headers = await h.as('ganbuke');
    const total = async () => {
      const res = await h.app.inject({ url: '/api/stats/overview', headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: { count: number }; structure: { key: string; count: number }[] };
    };
    const women = async () => (await total()).structure.find((s) => s.key === 'women')?.count;
    const [before, womenBefore] = [(await total()).total.count, await women()];
    const id = await insertCadreRow(h.t.db, { authorityId: donghu, gender: '2' });
    expect((await total()).total.count).toBe(before + 1);
    expect(await women()).toBe(womenBefore! + 1);
    await h.t.db.updateTable('cadres').set({ gender: '1' }).where('id', '=', id).execute();
    expect(await women()).toBe(womenBefore);
    await h.t.db.deleteFrom('cadres').where('id', '=', id).execute();
    expect((await total()).total.count).toBe(before);
  });
});
