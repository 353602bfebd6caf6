// Migration 0018's kept tables and the totals read from them (cadres.repository.ts) must give the plain
// query's answers: the distinct 专长 texts, the (status, birth month, gender, political status, 学历)
// counts and the province's coded counts equal GROUP BY over the cadres after every kind of write (bulk inserts as the imports do, the
// Excel import's bulk update, single updates, deletes, a rollback), and every total and page equals the
// plain conditions written out here, on random data and for the 20 bench searches on the demo city,
// on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SelectQueryBuilder } from 'kysely';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow } from '../../../test/support/factory.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Ctx } from '../../server/access.js';
import { searchConditionQueries } from '../../../bench/search-conditions.js';
import {
  countCadres,
  insertCadres,
  isBirthProfileOnly,
  isProfileOnly,
  isProvinceOnly,
  pageQuery,
  searchCadres,
  updateCadres,
  type CadreConditions,
  type CadreFilter,
} from './cadres.repository.js';
import { searchConditions } from './cadres.service.js';
import { SearchConditionsQuery } from './cadres.routes.js';
import { PARTY_CODES } from './cadres.rules.js';
import * as m0018 from '../../db/migrations/0018_search_p95.js';

/** The conditions as plain SQL, without kept tables, bigrams or index tricks: the oracle. */
function plainQuery(db: Db, f: CadreConditions) {
  if (f.pinyinPrefix || f.nameContains) throw new Error('not written out here');
  let q = db.selectFrom('cadres');
  if (!f.allAuthorities) q = q.where('authorityId', 'in', f.authorityIds);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.gender) q = q.where('gender', '=', f.gender);
  if (f.bornOnOrBefore) q = q.where('birthDate', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('birthDate', '>', f.bornAfter);
  if (f.ethnic === 'minority') q = q.where('ethnicCode', '<>', '01');
  else if (f.ethnic) q = q.where('ethnicCode', '=', f.ethnic);
  if (f.politicalIn) q = q.where('politicalStatus', 'in', f.politicalIn);
  if (f.politicalNotIn) q = q.where('politicalStatus', 'not in', f.politicalNotIn);
  if (f.educationIn) q = f.educationIn.length ? q.where('highestEducation', 'in', f.educationIn) : q.where(sql<boolean>`1 = 0`);
  if (f.levelIn) q = f.levelIn.length ? q.where('levelCode', 'in', f.levelIn) : q.where(sql<boolean>`1 = 0`);
  if (f.educationMissing) q = q.where('highestEducation', 'is', null);
  if (f.levelMissing) q = q.where('levelCode', 'is', null);
  if (f.rank) q = q.where('rankCode', '=', f.rank);
  if (f.unitPath) {
    const path = f.unitPath;
    q = q.where('unitId', 'in', (eb) => eb.selectFrom('units').select('units.id').where('units.path', 'like', `${path}%`));
  }
  if (f.specialtyContains) q = q.where('specialty', 'like', `%${f.specialtyContains.replace(/[%_\\]/g, '')}%`);
  if (f.tag) throw new Error('not written out here');
  return q;
}

const plainCount = async (db: Db, f: CadreConditions) =>
  Number(
    (
      await plainQuery(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function plainPage(db: Db, f: CadreFilter): Promise<number[]> {
  let q = plainQuery(db, f).select('id') as SelectQueryBuilder<Database, 'cadres', { id: number }>;
  if (f.sort === 'level') q = q.orderBy(sql`case when level_code is null then 1 else 0 end`);
  const col = { name: 'name', pinyin: 'namePinyin', birthDate: 'birthDate', level: 'levelCode', workStart: 'workStartMonth' } as const;
  q = q.orderBy(col[f.sort], f.order);
  if (f.sort !== 'pinyin') q = q.orderBy('namePinyin');
  return (await q.orderBy('id').limit(f.limit).offset(f.offset).execute()).map((r) => r.id);
}

/** A small deterministic generator (no test depends on Math.random). */
function random(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const SPECIALTIES = ['经济管理', '基层治理', '乡村振兴', '法律', 'Economics 经济', '', '经济', '党建工作、经济研究', '财务_审计', '100%投入'];
const QUERIES = ['经济', '经', '管理', '经济研究', 'Econ', 'econ', '无此专长', '_', '%', '审计', '%投', '、'];
const POLITICAL = ['01', '02', '03', '13', '01', '01', '05'];
const EDUCATION = ['11', '21', '21', '23', '31', null, '1B'];
const LEVELS = ['1A31', '1A41', '1A42', '1A50', null, null];
const RANKS = ['ZJ08', 'ZJ06', null, 'ZJ08'];
// Month edges: the first and last days, 29 February, and the middle.
const BIRTHS = [
  '1975-01-01',
  '1975-01-31',
  '1980-02-29',
  '1980-03-01',
  '1985-06-15',
  '1985-06-30',
  '1985-07-01',
  '1990-12-31',
  '1991-01-01',
  '1996-05-20',
];

describe.each(dialects)('kept search tables on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let donghu: number;
  let all: number[];
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.05 });
    city = await authorityId(h.t.db, '中共青川市委组织部');
    donghu = await authorityId(h.t.db, '中共东湖区委组织部');
    all = (await h.t.db.selectFrom('authorities').select('id').orderBy('id').execute()).map((a) => a.id);
  });
  afterAll(async () => h?.close());

  /** both kept tables, minus empty groups, against GROUP BY over the cadres themselves */
  const expectInStep = async (db: Db = h.t.db) => {
    const specialties = await db.selectFrom('cadreSpecialties').select(['specialty', 'n']).execute();
    const realSpecialties = await db
      .selectFrom('cadres')
      .select((eb) => ['specialty', eb.fn.countAll<number>().as('n')])
      .groupBy('specialty')
      .execute();
    const sk = (r: { specialty: string; n: unknown }) => `${r.specialty}/${Number(r.n)}`;
    // no text left behind with n = 0: the table is exactly the texts in use
    expect(specialties.map(sk).sort()).toEqual(realSpecialties.map(sk).sort());
    const kept = await db.selectFrom('cadreBirthProfileCounts').selectAll().where('n', '<>', 0).execute();
    const month = sql<string>`substr(birth_date, 1, 7)`;
    const edu = sql<string>`coalesce(highest_education, '')`;
    const real = await db
      .selectFrom('cadres')
      .select((eb) => ['status', month.as('birthMonth'), 'gender', 'politicalStatus', edu.as('highestEducation'), eb.fn.countAll<number>().as('n')])
      .groupBy(['status', month, 'gender', 'politicalStatus', edu])
      .execute();
    const bk = (r: { status: string; birthMonth: string; gender: string; politicalStatus: string; highestEducation: string; n: unknown }) =>
      [r.status, r.birthMonth, r.gender, r.politicalStatus, r.highestEducation, Number(r.n)].join('/');
    expect(kept.map(bk).sort()).toEqual(real.map(bk).sort());
    const province = await db.selectFrom('cadreProvinceCounts').selectAll().where('n', '<>', 0).execute();
    const blank = (c: 'levelCode' | 'rankCode') => sql<string>`coalesce(${sql.ref(c)}, '')`;
    const realProvince = await db
      .selectFrom('cadres')
      .select((eb) => [
        'status',
        blank('levelCode').as('levelCode'),
        blank('rankCode').as('rankCode'),
        'gender',
        'politicalStatus',
        edu.as('highestEducation'),
        'ethnicCode',
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['status', blank('levelCode'), blank('rankCode'), 'gender', 'politicalStatus', edu, 'ethnicCode'])
      .execute();
    const pk = (r: (typeof province)[number] | (typeof realProvince)[number]) =>
      [r.status, r.levelCode, r.rankCode, r.gender, r.politicalStatus, r.highestEducation, r.ethnicCode, Number(r.n)].join('/');
    expect(province.map(pk).sort()).toEqual(realProvince.map(pk).sort());
  };

  /** random conditions of the shapes the kept tables answer (and some they do not), total against the oracle */
  const expectSameTotals = async (seed: number) => {
    const r = random(seed);
    let kept = 0;
    for (let i = 0; i < 60; i++) {
      const scoped = r.next() < 0.3;
      const f: CadreConditions = {
        authorityIds: scoped ? [city, donghu] : all,
        allAuthorities: scoped ? undefined : true,
        status: r.next() < 0.8 ? 'active' : undefined,
        gender: r.next() < 0.4 ? r.pick(['1', '2']) : undefined,
        bornAfter: r.next() < 0.5 ? r.pick(BIRTHS) : undefined,
        bornOnOrBefore: r.next() < 0.4 ? r.pick(BIRTHS) : undefined,
        politicalIn: r.next() < 0.3 ? r.pick([PARTY_CODES, ['03'], ['13', '05']]) : undefined,
        educationIn: r.next() < 0.3 ? r.pick([['11', '1B', '21'], ['21'], ['31', '23'], []]) : undefined,
        levelIn: r.next() < 0.2 ? r.pick([['1A41', '1A42'], ['1A31'], []]) : undefined,
        ethnic: r.next() < 0.15 ? r.pick(['minority', '01', '03']) : undefined,
        specialtyContains: r.next() < 0.3 ? r.pick(QUERIES) : undefined,
        rank: r.next() < 0.15 ? r.pick(RANKS.filter((x) => x !== null)) : undefined,
      };
      if (!f.politicalIn && r.next() < 0.2) f.politicalNotIn = PARTY_CODES;
      if (isProvinceOnly(f) || isProfileOnly(f) || isBirthProfileOnly(f)) kept++;
      expect([i, await countCadres(h.t.db, f)]).toEqual([i, await plainCount(h.t.db, f)]);
    }
    // the shortcuts were taken (else this test would prove nothing about them)
    expect(kept).toBeGreaterThan(10);
  };

  it('keeps the 专长 texts and the birth profile counts in step with every write, and totals equal the plain query', async () => {
    const db = h.t.db;
    await expectInStep();
    const r = random(11);
    const rows = Array.from({ length: 240 }, (_, i) =>
      cadreRow({
        authorityId: i % 3 === 0 ? donghu : city,
        idCard: `kept${String(i).padStart(6, '0')}`,
        gender: r.pick(['1', '2']),
        birthDate: r.pick(BIRTHS),
        politicalStatus: r.pick(POLITICAL),
        ethnicCode: r.pick(['01', '01', '03']),
        highestEducation: r.pick(EDUCATION),
        levelCode: r.pick(LEVELS),
        rankCode: r.pick(RANKS),
        specialty: r.pick(SPECIALTIES),
        status: r.next() < 0.85 ? 'active' : 'retired',
      }),
    );
    // multi-row inserts, as the .lrmx import and the demo loader write
    const ids = await insertCadres(db, rows);
    await expectInStep();
    await expectSameTotals(1);

    // the Excel import's bulk update (one statement per chunk of cadres changing the same columns)
    const versions = await db.selectFrom('cadres').select(['id', 'version']).where('id', 'in', ids).execute();
    const version = new Map(versions.map((v) => [v.id, v.version]));
    const missed = await updateCadres(
      db,
      ids.slice(0, 80).map((id, i) => ({
        id,
        version: version.get(id)!,
        row: {
          specialty: SPECIALTIES[(i * 7) % SPECIALTIES.length],
          birthDate: BIRTHS[i % BIRTHS.length],
          highestEducation: i % 5 === 0 ? null : '21',
        },
      })),
    );
    expect(missed).toBe(0);
    await expectInStep();
    // single updates of each kept column, and of none (a 备注 only)
    await db.updateTable('cadres').set({ specialty: '独一无二的专长' }).where('id', '=', ids[100]).execute();
    await db.updateTable('cadres').set({ politicalStatus: '13', gender: '2' }).where('id', '=', ids[101]).execute();
    await db.updateTable('cadres').set({ status: 'retired' }).where('id', 'in', ids.slice(102, 110)).execute();
    await db.updateTable('cadres').set({ rankCode: 'ZJ06', levelCode: null, ethnicCode: '03' }).where('id', 'in', ids.slice(120, 125)).execute();
    await db.updateTable('cadres').set({ remarks: '只改备注' }).where('id', 'in', ids.slice(110, 120)).execute();
    await expectInStep();
    // the last holder of a text leaves: the text goes
    await db.updateTable('cadres').set({ specialty: '法律' }).where('id', '=', ids[100]).execute();
    await expectInStep();
    await expectSameTotals(2);

    // a rolled-back write leaves both tables as they were
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto('cadres')
          .values(cadreRow({ authorityId: city, idCard: 'kept-rollback', specialty: '回滚的专长' }))
          .execute();
        await tx.updateTable('cadres').set({ specialty: '另一个回滚' }).where('id', '=', ids[0]).execute();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await expectInStep();

    await db.deleteFrom('cadres').where('id', 'in', ids.slice(0, 150)).execute();
    await expectInStep();
    await expectSameTotals(3);
    await db.deleteFrom('cadres').where('id', 'in', ids.slice(150)).execute();
    await expectInStep();
  });

  it('gives the 20 bench searches the same totals and pages as the plain conditions on the demo city', async () => {
    const db = h.t.db;
    const now = new Date('2026-06-01T02:00:00Z');
    const ctx = { db, now, actor: { visibleAuthorityIds: all } } as unknown as Ctx;
    const queries = await searchConditionQueries(db, '2026-06-01');
    expect(queries).toHaveLength(20);
    let nonEmpty = 0;
    for (const q of queries) {
      const input = SearchConditionsQuery.parse(Object.fromEntries(new URLSearchParams(q)));
      const f = await searchConditions(ctx, input);
      for (const offset of [0, 20]) {
        const filter: CadreFilter = { ...f, sort: input.sort, order: input.order, limit: 20, offset };
        const got = await searchCadres(db, filter);
        const total = await plainCount(db, f);
        const page = await plainPage(db, filter);
        expect([q, offset, got.total]).toEqual([q, offset, total]);
        expect([q, offset, got.items.map((i) => i.id)]).toEqual([q, offset, page]);
        // the page walked in the order's index (SQLite's choice for dense matches) is the same page
        const walked = await pageQuery(db, filter, true).execute();
        expect([q, offset, walked.map((i) => i.id)]).toEqual([q, offset, page]);
        if (offset === 0 && total > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(15);
  });

  it('rolls migration 0018 back and applies it again, filling its tables from the cadres there are', async () => {
    const db = h.t.db;
    await insertCadres(db, [cadreRow({ authorityId: city, idCard: 'kept-redo', specialty: '重建后的专长', rankCode: 'ZJ08' })]);
    await m0018.down(db as never);
    await m0018.up(db as never);
    await expectInStep();
    await expectSameTotals(4);
  });
});
