// Indexes for the condition searches of issue 3 (GET /api/cadres with the exact total), chosen from
// the plans of the 20 searches of bench/search-conditions.ts on both databases (bench/README.md,
// "Condition search by query plan"). Each count is an index-only range over the index whose leading
// column is the condition, with the other columns of the common combinations checked in the index
// (no row read); the page walks an index in the sort order, or its ids come from such an index.
// - gender (+ birth date, political status: 女 / 党外 / age combinations);
// - political status (+ birth date, 学历: 中共党员 under 40 with 本科及以上);
// - 学历; ethnic code; 职级;
// - 职务层次 with the name order (a single level walks in page order) and the codes the common
//   combinations add (gender, 学历, political status);
// - the level sort: the list's order expression (empty 职务层次 last) as an index, so a page sorted
//   by level walks instead of sorting every cadre;
// - unit subtree: (unit_id, status, level_code) replaces (unit_id), so a subtree's count reads no row;
// - 专长 (a LIKE '%…%' on free text): the count reads the narrow index instead of the table (still every entry).
// The planner needs their statistics to prefer them: SQLite gets them only where the database has been
// analysed before (the bench does; a small database without statistics keeps the default estimates).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

const INDEXES = [
  'cadres_status_gender',
  'cadres_status_political',
  'cadres_status_education',
  'cadres_status_ethnic',
  'cadres_status_rank',
  'cadres_status_level',
  'cadres_status_level_order',
  'cadres_unit_status',
  'cadres_status_specialty',
];

const LEVEL_ORDER = sql`(case when level_code is null then 1 else 0 end)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const ix = (name: string, columns: string[]) => db.schema.createIndex(name).on('cadres').columns(columns).execute();
  await ix('cadres_status_gender', ['status', 'gender', 'birth_date', 'political_status']);
  await ix('cadres_status_political', ['status', 'political_status', 'birth_date', 'highest_education']);
  await ix('cadres_status_education', ['status', 'highest_education']);
  await ix('cadres_status_ethnic', ['status', 'ethnic_code']);
  await ix('cadres_status_rank', ['status', 'rank_code']);
  await ix('cadres_status_level', ['status', 'level_code', 'name_pinyin', 'id', 'gender', 'highest_education', 'political_status']);
  await db.schema
    .createIndex('cadres_status_level_order')
    .on('cadres')
    .expression(sql`status, ${LEVEL_ORDER}, level_code, name_pinyin, id`)
    .execute();
  await ix('cadres_unit_status', ['unit_id', 'status', 'level_code']);
  await db.schema.dropIndex('cadres_unit').execute();
  await ix('cadres_status_specialty', ['status', 'specialty']);
  if (dialectOf(db) === 'postgres') await sql`analyze cadres`.execute(db);
  else {
    const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (Number(analysed.rows[0].n) > 0) for (const name of INDEXES) await sql`analyze ${sql.id(name)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cadres_unit').on('cadres').columns(['unit_id']).execute();
  for (const name of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
