// Version counters that triggers bump in the same transaction as every write to the tables they
// watch (issue 3), so a process can tell with one small read whether what it holds is still current:
// - 'access': what a session may do — sessions ended (deleted), users (not a sign-in's reset of failed
//   attempts), roles, role permissions, authorities (names and the scope tree) and settings (the idle
//   timeout). A new session (insert) or its last-seen time (update) bumps nothing: no held session
//   changes by them. Held sessions (session-cache.ts) are checked against it on every request, so a
//   logout, a password reset or a role change made by any process takes effect at once.
// - 'cadres': what the cadre search reads — cadres, units, authorities, cadre tags (its derived tables
//   cadre_counts and cadre_name_grams are written only by triggers on cadres). The read cache
//   (read-cache.ts, data-versions.ts) stamps answers with it and 'access' instead of the whole
//   database's write count (SQLite) or the server's snapshot (PostgreSQL, which moved with every write
//   in every database of the server), so last-seen writes, audit rows and other databases no longer
//   make every answer be computed again.
// SQLite: rows of data_versions, bumped per row written (SQLite has row triggers only; writers are
// serialised anyway). PostgreSQL: 'access' is a row bumped per statement (written rarely, so its row
// lock costs nothing); 'cadres' is a sequence, because a row bumped by every cadre write would make
// concurrent writers wait for each other until commit (and deadlock a long import against an edit). A
// sequence is not transactional, so a writer also holds a shared advisory lock until it ends, and a
// stamp is only given while no writer holds it (cadre_search_stamp(), read before the answer is
// computed): then every bump it counts belongs to a transaction that has ended.
// The counters are not caches: they commit (SQLite: and roll back) with the rows they count.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

const ACCESS_TABLES = ['users', 'roles', 'role_permissions', 'authorities', 'settings'];
/** A session's user as it is held; a sign-in's reset of failed attempts bumps nothing. */
const USER_COLUMNS = 'username, display_name, password_hash, role_id, authority_id, disabled';
/** the advisory lock the writers of the cadre tables hold (PostgreSQL): 'GANB', migration 19 */
const LOCK_CLASS = 1195461186;
const LOCK_OBJ = 19;
const LOCK = `${LOCK_CLASS}, ${LOCK_OBJ}`;
const event = (table: string, e: 'insert' | 'update' | 'delete') => sql.raw(table === 'users' && e === 'update' ? `update of ${USER_COLUMNS}` : e);
const CADRE_TABLES = ['cadres', 'units', 'authorities', 'cadre_tags'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  if (pg) {
    await sql`insert into data_versions (name, version) values ('access', 1)`.execute(db);
    // Per statement: a bulk write bumps once.
    await sql`create function data_versions_access() returns trigger language plpgsql as $$
begin
  update data_versions set version = version + 1 where name = 'access';
  return null;
end $$`.execute(db);
    for (const t of ACCESS_TABLES)
      await sql`create trigger ${sql.raw(`${t}_access_version`)} after insert or ${event(t, 'update')} or delete on ${sql.raw(t)}
        for each statement execute function data_versions_access()`.execute(db);
    await sql`create trigger sessions_access_version after delete on sessions
      for each statement execute function data_versions_access()`.execute(db);
    await sql`create sequence data_version_cadres`.execute(db);
    await sql`create function data_versions_cadres() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock_shared(${sql.raw(LOCK)});
  perform nextval('data_version_cadres');
  return null;
end $$`.execute(db);
    for (const t of CADRE_TABLES)
      await sql`create trigger ${sql.raw(`${t}_cadres_version`)} after insert or update or delete or truncate on ${sql.raw(t)}
        for each statement execute function data_versions_cadres()`.execute(db);
    // The sequence first, then no writer in progress: every bump counted is of an ended transaction,
    // and anything computed after this call sees its rows. Null while a writer is in progress.
    await sql`create function cadre_search_stamp() returns text language plpgsql as $$
declare v bigint;
begin
  select last_value into v from data_version_cadres;
  if exists (select 1 from pg_locks where locktype = 'advisory' and classid = ${sql.raw(String(LOCK_CLASS))} and objid = ${sql.raw(String(LOCK_OBJ))}
      and objsubid = 2 and database = (select oid from pg_database where datname = current_database())) then
    return null;
  end if;
  return v::text || ':' || (select version from data_versions where name = 'access');
end $$`.execute(db);
    return;
  }
  await sql`insert into data_versions (name, version) values ('access', 1), ('cadres', 1)`.execute(db);
  // SQLite has row triggers only: one bump per row written (≈ 1 µs).
  const bump = async (table: string, e: 'insert' | 'update' | 'delete', name: string) =>
    sql`create trigger ${sql.raw(`${table}_${e}_${name}_version`)} after ${event(table, e)} on ${sql.raw(table)} begin
  update data_versions set version = version + 1 where name = ${sql.lit(name)};
end`.execute(db);
  for (const t of ACCESS_TABLES) for (const e of ['insert', 'update', 'delete'] as const) await bump(t, e, 'access');
  await bump('sessions', 'delete', 'access');
  for (const t of CADRE_TABLES) for (const e of ['insert', 'update', 'delete'] as const) await bump(t, e, 'cadres');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  if (pg) {
    for (const t of [...ACCESS_TABLES, 'sessions']) await sql`drop trigger if exists ${sql.raw(`${t}_access_version`)} on ${sql.raw(t)}`.execute(db);
    for (const t of CADRE_TABLES) await sql`drop trigger if exists ${sql.raw(`${t}_cadres_version`)} on ${sql.raw(t)}`.execute(db);
    await sql`drop function if exists data_versions_access()`.execute(db);
    await sql`drop function if exists data_versions_cadres()`.execute(db);
    await sql`drop function if exists cadre_search_stamp()`.execute(db);
    await sql`drop sequence if exists data_version_cadres`.execute(db);
  } else {
    const triggers = [
      ...ACCESS_TABLES.flatMap((t) => ['insert', 'update', 'delete'].map((e) => `${t}_${e}_access_version`)),
      'sessions_delete_access_version',
      ...CADRE_TABLES.flatMap((t) => ['insert', 'update', 'delete'].map((e) => `${t}_${e}_cadres_version`)),
    ];
    for (const t of triggers) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('data_versions').ifExists().execute();
}
