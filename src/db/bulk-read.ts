// Bulk reads of 100,000+ rows (the team analysis over a whole province) as ONE value: a JSON array of
// arrays built by the database and parsed once. better-sqlite3 builds every row object in C++ one
// property at a time (≈ 1 µs per value at 148,550 rows × 15 columns, plus the garbage to collect);
// the same values through json_group_array and JSON.parse cost 3–4× less CPU. PostgreSQL's json_agg
// saves the per-row protocol work in the same way. The caller declares each column's kind (integer or
// text, NULL or not); the rows come back as objects of that shape.
import { sql, type Expression, type Kysely } from 'kysely';
import { dialectOf, readOnWorker, type Db } from './database.js';

/** an output column, ascending, or [column, 'desc'] */
export type ArrayOrder = string | readonly [string, 'desc'];

/** What a bulk read's output column holds ('?': may be NULL). */
export type ColumnKind = 'int' | 'int?' | 'text' | 'text?';
type ValueOf<K extends ColumnKind> = K extends 'int' ? number : K extends 'int?' ? number | null : K extends 'text' ? string : string | null;
/** A row of a bulk read of the given shape: `{ teamId: 'int', name: 'text' }` → `{ teamId: number; name: string }`. */
export type RowOf<S extends Record<string, ColumnKind>> = { -readonly [C in keyof S]: ValueOf<S[C]> };

/**
 * The rows of `query` with the output columns of `shape` (named as the query builder names them,
 * camelCase), in the given order (the database sorts inside the aggregate, so the order is kept).
 */
export async function selectRows<S extends Record<string, ColumnKind>>(
  db: Db,
  query: Expression<unknown>,
  shape: S,
  orderBy: readonly ArrayOrder[] = [],
  options: { concurrent?: boolean } = {},
): Promise<RowOf<S>[]> {
  const columns = Object.keys(shape);
  const keys = orderBy.map((o) => (typeof o === 'string' ? sql.ref(`q.${o}`) : sql`${sql.ref(`q.${o[0]}`)} desc`));
  const order = keys.length > 0 ? sql` order by ${sql.join(keys)}` : sql``;
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    // Per row an array of the integers and one of the texts, not json_build_array over every column:
    // that looks up each argument's type again on every row, 0.2 s more of the server's time for the
    // 148,550 members of a province.
    const ints = columns.filter((c) => shape[c]!.startsWith('int'));
    const texts = columns.filter((c) => shape[c]!.startsWith('text'));
    const array = (names: string[], type: string) =>
      names.length ? sql`array[${sql.join(names.map((c) => sql`${sql.ref(`q.${c}`)}::${sql.raw(type)}`))}]` : sql`${sql.raw(`'{}'::${type}[]`)}`;
    const row = sql`json_build_array(${array(ints, 'bigint')}, ${array(texts, 'text')})`;
    const { rows } = await sql<{ j: unknown[][] | null }>`select json_agg(${row}${order}) as j from ${query} as q`.execute(db);
    const make = rowMaker<RowOf<S>>([...ints.map((c, i) => [c, `r[0][${i}]`] as const), ...texts.map((c, i) => [c, `r[1][${i}]`] as const)]);
    return (rows[0]?.j ?? []).map(make);
  }
  const values = sql.join(columns.map((c) => sql.ref(`q.${c}`)));
  const whole = sql<{ j: string }>`select json_group_array(json_array(${values})${order}) as j from ${query} as q`;
  // `concurrent`: a long read that may run on the other core while this thread runs the next queries.
  const onWorker = options.concurrent ? readOnWorker<{ j: string }>(db, whole.compile(db)) : undefined;
  const rows = JSON.parse((onWorker ? await onWorker : (await whole.execute(db)).rows)[0]!.j) as unknown[][];
  return rows.map(rowMaker<RowOf<S>>(columns.map((c, i) => [c, `r[${i}]`] as const)));
}

/**
 * A function making a row object of the given keys from the values at the given places of `r`, written
 * as one object literal, as fast-json-stringify writes Fastify's serialisers: every row then shares one
 * hidden class, where setting the keys one by one in a loop cost 10× the CPU (0.2–0.4 s at 148,550
 * rows). The keys are our own column names, checked to be plain identifiers.
 */
function rowMaker<T>(fields: readonly (readonly [key: string, place: string])[]): (r: unknown[]) => T {
  for (const [key] of fields) if (!/^[A-Za-z_]\w*$/.test(key)) throw new Error(`not a column name: ${key}`);
  return new Function('r', `return { ${fields.map(([key, place]) => `${key}: ${place}`).join(', ')} };`) as (r: unknown[]) => T;
}
