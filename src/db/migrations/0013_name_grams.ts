// 汉字 substring search by name without reading every cadre (issue 3): `name LIKE '%张伟%'` cannot use
// a B-tree index, so each name's two-character pieces (bigrams: 欧阳娜娜 → 欧阳, 阳娜, 娜娜) are kept in
// cadre_name_grams, and a search for 张伟 first takes the cadres holding every bigram of the query
// (an index range each), then checks them with the LIKE as before. Trigrams (FTS5 trigram, pg_trgm)
// would not do: most searches are a two-character name or its first two characters.
// Kept by triggers on cadres in the same statement as every insert, delete and change of name, whatever
// code path writes (services, imports, the demo loader, hand-written SQL), so it is never stale and
// commits or rolls back with the cadre rows, like cadre_counts (0009).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/**
 * SQLite triggers cannot use a recursive CTE, so the positions of a name's bigrams come from a small
 * table of 1…99 (names are refused by validation beyond 18 characters). A literal JSON list read with
 * json_each cost ≈ 110 µs per inserted cadre, the table ≈ 25–40 µs (mostly the bigram rows themselves).
 */
const POSITIONS = 99;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('cadre_name_grams')
    .addColumn('gram', 'text', (c) => c.notNull())
    .addColumn('cadre_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cadre_name_grams_pk', ['gram', 'cadre_id'])
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  if (pg) {
    await sql`insert into cadre_name_grams (gram, cadre_id)
      select distinct substr(c.name, i, 2), c.id from cadres c, generate_series(1, char_length(c.name) - 1) i`.execute(db);
    // Inserts and deletes per statement (one set-based statement for a bulk insert); a change of name per row.
    await sql`create function cadre_name_grams_insert() returns trigger language plpgsql as $$
begin
  insert into cadre_name_grams (gram, cadre_id)
    select distinct substr(n.name, i, 2), n.id from cadre_name_grams_new n, generate_series(1, char_length(n.name) - 1) i
    on conflict do nothing;
  return null;
end $$`.execute(db);
    await sql`create function cadre_name_grams_delete() returns trigger language plpgsql as $$
begin
  delete from cadre_name_grams g using (
    select distinct substr(o.name, i, 2) as gram, o.id from cadre_name_grams_old o, generate_series(1, char_length(o.name) - 1) i
  ) d where g.gram = d.gram and g.cadre_id = d.id;
  return null;
end $$`.execute(db);
    await sql`create function cadre_name_grams_update() returns trigger language plpgsql as $$
begin
  delete from cadre_name_grams where cadre_id = old.id
    and gram in (select substr(old.name, i, 2) from generate_series(1, char_length(old.name) - 1) i);
  insert into cadre_name_grams (gram, cadre_id)
    select distinct substr(new.name, i, 2), new.id from generate_series(1, char_length(new.name) - 1) i
    on conflict do nothing;
  return null;
end $$`.execute(db);
    await sql`create trigger cadre_name_grams_insert after insert on cadres referencing new table as cadre_name_grams_new
      for each statement execute function cadre_name_grams_insert()`.execute(db);
    await sql`create trigger cadre_name_grams_delete after delete on cadres referencing old table as cadre_name_grams_old
      for each statement execute function cadre_name_grams_delete()`.execute(db);
    await sql`create trigger cadre_name_grams_update after update of name on cadres for each row
      when (old.name is distinct from new.name) execute function cadre_name_grams_update()`.execute(db);
  } else {
    await db.schema
      .createTable('cadre_name_gram_positions')
      .addColumn('p', 'integer', (c) => c.primaryKey())
      .execute();
    await db
      .insertInto('cadre_name_gram_positions' as never)
      .values(Array.from({ length: POSITIONS }, (_, i) => ({ p: i + 1 })) as never)
      .execute();
    await sql`insert or ignore into cadre_name_grams (gram, cadre_id)
      select substr(c.name, p.p, 2), c.id from cadres c, cadre_name_gram_positions p where p.p < length(c.name) order by 1, 2`.execute(db);
    const insertGrams = sql`insert or ignore into cadre_name_grams (gram, cadre_id)
    select substr(new.name, p, 2), new.id from cadre_name_gram_positions where p < length(new.name);`;
    const deleteGrams = sql`delete from cadre_name_grams where cadre_id = old.id
    and gram in (select substr(old.name, p, 2) from cadre_name_gram_positions where p < length(old.name));`;
    await sql`create trigger cadre_name_grams_insert after insert on cadres begin
  ${insertGrams}
end`.execute(db);
    await sql`create trigger cadre_name_grams_delete after delete on cadres begin
  ${deleteGrams}
end`.execute(db);
    await sql`create trigger cadre_name_grams_update after update of name on cadres when old.name is not new.name begin
  ${deleteGrams}
  ${insertGrams}
end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of ['cadre_name_grams_insert', 'cadre_name_grams_delete', 'cadre_name_grams_update']) {
    if (pg) {
      await sql`drop trigger if exists ${sql.raw(t)} on cadres`.execute(db);
      await sql`drop function if exists ${sql.raw(t)}()`.execute(db);
    } else await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('cadre_name_grams').ifExists().execute();
  await db.schema.dropTable('cadre_name_gram_positions').ifExists().execute();
}
