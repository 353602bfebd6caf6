// Sign-in, sessions, lockout, users and roles. Passwords are argon2id; tokens are random and only
// their sha256 is stored.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/database.js';
import { authoritySubtree, requireAccess, type Actor, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import { ADMIN_ROLE_CODES, ALL_PERMISSIONS, CADRE_DATA_PERMISSIONS, PERMISSIONS, type Permission } from '../../server/permissions.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { getSetting } from '../settings/settings.service.js';
import * as repo from './accounts.repository.js';
import { cachedSession, dropSession, forgetSessions, storeSession } from './session-cache.js';
import { readStamps, type Stamps } from '../../db/data-versions.js';
import { todayOf } from '../../domain/dates.js';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Hashes of the tokens seen lately: hashing on every request was ≈ 3 % of a cached list request. */
const recentHashes = new Map<string, string>();
function sessionIdOf(token: string): string {
  let id = recentHashes.get(token);
  if (id === undefined) {
    if (recentHashes.size >= 10_000) recentHashes.clear();
    recentHashes.set(token, (id = tokenHash(token)));
  }
  return id;
}

/** A password a department can live with: 8+ characters with letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
}

export async function login(db: Db, now: Date, input: LoginInput): Promise<{ token: string; userId: number }> {
  const anonymous = { userId: null, username: input.username.slice(0, 64), ip: input.ip };
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    dummyHash ??= hashPassword('not-a-user-password-0');
    await verify(await dummyHash, input.password).catch(() => false);
    await insertAudit(db, buildAuditRow({ event: 'auth.login_failed', actor: anonymous, at: now, detail: { reason: '用户不存在' } }));
    throw new AppError('BAD_CREDENTIALS');
  }
  const actor = { userId: user.id, username: user.username, ip: input.ip };
  if (user.disabled) {
    await insertAudit(db, buildAuditRow({ event: 'auth.login_failed', actor, at: now, detail: { reason: '账号已停用' } }));
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await insertAudit(db, buildAuditRow({ event: 'auth.login_failed', actor, at: now, detail: { reason: '账号已锁定' } }));
    throw lockedError(user.lockedUntil, now);
  }
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  if (!ok) {
    const max = await getSetting(db, 'auth.maxFailedLogins', now);
    const attempts = user.failedAttempts + 1;
    if (attempts >= max) {
      const minutes = await getSetting(db, 'auth.lockMinutes', now);
      const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, user.id, { failedAttempts: 0, lockedUntil });
        await insertAudit(trx, buildAuditRow({ event: 'auth.login_failed', actor, at: now, detail: { reason: '密码错误', attempts } }));
        await insertAudit(trx, buildAuditRow({ event: 'auth.locked', actor, at: now, detail: { lockedUntil, minutes } }));
      });
      throw lockedError(lockedUntil, now);
    }
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, { failedAttempts: attempts });
      await insertAudit(trx, buildAuditRow({ event: 'auth.login_failed', actor, at: now, detail: { reason: '密码错误', attempts } }));
    });
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误（再错 ${max - attempts} 次将锁定账号）`);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failedAttempts: 0, lockedUntil: null });
    await repo.insertSession(trx, { id: tokenHash(token), userId: user.id, createdAt: at, lastSeenAt: at, ip: input.ip });
    await insertAudit(trx, buildAuditRow({ event: 'auth.login', actor, at: now }));
  });
  return { token, userId: user.id };
}

function lockedError(lockedUntil: string, now: Date) {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`);
}

/**
 * Resolve a bearer token or cookie to an actor; expired or unknown sessions are refused. The session,
 * user, role, timeout and scope come from session-cache.ts while the database's 'access' version is the
 * one they were read at: one small read per request instead of five. The stamps read are returned for
 * the request's later use (read before anything the request computes).
 */
export async function resolveSession(db: Db, now: Date, token: string, ip: string): Promise<{ actor: Actor; sessionId: string; stamps: Stamps }> {
  const id = sessionIdOf(token);
  const at = now.getTime();
  const day = todayOf(now);
  // Read before the session's rows: a write committed after this read changes it, so what is stored
  // below is never used past such a write.
  const stamps = await readStamps(db);
  const version = stamps.access;
  let s = cachedSession(id, version, day);
  if (s && at - s.lastSeen > s.idleMinutes * 60_000) {
    // Idle by what was held: decide on what is stored (another process may have seen the session since).
    dropSession(id);
    s = undefined;
  }
  if (!s) {
    const row = await repo.findSession(db, id);
    if (!row || row.disabled) throw new AppError('UNAUTHENTICATED');
    s = {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      roleCode: row.roleCode,
      roleName: row.roleName,
      permissions: new Set((await repo.rolePermissions(db, row.roleId)) as Permission[]),
      authorityId: row.authorityId,
      authorityName: row.authorityName,
      visibleAuthorityIds: Object.freeze(await authoritySubtree(db, row.authorityId)),
      lastSeen: Date.parse(row.lastSeenAt),
      idleMinutes: await getSetting(db, 'auth.sessionIdleMinutes', now),
      version,
      day,
    };
    if (at - s.lastSeen <= s.idleMinutes * 60_000) storeSession(id, s);
  }
  if (at - s.lastSeen > s.idleMinutes * 60_000) {
    await repo.deleteSession(db, id);
    throw new AppError('UNAUTHENTICATED', '会话已超时，请重新登录');
  }
  // Write the last-seen time at most every 15 s: enough for a minutes-scale idle timeout. It changes
  // no version (migration 0019), so held sessions and cached answers stay usable.
  if (at - s.lastSeen > 15_000) {
    await repo.touchSession(db, id, now.toISOString());
    s.lastSeen = at;
  }
  const actor: Actor = {
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    roleCode: s.roleCode,
    roleName: s.roleName,
    // shared by every request of the session: read-only (ReadonlySet, frozen array)
    permissions: s.permissions,
    authorityId: s.authorityId,
    authorityName: s.authorityName,
    visibleAuthorityIds: s.visibleAuthorityIds,
    ip,
  };
  return { actor, sessionId: id, stamps };
}

export async function logout(ctx: Ctx, sessionId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await insertAudit(trx, buildAuditRow({ event: 'auth.logout', actor: ctx.actor, at: ctx.now }));
  });
  forgetSessions();
}

/** The signed-in user as the web app needs it; `demo` marks the fictional demo city in the UI. */
export async function describeActor(db: Db, now: Date, actor: Actor) {
  return {
    demo: await getSetting(db, 'system.demoData', now),
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roleCode: actor.roleCode,
    roleName: actor.roleName,
    authorityId: actor.authorityId,
    authorityName: actor.authorityName,
    permissions: [...actor.permissions].sort(),
  };
}

// ---- users (系统管理员 creates accounts; 安全管理员 unlocks and resets passwords) ----

export async function listUsers(ctx: Ctx) {
  if (!ctx.actor.permissions.has('user:manage') && !ctx.actor.permissions.has('user:unlock')) throw new AppError('FORBIDDEN');
  const users = await repo.listUsers(ctx.db);
  const now = ctx.now.toISOString();
  return users.map((u) => ({ ...u, disabled: u.disabled === 1, locked: !!u.lockedUntil && u.lockedUntil > now }));
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roleId: number;
  authorityId: number;
}

export async function createUser(ctx: Ctx, input: UserInput) {
  requireAccess(ctx.actor, 'user:manage');
  const problems = [];
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username))
    problems.push({ field: 'username', label: '用户名', message: '3–32 位字母、数字、下划线、点或连字符' });
  const pw = passwordProblem(input.password);
  if (pw) problems.push({ field: 'password', label: '密码', message: pw });
  if (!(await repo.findRole(ctx.db, input.roleId))) problems.push({ field: 'roleId', label: '角色', message: '角色不存在' });
  if (!(await repo.findAuthority(ctx.db, input.authorityId))) problems.push({ field: 'authorityId', label: '所属组织部', message: '管理单位不存在' });
  if (await repo.findUserByUsername(ctx.db, input.username)) problems.push({ field: 'username', label: '用户名', message: '该用户名已被使用' });
  if (problems.length) throw validationError(problems);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roleId: input.roleId,
      authorityId: input.authorityId,
      createdAt: ctx.now.toISOString(),
    });
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'user.create',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'user', id },
        detail: { username: input.username, roleId: input.roleId, authorityId: input.authorityId },
      }),
    );
    return id;
  });
}

export async function updateUser(
  ctx: Ctx,
  id: number,
  input: { displayName?: string; roleId?: number; authorityId?: number; disabled?: boolean; version: number },
) {
  requireAccess(ctx.actor, 'user:manage');
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('该用户');
  if (user.version !== input.version) throw new AppError('STALE_VERSION');
  if (input.roleId !== undefined && !(await repo.findRole(ctx.db, input.roleId)))
    throw validationError([{ field: 'roleId', label: '角色', message: '角色不存在' }]);
  if (input.authorityId !== undefined && !(await repo.findAuthority(ctx.db, input.authorityId)))
    throw validationError([{ field: 'authorityId', label: '所属组织部', message: '管理单位不存在' }]);
  if (id === ctx.actor.userId && input.disabled) throw validationError([{ field: 'disabled', label: '停用', message: '不能停用自己的账号' }]);
  const patch = {
    ...(input.displayName !== undefined && { displayName: input.displayName }),
    ...(input.roleId !== undefined && { roleId: input.roleId }),
    ...(input.authorityId !== undefined && { authorityId: input.authorityId }),
    ...(input.disabled !== undefined && { disabled: input.disabled ? 1 : 0 }),
  };
  const changes = diffFields(user as unknown as Record<string, unknown>, patch);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('users')
      .set({ ...patch, version: user.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('STALE_VERSION');
    // A changed role, authority or a disabled account takes effect at once: end the user's sessions.
    if (patch.roleId !== undefined || patch.authorityId !== undefined || patch.disabled) await repo.deleteUserSessions(trx, id);
    await insertAudit(trx, buildAuditRow({ event: 'user.update', actor: ctx.actor, at: ctx.now, target: { type: 'user', id }, changes }));
  });
  forgetSessions();
}

export async function unlockUser(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'user:unlock');
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('该用户');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { failedAttempts: 0, lockedUntil: null });
    await insertAudit(trx, buildAuditRow({ event: 'user.unlock', actor: ctx.actor, at: ctx.now, target: { type: 'user', id } }));
  });
}

export async function resetPassword(ctx: Ctx, id: number, password: string) {
  requireAccess(ctx.actor, 'user:unlock');
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('该用户');
  const pw = passwordProblem(password);
  if (pw) throw validationError([{ field: 'password', label: '新密码', message: pw }]);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { passwordHash, failedAttempts: 0, lockedUntil: null });
    await repo.deleteUserSessions(trx, id);
    await insertAudit(trx, buildAuditRow({ event: 'user.password_reset', actor: ctx.actor, at: ctx.now, target: { type: 'user', id } }));
  });
  forgetSessions();
}

// ---- roles (安全管理员) ----

export async function listRoles(ctx: Ctx) {
  if (!ctx.actor.permissions.has('role:manage') && !ctx.actor.permissions.has('user:manage')) throw new AppError('FORBIDDEN');
  return repo.listRoles(ctx.db);
}

export async function setRolePermissions(ctx: Ctx, roleId: number, permissions: string[]) {
  requireAccess(ctx.actor, 'role:manage');
  const role = await repo.findRole(ctx.db, roleId);
  if (!role) throw notFound('该角色');
  const unknown = permissions.filter((p) => !ALL_PERMISSIONS.includes(p as Permission));
  if (unknown.length) throw validationError([{ field: 'permissions', label: '权限', message: `未知权限：${unknown.join('、')}` }]);
  // 三员分立: the three admin roles never read cadre data.
  if (ADMIN_ROLE_CODES.includes(role.code)) {
    const bad = permissions.filter((p) => CADRE_DATA_PERMISSIONS.includes(p as Permission));
    if (bad.length)
      throw validationError([
        {
          field: 'permissions',
          label: '权限',
          message: `三员分立：${role.name}不得拥有干部数据权限（${bad.map((p) => PERMISSIONS[p as Permission]).join('、')}）`,
        },
      ]);
  }
  const before = await repo.rolePermissions(ctx.db, roleId);
  const after = [...new Set(permissions)].sort();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceRolePermissions(trx, roleId, after);
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'role.update',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'role', id: roleId },
        changes: [{ field: 'permissions', old: before.sort(), new: after }],
      }),
    );
  });
  forgetSessions();
}

export async function listAuthorities(ctx: Ctx) {
  return repo
    .listAuthorities(ctx.db)
    .then((all) => (ctx.actor.permissions.has('user:manage') ? all : all.filter((a) => ctx.actor.visibleAuthorityIds.includes(a.id))));
}
