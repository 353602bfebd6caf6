// The first start of an empty database: built-in roles with their permissions. Idempotent.
import type { Db } from '../../db/database.js';
import { BUILT_IN_ROLES } from '../../server/permissions.js';

export async function ensureBuiltInRoles(db: Db) {
  for (const role of BUILT_IN_ROLES) {
    const existing = await db.selectFrom('roles').select('id').where('code', '=', role.code).executeTakeFirst();
    if (existing) continue;
    const { id } = await db.insertInto('roles').values({ code: role.code, name: role.name, builtIn: 1 }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('rolePermissions')
      .values(role.permissions.map((permission) => ({ roleId: id, permission })))
      .execute();
  }
}
