// The condition search's plan choices (migration 0016, cadres.repository.ts) must not change answers:
// the count summed from disjoint ranges for 党外 and 少数民族, and the page walked in order or driven from
// a condition's index, against the same answers worked out here from the rows, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow } from '../../../test/support/factory.js';
import { countCadres, pageQuery, searchCadres, type CadreConditions, type CadreFilter, type CadreSort } from './cadres.repository.js';
import { PARTY_CODES } from './cadres.rules.js';

interface Row {
  id: number;
  namePinyin: string;
  gender: string;
  birthDate: string;
  politicalStatus: string;
  ethnicCode: string;
  levelCode: string | null;
  status: string;
}

describe.each(dialects)('condition search plans on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let rows: Row[] = [];
  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    // Codes between and around the party codes ('01x' sorts between 01 and 02, '' before 01) test
    // every piece of the ranges; duplicate pinyin test the id tie-break.
    const political = ['01', '02', '03', '13', '01x', ''];
    const ethnic = ['01', '02', '10', '', '01'];
    const levels = ['1A31', '1A41', null, '1A32', null, '1A50'];
    const values = Array.from({ length: 90 }, (_, i) =>
      cadreRow({
        authorityId: city,
        name: `计划${i}`,
        namePinyin: `jihua${String(i % 30).padStart(2, '0')}`,
        gender: i % 3 === 0 ? '2' : '1',
        birthDate: `19${70 + (i % 25)}-0${1 + (i % 9)}-15`,
        politicalStatus: political[i % political.length],
        ethnicCode: ethnic[i % ethnic.length],
        levelCode: levels[i % levels.length],
        status: i % 11 === 0 ? 'retired' : 'active',
      }),
    );
    await h.t.db.insertInto('cadres').values(values).execute();
    rows = (await h.t.db
      .selectFrom('cadres')
      .select(['id', 'namePinyin', 'gender', 'birthDate', 'politicalStatus', 'ethnicCode', 'levelCode', 'status'])
      .where('authorityId', '=', city)
      .execute()) as Row[];
  });
  afterAll(async () => h?.close());

  const cases: [string, CadreConditions, (r: Row) => boolean][] = [
    ['党外', { authorityIds: [0], politicalNotIn: PARTY_CODES, status: 'active' }, (r) => !PARTY_CODES.includes(r.politicalStatus)],
    ['少数民族', { authorityIds: [0], ethnic: 'minority', status: 'active' }, (r) => r.ethnicCode !== '01'],
    [
      '女 + 党外 + 少数民族, any status',
      { authorityIds: [0], gender: '2', politicalNotIn: PARTY_CODES, ethnic: 'minority' },
      (r) => r.gender === '2' && !PARTY_CODES.includes(r.politicalStatus) && r.ethnicCode !== '01',
    ],
    [
      'born after 1980, level in two codes',
      { authorityIds: [0], bornAfter: '1980-12-31', levelIn: ['1A31', '1A32'], status: 'active' },
      (r) => r.birthDate > '1980-12-31' && ['1A31', '1A32'].includes(r.levelCode ?? ''),
    ],
  ];

  it.each(cases)('counts %s exactly, the ranges summed', async (_, c, match) => {
    const f = { ...c, authorityIds: [city] };
    const expected = rows.filter((r) => (!f.status || r.status === f.status) && match(r)).length;
    expect(expected).toBeGreaterThan(0);
    expect(await countCadres(h.t.db, f)).toBe(expected);
  });

  it.each(cases)('gives the same pages walked in order or driven by a condition: %s', async (_, c, match) => {
    for (const sort of ['pinyin', 'birthDate', 'level', 'name'] as CadreSort[]) {
      for (const order of ['asc', 'desc'] as const) {
        for (const offset of [0, 7]) {
          const f: CadreFilter = { ...c, authorityIds: [city], sort, order, limit: 5, offset };
          const walked = (await pageQuery(h.t.db, f, true).execute()).map((r) => r.id);
          const driven = (await pageQuery(h.t.db, f, false).execute()).map((r) => r.id);
          expect(walked).toEqual(driven);
          if (sort === 'pinyin') {
            const dir = order === 'asc' ? 1 : -1;
            const want = rows
              .filter((r) => (!f.status || r.status === f.status) && match(r))
              .sort((a, b) => dir * a.namePinyin.localeCompare(b.namePinyin) || a.id - b.id)
              .slice(offset, offset + 5)
              .map((r) => r.id);
            expect(walked).toEqual(want);
          }
        }
      }
    }
    const { items, total } = await searchCadres(h.t.db, { ...c, authorityIds: [city], sort: 'level', order: 'asc', limit: 200, offset: 0 });
    expect(items).toHaveLength(total);
    // empty 职务层次 last, as before the level order became an index
    const firstEmpty = items.findIndex((r) => r.levelCode === null);
    if (firstEmpty >= 0) expect(items.slice(firstEmpty).every((r) => r.levelCode === null)).toBe(true);
  });
});
