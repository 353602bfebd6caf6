// Resolved sessions held in process for a few seconds (issue 3: four queries per request were a large
// part of a list request). What is held: the session's user, role and permissions and the idle-timeout
// setting — never the authority scope, which resolveSession reads on every request. Every write that
// changes what a session may do forgets all entries after it commits (logout, user changes, password
// reset, role permissions, settings, demo reset); the generation stops a read that raced such a write
// from storing what it read. A change made by another server process on the same database (or by hand
// in the database) shows within SESSION_CACHE_MS.
import type { Permission } from '../../server/permissions.js';

export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  userId: number;
  username: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  permissions: Set<Permission>;
  authorityId: number;
  authorityName: string;
  /** ms since the epoch: the session's last-seen time as stored */
  lastSeen: number;
  idleMinutes: number;
  /** ms since the epoch (the app's clock) when read from the database */
  readAt: number;
}

const entries = new Map<string, CachedSession>();
let generation = 0;

/** The entry for a session id if read within SESSION_CACHE_MS of `now` (and not in its future). */
export function cachedSession(id: string, now: number): CachedSession | undefined {
  const e = entries.get(id);
  if (!e) return undefined;
  if (now < e.readAt || now - e.readAt > SESSION_CACHE_MS) {
    entries.delete(id);
    return undefined;
  }
  return e;
}

/** The generation to pass to storeSession: take it before reading the database. */
export const sessionGeneration = () => generation;

export function storeSession(id: string, e: CachedSession, readGeneration: number) {
  if (readGeneration !== generation) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, e);
}

export function dropSession(id: string) {
  entries.delete(id);
}

/** After a committed write that may change any session's user, role, permissions or timeout. */
export function forgetSessions() {
  generation++;
  entries.clear();
}
