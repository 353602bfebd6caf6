// The cadre search reuses an answer only while nothing it reads has been written: an edit through the
// app, a write by another connection (another process on the same SQLite file, another PostgreSQL
// session) to the cadres, their units, tags or authorities, and a rolled-back write never show a stale
// answer; other users and other days are other keys. On SQLite (migration 0019 counters) writes the
// search does not read — a session's last-seen time, audit rows — leave the answers in use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { dialects } from '../../test/support/db.js';
import { testApp, type TestApp } from '../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../test/support/factory.js';
import { readCacheHits } from './read-cache.js';
import { cadreSearchStamp } from './data-versions.js';

describe.each(dialects)('read cache on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let id: number;
  beforeAll(async () => {
    // 23:50 in Beijing: twenty minutes on, it is another day (ages are computed on today).
    h = await testApp(dialect, { sqliteFile: true, now: '2026-06-01T15:50:00Z' });
    city = await authorityId(h.t.db, '中共青川市委组织部');
    id = await insertCadreRow(h.t.db, { authorityId: city, name: '缓存甲' });
  });
  afterAll(async () => h?.close());

  type Item = { id: number; name: string; unitName: string; authorityName: string; tags: string[] };
  const list = async (user = 'ganbuke', headers: Record<string, string> = {}) => {
    const res = await h.app.inject({ url: '/api/cadres?pageSize=50', headers: { ...(await h.as(user)), ...headers } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return (res.json() as { items: Item[]; total: number }).items;
  };
  const names = async (user = 'ganbuke', headers: Record<string, string> = {}) => (await list(user, headers)).map((i) => i.name);
  const mine = async () => (await list()).find((i) => i.id === id)!;

  /** SQL committed by a second connection, as another server process or the CLI would run it ($1, $2 …) */
  const runElsewhere = async (text: string, params: unknown[]) => {
    if (dialect === 'sqlite') {
      const other = new SQLite(h.t.location!);
      other.prepare(text.replace(/\$\d+/g, '?')).run(...params);
      other.close();
    } else {
      const other = new pg.Client({ connectionString: h.t.location! });
      await other.connect();
      await other.query(text, params);
      await other.end();
    }
  };
  const writeElsewhere = (name: string) => runElsewhere('update cadres set name = $1 where id = $2', [name, id]);

  it('answers again from the cache while nothing is written', async () => {
    expect(await names()).toContain('缓存甲');
    const before = readCacheHits();
    expect(await names()).toContain('缓存甲');
    // PostgreSQL's stamp covers the whole server, where other test files write all the time: a hit
    // cannot be promised there, only that no answer is stale (the tests below).
    if (dialect === 'sqlite') expect(readCacheHits()).toBe(before + 1);
  });

  it('is fresh after an edit through the app', async () => {
    await names();
    await h.t.db.updateTable('cadres').set({ name: '缓存乙' }).where('id', '=', id).execute();
    expect(await names()).toContain('缓存乙');
  });

  it('is fresh after a write committed by another connection', async () => {
    await names();
    await writeElsewhere('缓存丙');
    expect(await names()).toContain('缓存丙');
    expect(await names()).not.toContain('缓存乙');
  });

  it('is fresh after a transaction that wrote and rolled back', async () => {
    await names();
    const stamp = await cadreSearchStamp(h.t.db);
    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await trx.updateTable('cadres').set({ name: '缓存丁' }).where('id', '=', id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // SQLite's counters roll back with the rows (nothing was committed); PostgreSQL's sequence does not
    // (and its stamp is null whenever another test of the same database is writing cadres).
    if (dialect === 'sqlite') expect(await cadreSearchStamp(h.t.db)).toBe(stamp);
    expect(await names()).toContain('缓存丙');
    expect(await names()).not.toContain('缓存丁');
  });

  it('waits for a transaction open on its own connection instead of stamping its uncommitted writes', async () => {
    await names();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const tx = h.t.db.transaction().execute(async (trx) => {
      await trx.updateTable('cadres').set({ name: '缓存戊' }).where('id', '=', id).execute();
      wrote();
      await held;
      throw new Error('rolled back');
    });
    await written;
    // Asked while the write is uncommitted, answered after the rollback: had the stamp counted the
    // uncommitted write, the answer would be stored under the stamp the next commit brings.
    const during = names();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await during).not.toContain('缓存戊');
    await writeElsewhere('缓存己');
    expect(await names()).toContain('缓存己');
  });

  it('does not reuse an answer computed while a write was in progress once that write commits', async () => {
    await names();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const tx = h.t.db.transaction().execute(async (trx) => {
      await trx.updateTable('cadres').set({ name: '缓存辛' }).where('id', '=', id).execute();
      wrote();
      await held;
    });
    await written;
    // PostgreSQL answers from another connection what was committed (the counter already moved, the
    // row not yet); SQLite waits for the commit. Either way the next answer has the write.
    const during = names();
    if (dialect === 'postgres') expect(await during).not.toContain('缓存辛');
    else await new Promise((r) => setTimeout(r, 20));
    release();
    await tx;
    if (dialect === 'sqlite') expect(await during).toContain('缓存辛');
    expect(await names()).toContain('缓存辛');
    await writeElsewhere('缓存己');
  });

  it('is fresh after another connection changes a unit, a tag or an authority the list shows', async () => {
    const unit = await insertUnit(h.t.db, { name: '缓存局', authorityId: city });
    await h.t.db.updateTable('cadres').set({ unitId: unit }).where('id', '=', id).execute();
    expect((await mine()).unitName).toBe('缓存局');
    await runElsewhere('update units set name = $1 where id = $2', ['缓存新局', unit]);
    expect((await mine()).unitName).toBe('缓存新局');

    expect((await mine()).tags).toEqual([]);
    await runElsewhere('insert into cadre_tags (cadre_id, tag) values ($1, $2)', [id, '缓存标签']);
    expect((await mine()).tags).toEqual(['缓存标签']);

    const before = (await mine()).authorityName;
    await runElsewhere('update authorities set name = $1 where id = $2', ['青川市委组织部（缓存）', city]);
    expect((await mine()).authorityName).toBe('青川市委组织部（缓存）');
    await runElsewhere('update authorities set name = $1 where id = $2', [before, city]);
    expect((await mine()).authorityName).toBe(before);
  });

  it('keeps answering from the cache across a session last-seen write and audit rows (SQLite)', async () => {
    await names();
    h.clock.now = new Date(h.clock.now.getTime() + 16_000);
    await names(); // writes the session's last-seen time (every 15 s)
    await h.as('sysadmin'); // a sign-in by someone else: a session and an audit row
    const stamp = await cadreSearchStamp(h.t.db);
    const seen = await h.t.db.selectFrom('sessions').select('lastSeenAt').execute();
    h.clock.now = new Date(h.clock.now.getTime() + 16_000);
    const before = readCacheHits();
    expect(await names()).toContain('缓存己');
    expect(await h.t.db.selectFrom('sessions').select('lastSeenAt').execute()).not.toEqual(seen);
    if (dialect === 'sqlite') {
      expect(await cadreSearchStamp(h.t.db)).toBe(stamp);
      expect(readCacheHits()).toBe(before + 1);
    }
  });

  it('keeps each query apart', async () => {
    await insertCadreRow(h.t.db, { authorityId: city, name: '缓存乙二' });
    const count = async (url: string) => ((await h.app.inject({ url, headers: await h.as('ganbuke') })).json() as { items: unknown[] }).items.length;
    expect(await count('/api/cadres?pageSize=50')).toBeGreaterThan(1);
    expect(await count('/api/cadres?pageSize=1')).toBe(1);
    expect(await count('/api/cadres?pageSize=1&page=2')).toBe(1);
    expect(await count('/api/cadres?pageSize=50')).toBeGreaterThan(1);
    // the route's query validation is remembered per query (rememberingQueryValidator): still refused
    for (let i = 0; i < 2; i++) {
      const res = await h.app.inject({ url: '/api/cadres?pageSize=500', headers: await h.as('ganbuke') });
      expect(res.statusCode).toBe(400);
      expect((res.json() as { error: { message: string } }).error.message).toContain('每页条数');
    }
  });

  it('keeps each user and each day apart, and recomputes when asked with no-cache', async () => {
    await names('ganbuke');
    let before = readCacheHits();
    // 东湖区委 sees only its own cadres: the city's answer must not be reused for it
    expect(await names('donghu')).not.toContain('缓存丙');
    expect(readCacheHits()).toBe(before);

    await names('ganbuke');
    h.clock.now = new Date(h.clock.now.getTime() + 20 * 60_000);
    before = readCacheHits();
    await names('ganbuke');
    expect(readCacheHits()).toBe(before);

    before = readCacheHits();
    await names('ganbuke', { 'cache-control': 'no-cache' });
    expect(readCacheHits()).toBe(before);
  });
});
