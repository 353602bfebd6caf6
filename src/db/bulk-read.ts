// Bulk reads of 100,000+ rows (the team analysis over a whole province) as ONE value: a JSON array of
// arrays built by the database and parsed once. better-sqlite3 builds every row object in C++ one
// property at a time (≈ 1 µs per value at 148,550 rows × 15 columns, plus the garbage to collect);
// the same values through json_group_array and JSON.parse cost 3–4× less CPU. PostgreSQL's json_agg
// saves the per-row protocol work in the same way. Values keep their types (text, integer, null).
import { sql, type Expression, type Kysely } from 'kysely';
import { dialectOf, readOnWorker, type Db } from './database.js';

/** an output column, ascending, or [column, 'desc'] */
export type ArrayOrder = string | readonly [string, 'desc'];

/**
 * The rows of `query` as arrays of the named output columns (as the query builder names them,
 * camelCase), in the given order (the database sorts inside the aggregate, so the order is kept).
 */
export async function selectArrays<T extends readonly unknown[]>(
  db: Db,
  query: Expression<unknown>,
  columns: readonly string[],
  orderBy: readonly ArrayOrder[] = [],
  options: { concurrent?: boolean } = {},
): Promise<T[]> {
  const values = sql.join(columns.map((c) => sql.ref(`q.${c}`)));
  const keys = orderBy.map((o) => (typeof o === 'string' ? sql.ref(`q.${o}`) : sql`${sql.ref(`q.${o[0]}`)} desc`));
  const order = keys.length > 0 ? sql` order by ${sql.join(keys)}` : sql``;
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    const { rows } = await sql<{ j: T[] | null }>`select json_agg(json_build_array(${values})${order}) as j from ${query} as q`.execute(db);
    return rows[0]?.j ?? [];
  }
  const whole = sql<{ j: string }>`select json_group_array(json_array(${values})${order}) as j from ${query} as q`;
  // `concurrent`: a long read that may run on the other core while this thread runs the next queries.
  const onWorker = options.concurrent ? readOnWorker<{ j: string }>(db, whole.compile(db)) : undefined;
  const rows = onWorker ? await onWorker : (await whole.execute(db)).rows;
  return JSON.parse(rows[0]!.j) as T[];
}
