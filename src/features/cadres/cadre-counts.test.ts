// The per-(authority, status) counts behind the default list's total (migration 0009) must equal a
// real count after every kind of write, on both databases, including a rolled-back transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow, insertCadreRow } from '../../../test/support/factory.js';
import { countCadres, filtered, searchCadres } from './cadres.repository.js';
import { searchConditions } from './cadres.service.js';
import type { Ctx } from '../../server/access.js';

describe.each(dialects)('cadre counts on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let donghu: number;
  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    donghu = await authorityId(h.t.db, '中共东湖区委组织部');
  });
  afterAll(async () => h?.close());

  /** the maintained table, minus empty groups, against GROUP BY over the cadres themselves */
  const expectInStep = async () => {
    const kept = await h.t.db.selectFrom('cadreCounts').select(['authorityId', 'status', 'n']).where('n', '<>', 0).execute();
    const real = await h.t.db
      .selectFrom('cadres')
      .select(['authorityId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['authorityId', 'status'])
      .execute();
    const key = (r: { authorityId: number; status: string; n: number | string | bigint }) => `${r.authorityId}/${r.status}/${Number(r.n)}`;
    expect(kept.map(key).sort()).toEqual(real.map(key).sort());
    for (const scope of [[city], [donghu], [city, donghu]]) {
      for (const status of ['active', 'retired', undefined]) {
        const counted = Number(
          (
            await filtered(h.t.db, { authorityIds: scope, status })
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        expect(await countCadres(h.t.db, { authorityIds: scope, status })).toBe(counted);
      }
    }
  };

  it('follows inserts, bulk inserts, status and authority changes, deletes and rollbacks', async () => {
    await expectInStep();
    const a = await insertCadreRow(h.t.db, { authorityId: city });
    const b = await insertCadreRow(h.t.db, { authorityId: city });
    await insertCadreRow(h.t.db, { authorityId: donghu });
    await expectInStep();
    expect(await countCadres(h.t.db, { authorityIds: [city], status: 'active' })).toBe(2);

    // one statement inserting several rows (the demo loader and imports write this way)
    const rows = [1, 2, 3].map((i) => cadreRow({ name: `批量${i}`, gender: '2', birthDate: '1990-01-01', authorityId: i === 3 ? donghu : city }));
    await h.t.db.insertInto('cadres').values(rows).execute();
    await expectInStep();
    expect(await countCadres(h.t.db, { authorityIds: [city, donghu], status: 'active' })).toBe(6);

    await h.t.db.updateTable('cadres').set({ status: 'retired' }).where('id', '=', a).execute();
    await h.t.db.updateTable('cadres').set({ authorityId: donghu }).where('id', '=', b).execute();
    // an update that changes neither column must not move the counts
    await h.t.db.updateTable('cadres').set({ remarks: '备注' }).where('authorityId', '=', city).execute();
    // both at once, over several rows
    await h.t.db.updateTable('cadres').set({ status: 'left', authorityId: city }).where('authorityId', '=', donghu).execute();
    await expectInStep();

    await h.t.db.deleteFrom('cadres').where('id', '=', a).execute();
    await expectInStep();

    // a rolled-back write leaves the counts as they were
    const before = await countCadres(h.t.db, { authorityIds: [city, donghu] });
    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await insertCadreRow(trx, { authorityId: city });
        await trx.updateTable('cadres').set({ status: 'retired' }).execute();
        expect(await countCadres(trx, { authorityIds: [city], status: 'retired' })).toBe(await countRetired(trx));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countCadres(h.t.db, { authorityIds: [city, donghu] })).toBe(before);
    await expectInStep();

    await h.t.db.deleteFrom('cadres').execute();
    await expectInStep();
    expect(await countCadres(h.t.db, { authorityIds: [city, donghu] })).toBe(0);
  });

  const countRetired = async (db: typeof h.t.db) =>
    Number(
      (
        await db
          .selectFrom('cadres')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('authorityId', '=', city)
          .where('status', '=', 'retired')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes no scope condition only when the scope is every authority, with the same answers', async () => {
    const all = (await h.t.db.selectFrom('authorities').select('id').execute()).map((a) => a.id);
    const cityCadre = await insertCadreRow(h.t.db, { authorityId: city, name: '范围测试甲' });
    const countyCadre = await insertCadreRow(h.t.db, { authorityId: donghu, name: '范围测试乙' });
    const conditions = (visibleAuthorityIds: number[]) =>
      searchConditions({ db: h.t.db, actor: { visibleAuthorityIds }, now: new Date() } as unknown as Ctx, { q: '范围测试', status: 'active' });
    const top = await conditions(all);
    expect(top.allAuthorities).toBe(true);
    const county = await conditions([donghu]);
    expect(county.allAuthorities).toBeUndefined();
    const ids = async (c: typeof top) =>
      (await searchCadres(h.t.db, { ...c, sort: 'pinyin', order: 'asc', limit: 20, offset: 0 })).items.map((i) => i.id);
    expect(await ids(top)).toEqual([cityCadre, countyCadre]);
    expect(await ids(county)).toEqual([countyCadre]);
    // one authority fewer than all: the list of ids is written and the city's cadre is out
    expect((await conditions(all.filter((a) => a !== city))).allAuthorities).toBeUndefined();
    expect(await ids(await conditions(all.filter((a) => a !== city)))).toEqual([countyCadre]);
    await h.t.db.deleteFrom('cadres').where('id', 'in', [cityCadre, countyCadre]).execute();
  });

  it('counts rows when any other condition is set, and the list total agrees', async () => {
    await insertCadreRow(h.t.db, { authorityId: city, gender: '2' });
    await insertCadreRow(h.t.db, { authorityId: city, gender: '1' });
    expect(await countCadres(h.t.db, { authorityIds: [city], status: 'active', gender: '2' })).toBe(1);
    expect(await countCadres(h.t.db, { authorityIds: [city], status: 'active', educationIn: [] })).toBe(0);
    const res = await h.app.inject({ method: 'GET', url: '/api/cadres?pageSize=1', headers: await h.as('ganbuke') });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: unknown[] };
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
  });
});
