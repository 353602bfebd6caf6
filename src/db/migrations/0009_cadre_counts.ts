// Exact totals for the cadre list without counting rows (issue 3): the number of cadres per
// (authority, status), kept by triggers on cadres in the same statement as every insert, delete and
// change of authority or status, whatever code path writes (services, imports, the demo loader).
// It is not a cache: it commits or rolls back with the cadre rows, so it is never stale. The default
// list (scope and status only) sums a few rows of it instead of reading every matching index entry.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('cadre_counts')
    .addColumn('authority_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cadre_counts_pk', ['authority_id', 'status'])
    .execute();
  await sql`insert into cadre_counts (authority_id, status, n) select authority_id, status, count(*) from cadres group by authority_id, status`.execute(
    db,
  );
  if (pg) {
    // Inserts and deletes per statement (transition tables: one grouped upsert for a bulk insert);
    // updates per row and only when the authority or the status changes.
    await sql`create function cadre_counts_insert() returns trigger language plpgsql as $$
begin
  insert into cadre_counts (authority_id, status, n)
    select authority_id, status, count(*) from cadre_counts_new group by authority_id, status
    on conflict (authority_id, status) do update set n = cadre_counts.n + excluded.n;
  return null;
end $$`.execute(db);
    await sql`create function cadre_counts_delete() returns trigger language plpgsql as $$
begin
  update cadre_counts c set n = c.n - d.n
    from (select authority_id, status, count(*) as n from cadre_counts_old group by authority_id, status) d
    where c.authority_id = d.authority_id and c.status = d.status;
  return null;
end $$`.execute(db);
    await sql`create function cadre_counts_update() returns trigger language plpgsql as $$
begin
  update cadre_counts set n = n - 1 where authority_id = old.authority_id and status = old.status;
  insert into cadre_counts (authority_id, status, n) values (new.authority_id, new.status, 1)
    on conflict (authority_id, status) do update set n = cadre_counts.n + 1;
  return null;
end $$`.execute(db);
    await sql`create trigger cadre_counts_insert after insert on cadres referencing new table as cadre_counts_new
      for each statement execute function cadre_counts_insert()`.execute(db);
    await sql`create trigger cadre_counts_delete after delete on cadres referencing old table as cadre_counts_old
      for each statement execute function cadre_counts_delete()`.execute(db);
    await sql`create trigger cadre_counts_update after update of authority_id, status on cadres for each row
      when (old.authority_id is distinct from new.authority_id or old.status is distinct from new.status)
      execute function cadre_counts_update()`.execute(db);
  } else {
    await sql`create trigger cadre_counts_insert after insert on cadres begin
  insert into cadre_counts (authority_id, status, n) values (new.authority_id, new.status, 1)
    on conflict (authority_id, status) do update set n = n + 1;
end`.execute(db);
    await sql`create trigger cadre_counts_delete after delete on cadres begin
  update cadre_counts set n = n - 1 where authority_id = old.authority_id and status = old.status;
end`.execute(db);
    await sql`create trigger cadre_counts_update after update of authority_id, status on cadres
  when old.authority_id is not new.authority_id or old.status is not new.status begin
  update cadre_counts set n = n - 1 where authority_id = old.authority_id and status = old.status;
  insert into cadre_counts (authority_id, status, n) values (new.authority_id, new.status, 1)
    on conflict (authority_id, status) do update set n = n + 1;
end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of ['cadre_counts_insert', 'cadre_counts_delete', 'cadre_counts_update']) {
    if (pg) {
      await sql`drop trigger if exists ${sql.raw(t)} on cadres`.execute(db);
      await sql`drop function if exists ${sql.raw(t)}()`.execute(db);
    } else await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('cadre_counts').ifExists().execute();
}
