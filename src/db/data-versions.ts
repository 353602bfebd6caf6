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
 * through Kysely ≈ 30 µs); on PostgreSQL one round trip.
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

/** The cadre search's stamp alone (see Stamps.cadres). */
export const cadreSearchStamp = async (db: Db) => (await readStamps(db)).cadres;
