// Bulk reads come back as objects of the declared shape on both databases: integers as numbers, NULLs
// kept, the order given, and a shape of only integers or only texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDb, type TestDb } from '../../test/support/db.js';
import { selectRows } from './bulk-read.js';

const anAuthority = (t: TestDb) =>
  t.db.insertInto('authorities').values({ name: '测试组织部', level: 'city', parentId: null }).returning('id').executeTakeFirstOrThrow();

describe.each(dialects)('selectRows on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
    const auth = await anAuthority(t);
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

describe.each(dialects)('selectRows of texts holding separators and markers on %s', (dialect) => {
  let t: TestDb;
  // U+001E and U+001F separate rows and values on PostgreSQL; 'v' leads a value that may be NULL.
  const names = ['', 'v', '甲\u001f乙', '丙\u001e丁', '\u001e', '戊'];
  beforeAll(async () => {
    t = await freshDb(dialect);
    const auth = await anAuthority(t);
    await t.db
      .insertInto('units')
      .values(names.map((name, i) => ({ name, authorityId: auth.id, kind: '党政机关', tier: 'city', parentId: null, path: i % 2 ? '' : '/' })))
      .execute();
  });
  afterAll(async () => t?.close());

  const shape = { id: 'int', name: 'text', path: 'text', parent: 'text?', empty: 'text?', none: 'int?' } as const;
  const query = () =>
    t.db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .select((eb) => [
        eb.fn.coalesce(eb.ref('name'), eb.val('')).as('parent'),
        eb.fn<string | null>('nullif', [eb.ref('path'), eb.val('/')]).as('empty'),
        eb.ref('parentId').as('none'),
      ]);

  it('gives every value back as stored, whatever it holds', async () => {
    const rows = await selectRows(t.db, query(), shape, ['id']);
    expect(rows.map((r) => r.name)).toEqual(names);
    expect(rows.map((r) => r.parent)).toEqual(names);
    expect(rows.map((r) => r.empty)).toEqual(names.map((_, i) => (i % 2 ? '' : null)));
    expect(rows.map((r) => r.none)).toEqual(names.map(() => null));
  });

  it('gives the rows of plain values, empty texts and NULLs apart', async () => {
    const plain = query().where('name', 'in', ['', 'v', '戊']);
    expect((await selectRows(t.db, plain, shape, [['id', 'desc']])).map((r) => [r.name, r.path, r.parent, r.empty, r.none])).toEqual([
      ['戊', '', '戊', '', null],
      ['v', '', 'v', '', null],
      ['', '/', '', null, null],
    ]);
    expect(await selectRows(t.db, query().where('name', '=', ''), { name: 'text' } as const)).toEqual([{ name: '' }]);
    expect(await selectRows(t.db, query().where('name', '=', 'none'), { name: 'text' } as const)).toEqual([]);
  });
});
