// Reads of the version counters of migration 0019: 'access' (what a held session may do) and 'cadres'
// (what the cadre search reads). Each read is a committed value: a transaction open on our own SQLite
// connection is waited for (see sqliteOutsideTransaction), other connections' transactions are
// invisible until they commit (PostgreSQL's 'cadres' sequence: see cadre_search_stamp() in 0019 and
// 0021). Concurrent callers share reads, never one made before they asked (see Flight).
import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { dialectOf, pgPool, sqliteHandle, sqliteOutsideTransaction, type Db } from './database.js';

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
 * Both stamps, read after the call: never an answer read before the caller asked (issue 3: a revoked
 * session is refused on its next request, an edit shows in the next answer). A transaction reads its
 * own (its snapshot, its uncommitted writes); the root instance shares reads among concurrent callers
 * (see Flight).
 */
export function readStamps(db: Db): Promise<Stamps> {
  return db.isTransaction ? queryStamps(db) : sharedRead(db);
}

/** A statement prepared once on the SQLite connection (≈ 3 µs idle; through Kysely ≈ 30 µs). */
function readDirect(h: SQLite.Database): Stamps {
  let stmt = statements.get(h);
  // raw: an array, not an object per read
  if (!stmt) statements.set(h, (stmt = h.prepare(SQLITE).raw()));
  const [a, c] = stmt.get() as [number, number];
  return { access: a, cadres: `${c}:${a}` };
}

const POSTGRES = `select version as a, cadre_search_stamp() as s from data_versions where name = 'access'`;

async function queryStamps(db: Db): Promise<Stamps> {
  const pool = pgPool(db);
  if (pool) {
    // named: prepared once on each connection of the pool (pg remembers it), then only bound and run
    const { rows } = await pool.query<{ a: number; s: string | null }>({ name: 'ganbu_stamps', text: POSTGRES });
    return { access: rows[0]!.a, cadres: rows[0]!.s };
  }
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') {
    const { rows } = await sql<{ a: number; s: string | null }>`${sql.raw(POSTGRES)}`.execute(db);
    return { access: rows[0]!.a, cadres: rows[0]!.s };
  }
  const { rows } = await sql<{ a: number; c: number }>`${sql.raw(SQLITE)}`.execute(db);
  return { access: rows[0]!.a, cadres: `${rows[0]!.c}:${rows[0]!.a}` };
}

interface Deferred {
  promise: Promise<Stamps>;
  resolve: (s: Stamps) => void;
  reject: (e: unknown) => void;
}

/**
 * The stamp reads of one root database instance. Callers share a read only while it has not been made:
 * a read already sent may have taken its snapshot before a later caller asked, and could miss a write
 * committed just before (a revoked session, an edited cadre), so that caller waits for the next read,
 * made when the current one is answered. At most one read is on its way and one is waiting: under load
 * one PostgreSQL round trip serves every request that arrived during the previous one (each request
 * paid its own round trip before). SQLite's direct read is made at the end of the event loop's turn
 * (setImmediate), after every request whose bytes arrived in that turn has asked (it cost ≈ 15 µs of a
 * loaded server: the WAL read lock is two fcntl calls); while a transaction is open on the connection
 * it goes through Kysely, which waits for the transaction to end.
 */
interface Flight {
  /** the read the next callers join: not made yet */
  open: Deferred | null;
  /** a read made and not yet answered */
  sending: boolean;
}
const flights = new WeakMap<Db, Flight>();
let reads = 0;
/** How many stamp reads have been made (for tests). */
export const stampReads = () => reads;

function sharedRead(db: Db): Promise<Stamps> {
  let f = flights.get(db);
  if (!f) flights.set(db, (f = { open: null, sending: false }));
  if (f.open) return f.open.promise;
  let resolve!: (s: Stamps) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Stamps>((res, rej) => ((resolve = res), (reject = rej)));
  f.open = { promise, resolve, reject };
  if (!f.sending) schedule(db, f);
  return promise;
}

function schedule(db: Db, f: Flight) {
  if (sqliteHandle(db)) setImmediate(() => make(db, f));
  else make(db, f);
}

function make(db: Db, f: Flight) {
  const d = f.open!;
  f.open = null;
  reads++;
  const h = sqliteOutsideTransaction(db);
  if (h) {
    try {
      d.resolve(readDirect(h));
    } catch (e) {
      d.reject(e);
    }
    return;
  }
  f.sending = true;
  const read = queryStamps(db);
  const settled = () => {
    f.sending = false;
    if (f.open) schedule(db, f);
  };
  read.then(settled, settled);
  read.then(d.resolve, d.reject);
}

/** The cadre search's stamp alone (see Stamps.cadres). */
export const cadreSearchStamp = async (db: Db) => (await readStamps(db)).cadres;
