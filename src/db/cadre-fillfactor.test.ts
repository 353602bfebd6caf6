// Migration 0022: on PostgreSQL the Excel import's bulk update of cadres (备注, updated_at, version: no
// indexed column) is a HOT update — the new row versions stay on their pages and no index gets a new
// entry — because cadres' pages keep half of their room free. Counted by PostgreSQL itself within the
// transaction (pg_stat_get_xact_tuples_hot_updated). Without the migration (down) the same rows, written
// into full pages, mostly move: the test fails if the fill factor is lost. SQLite has no fill factor; the
// migration leaves it alone and the update is checked there as well.
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { dialects, freshDb } from '../../test/support/db.js';
import { cadreRow } from '../../test/support/factory.js';
import { insertCadres, updateCadres } from '../features/cadres/cadres.repository.js';
import * as m0022 from './migrations/0022_cadre_fillfactor.js';
import type { Db } from './database.js';

const ROWS = 150;
// ≈ 450 bytes a row: about 17 rows fill a page
const remark = (c: string) => c.repeat(150);

/** ROWS cadres inserted as the imports insert them, then all of them updated as the Excel import does; how many updates were HOT (PostgreSQL) */
async function importUpdate(db: Db, dialect: string): Promise<number | undefined> {
  const { id: city } = await db
    .insertInto('authorities')
    .values({ name: '中共青川市委组织部', level: 'city', parentId: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = Array.from({ length: ROWS }, () => cadreRow({ authorityId: city, remarks: remark('旧') }));
  const ids = await insertCadres(db, rows);
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const missed = await updateCadres(
      trx,
      ids.map((id) => ({ id, version: 1, row: { remarks: remark('新'), updatedAt: at } })),
    );
    expect(missed).toBe(0);
    const stored = await trx.selectFrom('cadres').select(['remarks', 'version']).where('id', 'in', ids).execute();
    expect(stored).toHaveLength(ROWS);
    expect(stored.every((r) => r.remarks === remark('新') && r.version === 2)).toBe(true);
    if (dialect !== 'postgres') return undefined;
    const r = await sql<{ n: string }>`select pg_stat_get_xact_tuples_hot_updated('cadres'::regclass) as n`.execute(trx);
    return Number(r.rows[0].n);
  });
}

describe.each(dialects)('cadres fill factor (migration 0022) on %s', (dialect) => {
  it("keeps room on cadres' pages so that the Excel import's updates are HOT", async () => {
    const t = await freshDb(dialect);
    try {
      if (dialect === 'postgres') {
        const r = await sql<{ options: string[] | null }>`select reloptions as options from pg_class where oid = 'cadres'::regclass`.execute(t.db);
        expect(r.rows[0].options).toEqual(['fillfactor=50']);
      }
      const hot = await importUpdate(t.db, dialect);
      if (dialect === 'postgres') expect(hot).toBe(ROWS);
    } finally {
      await t.close();
    }
  });

  it('without it (down), full pages leave the same updates mostly not HOT', async () => {
    const t = await freshDb(dialect);
    try {
      await m0022.down(t.db as unknown as Kysely<unknown>);
      const hot = await importUpdate(t.db, dialect);
      if (dialect === 'postgres') expect(hot).toBeLessThan(ROWS / 4);
      await m0022.up(t.db as unknown as Kysely<unknown>);
    } finally {
      await t.close();
    }
  });
});
