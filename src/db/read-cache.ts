// Answers of a busy read, reused only while the database proves that nothing they depend on has been
// written since they were computed (issue 3: "no result caching that can serve stale data after an
// edit"). Each use first reads a stamp that changes with every committed write to what the read reads,
// whoever commits it (this process, another process, a hand edit): for the cadre search,
// cadreSearchStamp (data-versions.ts: counters kept by triggers, migration 0019).
// The stamp is read before the answer is computed, so an answer is never older than its stamp; an equal
// stamp later means that nothing relevant was committed in between. Stamps can change without a
// relevant edit (a rolled-back transaction on PostgreSQL, a cadre the asker cannot see); that only costs
// a recomputation.
import type { Db } from './database.js';

interface Entry {
  stamp: string;
  value: unknown;
}

let hits = 0;
/** How many answers have been reused (for tests). */
export const readCacheHits = () => hits;

/**
 * A cache of at most `max` answers per database, the least recently used dropped first. `key` must
 * name everything the answer depends on besides the data `stamp` covers: the route and its parameters,
 * who asks (their scope), and the date when ages or terms are computed on today.
 */
export function readCache(max: number, stamp: (db: Db) => Promise<string | null>) {
  const perDb = new WeakMap<Db, Map<string, Entry>>();
  /**
   * `known`: the stamp if this request has read it already (before compute, so it may be used). A null
   * stamp (a write in progress) neither reuses nor stores an answer.
   */
  return async function cached<T>(db: Db, key: string, compute: () => Promise<T>, known?: string | null): Promise<T> {
    let entries = perDb.get(db);
    if (!entries) perDb.set(db, (entries = new Map()));
    const s = known === undefined ? await stamp(db) : known;
    if (s === null) return compute();
    const hit = entries.get(key);
    if (hit && hit.stamp === s) {
      hits++;
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    entries.delete(key);
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { stamp: s, value });
    return value;
  };
}
