// Opens the database chosen by DATABASE_URL: embedded SQLite by default, PostgreSQL in production.
// Only repositories use the returned Kysely instance (DESIGN.md practice 2).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, SqliteDialect, CamelCasePlugin, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget, Dialect } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// COUNT(*) and BIGINT come back from node-postgres as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenedDb {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export function openDatabase(target: DatabaseTarget): OpenedDb {
  if (target.dialect === 'sqlite') {
    if (target.location !== ':memory:') fs.mkdirSync(path.dirname(target.location), { recursive: true });
    const sqlite = new SQLite(target.location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
    if (target.location !== ':memory:') sqliteFiles.set(db, target.location);
    sqliteHandles.set(db, sqlite);
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        await readers.get(db)?.worker.terminate();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: withoutJit(target.location), max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  pgPools.set(db, pool);
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * No JIT compilation unless the URL asks for it (options=-c jit=on): our long reads are bulk reads
 * whose plans PostgreSQL compiles anew on every run, and for the team analysis' kinship read that
 * took longer than the work it sped up (1.1 s of JIT in every worker, 1,000,000 cadres). Set in the
 * connection's startup options, beside the URL's own: no query before a pooled connection's first.
 */
function withoutJit(location: string): string {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return location; // a form URL cannot read (pg reports what is wrong with it)
  }
  const options = url.searchParams.get('options') ?? '';
  if (/\bjit\b/.test(options)) return location;
  url.searchParams.set('options', `${options} -c jit=off`.trim());
  return url.toString();
}

const pgPools = new WeakMap<object, pg.Pool>();

/**
 * The pg pool under a root PostgreSQL Kysely instance (undefined on SQLite and on a transaction's
 * instance), for a tiny read made by every request as a named prepared statement: PostgreSQL then
 * neither parses nor plans it again (≈ 60 µs of the server's CPU per read instead of ≈ 120).
 */
export const pgPool = (db: object): pg.Pool | undefined => pgPools.get(db);

/** The better-sqlite3 connection under each SQLite Kysely instance (see sqliteOutsideTransaction). */
const sqliteHandles = new WeakMap<object, SQLite.Database>();

/**
 * The SQLite connection of `db`, for a tiny read run directly (a prepared statement costs ≈ 2 µs, the
 * same through Kysely ≈ 20–40 µs) — or undefined on PostgreSQL, on a transaction's Kysely instance, and
 * while a transaction is open on the connection: Kysely holds the connection for a transaction across
 * awaits, and a direct read then would see its uncommitted rows. Callers fall back to Kysely, which
 * waits for the transaction to end.
 */
export function sqliteOutsideTransaction(db: object): SQLite.Database | undefined {
  const h = sqliteHandles.get(db);
  return h && !h.inTransaction ? h : undefined;
}

/** The SQLite connection under a root SQLite Kysely instance, whether a transaction is open on it or not. */
export const sqliteHandle = (db: object): SQLite.Database | undefined => sqliteHandles.get(db);

/** SQLite databases kept in a file (not in memory), which a second connection can read. */
const sqliteFiles = new WeakMap<object, string>();

interface Reader {
  worker: Worker;
  next: number;
  pending: Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>;
}
const readers = new WeakMap<object, Reader>();
let readsOnWorker = 0;
/** How many reads the worker connections have answered (for tests). */
export const workerReads = () => readsOnWorker;

function readerOf(db: object, file: string): Reader {
  let reader = readers.get(db);
  if (reader) return reader;
  // execArgv: [] — the worker is plain JavaScript and needs no TypeScript loader.
  const worker = new Worker(new URL('./sqlite-read-worker.mjs', import.meta.url), { workerData: { file }, execArgv: [] });
  const r: Reader = (reader = { worker, next: 1, pending: new Map() });
  worker.unref();
  worker.on('message', (m: { id: number; rows?: unknown[]; error?: string }) => {
    const p = r.pending.get(m.id);
    r.pending.delete(m.id);
    if (r.pending.size === 0) worker.unref();
    readsOnWorker++;
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.rows ?? []);
  });
  worker.on('error', (e) => {
    for (const p of r.pending.values()) p.reject(e);
    r.pending.clear();
    readers.delete(db);
  });
  readers.set(db, r);
  return r;
}

/**
 * Runs a read on a second connection on a worker thread when `db` is a SQLite file outside a
 * transaction (a transaction's own writes are visible only to its connection); otherwise undefined,
 * and the caller reads as usual. The worker sees what is committed, as any other reader would.
 */
export function readOnWorker<R>(db: object, query: CompiledQuery): Promise<R[]> | undefined {
  const file = sqliteFiles.get(db);
  if (!file) return undefined;
  const r = readerOf(db, file);
  const id = r.next++;
  r.worker.ref();
  return new Promise<R[]>((resolve, reject) => {
    r.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
    r.worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
  });
}

/** Statements kept per SQL text; beyond this the oldest is dropped (IN lists of many lengths make many texts). */
const STATEMENT_CACHE = 500;

/**
 * The SQLite database as Kysely's driver sees it, with its prepared statements reused: the driver
 * prepares every query anew, and preparing costs about as much as running a small statement (imports
 * run the same few statements thousands of times). A statement still being iterated (a streamed
 * query) is busy and cannot run twice at once: then a fresh one is prepared.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** The dialect of an open Kysely instance; migrations and a few dialect-specific statements need it. */
export function dialectOf(db: Kysely<unknown>): Dialect {
  const adapter = db.getExecutor().adapter.constructor.name;
  return adapter.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** Compiled queries kept per dialect and key; beyond this the oldest is dropped. */
const COMPILED_CACHE = 500;
const compiled = new Map<string, CompiledQuery>();

/**
 * Run the query `build` makes, compiling it only the first time for this key: building and compiling a
 * search through Kysely (and its camel-case pass) costs more than running it on SQLite. The key must
 * determine the whole query, its values included (e.g. JSON of every input): what is kept is the SQL
 * text and its parameters, never a result, so it cannot go stale.
 */
export function executeCompiled<R>(db: Kysely<Database>, key: string, build: () => Compilable<R>): Promise<QueryResult<R>> {
  const k = `${dialectOf(db as unknown as Kysely<unknown>)}\u0000${key}`;
  let c = compiled.get(k) as CompiledQuery<R> | undefined;
  if (!c) {
    c = build().compile();
    if (compiled.size >= COMPILED_CACHE) compiled.delete(compiled.keys().next().value!);
    compiled.set(k, c);
  }
  return db.executeQuery(c);
}
