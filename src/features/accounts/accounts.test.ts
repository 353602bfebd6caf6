import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { declaredRoutes } from '../../server/app.js';
import { passwordProblem } from './accounts.service.js';

describe.each(dialects)('accounts on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect);
  });
  afterAll(async () => h?.close());

  it('every /api route declares a permission', () => {
    const missing = declaredRoutes(h.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.permission);
    expect(missing).toEqual([]);
    expect(declaredRoutes(h.app).length).toBeGreaterThan(10);
  });

  it('logs in with the cookie and a bearer token, and logs out', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Ganbu@2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ganbu_session');
    expect(cookie?.httpOnly).toBe(true);
    const { token } = res.json() as { token: string };
    expect(cookie?.value).toBe(token);
    const me = await h.app.inject({ url: '/api/auth/me', cookies: { ganbu_session: token } });
    expect(me.json()).toMatchObject({ username: 'leader', roleName: '部领导' });
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    const after = await h.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('expires an idle session after the configured minutes', async () => {
    const headers = await h.as('jiaoyuke');
    h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000);
    expect((await h.app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
    const res = await h.app.inject({ url: '/api/auth/me', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('超时');
  });

  it('locks an account after five wrong passwords, for fifteen minutes', async () => {
    const bad = () => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jianduke', password: 'wrong-1' } });
    for (let i = 0; i < 4; i++) expect((await bad()).statusCode).toBe(401);
    const fifth = await bad();
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toContain('锁定');
    const good = () => h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jianduke', password: 'Ganbu@2026' } });
    expect((await good()).statusCode).toBe(423);
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    expect((await good()).statusCode).toBe(200);
    const audit = await h.app.inject({ url: '/api/audit?event=auth.locked', headers: await h.as('auditor') });
    expect(audit.json().total).toBeGreaterThanOrEqual(1);
  });

  it('answers 401 without a session, 403 without the permission, 404 for unknown routes', async () => {
    expect((await h.app.inject({ url: '/api/audit' })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/audit', headers: await h.as('ganbuke') })).statusCode).toBe(403);
    expect((await h.app.inject({ url: '/api/no-such-thing' })).statusCode).toBe(404);
  });

  it('keeps 三员分立: an admin role cannot be given cadre permissions', async () => {
    const headers = await h.as('secadmin');
    const roles = (await h.app.inject({ url: '/api/roles', headers })).json() as { id: number; code: string }[];
    const auditRole = roles.find((r) => r.code === 'audit_admin')!;
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/roles/${auditRole.id}/permissions`,
      headers,
      payload: { permissions: ['audit:read', 'cadre:read'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('三员分立');
  });

  it('validates a new user field by field and creates nothing', async () => {
    const headers = await h.as('sysadmin');
    const before = (await h.app.inject({ url: '/api/users', headers })).json().length;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers,
      payload: { username: 'x', displayName: '测试', password: 'short', roleId: 999, authorityId: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'roleId']));
    expect((await h.app.inject({ url: '/api/users', headers })).json().length).toBe(before);
  });

  it('answers /api/health with the dialect', async () => {
    expect((await h.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', database: dialect });
  });
});

describe('password policy', () => {
  it.each([
    ['short1', '密码至少 8 位'],
    ['onlyletters', '密码须同时包含字母和数字'],
    ['12345678', '密码须同时包含字母和数字'],
    ['Ganbu@2026', null],
  ])('%s → %s', (pw, expected) => expect(passwordProblem(pw)).toBe(expected));
});

describe('password hashing', () => {
  it('uses argon2id', async () => {
    const { hashPassword } = await import('./accounts.service.js');
    expect(await hashPassword('Ganbu@2026')).toMatch(/^\$argon2id\$/);
  });
});
