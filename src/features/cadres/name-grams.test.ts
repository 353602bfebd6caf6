// The name bigrams behind 汉字 substring search (migration 0013) must match the names after every kind
// of write, on both databases, and the search must find a name by any part of it at once after an edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreRow, insertCadreRow } from '../../../test/support/factory.js';
import { nameGrams } from './cadres.repository.js';

describe('nameGrams', () => {
  it.each([
    ['张伟', ['张伟']],
    ['欧阳娜娜', ['欧阳', '阳娜', '娜娜']],
    ['王王王', ['王王']],
    ['𠮷祥', ['𠮷祥']], // a character outside the BMP is one character, as substr counts
    ['张', []], // one character: no bigram, the LIKE reads every name
    ['Amy张', []], // letters with case: SQLite's LIKE ignores case, the bigrams do not
    ['买买提·艾力', ['买买', '买提', '提·', '·艾']], // at most four; the LIKE checks the rest
    ['', []],
  ])('%s → %j', (text, grams) => {
    expect(nameGrams(text)).toEqual(grams);
  });
});

describe.each(dialects)('name bigrams on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
  });
  afterAll(async () => h?.close());

  /** every bigram of every stored name, and nothing else */
  const expectInStep = async (db = h.t.db) => {
    const kept = await db.selectFrom('cadreNameGrams').select(['gram', 'cadreId']).execute();
    const names = await db.selectFrom('cadres').select(['id', 'name']).execute();
    const want = new Set<string>();
    for (const c of names) {
      const chars = Array.from(c.name);
      for (let i = 0; i + 1 < chars.length; i++) want.add(`${chars[i]}${chars[i + 1]}/${c.id}`);
    }
    expect(kept.map((k) => `${k.gram}/${k.cadreId}`).sort()).toEqual([...want].sort());
  };

  const search = async (q: string) => {
    const res = await h.app.inject({ method: 'GET', url: `/api/cadres?status=all&q=${encodeURIComponent(q)}`, headers: await h.as('ganbuke') });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { id: number; name: string }[] };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.name).sort();
  };

  it('follows inserts, bulk inserts, renames, deletes and rollbacks', async () => {
    await expectInStep();
    const a = await insertCadreRow(h.t.db, { authorityId: city, name: '欧阳娜娜' });
    await insertCadreRow(h.t.db, { authorityId: city, name: '王王王' });
    await insertCadreRow(h.t.db, { authorityId: city, name: '张' });
    await insertCadreRow(h.t.db, { authorityId: city, name: '𠮷祥' });
    await expectInStep();

    // one statement inserting several rows (the demo loader and imports write this way)
    const rows = ['司马相如', '相如', '诸葛亮'].map((name) => cadreRow({ name, birthDate: '1990-01-02', authorityId: city }));
    await h.t.db.insertInto('cadres').values(rows).execute();
    await expectInStep();

    await h.t.db.updateTable('cadres').set({ name: '欧阳菲菲' }).where('id', '=', a).execute();
    // an update that leaves the name alone must not touch the bigrams
    await h.t.db.updateTable('cadres').set({ remarks: '备注' }).execute();
    await expectInStep();

    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await trx.updateTable('cadres').set({ name: '回滚' }).where('id', '=', a).execute();
        await insertCadreRow(trx, { authorityId: city, name: '未提交' });
        await expectInStep(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expectInStep();

    await h.t.db.deleteFrom('cadres').where('id', '=', a).execute();
    await expectInStep();
    await h.t.db.deleteFrom('cadres').execute();
    await expectInStep();
  });

  it('finds a name by its middle, its end, or the whole, and sees an edit at once', async () => {
    const a = await insertCadreRow(h.t.db, { authorityId: city, name: '欧阳娜娜' });
    await insertCadreRow(h.t.db, { authorityId: city, name: '娜娜' });
    await insertCadreRow(h.t.db, { authorityId: city, name: '阳光' });
    expect(await search('阳娜')).toEqual(['欧阳娜娜']);
    expect(await search('娜娜')).toEqual(['娜娜', '欧阳娜娜']);
    expect(await search('阳娜娜')).toEqual(['欧阳娜娜']);
    expect(await search('欧阳娜娜')).toEqual(['欧阳娜娜']);
    // every bigram must be there, not just one of them
    expect(await search('阳光娜')).toEqual([]);
    // a single character still reads every name
    expect(await search('阳')).toEqual(['欧阳娜娜', '阳光']);
    // LIKE wildcards typed by the user are plain text, dropped as before
    expect(await search('阳_娜')).toEqual(['欧阳娜娜']);

    await h.t.db.updateTable('cadres').set({ name: '欧阳菲菲' }).where('id', '=', a).execute();
    expect(await search('阳娜')).toEqual([]);
    expect(await search('阳菲')).toEqual(['欧阳菲菲']);
    await h.t.db.deleteFrom('cadres').execute();
  });
});
