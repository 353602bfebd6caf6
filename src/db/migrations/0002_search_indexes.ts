// Indexes for province-scale search and counts, chosen from the query plans of both databases
// (bench/README.md shows the plans):
// - the cadre list pages in name order (pinyin, then id) over every visible authority: walking
//   (status, name_pinyin, id) yields the first page without sorting the whole table;
// - the list's total counts over (status, authority_id) alone, an index-only count;
// - the same for the birth-date and name orders;
// - pinyin and initials prefixes: SQLite compares ranges on plain indexes; PostgreSQL needs
//   text_pattern_ops for LIKE 'prefix%' under a non-C collation.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const ix = (name: string, columns: string[]) => db.schema.createIndex(name).on('cadres').columns(columns).execute();
  await ix('cadres_status_pinyin', ['status', 'name_pinyin', 'id']);
  await ix('cadres_status_authority', ['status', 'authority_id']);
  await ix('cadres_status_birth', ['status', 'birth_date', 'name_pinyin', 'id']);
  await ix('cadres_status_name', ['status', 'name', 'name_pinyin', 'id']);
  if (pg) {
    await db.schema
      .createIndex('cadres_pinyin_prefix')
      .on('cadres')
      .expression(sql`name_pinyin text_pattern_ops`)
      .execute();
    await db.schema
      .createIndex('cadres_initials_prefix')
      .on('cadres')
      .expression(sql`name_initials text_pattern_ops`)
      .execute();
  } else {
    await ix('cadres_pinyin_prefix', ['name_pinyin']);
    await ix('cadres_initials_prefix', ['name_initials']);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'cadres_status_pinyin',
    'cadres_status_authority',
    'cadres_status_birth',
    'cadres_status_name',
    'cadres_pinyin_prefix',
    'cadres_initials_prefix',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
