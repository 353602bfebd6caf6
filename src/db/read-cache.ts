// Answers of a busy read, reused only while the database proves that nothing has been written since
// they were computed (issue 3: "no result caching that can serve stale data after an edit"). Each use
// first reads the database's write stamp, which changes with every write anyone commits:
// - SQLite: total_changes() of our connection (every INSERT, UPDATE and DELETE it runs, committed or
//   not) together with PRAGMA data_version (which changes when another connection or process commits);
// - PostgreSQL: pg_current_snapshot(), whose xmax and in-progress list change whenever a transaction
//   that writes begins or ends, on any connection.
// The stamp is read before the answer is computed, so an answer is never older than its stamp; an equal
// stamp later means that nothing was committed in between. Stamps can change without a relevant edit
// (another table, a rolled-back transaction); that only costs a recomputation.
import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './database.js';

/** The database's write stamp (see above). */
export async function writeStamp(db: Db): Promise<string> {
  const q =
    dialectOf(db as unknown as Kysely<unknown>) === 'postgres'
      ? sql<{ s: string }>`select pg_current_snapshot()::text as s`
      : sql<{ s: string }>`select total_changes() || ':' || (select data_version from pragma_data_version) as s`;
  const { rows } = await q.execute(db);
  return rows[0]!.s;
}

interface Entry {
  stamp: string;
  value: unknown;
}

let hits = 0;
/** How many answers have been reused (for tests). */
export const readCacheHits = () => hits;

/**
 * A cache of at most `max` answers per database, the least recently used dropped first. `key` must
 * name everything the answer depends on besides the stored data: the route and its parameters, who
 * asks (their scope), and the date when ages or terms are computed on today.
 */
export function readCache(max: number) {
  const perDb = new WeakMap<Db, Map<string, Entry>>();
  return async function cached<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = perDb.get(db);
    if (!entries) perDb.set(db, (entries = new Map()));
    const stamp = await writeStamp(db);
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp) {
      hits++;
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    entries.delete(key);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { stamp, value });
    return value;
  };
}
