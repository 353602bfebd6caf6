// PostgreSQL's cadre search stamp (0019) asked pg_locks whether a writer of the cadre tables holds the
// shared advisory lock: pg_lock_status() copies the server's whole lock table under all its partition
// locks, ≈ 70 µs of the server per stamp on a loaded machine (≈ 80 of the 82 µs the stamp cost), once
// per cached list request. Trying the same lock exclusively answers the same question in ≈ 2 µs: it
// fails while any writer holds it shared (or waits for it), and when it succeeds it is let go at once
// (a session lock, so a stamp read inside a long transaction does not keep writers waiting; a writer
// arriving in between waits microseconds). Two stamp reads at the same instant (two processes) may make
// each other fail: no stamp then, which only costs a recomputation, as a writer in progress does.
// SQLite's stamps are counters read directly: nothing changes there.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/** the advisory lock of migration 0019 ('GANB', 19) */
const LOCK = '1195461186, 19';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  // The sequence first, then no writer in progress (as in 0019): every bump counted is of an ended
  // transaction, and anything computed after this call sees its rows.
  await sql`create or replace function cadre_search_stamp() returns text language plpgsql as $$
declare v bigint;
begin
  select last_value into v from data_version_cadres;
  if not pg_try_advisory_lock(${sql.raw(LOCK)}) then
    return null;
  end if;
  perform pg_advisory_unlock(${sql.raw(LOCK)});
  return v::text || ':' || (select version from data_versions where name = 'access');
end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create or replace function cadre_search_stamp() returns text language plpgsql as $$
declare v bigint;
begin
  select last_value into v from data_version_cadres;
  if exists (select 1 from pg_locks where locktype = 'advisory' and classid = 1195461186 and objid = 19
      and objsubid = 2 and database = (select oid from pg_database where datname = current_database())) then
    return null;
  end if;
  return v::text || ':' || (select version from data_versions where name = 'access');
end $$`.execute(db);
}
