// 任职回避 by kinship (公务员法 第74条, issue 5) without a probe per office holder: the pairs of a
// 家庭成员 row and a cadre with the same name and the birth month 'YYYY-MM' that begins the cadre's
// birth date — the only relatives who can be another cadre (≈ 300,000 pairs at 1,000,000 cadres and
// 3,900,000 family rows). The team analysis joins these pairs with the appointments in force on its
// date (kinOfMembers, analysis.repository.ts) instead of seeking every holder's name and birth month
// in the family index: 148,550 probes, 1.2–1.9 s of PostgreSQL's time at a million cadres.
// Kept by triggers on cadres and cadre_family in the same statement as every insert, delete and
// change of name or birth date, whatever code path writes, like cadre_name_grams (0013), so the
// pairs commit or roll back with the rows and are never stale. Birth months in other forms (unknown,
// a year only) are not paired; the analysis reads those few rows by name (0010's partial index).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/** the pairs of family rows `f` and cadres `c` matching on name and birth month */
const MATCH = 'c.name = f.name and substr(c.birth_date, 1, 7) = f.birth_month';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('family_namesakes')
    .addColumn('family_id', 'integer', (c) => c.notNull())
    /** the cadre whose relative the family row is */
    .addColumn('member_id', 'integer', (c) => c.notNull())
    /** the cadre with the relative's name and birth month */
    .addColumn('cadre_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('family_namesakes_pk', ['family_id', 'cadre_id'])
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema.createIndex('family_namesakes_cadre').on('family_namesakes').columns(['cadre_id']).execute();
  // A new family row seeks the cadres of its name through cadres_name_order (0018), which leads with the
  // name (the other direction has cadre_family_name_month, 0010): no index of its own on cadres, whose
  // ≈ 25 indexes each cost every update of a cadre (the Excel import) a new entry on PostgreSQL.
  // The pairs of the family rows `family` and the cadres `cadres` (tables, or the row a trigger writes).
  // `where true`: SQLite's parser needs a WHERE between a join's ON and the upsert's ON CONFLICT.
  const pairsOf = (family: string, cadres: string) => `insert into family_namesakes (family_id, member_id, cadre_id)
    select f.id, f.cadre_id, c.id from ${family} f join ${cadres} c on ${MATCH} where true on conflict do nothing`;
  await sql.raw(pairsOf('cadre_family', 'cadres')).execute(db);

  // Row-wise statements, shared by both databases; `new` is the row written.
  const newFamily = pairsOf('(select new.id as id, new.cadre_id as cadre_id, new.name as name, new.birth_month as birth_month)', 'cadres');
  const newCadre = pairsOf('cadre_family', '(select new.id as id, new.name as name, new.birth_date as birth_date)');
  const familyChanged = 'old.cadre_id <> new.cadre_id or old.name <> new.name or old.birth_month is distinct from new.birth_month';
  const cadreChanged = 'old.name <> new.name or substr(old.birth_date, 1, 7) <> substr(new.birth_date, 1, 7)';
  if (pg) {
    const fn = (name: string, body: string) =>
      sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body}; return null; end $$`).execute(db);
    // Inserts and deletes per statement (one set-based statement for a bulk write); changes per row.
    await fn('family_namesakes_family_insert', pairsOf('family_namesakes_new', 'cadres'));
    await fn('family_namesakes_family_delete', 'delete from family_namesakes k using family_namesakes_old o where k.family_id = o.id');
    await fn('family_namesakes_family_update', `delete from family_namesakes where family_id = old.id; ${newFamily}`);
    await fn('family_namesakes_cadre_insert', pairsOf('cadre_family', 'family_namesakes_new'));
    await fn('family_namesakes_cadre_delete', 'delete from family_namesakes k using family_namesakes_old o where k.cadre_id = o.id');
    await fn('family_namesakes_cadre_update', `delete from family_namesakes where cadre_id = old.id; ${newCadre}`);
    const trigger = (name: string, on: string, rows: string) =>
      sql.raw(`create trigger ${name} ${on} ${rows} execute function ${name}()`).execute(db);
    for (const [what, table] of [
      ['family', 'cadre_family'],
      ['cadre', 'cadres'],
    ] as const) {
      await trigger(
        `family_namesakes_${what}_insert`,
        `after insert on ${table}`,
        'referencing new table as family_namesakes_new for each statement',
      );
      await trigger(
        `family_namesakes_${what}_delete`,
        `after delete on ${table}`,
        'referencing old table as family_namesakes_old for each statement',
      );
    }
    await trigger(
      'family_namesakes_family_update',
      'after update of cadre_id, name, birth_month on cadre_family',
      `for each row when (${familyChanged})`,
    );
    await trigger('family_namesakes_cadre_update', 'after update of name, birth_date on cadres', `for each row when (${cadreChanged})`);
    return;
  }
  const trigger = (name: string, on: string, body: string) => sql.raw(`create trigger ${name} ${on} begin ${body}; end`).execute(db);
  await trigger('family_namesakes_family_insert', 'after insert on cadre_family', newFamily);
  await trigger('family_namesakes_family_delete', 'after delete on cadre_family', 'delete from family_namesakes where family_id = old.id');
  await trigger(
    'family_namesakes_family_update',
    `after update of cadre_id, name, birth_month on cadre_family when ${familyChanged}`,
    `delete from family_namesakes where family_id = old.id; ${newFamily}`,
  );
  await trigger('family_namesakes_cadre_insert', 'after insert on cadres', newCadre);
  await trigger('family_namesakes_cadre_delete', 'after delete on cadres', 'delete from family_namesakes where cadre_id = old.id');
  await trigger(
    'family_namesakes_cadre_update',
    `after update of name, birth_date on cadres when ${cadreChanged}`,
    `delete from family_namesakes where cadre_id = old.id; ${newCadre}`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (const what of ['family', 'cadre'])
    for (const op of ['insert', 'delete', 'update']) {
      const name = `family_namesakes_${what}_${op}`;
      if (pg) {
        await sql`drop trigger if exists ${sql.raw(name)} on ${sql.raw(what === 'family' ? 'cadre_family' : 'cadres')}`.execute(db);
        await sql`drop function if exists ${sql.raw(name)}()`.execute(db);
      } else await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
    }
  await db.schema.dropTable('family_namesakes').ifExists().execute();
}
