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
// - Broad totals of coded conditions for the whole province (本科及以上: 956,501 matches; 职级 ZJ08:
//   234,593) read every match from an index, or ≈ 61,000 rows of cadre_profile_counts (0015, per
//   authority). cadre_province_counts keeps the cadres per (status, 职务层次, 职级, gender, political
//   status, highest 学历, ethnic group) without the authority: ≈ 4,000 rows at 1,000,000 cadres.
// - The level sort with a 职级 (`rank=ZJ08&sort=level`) walked cadres_status_level_order reading each
//   row for its 职级 (≈ 17,000 rows before the first 1A41 holder); cadres_status_level_rank is the
//   same order with rank_code added, so the walk checks it in the index. It replaces the 0016 index.
// Count tables: NULL codes kept as '' (a primary key cannot hold NULL), as 0015 does; triggers on
// cadres in the same statement as every insert, delete and change of a counted column, per statement
// on PostgreSQL for inserts and deletes (transition tables), so they commit or roll back with the rows.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

interface Kept {
  table: string;
  /** column name, and its value from a row `r` (new, old or a transition table) */
  key: [string, (r: string) => string][];
  /** the cadres columns whose change moves a row to another key */
  source: string[];
}

const KEPT: Kept[] = [
  {
    table: 'cadre_birth_profile_counts',
    // status and month first: a birth range is a range of the key
    key: [
      ['status', (r) => `${r}.status`],
      ['birth_month', (r) => `substr(${r}.birth_date, 1, 7)`],
      ['gender', (r) => `${r}.gender`],
      ['political_status', (r) => `${r}.political_status`],
      ['highest_education', (r) => `coalesce(${r}.highest_education, '')`],
    ],
    source: ['status', 'birth_date', 'gender', 'political_status', 'highest_education'],
  },
  {
    table: 'cadre_province_counts',
    // status and 职务层次 first: a 职务层次 is a seek into the key
    key: [
      ['status', (r) => `${r}.status`],
      ['level_code', (r) => `coalesce(${r}.level_code, '')`],
      ['rank_code', (r) => `coalesce(${r}.rank_code, '')`],
      ['gender', (r) => `${r}.gender`],
      ['political_status', (r) => `${r}.political_status`],
      ['highest_education', (r) => `coalesce(${r}.highest_education, '')`],
      ['ethnic_code', (r) => `${r}.ethnic_code`],
    ],
    source: ['status', 'level_code', 'rank_code', 'gender', 'political_status', 'highest_education', 'ethnic_code'],
  },
];

const LEVEL_ORDER = sql`(case when level_code is null then 1 else 0 end)`;

/** A count table, filled from the cadres there are, and its triggers. */
async function keptCounts(db: Kysely<unknown>, pg: boolean, k: Kept) {
  const cols = k.key.map(([c]) => c);
  const C = cols.join(', ');
  const of = (r: string) => k.key.map(([, e]) => e(r)).join(', ');
  const match = (r: string) => k.key.map(([c, e]) => `${c} = ${e(r)}`).join(' and ');
  const changed = k.source.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
  await db.schema
    .createTable(k.table)
    .$call((t) => cols.reduce((t2, c) => t2.addColumn(c, 'text', (x) => x.notNull()), t))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${k.table}_pk`, cols as never)
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into ${sql.raw(k.table)} (${sql.raw(C)}, n) select ${sql.raw(of('cadres'))}, count(*) from cadres group by ${sql.raw(of('cadres'))}`.execute(
    db,
  );
  const name = (what: string) => sql.raw(`${k.table}_${what}`);
  if (pg) {
    // Inserts and deletes per statement (one grouped upsert for a bulk insert, in key order so that
    // concurrent writers lock the rows in the same order); updates per row, only when a key column changes.
    await sql`create function ${name('insert')}() returns trigger language plpgsql as $$
begin
  insert into ${sql.raw(k.table)} (${sql.raw(C)}, n)
    select ${sql.raw(of('t'))}, count(*) from ${name('new')} t group by ${sql.raw(of('t'))} order by ${sql.raw(of('t'))}
    on conflict (${sql.raw(C)}) do update set n = ${sql.raw(k.table)}.n + excluded.n;
  return null;
end $$`.execute(db);
    await sql`create function ${name('delete')}() returns trigger language plpgsql as $$
begin
  update ${sql.raw(k.table)} c set n = c.n - d.n
    from (select ${sql.raw(of('o'))}, count(*) as n from ${name('old')} o group by ${sql.raw(of('o'))}) d (${sql.raw(C)}, n)
    where ${sql.raw(cols.map((c) => `c.${c} = d.${c}`).join(' and '))};
  return null;
end $$`.execute(db);
    await sql`create function ${name('update')}() returns trigger language plpgsql as $$
begin
  update ${sql.raw(k.table)} set n = n - 1 where ${sql.raw(match('old'))};
  insert into ${sql.raw(k.table)} (${sql.raw(C)}, n) values (${sql.raw(of('new'))}, 1)
    on conflict (${sql.raw(C)}) do update set n = ${sql.raw(k.table)}.n + 1;
  return null;
end $$`.execute(db);
    await sql`create trigger ${name('insert')} after insert on cadres referencing new table as ${name('new')}
      for each statement execute function ${name('insert')}()`.execute(db);
    await sql`create trigger ${name('delete')} after delete on cadres referencing old table as ${name('old')}
      for each statement execute function ${name('delete')}()`.execute(db);
    await sql`create trigger ${name('update')} after update of ${sql.raw(k.source.join(', '))} on cadres for each row
      when (${sql.raw(changed)}) execute function ${name('update')}()`.execute(db);
  } else {
    const add = `insert into ${k.table} (${C}, n) values (${of('new')}, 1) on conflict (${C}) do update set n = n + 1;`;
    const remove = `update ${k.table} set n = n - 1 where ${match('old')};`;
    await sql`create trigger ${name('insert')} after insert on cadres begin
  ${sql.raw(add)}
end`.execute(db);
    await sql`create trigger ${name('delete')} after delete on cadres begin
  ${sql.raw(remove)}
end`.execute(db);
    await sql`create trigger ${name('update')} after update of ${sql.raw(k.source.join(', '))} on cadres
  when ${sql.raw(changed.replaceAll('is distinct from', 'is not'))} begin
  ${sql.raw(remove)}
  ${sql.raw(add)}
end`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema.createIndex('cadres_name_order').on('cadres').columns(['name', 'name_pinyin', 'id']).execute();
  await db.schema
    .createIndex('cadres_status_level_rank')
    .on('cadres')
    .expression(sql`status, ${LEVEL_ORDER}, level_code, name_pinyin, id, rank_code`)
    .execute();
  await db.schema.dropIndex('cadres_status_level_order').execute();
  await db.schema
    .createTable('cadre_specialties')
    .addColumn('specialty', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into cadre_specialties (specialty, n) select specialty, count(*) from cadres group by specialty`.execute(db);
  for (const k of KEPT) await keptCounts(db, pg, k);
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
    await sql`create trigger cadre_specialties_insert after insert on cadres referencing new table as cadre_specialties_new
      for each statement execute function cadre_specialties_insert()`.execute(db);
    await sql`create trigger cadre_specialties_delete after delete on cadres referencing old table as cadre_specialties_old
      for each statement execute function cadre_specialties_delete()`.execute(db);
    await sql`create trigger cadre_specialties_update after update of specialty on cadres for each row
      when (old.specialty is distinct from new.specialty) execute function cadre_specialties_update()`.execute(db);
    // the level order's expression (as 0016 analysed it) and the new tables
    await sql`analyze cadres`.execute(db);
    await sql`analyze cadre_specialties`.execute(db);
    for (const k of KEPT) await sql`analyze ${sql.raw(k.table)}`.execute(db);
  } else {
    const add = `insert into cadre_specialties (specialty, n) values (new.specialty, 1)
    on conflict (specialty) do update set n = n + 1;`;
    const remove = `update cadre_specialties set n = n - 1 where specialty = old.specialty;
  delete from cadre_specialties where specialty = old.specialty and n <= 0;`;
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
      await sql`analyze cadres_status_level_rank`.execute(db);
      await sql`analyze cadre_specialties`.execute(db);
      for (const k of KEPT) await sql`analyze ${sql.raw(k.table)}`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of [
    'cadre_specialties_insert',
    'cadre_specialties_delete',
    'cadre_specialties_update',
    ...KEPT.flatMap((k) => ['insert', 'delete', 'update'].map((w) => `${k.table}_${w}`)),
  ]) {
    if (pg) {
      await sql`drop trigger if exists ${sql.raw(t)} on cadres`.execute(db);
      await sql`drop function if exists ${sql.raw(t)}()`.execute(db);
    } else await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('cadre_specialties').ifExists().execute();
  for (const k of KEPT) await db.schema.dropTable(k.table).ifExists().execute();
  await db.schema.dropIndex('cadres_name_order').ifExists().execute();
  await db.schema
    .createIndex('cadres_status_level_order')
    .ifNotExists()
    .on('cadres')
    .expression(sql`status, ${LEVEL_ORDER}, level_code, name_pinyin, id`)
    .execute();
  await db.schema.dropIndex('cadres_status_level_rank').ifExists().execute();
}
