// The last slow condition searches of issue 3 at 1,000,000 cadres (bench/README.md, "Condition search,
// second pass"):
// - `status=all&sort=name`: every name index leads with status, so without a status the page sorted
//   every cadre. cadres_name_order is the list's whole order for sort=name (name, then name_pinyin and
//   id as tie-breaks), so the page walks it and stops after 20.
// - 专长 (`specialty LIKE '%经济%'`, free text) read every entry of (status, specialty). The texts repeat
//   (2,197 distinct among 1,000,000 cadres of the bench province: 经济管理, 基层治理, …), so
//   cadre_specialties keeps each distinct text once with how many cadres hold it; the search runs the
//   LIKE over these few rows and then seeks the matching texts in (status, specialty). The same LIKE
//   on the same strings decides, so the answer is the plain filter's. Kept by triggers on cadres in
//   the same statement as every insert, delete and change of 专长, whatever code path writes, so it
//   is never stale (a text is removed when its last holder goes, so the table stays the texts in use).
//   Were the texts all different it would hold one row per cadre and cost what the index scan did.
// - Broad totals with an age bound (中共党员 under 40 with 本科及以上: 467,762 matches, 80 ms of index
//   entries): cadre_birth_profile_counts keeps the cadres per (status, birth month, gender, political
//   status, highest 学历 ('' when none)) for the whole province, ≈ 24,000 rows at 1,000,000 cadres. A
//   total whose conditions are all among these sums the whole months inside the birth range and counts
//   the two boundary months from the cadres (≈ 1,400 index entries each). No authority column: with it
//   the key would have had hundreds of thousands of values; a narrower scope counts fewer entries.
//   Together with cadre_profile_counts (0015, no birth month) it answers every coded search of the bench.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

const BP = ['status', 'birth_month', 'gender', 'political_status', 'highest_education'] as const;
/** The key of a row (`r` = new, old or a transition table), as 0015 writes it. */
const bpKey = (r: string) => [
  `${r}.status`,
  `substr(${r}.birth_date, 1, 7)`,
  `${r}.gender`,
  `${r}.political_status`,
  `coalesce(${r}.highest_education, '')`,
];
const bpOf = (r: string) => bpKey(r).join(', ');
const bpMatch = (exprs: string[]) => BP.map((c, i) => `${c} = ${exprs[i]}`).join(' and ');
const BP_CHANGED = `old.status is distinct from new.status or substr(old.birth_date, 1, 7) is distinct from substr(new.birth_date, 1, 7)
  or old.gender is distinct from new.gender or old.political_status is distinct from new.political_status
  or old.highest_education is distinct from new.highest_education`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema.createIndex('cadres_name_order').on('cadres').columns(['name', 'name_pinyin', 'id']).execute();
  await db.schema
    .createTable('cadre_specialties')
    .addColumn('specialty', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into cadre_specialties (specialty, n) select specialty, count(*) from cadres group by specialty`.execute(db);
  await db.schema
    .createTable('cadre_birth_profile_counts')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('birth_month', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('political_status', 'text', (c) => c.notNull())
    .addColumn('highest_education', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // status and month first: a birth range is a range of the key
    .addPrimaryKeyConstraint('cadre_birth_profile_counts_pk', [...BP])
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  const P = BP.join(', ');
  await sql`insert into cadre_birth_profile_counts (${sql.raw(P)}, n)
    select ${sql.raw(bpOf('cadres'))}, count(*) from cadres group by ${sql.raw(bpOf('cadres'))}`.execute(db);
  if (pg) {
    // Inserts and deletes per statement (one grouped upsert for a bulk insert, in key order so that
    // concurrent writers lock the rows in the same order); a change of 专长 per row.
    await sql`create function cadre_specialties_insert() returns trigger language plpgsql as $$
begin
  insert into cadre_specialties (specialty, n)
    select specialty, count(*) from cadre_specialties_new group by specialty order by specialty
    on conflict (specialty) do update set n = cadre_specialties.n + excluded.n;
  return null;
end $$`.execute(db);
    await sql`create function cadre_specialties_delete() returns trigger language plpgsql as $$
begin
  update cadre_specialties s set n = s.n - d.n
    from (select specialty, count(*) as n from cadre_specialties_old group by specialty) d
    where s.specialty = d.specialty;
  delete from cadre_specialties s using cadre_specialties_old o where s.specialty = o.specialty and s.n <= 0;
  return null;
end $$`.execute(db);
    await sql`create function cadre_specialties_update() returns trigger language plpgsql as $$
begin
  update cadre_specialties set n = n - 1 where specialty = old.specialty;
  delete from cadre_specialties where specialty = old.specialty and n <= 0;
  insert into cadre_specialties (specialty, n) values (new.specialty, 1)
    on conflict (specialty) do update set n = cadre_specialties.n + 1;
  return null;
end $$`.execute(db);
    await sql`create function cadre_birth_profile_counts_insert() returns trigger language plpgsql as $$
begin
  insert into cadre_birth_profile_counts (${sql.raw(P)}, n)
    select ${sql.raw(bpOf('b'))}, count(*) from cadre_birth_profile_new b group by ${sql.raw(bpOf('b'))} order by ${sql.raw(bpOf('b'))}
    on conflict (${sql.raw(P)}) do update set n = cadre_birth_profile_counts.n + excluded.n;
  return null;
end $$`.execute(db);
    await sql`create function cadre_birth_profile_counts_delete() returns trigger language plpgsql as $$
begin
  update cadre_birth_profile_counts c set n = c.n - d.n
    from (select ${sql.raw(bpOf('o'))}, count(*) as n from cadre_birth_profile_old o group by ${sql.raw(bpOf('o'))}) d (${sql.raw(P)}, n)
    where ${sql.raw(BP.map((c) => `c.${c} = d.${c}`).join(' and '))};
  return null;
end $$`.execute(db);
    await sql`create function cadre_birth_profile_counts_update() returns trigger language plpgsql as $$
begin
  update cadre_birth_profile_counts set n = n - 1 where ${sql.raw(bpMatch(bpKey('old')))};
  insert into cadre_birth_profile_counts (${sql.raw(P)}, n) values (${sql.raw(bpOf('new'))}, 1)
    on conflict (${sql.raw(P)}) do update set n = cadre_birth_profile_counts.n + 1;
  return null;
end $$`.execute(db);
    await sql`create trigger cadre_birth_profile_counts_insert after insert on cadres referencing new table as cadre_birth_profile_new
      for each statement execute function cadre_birth_profile_counts_insert()`.execute(db);
    await sql`create trigger cadre_birth_profile_counts_delete after delete on cadres referencing old table as cadre_birth_profile_old
      for each statement execute function cadre_birth_profile_counts_delete()`.execute(db);
    await sql`create trigger cadre_birth_profile_counts_update after update of status, birth_date, gender, political_status, highest_education
      on cadres for each row when (${sql.raw(BP_CHANGED)}) execute function cadre_birth_profile_counts_update()`.execute(db);
    await sql`create trigger cadre_specialties_insert after insert on cadres referencing new table as cadre_specialties_new
      for each statement execute function cadre_specialties_insert()`.execute(db);
    await sql`create trigger cadre_specialties_delete after delete on cadres referencing old table as cadre_specialties_old
      for each statement execute function cadre_specialties_delete()`.execute(db);
    await sql`create trigger cadre_specialties_update after update of specialty on cadres for each row
      when (old.specialty is distinct from new.specialty) execute function cadre_specialties_update()`.execute(db);
    // (the new index is on plain columns, whose statistics PostgreSQL already has)
    await sql`analyze cadre_specialties`.execute(db);
    await sql`analyze cadre_birth_profile_counts`.execute(db);
  } else {
    const add = `insert into cadre_specialties (specialty, n) values (new.specialty, 1)
    on conflict (specialty) do update set n = n + 1;`;
    const remove = `update cadre_specialties set n = n - 1 where specialty = old.specialty;
  delete from cadre_specialties where specialty = old.specialty and n <= 0;`;
    const bpUp = `insert into cadre_birth_profile_counts (${P}, n) values (${bpOf('new')}, 1) on conflict (${P}) do update set n = n + 1;`;
    const bpDown = `update cadre_birth_profile_counts set n = n - 1 where ${bpMatch(bpKey('old'))};`;
    await sql`create trigger cadre_birth_profile_counts_insert after insert on cadres begin
  ${sql.raw(bpUp)}
end`.execute(db);
    await sql`create trigger cadre_birth_profile_counts_delete after delete on cadres begin
  ${sql.raw(bpDown)}
end`.execute(db);
    await sql`create trigger cadre_birth_profile_counts_update after update of status, birth_date, gender, political_status, highest_education on cadres
  when ${sql.raw(BP_CHANGED.replaceAll('is distinct from', 'is not'))} begin
  ${sql.raw(bpDown)}
  ${sql.raw(bpUp)}
end`.execute(db);
    await sql`create trigger cadre_specialties_insert after insert on cadres begin
  ${sql.raw(add)}
end`.execute(db);
    await sql`create trigger cadre_specialties_delete after delete on cadres begin
  ${sql.raw(remove)}
end`.execute(db);
    await sql`create trigger cadre_specialties_update after update of specialty on cadres when old.specialty is not new.specialty begin
  ${sql.raw(remove)}
  ${sql.raw(add)}
end`.execute(db);
    // As 0016: statistics only where the database has been analysed before.
    const analysed = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (Number(analysed.rows[0].n) > 0) {
      await sql`analyze cadres_name_order`.execute(db);
      await sql`analyze cadre_specialties`.execute(db);
      await sql`analyze cadre_birth_profile_counts`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of [
    'cadre_specialties_insert',
    'cadre_specialties_delete',
    'cadre_specialties_update',
    'cadre_birth_profile_counts_insert',
    'cadre_birth_profile_counts_delete',
    'cadre_birth_profile_counts_update',
  ]) {
    if (pg) {
      await sql`drop trigger if exists ${sql.raw(t)} on cadres`.execute(db);
      await sql`drop function if exists ${sql.raw(t)}()`.execute(db);
    } else await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('cadre_specialties').ifExists().execute();
  await db.schema.dropTable('cadre_birth_profile_counts').ifExists().execute();
  await db.schema.dropIndex('cadres_name_order').ifExists().execute();
}
