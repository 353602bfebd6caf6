// Resolved sessions are held in process (session-cache.ts) while the database's 'access' version is
// unchanged; every write that changes what a session may do must still take effect on the very next
// request, whichever process or connection commits it. The test clock does not move unless said, so
// without the version check each of these would be answered from the held entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../demo/demo.accounts.js';
import { cachedSession, forgetSessions, storeSession, type CachedSession } from './session-cache.js';

describe.each(dialects)('held sessions on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    // a file, so that a second connection (another process) can write
    h = await testApp(dialect, { sqliteFile: true });
  });

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
  afterAll(async () => h?.close());

  /** a fresh session of its own (h.as keeps one token per account across tests) */
  const login = async (username: string) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };
  const get = async (url: string, headers: { authorization: string }) => (await h.app.inject({ url, headers })).statusCode;
  const user = (username: string) =>
    h.t.db.selectFrom('users').select(['id', 'version', 'roleId']).where('username', '=', username).executeTakeFirstOrThrow();

  it('a logout ends the session at once', async () => {
    const headers = await login('leader');
    expect(await get('/api/auth/me', headers)).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect(await get('/api/auth/me', headers)).toBe(401);
  });

  it('a role losing a permission loses it at once, and gets it back at once', async () => {
    const headers = await login('ganbuke');
    expect(await get('/api/cadres', headers)).toBe(200);
    const { roleId } = await user('ganbuke');
    const sec = await login('secadmin');
    const roles = (await h.app.inject({ url: '/api/roles', headers: sec })).json() as { id: number; permissions: string[] }[];
    const before = roles.find((r) => r.id === roleId)!.permissions;
    const put = (permissions: string[]) =>
      h.app.inject({ method: 'PUT', url: `/api/roles/${roleId}/permissions`, headers: sec, payload: { permissions } });
    expect((await put(before.filter((p) => p !== 'cadre:read'))).statusCode).toBe(204);
    expect(await get('/api/cadres', headers)).toBe(403);
    expect((await put(before)).statusCode).toBe(204);
    expect(await get('/api/cadres', headers)).toBe(200);
  });

  it('disabling a user and resetting a password end the sessions at once', async () => {
    const jiwei = await login('jiwei');
    const jiaoyuke = await login('jiaoyuke');
    expect(await get('/api/auth/me', jiwei)).toBe(200);
    expect(await get('/api/auth/me', jiaoyuke)).toBe(200);
    const sys = await login('sysadmin');
    const u = await user('jiwei');
    const patch = await h.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: sys, payload: { disabled: true, version: u.version } });
    expect(patch.statusCode, patch.body).toBe(204);
    expect(await get('/api/auth/me', jiwei)).toBe(401);

    const sec = await login('secadmin');
    const v = await user('jiaoyuke');
    const reset = await h.app.inject({ method: 'POST', url: `/api/users/${v.id}/password`, headers: sec, payload: { password: 'Xinmima2026' } });
    expect(reset.statusCode, reset.body).toBe(204);
    expect(await get('/api/auth/me', jiaoyuke)).toBe(401);
  });

  it('sees a new authority in the scope at once (authorities change the access version)', async () => {
    const headers = await login('donghu');
    const names = async () => ((await h.app.inject({ url: '/api/authorities', headers })).json() as { name: string }[]).map((a) => a.name);
    expect(await names()).not.toContain('东湖区新设组织部');
    const parent = await h.t.db.selectFrom('users').select('authorityId').where('username', '=', 'donghu').executeTakeFirstOrThrow();
    await h.t.db.insertInto('authorities').values({ name: '东湖区新设组织部', level: 'county', parentId: parent.authorityId }).execute();
    expect(await names()).toContain('东湖区新设组织部');
  });

  it('a session removed by another process is refused at once', async () => {
    const headers = await login('auditor');
    expect(await get('/api/auth/me', headers)).toBe(200);
    expect(await get('/api/auth/me', headers)).toBe(200);
    await runElsewhere('delete from sessions where user_id = $1', [(await user('auditor')).id]);
    expect(await get('/api/auth/me', headers)).toBe(401);
  });

  it('a permission removed by another process is lost at once, and comes back at once', async () => {
    const headers = await login('ganbuke');
    expect(await get('/api/cadres', headers)).toBe(200);
    const { roleId } = await user('ganbuke');
    await runElsewhere(`delete from role_permissions where role_id = $1 and permission = 'cadre:read'`, [roleId]);
    expect(await get('/api/cadres', headers)).toBe(403);
    await runElsewhere(`insert into role_permissions (role_id, permission) values ($1, 'cadre:read')`, [roleId]);
    expect(await get('/api/cadres', headers)).toBe(200);
  });

  it('a user disabled by another process is refused at once', async () => {
    const headers = await login('jianduke');
    expect(await get('/api/auth/me', headers)).toBe(200);
    await runElsewhere('update users set disabled = 1 where id = $1', [(await user('jianduke')).id]);
    expect(await get('/api/auth/me', headers)).toBe(401);
    await runElsewhere('update users set disabled = 0 where id = $1', [(await user('jianduke')).id]);
  });

  it('the last-seen write and sign-ins of others leave the access version alone', async () => {
    const headers = await login('leader');
    expect(await get('/api/auth/me', headers)).toBe(200);
    const version = async () =>
      (await h.t.db.selectFrom('dataVersions').select('version').where('name', '=', 'access').executeTakeFirstOrThrow()).version;
    const v = await version();
    h.clock.now = new Date(h.clock.now.getTime() + 16_000);
    expect(await get('/api/auth/me', headers)).toBe(200); // writes last-seen
    await login('auditor'); // a sign-in resets the user's failed attempts and adds a session
    expect(await version()).toBe(v);
    await runElsewhere('update users set display_name = display_name where id = $1', [(await user('leader')).id]);
    expect(await version()).toBeGreaterThan(v);
  });

  it('an idle timeout dated from tomorrow applies from tomorrow on to a held session', async () => {
    const sys = await login('sysadmin');
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const tomorrow = day(h.clock.now.getTime() + 86_400_000);
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/auth.sessionIdleMinutes',
      headers: sys,
      payload: { value: 5, effectiveFrom: tomorrow },
    });
    expect(put.statusCode, put.body).toBe(204);
    const midnight = Date.parse(`${tomorrow}T00:00:00+08:00`);
    // held today with today's 30 minutes, eight minutes before midnight …
    h.clock.now = new Date(midnight - 8 * 60_000);
    const headers = await login('leader');
    expect(await get('/api/auth/me', headers)).toBe(200);
    // … and seven minutes idle just after it: tomorrow's 5 minutes apply
    h.clock.now = new Date(midnight - 60_000 + 7 * 60_000);
    const res = await h.app.inject({ url: '/api/auth/me', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('超时');
  });

  it('still times out an idle session that was held', async () => {
    const headers = await login('leader');
    expect(await get('/api/auth/me', headers)).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
    const res = await h.app.inject({ url: '/api/auth/me', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('超时');
  });
});

describe('session cache', () => {
  const entry = (version: number, day = '2026-06-01'): CachedSession => ({
    userId: 1,
    username: 'u',
    displayName: 'U',
    roleCode: 'r',
    roleName: 'R',
    permissions: new Set(),
    authorityId: 1,
    authorityName: 'A',
    visibleAuthorityIds: [1],
    lastSeen: 0,
    idleMinutes: 30,
    version,
    day,
  });

  it('answers an entry only at the access version and on the day it was read', () => {
    storeSession('a', entry(7));
    expect(cachedSession('a', 7, '2026-06-01')).toBeDefined();
    expect(cachedSession('a', 8, '2026-06-01')).toBeUndefined();
    // dropped, not kept for the old version
    expect(cachedSession('a', 7, '2026-06-01')).toBeUndefined();
    storeSession('a', entry(7));
    expect(cachedSession('a', 7, '2026-06-02')).toBeUndefined();
    expect(cachedSession('a', 7, '2026-06-01')).toBeUndefined();
  });

  it('forgets every entry after a write of this process', () => {
    storeSession('b', entry(3));
    forgetSessions();
    expect(cachedSession('b', 3, '2026-06-01')).toBeUndefined();
  });
});
