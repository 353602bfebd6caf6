// The cadre search reuses an answer only while nothing has been written: an edit through the app, a
// write by another connection (another process on the same SQLite file, another PostgreSQL session),
// and a rolled-back write all make the next answer fresh; other users and other days are other keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { dialects } from '../../test/support/db.js';
import { testApp, type TestApp } from '../../test/support/app.js';
import { authorityId, insertCadreRow } from '../../test/support/factory.js';
import { readCacheHits, writeStamp } from './read-cache.js';

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

  const names = async (user = 'ganbuke', headers: Record<string, string> = {}) => {
    const res = await h.app.inject({ url: '/api/cadres?pageSize=50', headers: { ...(await h.as(user)), ...headers } });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: { name: string }[]; total: number }).items.map((i) => i.name);
  };

  /** a write committed by a second connection, as another server process or the CLI would make */
  const writeElsewhere = async (name: string) => {
    if (dialect === 'sqlite') {
      const other = new SQLite(h.t.location!);
      other.prepare('update cadres set name = ? where id = ?').run(name, id);
      other.close();
    } else {
      const other = new pg.Client({ connectionString: h.t.location! });
      await other.connect();
      await other.query('update cadres set name = $1 where id = $2', [name, id]);
      await other.end();
    }
  };

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
    const stamp = await writeStamp(h.t.db);
    await expect(
      h.t.db.transaction().execute(async (trx) => {
        await trx.updateTable('cadres').set({ name: '缓存丁' }).where('id', '=', id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await writeStamp(h.t.db)).not.toBe(stamp);
    expect(await names()).toContain('缓存丙');
    expect(await names()).not.toContain('缓存丁');
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
