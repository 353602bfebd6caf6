import type { Db } from '../../db/database.js';
import type { Insertable, Updateable } from 'kysely';
import type { UserTable } from './accounts.table.js';

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(db: Db, id: number, patch: Updateable<UserTable>) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertUser(db: Db, row: Insertable<UserTable>) {
  const r = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listUsers(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.roleId')
    .innerJoin('authorities', 'authorities.id', 'users.authorityId')
    .select([
      'users.id',
      'users.username',
      'users.displayName',
      'users.roleId',
      'roles.name as roleName',
      'users.authorityId',
      'authorities.name as authorityName',
      'users.failedAttempts',
      'users.lockedUntil',
      'users.disabled',
      'users.createdAt',
      'users.version',
    ])
    .orderBy('users.id')
    .execute();
}

export async function insertSession(db: Db, row: { id: string; userId: number; createdAt: string; lastSeenAt: string; ip: string }) {
  await db.insertInto('sessions').values(row).execute();
}

/** A session with everything needed to build the actor, in one round trip. */
export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .innerJoin('roles', 'roles.id', 'users.roleId')
    .innerJoin('authorities', 'authorities.id', 'users.authorityId')
    .select([
      'sessions.id as sessionId',
      'sessions.lastSeenAt',
      'users.id as userId',
      'users.username',
      'users.displayName',
      'users.disabled',
      'users.roleId',
      'users.authorityId',
      'roles.code as roleCode',
      'roles.name as roleName',
      'authorities.name as authorityName',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string) {
  await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function rolePermissions(db: Db, roleId: number) {
  const rows = await db.selectFrom('rolePermissions').select('permission').where('roleId', '=', roleId).execute();
  return rows.map((r) => r.permission);
}

export async function listRoles(db: Db) {
  const roles = await db.selectFrom('roles').selectAll().orderBy('id').execute();
  const perms = await db.selectFrom('rolePermissions').selectAll().execute();
  return roles.map((r) => ({ ...r, permissions: perms.filter((p) => p.roleId === r.id).map((p) => p.permission) }));
}

export async function findRole(db: Db, id: number) {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceRolePermissions(db: Db, roleId: number, permissions: string[]) {
  await db.deleteFrom('rolePermissions').where('roleId', '=', roleId).execute();
  if (permissions.length > 0)
    await db
      .insertInto('rolePermissions')
      .values(permissions.map((permission) => ({ roleId, permission })))
      .execute();
}

export async function listAuthorities(db: Db) {
  return db.selectFrom('authorities').selectAll().orderBy('id').execute();
}

export async function findAuthority(db: Db, id: number) {
  return db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
}
