import type { Db } from '../../db/database.js';

/** The value in force on a date: the newest version whose effective date is not after it. */
export async function findEffective(db: Db, key: string, date: string) {
  return db
    .selectFrom('settings')
    .select(['value', 'effectiveFrom'])
    .where('key', '=', key)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listVersions(db: Db) {
  return db.selectFrom('settings').selectAll().orderBy('key').orderBy('effectiveFrom', 'desc').execute();
}

export async function upsertVersion(
  db: Db,
  row: { key: string; value: string; effectiveFrom: string; source: string; updatedBy: string; updatedAt: string },
) {
  const existing = await db
    .selectFrom('settings')
    .select('id')
    .where('key', '=', row.key)
    .where('effectiveFrom', '=', row.effectiveFrom)
    .executeTakeFirst();
  if (existing) await db.updateTable('settings').set(row).where('id', '=', existing.id).execute();
  else await db.insertInto('settings').values(row).execute();
}
