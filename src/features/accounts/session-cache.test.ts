// Resolved sessions are held for a few seconds (session-cache.ts); every write that changes what a
// session may do must still take effect on the very next request. The test clock does not move
// unless said, so without the invalidation each of these would be answered from the held entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../demo/demo.accounts.js';
import { cachedSession, forgetSessions, SESSION_CACHE_MS, sessionGeneration, storeSession, type CachedSession } from './session-cache.js';

describe.each(dialects)('held sessions on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect);
  });
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

  it('reads the authority scope on every request, never from the held entry', async () => {
    const headers = await login('donghu');
    const names = async () => ((await h.app.inject({ url: '/api/authorities', headers })).json() as { name: string }[]).map((a) => a.name);
    expect(await names()).not.toContain('东湖区新设组织部');
    const parent = await h.t.db.selectFrom('users').select('authorityId').where('username', '=', 'donghu').executeTakeFirstOrThrow();
    await h.t.db.insertInto('authorities').values({ name: '东湖区新设组织部', level: 'county', parentId: parent.authorityId }).execute();
    expect(await names()).toContain('东湖区新设组织部');
  });

  it('a session removed behind its back (another process) is refused once the holding time has passed', async () => {
    const headers = await login('auditor');
    expect(await get('/api/auth/me', headers)).toBe(200);
    await h.t.db
      .deleteFrom('sessions')
      .where('userId', '=', (await user('auditor')).id)
      .execute();
    h.clock.now = new Date(h.clock.now.getTime() + SESSION_CACHE_MS + 1);
    expect(await get('/api/auth/me', headers)).toBe(401);
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
  const entry = (readAt: number): CachedSession => ({
    userId: 1,
    username: 'u',
    displayName: 'U',
    roleCode: 'r',
    roleName: 'R',
    permissions: new Set(),
    authorityId: 1,
    authorityName: 'A',
    lastSeen: readAt,
    idleMinutes: 30,
    readAt,
  });

  it('does not store what was read before a write that forgot all sessions', () => {
    const g = sessionGeneration();
    forgetSessions();
    storeSession('a', entry(1000), g);
    expect(cachedSession('a', 1000)).toBeUndefined();
    storeSession('a', entry(1000), sessionGeneration());
    expect(cachedSession('a', 1000)).toBeDefined();
  });

  it('holds an entry for SESSION_CACHE_MS and not for a clock that went back', () => {
    storeSession('b', entry(1000), sessionGeneration());
    expect(cachedSession('b', 1000 + SESSION_CACHE_MS)).toBeDefined();
    expect(cachedSession('b', 999)).toBeUndefined();
    storeSession('b', entry(1000), sessionGeneration());
    expect(cachedSession('b', 1001 + SESSION_CACHE_MS)).toBeUndefined();
  });
});
