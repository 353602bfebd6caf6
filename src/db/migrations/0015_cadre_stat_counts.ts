// The home page's structure figures without scanning the cadres (issue 3): counts kept by triggers in
// the same statement as every insert, delete and relevant update of cadres, as 0009 does for
// (authority, status), so they commit or roll back with the rows and are never stale.
// - cadre_profile_counts: per (authority, status, 职务层次, gender, highest 学历, political status,
//   ethnic group). NULL codes are kept as '' (a primary key cannot hold NULL). ≈ 61,000 rows at
//   1,000,000 cadres.
// - cadre_birth_counts: per (authority, status, birth month 'YYYY-MM'). ≈ 110,000 rows at 1,000,000.
// Birth month is not part of the profile key: with it the key had 640,000 distinct values at
// 1,000,000 cadres (measured), so summing it would cost nearly what scanning the cadres costs.
// Exact ages on a date come from the birth months plus the few cadres born in that date's month of
// the year after its day, counted through the (status, birth_date) index (stats.repository.ts).
// The overview's staffing totals count each post's holders on a date in one pass over the
// appointments: (post_id, start_date, end_date) answers it from the index alone.
// Update triggers fire only when a counted column changes (WHEN), so e.g. the Excel import's 备注
// updates and version bumps pay nothing.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

const PROFILE = ['authority_id', 'status', 'level_code', 'gender', 'highest_education', 'political_status', 'ethnic_code'] as const;
const BIRTH = ['authority_id', 'status', 'birth_month'] as const;

/** The profile key of a row (`r` = new, old or a transition table), NULL codes as ''. */
const profileKey = (r: string) => [
  `${r}.authority_id`,
  `${r}.status`,
  `coalesce(${r}.level_code, '')`,
  `${r}.gender`,
  `coalesce(${r}.highest_education, '')`,
  `${r}.political_status`,
  `${r}.ethnic_code`,
];
const birthKey = (r: string) => [`${r}.authority_id`, `${r}.status`, `substr(${r}.birth_date, 1, 7)`];
const profileOf = (r: string) => profileKey(r).join(', ');
const birthOf = (r: string) => birthKey(r).join(', ');
const keyMatch = (cols: readonly string[], exprs: string[]) => cols.map((c, i) => `${c} = ${exprs[i]}`).join(' and ');
const PROFILE_CHANGED = `old.authority_id is distinct from new.authority_id or old.status is distinct from new.status
  or old.level_code is distinct from new.level_code or old.gender is distinct from new.gender
  or old.highest_education is distinct from new.highest_education or old.political_status is distinct from new.political_status
  or old.ethnic_code is distinct from new.ethnic_code`;
const BIRTH_CHANGED = `old.authority_id is distinct from new.authority_id or old.status is distinct from new.status
  or substr(old.birth_date, 1, 7) is distinct from substr(new.birth_date, 1, 7)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  // SQLite: the rows live in the primary key's B-tree, so reading them in key order needs no lookup
  // per row (with a rowid table the planner walked the key's index and fetched every row: 4× slower).
  const withoutRowid = pg ? sql`` : sql`without rowid`;
  await db.schema
    .createTable('cadre_profile_counts')
    .addColumn('authority_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level_code', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('highest_education', 'text', (c) => c.notNull())
    .addColumn('political_status', 'text', (c) => c.notNull())
    .addColumn('ethnic_code', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // status and 职务层次 first: the overview reads the active rows grouped by 职务层次 in key order, unsorted
    .addPrimaryKeyConstraint('cadre_profile_counts_pk', [
      'status',
      'level_code',
      'gender',
      'highest_education',
      'political_status',
      'ethnic_code',
      'authority_id',
    ])
    .modifyEnd(withoutRowid)
    .execute();
  await db.schema
    .createTable('cadre_birth_counts')
    .addColumn('authority_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('birth_month', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // status and month first: the active rows grouped by month in key order, unsorted
    .addPrimaryKeyConstraint('cadre_birth_counts_pk', ['status', 'birth_month', 'authority_id'])
    .modifyEnd(withoutRowid)
    .execute();
  await db.schema.createIndex('appointments_post_dates').on('appointments').columns(['post_id', 'start_date', 'end_date']).execute();
  // The backfill: one grouped pass each over the cadres already there.
  await sql`insert into cadre_profile_counts (${sql.raw(PROFILE.join(', '))}, n)
    select ${sql.raw(profileOf('cadres'))}, count(*) from cadres group by ${sql.raw(profileOf('cadres'))}`.execute(db);
  await sql`insert into cadre_birth_counts (${sql.raw(BIRTH.join(', '))}, n)
    select ${sql.raw(birthOf('cadres'))}, count(*) from cadres group by ${sql.raw(birthOf('cadres'))}`.execute(db);

  const P = PROFILE.join(', ');
  const B = BIRTH.join(', ');
  if (pg) {
    // Inserts and deletes per statement (one grouped upsert per table for a bulk insert, in key order
    // so that concurrent writers lock the count rows in the same order); updates per row, only when a
    // counted column changes.
    const grouped = (r: string, key: (r: string) => string) => `select ${key(r)}, count(*) as n from ${r} group by ${key(r)}`;
    await sql`create function cadre_stat_counts_insert() returns trigger language plpgsql as $$
begin
  insert into cadre_profile_counts (${sql.raw(P)}, n) ${sql.raw(grouped('cadre_stat_new', profileOf))} order by ${sql.raw(profileOf('cadre_stat_new'))}
    on conflict (${sql.raw(P)}) do update set n = cadre_profile_counts.n + excluded.n;
  insert into cadre_birth_counts (${sql.raw(B)}, n) ${sql.raw(grouped('cadre_stat_new', birthOf))} order by ${sql.raw(birthOf('cadre_stat_new'))}
    on conflict (${sql.raw(B)}) do update set n = cadre_birth_counts.n + excluded.n;
  return null;
end $$`.execute(db);
    const dPro = PROFILE.map((c) => `c.${c} = d.${c}`).join(' and ');
    const dBir = BIRTH.map((c) => `c.${c} = d.${c}`).join(' and ');
    await sql`create function cadre_stat_counts_delete() returns trigger language plpgsql as $$
begin
  update cadre_profile_counts c set n = c.n - d.n
    from (select ${sql.raw(profileOf('o'))}, count(*) as n from cadre_stat_old o group by ${sql.raw(profileOf('o'))}) d (${sql.raw(P)}, n)
    where ${sql.raw(dPro)};
  update cadre_birth_counts c set n = c.n - d.n
    from (select ${sql.raw(birthOf('o'))}, count(*) as n from cadre_stat_old o group by ${sql.raw(birthOf('o'))}) d (${sql.raw(B)}, n)
    where ${sql.raw(dBir)};
  return null;
end $$`.execute(db);
    await sql`create function cadre_profile_counts_update() returns trigger language plpgsql as $$
begin
  update cadre_profile_counts set n = n - 1 where ${sql.raw(keyMatch(PROFILE, profileKey('old')))};
  insert into cadre_profile_counts (${sql.raw(P)}, n) values (${sql.raw(profileOf('new'))}, 1)
    on conflict (${sql.raw(P)}) do update set n = cadre_profile_counts.n + 1;
  return null;
end $$`.execute(db);
    await sql`create function cadre_birth_counts_update() returns trigger language plpgsql as $$
begin
  update cadre_birth_counts set n = n - 1 where ${sql.raw(keyMatch(BIRTH, birthKey('old')))};
  insert into cadre_birth_counts (${sql.raw(B)}, n) values (${sql.raw(birthOf('new'))}, 1)
    on conflict (${sql.raw(B)}) do update set n = cadre_birth_counts.n + 1;
  return null;
end $$`.execute(db);
    await sql`create trigger cadre_stat_counts_insert after insert on cadres referencing new table as cadre_stat_new
      for each statement execute function cadre_stat_counts_insert()`.execute(db);
    await sql`create trigger cadre_stat_counts_delete after delete on cadres referencing old table as cadre_stat_old
      for each statement execute function cadre_stat_counts_delete()`.execute(db);
    await sql`create trigger cadre_profile_counts_update after update of ${sql.raw(PROFILE.join(', '))} on cadres for each row
      when (${sql.raw(PROFILE_CHANGED)}) execute function cadre_profile_counts_update()`.execute(db);
    await sql`create trigger cadre_birth_counts_update after update of authority_id, status, birth_date on cadres for each row
      when (${sql.raw(BIRTH_CHANGED)}) execute function cadre_birth_counts_update()`.execute(db);
  } else {
    const up = (table: string, cols: string, key: string) =>
      `insert into ${table} (${cols}, n) values (${key}, 1) on conflict (${cols}) do update set n = n + 1;`;
    const down = (table: string, cols: readonly string[], key: string[]) => `update ${table} set n = n - 1 where ${keyMatch(cols, key)};`;
    const isNot = (s: string) => s.replaceAll('is distinct from', 'is not');
    await sql`create trigger cadre_stat_counts_insert after insert on cadres begin
  ${sql.raw(up('cadre_profile_counts', P, profileOf('new')))}
  ${sql.raw(up('cadre_birth_counts', B, birthOf('new')))}
end`.execute(db);
    await sql`create trigger cadre_stat_counts_delete after delete on cadres begin
  ${sql.raw(down('cadre_profile_counts', PROFILE, profileKey('old')))}
  ${sql.raw(down('cadre_birth_counts', BIRTH, birthKey('old')))}
end`.execute(db);
    await sql`create trigger cadre_profile_counts_update after update of ${sql.raw(PROFILE.join(', '))} on cadres
  when ${sql.raw(isNot(PROFILE_CHANGED))} begin
  ${sql.raw(down('cadre_profile_counts', PROFILE, profileKey('old')))}
  ${sql.raw(up('cadre_profile_counts', P, profileOf('new')))}
end`.execute(db);
    await sql`create trigger cadre_birth_counts_update after update of authority_id, status, birth_date on cadres
  when ${sql.raw(isNot(BIRTH_CHANGED))} begin
  ${sql.raw(down('cadre_birth_counts', BIRTH, birthKey('old')))}
  ${sql.raw(up('cadre_birth_counts', B, birthOf('new')))}
end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const t of ['cadre_stat_counts_insert', 'cadre_stat_counts_delete', 'cadre_profile_counts_update', 'cadre_birth_counts_update']) {
    if (pg) {
      await sql`drop trigger if exists ${sql.raw(t)} on cadres`.execute(db);
      await sql`drop function if exists ${sql.raw(t)}()`.execute(db);
    } else await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropIndex('appointments_post_dates').ifExists().execute();
  await db.schema.dropTable('cadre_profile_counts').ifExists().execute();
  await db.schema.dropTable('cadre_birth_counts').ifExists().execute();
}
