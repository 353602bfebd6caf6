import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { AppError } from '../../server/errors.js';
import { PERMISSIONS } from '../../server/permissions.js';
import * as svc from './accounts.service.js';

export const SESSION_COOKIE = 'ganbu_session';

const Me = z.object({
  demo: z.boolean().describe('演示数据（虚构城市）'),
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  authorityId: z.number(),
  authorityName: z.string(),
  permissions: z.array(z.string()),
});

export async function accountsRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['账号'],
        summary: '登录：设置会话 Cookie，并返回可用作 Bearer 的令牌',
        body: z.object({ username: z.string().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }),
        response: { 200: z.object({ token: z.string(), user: Me }), ...errorResponses, 423: errorResponses[401] },
      },
    },
    async (req, reply) => {
      const now = deps.now();
      const { token } = await svc.login(deps.db, now, { ...req.body, ip: req.ip });
      const { actor } = await svc.resolveSession(deps.db, now, token, req.ip);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: deps.cookieSecure });
      return { token, user: await svc.describeActor(deps.db, now, actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags: ['账号'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      if (!req.sessionId) throw new AppError('UNAUTHENTICATED');
      await svc.logout(ctxOf(req, deps), req.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { permission: 'authenticated' }, schema: { tags: ['账号'], summary: '当前用户', response: { 200: Me, ...errorResponses } } },
    async (req) => svc.describeActor(deps.db, deps.now(), ctxOf(req, deps).actor),
  );

  app.get(
    '/api/permissions',
    { config: { permission: 'authenticated' }, schema: { tags: ['账号'], summary: '权限目录', response: { 200: z.record(z.string(), z.string()) } } },
    async () => PERMISSIONS,
  );

  app.get(
    '/api/authorities',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['账号'],
        summary: '管理单位（组织部）列表',
        response: { 200: z.array(z.object({ id: z.number(), name: z.string(), level: z.string(), parentId: z.number().nullable() })) },
      },
    },
    async (req) => svc.listAuthorities(ctxOf(req, deps)),
  );

  const UserOut = z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    roleId: z.number(),
    roleName: z.string(),
    authorityId: z.number(),
    authorityName: z.string(),
    failedAttempts: z.number(),
    lockedUntil: z.string().nullable(),
    locked: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.string(),
    version: z.number(),
  });

  app.get(
    '/api/users',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['账号'], summary: '用户列表（系统管理员、安全管理员）', response: { 200: z.array(UserOut), ...errorResponses } },
    },
    async (req) => svc.listUsers(ctxOf(req, deps)),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['账号'],
        summary: '新建用户',
        body: z.object({
          username: z.string().max(32),
          displayName: z.string().min(1, '请填写姓名').max(32),
          password: z.string().max(256),
          roleId: z.number().int(),
          authorityId: z.number().int(),
        }),
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.createUser(ctxOf(req, deps), req.body) }),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['账号'],
        summary: '修改用户（角色、所属组织部、停用）',
        params: IdParams,
        body: z.object({
          displayName: z.string().min(1).max(32).optional(),
          roleId: z.number().int().optional(),
          authorityId: z.number().int().optional(),
          disabled: z.boolean().optional(),
          version: z.number().int(),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.updateUser(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: { permission: 'user:unlock' },
      schema: { tags: ['账号'], summary: '解锁账号', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await svc.unlockUser(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { permission: 'user:unlock' },
      schema: {
        tags: ['账号'],
        summary: '重置密码',
        params: IdParams,
        body: z.object({ password: z.string().max(256) }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.resetPassword(ctxOf(req, deps), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['账号'],
        summary: '角色及其权限',
        response: {
          200: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), builtIn: z.number(), permissions: z.array(z.string()) })),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listRoles(ctxOf(req, deps)),
  );

  app.put(
    '/api/roles/:id/permissions',
    {
      config: { permission: 'role:manage' },
      schema: {
        tags: ['账号'],
        summary: '设置角色权限',
        params: IdParams,
        body: z.object({ permissions: z.array(z.string()) }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.setRolePermissions(ctxOf(req, deps), req.params.id, req.body.permissions);
      return reply.status(204).send(null);
    },
  );
}
