// Stamp reads are shared by concurrent callers (data-versions.ts sharedRead) without ever giving a caller
// an answer read before it asked: a write committed by another connection before a call is seen by that
// call, however many reads are on their way. A plugin holds the answer of one read after the database
// has given it (its snapshot is taken), so the interleaving is fixed, not timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { dialects, freshDb, type TestDb } from '../../test/support/db.js';
import { readStamps, stampReads } from './data-versions.js';
import * as m0021 from './migrations/0021_search_stamp_lock.js';

/** Counts the queries sent; holds the next answer when asked (holdNext); fails answers when asked. */
class Gate implements KyselyPlugin {
  sent = 0;
  hold: Promise<void> | null = null;
  /** errors the next answers are replaced with, in order */
  failures: Error[] = [];
  /** resolved when a held answer has arrived from the database */
  arrived: Promise<void> = Promise.resolve();
  private onArrived = () => {};
  holdNext() {
    let release!: () => void;
    this.hold = new Promise<void>((r) => (release = r));
    this.arrived = new Promise<void>((r) => (this.onArrived = r));
    return release;
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.sent++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const hold = this.hold;
    this.hold = null;
    if (hold) {
      this.onArrived();
      await hold;
    }
    const fail = this.failures.shift();
    if (fail) throw fail;
    return args.result;
  }
}

describe.each(dialects)('stamp reads on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    // a file, so that a second connection (another process) can write
    t = await freshDb(dialect, { sqliteFile: true });
  });
  afterAll(async () => t?.close());

  /** a committed write that changes what sessions may do, by a second connection */
  const bumpElsewhere = async () => {
    const text = `update data_versions set version = version + 1 where name = 'access'`;
    if (dialect === 'sqlite') {
      const other = new SQLite(t.location!);
      other.prepare(text).run();
      other.close();
    } else {
      const other = new pg.Client({ connectionString: t.location! });
      await other.connect();
      await other.query(text);
      await other.end();
    }
  };

  it('gives a caller only a read sent after it asked, and shares that read among concurrent callers', async () => {
    const gate = new Gate();
    const db = t.db.withPlugin(gate);
    const before = (await readStamps(db)).access;
    const release = gate.holdNext();
    gate.sent = 0;
    const early = readStamps(db);
    await gate.arrived; // the database has answered `early`: its snapshot predates the write below
    await bumpElsewhere();
    const later = Array.from({ length: 20 }, () => readStamps(db));
    release();
    expect((await early).access).toBe(before);
    // joining the read already on its way would have given these the old version
    for (const s of await Promise.all(later)) expect(s.access).toBe(before + 1);
    // one read for `early`, one sent when it was answered for all twenty
    expect(gate.sent).toBe(2);
    expect((await readStamps(db)).access).toBe(before + 1);
  });

  it('shares reads among callers asking together on the root instance', async () => {
    const before = (await readStamps(t.db)).access;
    const made = stampReads();
    const first = readStamps(t.db);
    await bumpElsewhere();
    const rest = Array.from({ length: 19 }, () => readStamps(t.db));
    for (const s of await Promise.all(rest)) expect(s.access).toBe(before + 1);
    await first;
    // SQLite: one read at the end of the event loop's turn, after all twenty asked. PostgreSQL: the
    // read for `first` was sent at once, the others share the next one (or two, had it been answered
    // before they asked).
    expect(stampReads() - made).toBeLessThanOrEqual(dialect === 'sqlite' ? 1 : 3);
  });

  it('gives every caller waiting for a read its error, and reads again afterwards', async () => {
    const gate = new Gate();
    const db = t.db.withPlugin(gate);
    const release = gate.holdNext();
    const first = readStamps(db);
    await gate.arrived;
    const waiting = Array.from({ length: 5 }, () => readStamps(db));
    gate.failures = [new Error('first read failed'), new Error('shared read failed')];
    release();
    await expect(first).rejects.toThrow('first read failed');
    for (const w of waiting) await expect(w).rejects.toThrow('shared read failed');
    const again = await readStamps(db);
    expect(again.access).toBeGreaterThan(0);
  });

  it('does not share reads with a transaction, which sees its own writes', async () => {
    const gate = new Gate();
    const db = t.db.withPlugin(gate);
    const before = (await readStamps(db)).access;
    let release = () => {};
    let outside!: Promise<{ access: number }>;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('dataVersions')
          .set({ version: before + 10 })
          .where('name', '=', 'access')
          .execute();
        // A shared read on its way: PostgreSQL answers it from another connection (held here after its
        // answer); SQLite's waits for this transaction to end (one connection).
        if (dialect === 'postgres') release = gate.holdNext();
        outside = readStamps(db);
        await gate.arrived;
        // joined to or queued behind `outside`, this would wait for ever or miss the transaction's write
        expect((await readStamps(trx)).access).toBe(before + 10);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    release();
    expect((await outside).access).toBe(before);
    expect((await readStamps(db)).access).toBe(before);
  });

  it.runIf(dialect === 'postgres')('gives no cadre stamp while another connection writes the cadre tables, and keeps no lock', async () => {
    const other = new pg.Client({ connectionString: t.location! });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('update units set name = name');
      expect((await readStamps(t.db)).cadres).toBeNull();
      await other.query('commit');
      // A stamp read in a transaction lets the lock go at once: a writer elsewhere does not wait for
      // the transaction to end (it would time out here).
      await other.query(`set lock_timeout = '5s'`);
      await t.db.transaction().execute(async (trx) => {
        await readStamps(trx);
        await other.query('update units set name = name');
      });
      // 0021 rolls back to 0019's check of pg_locks, and forward again
      await m0021.down(t.db as never);
      await other.query('begin');
      await other.query('update units set name = name');
      expect((await readStamps(t.db)).cadres).toBeNull();
      await other.query('commit');
      await m0021.up(t.db as never);
    } finally {
      await other.end();
    }
  });
});
