// Resolved sessions held in process (issue 3: reading a session, its role's permissions, the idle
// timeout and the authority scope was most of a list request). What is held: the session's user, role,
// permissions, scope and the idle-timeout setting, together with the database's 'access' version
// (migration 0019) read before them. An entry is used only while that version is unchanged — it
// changes with every committed write that may change what a session may do (a logout or expired
// session deleted, a user, role, permission, authority or setting changed), by this process, another
// process or a hand edit — and on the day it was read (settings are dated). So a revoked session is
// refused on its very next request, in every process. The last-seen time is written without changing
// the version; an entry idle by what it holds is read again (another process may have seen it since).
import type { Permission } from '../../server/permissions.js';

const MAX_ENTRIES = 10_000;

export interface CachedSession {
  userId: number;
  username: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  permissions: ReadonlySet<Permission>;
  authorityId: number;
  authorityName: string;
  /** the user's authority and every authority below it */
  visibleAuthorityIds: readonly number[];
  /** ms since the epoch: the session's last-seen time as stored (or as this process last wrote it) */
  lastSeen: number;
  idleMinutes: number;
  /** the 'access' version read before the rows above */
  version: number;
  /** the day (YYYY-MM-DD, Beijing) the idle timeout setting was read for */
  day: string;
}

const entries = new Map<string, CachedSession>();

/** The entry for a session id if read at this access version on this day. */
export function cachedSession(id: string, version: number, day: string): CachedSession | undefined {
  const e = entries.get(id);
  if (!e) return undefined;
  if (e.version !== version || e.day !== day) {
    entries.delete(id);
    return undefined;
  }
  return e;
}

export function storeSession(id: string, e: CachedSession) {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, e);
}

export function dropSession(id: string) {
  entries.delete(id);
}

/**
 * After a committed write that may change any session's user, role, permissions or timeout. The
 * 'access' version already makes such entries unusable; this frees them at once.
 */
export function forgetSessions() {
  entries.clear();
}
