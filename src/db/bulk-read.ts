// Bulk reads of 100,000+ rows (the team analysis over a whole province) as ONE value: a JSON array of
// arrays built by the database and parsed once. better-sqlite3 builds every row object in C++ one
// property at a time (≈ 1 µs per value at 148,550 rows × 15 columns, plus the garbage to collect);
// the same values through json_group_array and JSON.parse cost 3–4× less CPU. On PostgreSQL one text
// of separated values (see separatedRows) saves the per-row protocol work in the same way. The caller
// declares each column's kind (integer or text, NULL or not); the rows come back as objects of that shape.
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
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
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres')
    return (await separatedRows(db, query, shape, order)) ?? jsonRows(db, query, shape, order);
  const values = sql.join(columns.map((c) => sql.ref(`q.${c}`)));
  const whole = sql<{ j: string }>`select json_group_array(json_array(${values})${order}) as j from ${query} as q`;
  // `concurrent`: a long read that may run on the other core while this thread runs the next queries.
  const onWorker = options.concurrent ? readOnWorker<{ j: string }>(db, whole.compile(db)) : undefined;
  const rows = JSON.parse((onWorker ? await onWorker : (await whole.execute(db)).rows)[0]!.j) as unknown[][];
  return rows.map(rowMaker<RowOf<S>>(columns.map((c, i) => [c, `r[${i}]`] as const)));
}

/**
 * PostgreSQL: every row one text of the values joined by the unit separator (U+001F), the rows joined
 * by the record separator (U+001E), split here. Building that text costs the server a third less than
 * the JSON of the same rows (0.5 against 0.77 s for the 148,550 members of a province) and splitting it
 * costs us less than parsing the JSON. A NULL is an empty field; a value that may be NULL carries one
 * leading character, so an empty text stays apart from NULL. A value that itself holds a separator would
 * misplace the fields: the rows are counted by the server and every row must split into exactly its
 * columns, or the answer is undefined and the caller reads the rows as JSON instead.
 */
async function separatedRows<S extends Record<string, ColumnKind>>(db: Db, query: Expression<unknown>, shape: S, order: RawBuilder<unknown>) {
  const columns = Object.keys(shape);
  const fields = columns.map((c) => {
    const ref = sql.ref(`q.${c}`);
    return shape[c] === 'text?' ? sql`'v' || ${ref}` : shape[c] === 'text' ? ref : sql`${ref}::text`;
  });
  const row = sql`concat(${sql.join(fields, sql.raw(`, ${UNIT}, `))})`;
  const { rows } = await sql<{
    n: number;
    s: string | null;
  }>`select count(*) as n, string_agg(${row}, ${sql.raw(RECORD)}${order}) as s from ${query} as q`.execute(db);
  const { n, s } = rows[0]!;
  if (s === null) return n === 0 ? [] : undefined;
  const lines = s.split('\u001e');
  if (lines.length !== n) return undefined;
  const make = rowMaker<RowOf<S>>(
    columns.map((c, i) => {
      const kind = shape[c]!;
      return [
        c,
        kind === 'int'
          ? `+r[${i}]`
          : kind === 'int?'
            ? `(r[${i}] === '' ? null : +r[${i}])`
            : kind === 'text'
              ? `r[${i}]`
              : `(r[${i}] === '' ? null : r[${i}].slice(1))`,
      ] as const;
    }),
  );
  const out: RowOf<S>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = lines[i]!.split('\u001f');
    if (r.length !== columns.length) return undefined;
    out[i] = make(r);
  }
  return out;
}
const UNIT = "E'\\x1f'";
const RECORD = "E'\\x1e'";

/** PostgreSQL: the rows as one JSON value, for the rare answer whose values hold a separator. */
async function jsonRows<S extends Record<string, ColumnKind>>(db: Db, query: Expression<unknown>, shape: S, order: RawBuilder<unknown>) {
  const columns = Object.keys(shape);
  // Per row an array of the integers and one of the texts, not json_build_array over every column:
  // that looks up each argument's type again on every row.
  const ints = columns.filter((c) => shape[c]!.startsWith('int'));
  const texts = columns.filter((c) => shape[c]!.startsWith('text'));
  const array = (names: string[], type: string) =>
    names.length ? sql`array[${sql.join(names.map((c) => sql`${sql.ref(`q.${c}`)}::${sql.raw(type)}`))}]` : sql`${sql.raw(`'{}'::${type}[]`)}`;
  const row = sql`json_build_array(${array(ints, 'bigint')}, ${array(texts, 'text')})`;
  const { rows } = await sql<{ j: unknown[][] | null }>`select json_agg(${row}${order}) as j from ${query} as q`.execute(db);
  const make = rowMaker<RowOf<S>>([...ints.map((c, i) => [c, `r[0][${i}]`] as const), ...texts.map((c, i) => [c, `r[1][${i}]`] as const)]);
  return (rows[0]?.j ?? []).map(make);
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
