import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { dialects, freshDb } from '../../../test/support/db.js';
import { ensureBuiltInRoles } from '../accounts/accounts.bootstrap.js';
import * as m0005 from '../../db/migrations/0005_pools.js';

describe.each(dialects)('migration 0005 on a database that already has its roles, on %s', (dialect) => {
  it('seeds the five pools and grants the new permissions to the built-in roles', async () => {
    const t = await freshDb(dialect);
    try {
      await ensureBuiltInRoles(t.db);
      // as before this migration: no pool tables, no pool permissions
      await m0005.down(t.db as unknown as Kysely<unknown>);
      const perms = async (code: string) =>
        (
          await t.db
            .selectFrom('rolePermissions')
            .innerJoin('roles', 'roles.id', 'rolePermissions.roleId')
            .select('permission')
            .where('roles.code', '=', code)
            .where('permission', 'like', 'pool:%')
            .orderBy('permission')
            .execute()
        ).map((r) => r.permission);
      expect(await perms('cadre_section')).toEqual([]);
      await m0005.up(t.db as unknown as Kysely<unknown>);
      expect(await perms('cadre_section')).toEqual(['pool:manage', 'pool:read', 'pool:write']);
      expect(await perms('county_department')).toEqual(['pool:read', 'pool:write']);
      expect(await perms('audit_admin')).toEqual([]);
      const pools = await t.db.selectFrom('specialtyPools').select('name').orderBy('sortOrder').execute();
      expect(pools.map((p) => p.name)).toEqual(['党建', '社会治理', '经济', '城建', '法治']);
    } finally {
      await t.close();
    }
  });
});
