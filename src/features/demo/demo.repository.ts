// Writes of the demo city: bulk inserts in batches sized to the dialect's bound-parameter limit,
// explicit ids for units, teams, posts and cadres (so rows can refer to each other before insertion),
// and the PostgreSQL sequences moved past those ids afterwards.
import { CompiledQuery, sql, type InsertObject, type Kysely } from 'kysely';
import { dialectOf, type Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** Bound parameters per statement: SQLite's default maximum is 32,766, PostgreSQL's 65,535. */
const PARAM_LIMIT = { sqlite: 32_000, postgres: 65_000 } as const;

const dialect = (db: Db) => dialectOf(db as unknown as Kysely<unknown>);

/** Tables whose ids the generator assigns. */
const ID_TABLES = ['units', 'teams', 'posts', 'cadres'] as const;
type IdTable = (typeof ID_TABLES)[number];

/** The first free id of each table the generator assigns ids in. */
export async function nextIds(db: Db): Promise<Record<IdTable, number>> {
  const out = {} as Record<IdTable, number>;
  for (const t of ID_TABLES) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.max<number | null>('id').as('max'))
      .executeTakeFirst();
    out[t] = Number(row?.max ?? 0) + 1;
  }
  return out;
}

/** Rows per statement on PostgreSQL, where a batch travels as one JSON parameter. */
const PG_JSON_ROWS = 20_000;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Insert rows in as few statements as possible. SQLite: multi-row VALUES up to its parameter limit.
 * PostgreSQL: each batch as one JSON array expanded by json_populate_recordset, several times faster
 * than tens of thousands of bound parameters. All rows must have the keys of the first.
 */
export async function insertMany<T extends keyof Database & string>(db: Db, table: T, rows: readonly InsertObject<Database, T>[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0] as object);
  if (dialect(db) === 'postgres') {
    const columns = sql.join(keys.map((k) => sql.ref(snake(k))));
    const target = sql.table(snake(table));
    // The next batch is serialised while the server inserts the previous one (same connection, queued).
    let pending: Promise<unknown> | null = null;
    for (let i = 0; i < rows.length; i += PG_JSON_ROWS) {
      const json = JSON.stringify(
        rows.slice(i, i + PG_JSON_ROWS).map((r) => Object.fromEntries(keys.map((k) => [snake(k), (r as Record<string, unknown>)[k] ?? null]))),
      );
      if (pending) await pending;
      pending = sql`insert into ${target} (${columns}) select ${columns} from json_populate_recordset(null::${target}, ${json}::json)`.execute(db);
    }
    await pending;
    return;
  }
  // SQLite: the same multi-row INSERT Kysely would build, written once per batch size instead of
  // walking a query tree of tens of thousands of values per batch (the builder was most of the time).
  const size = Math.max(1, Math.floor(PARAM_LIMIT.sqlite / keys.length));
  const head = `insert into "${snake(table)}" (${keys.map((k) => `"${snake(k)}"`).join(', ')}) values `;
  const tuple = `(${keys.map(() => '?').join(', ')})`;
  const statements = new Map<number, string>();
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size) as readonly Record<string, unknown>[];
    let text = statements.get(batch.length);
    if (!text) {
      text = head + Array.from({ length: batch.length }, () => tuple).join(', ');
      statements.set(batch.length, text);
    }
    const params: unknown[] = [];
    for (const r of batch) for (const k of keys) params.push(r[k] ?? null);
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/** After inserting explicit ids, make PostgreSQL's serial sequences continue above them. */
export async function syncIdSequences(db: Db): Promise<void> {
  if (dialect(db) !== 'postgres') return; // SQLite's AUTOINCREMENT follows the largest id by itself.
  for (const t of ID_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
  }
}

/** Write (or replace) one version of a business setting. */
export async function putSetting(
  db: Db,
  row: { key: string; value: string; effectiveFrom: string; source: string; updatedBy: string; updatedAt: string },
): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', row.key).where('effectiveFrom', '=', row.effectiveFrom).execute();
  await db.insertInto('settings').values(row).execute();
}
