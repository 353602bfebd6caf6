// Bulk reads come back as objects of the declared shape on both databases: integers as numbers, NULLs
// kept, the order given, and a shape of only integers or only texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDb, type TestDb } from '../../test/support/db.js';
import { selectRows } from './bulk-read.js';

describe.each(dialects)('selectRows on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
    const auth = await t.db
      .insertInto('authorities')
      .values({ name: '测试组织部', level: 'city', parentId: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('units')
      .values([
        { name: '甲单位', authorityId: auth.id, kind: '党政机关', tier: 'city', parentId: null, path: '/' },
        { name: '乙单位"引号\\', authorityId: auth.id, kind: '党政机关', tier: 'county', parentId: null, path: '/' },
      ])
      .execute();
    const [a] = await t.db.selectFrom('units').select('id').orderBy('id').execute();
    await t.db.updateTable('units').set({ parentId: a!.id }).where('name', '=', '甲单位').execute();
  });
  afterAll(async () => t?.close());

  it('gives typed objects in the order asked, with NULLs', async () => {
    const query = t.db.selectFrom('units').select(['id', 'name', 'parentId', 'tier']);
    const rows = await selectRows(t.db, query, { id: 'int', name: 'text', parentId: 'int?', tier: 'text' } as const, [['id', 'desc']]);
    expect(rows.map((r) => [typeof r.id, r.name, r.parentId === null ? null : typeof r.parentId, r.tier])).toEqual([
      ['number', '乙单位"引号\\', null, 'county'],
      ['number', '甲单位', 'number', 'city'],
    ]);
    expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
    expect(await selectRows(t.db, query, { id: 'int' } as const, ['id'])).toEqual(rows.map((r) => ({ id: r.id })).reverse());
    expect(await selectRows(t.db, query, { name: 'text' } as const, ['name'])).toEqual([{ name: '乙单位"引号\\' }, { name: '甲单位' }]);
    expect(await selectRows(t.db, query.where('id', '<', 0), { id: 'int' } as const)).toEqual([]);
  });
});
