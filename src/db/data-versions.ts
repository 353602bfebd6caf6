// Reads of the version counters of migration 0019: 'access' (what a held session may do) and 'cadres'
// (what the cadre search reads). Each read is a committed value: a transaction open on our own SQLite
// connection is waited for (see sqliteOutsideTransaction), other connections' transactions are
// invisible until they commit (PostgreSQL's 'cadres' sequence: see cadre_search_stamp() in 0019).
import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { dialectOf, sqliteOutsideTransaction, type Db } from './database.js';

/** A counter of the data_versions table (migration 0019). */
export interface DataVersionTable {
  name: string;
  version: number;
}

const statements = new WeakMap<SQLite.Database, SQLite.Statement>();

const SQLITE = `select (select version from data_versions where name = 'access') as a,
  (select version from data_versions where name = 'cadres') as c`;

/** What a request needs to know of the database's versions, read in one statement. */
export interface Stamps {
  /** the 'access' counter: changes with every committed write that may change what a session may do */
  access: number;
  /**
   * the stamp of what the cadre search reads (migration 0019): its 'cadres' counter and 'access' (the
   * answer depends on the data and on the asker's scope). Null on PostgreSQL while a transaction
   * writing those tables is in progress: then nothing may be reused or stored.
   */
  cadres: string | null;
}

/**
 * Both stamps. On SQLite outside a transaction a statement prepared once on the connection (≈ 3 µs;
 * through Kysely ≈ 30 µs); otherwise (PostgreSQL: one round trip) a read shared by the callers that
 * asked while the previous one was on its way (see sharedRead).
 */
export async function readStamps(db: Db): Promise<Stamps> {
  const h = sqliteOutsideTransaction(db);
  if (h) {
    let stmt = statements.get(h);
    // raw: an array, not an object per read
    if (!stmt) statements.set(h, (stmt = h.prepare(SQLITE).raw()));
    const [a, c] = stmt.get() as [number, number];
    return { access: a, cadres: `${c}:${a}` };
  }
  // A transaction reads its own snapshot (and its own uncommitted writes): never shared.
  return db.isTransaction ? queryStamps(db) : sharedRead(db);
}

async function queryStamps(db: Db): Promise<Stamps> {
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    const { rows } = await sql<{
      a: number;
      s: string | null;
    }>`select version as a, cadre_search_stamp() as s from data_versions where name = 'access'`.execute(db);
    return { access: rows[0]!.a, cadres: rows[0]!.s };
  }
  const { rows } = await sql<{ a: number; c: number }>`${sql.raw(SQLITE)}`.execute(db);
  return { access: rows[0]!.a, cadres: `${rows[0]!.c}:${rows[0]!.a}` };
}

/**
 * The stamp reads of one database instance: whether one is on its way, and the callers waiting for the
 * next one. A read already sent may have taken its snapshot before a later caller asked, so its answer
 * is never given to that caller (it could miss a write committed just before the caller asked: a revoked
 * session, an edited cadre); the caller waits for the next read, which is sent once the current one is
 * answered, after every caller it serves has asked. So at most one read is in flight and one waits, and
 * under load one round trip serves every request that arrived during the previous one (issue 3: each
 * request paid its own PostgreSQL round trip for the stamps).
 */
interface Flight {
  sending: boolean;
  next: { promise: Promise<Stamps>; resolve: (s: Stamps) => void; reject: (e: unknown) => void } | null;
}
const flights = new WeakMap<Db, Flight>();
let reads = 0;
/** How many stamp reads have been sent through Kysely (for tests). */
export const stampReads = () => reads;

function sharedRead(db: Db): Promise<Stamps> {
  let f = flights.get(db);
  if (!f) flights.set(db, (f = { sending: false, next: null }));
  if (!f.sending) return send(db, f);
  if (!f.next) {
    let resolve!: (s: Stamps) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Stamps>((res, rej) => ((resolve = res), (reject = rej)));
    f.next = { promise, resolve, reject };
  }
  return f.next.promise;
}

function send(db: Db, f: Flight): Promise<Stamps> {
  f.sending = true;
  reads++;
  const read = queryStamps(db);
  // Synchronously when the read settles: the next read is sent before any other caller can look.
  const settled = () => {
    f.sending = false;
    const waiting = f.next;
    if (!waiting) return;
    f.next = null;
    send(db, f).then(waiting.resolve, waiting.reject);
  };
  read.then(settled, settled);
  return read;
}
/** The cadre search's stamp alone (see Stamps.cadres). */
export const cadreSearchStamp = async (db: Db) => (await readStamps(db)).cadres;
