// Foundation schema: accounts and access, audit, settings, units/teams/posts/appointments, cadre profile.
// One file for both dialects through the schema builder; the few dialect differences are in helpers.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import { dialectOf } from '../database.js';

type AnyTable = CreateTableBuilder<string, string>;

function withId(t: AnyTable, pg: boolean): AnyTable {
  return pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const blob = pg ? 'bytea' : 'blob';
  const table = (name: string) => withId(db.schema.createTable(name) as AnyTable, pg);

  await table('authorities')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('authorities.id'))
    .execute();

  await table('roles')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('role_permissions')
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permissions_pk', ['role_id', 'permission'])
    .execute();

  await table('users')
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .execute();

  await table('audit_log')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at']).execute();
  await db.schema.createIndex('audit_log_event_at').on('audit_log').columns(['event', 'at']).execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id']).execute();
  // Append-only, enforced by the database itself so no code path can rewrite history.
  if (pg) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }

  await table('settings')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('settings_key_from', ['key', 'effective_from'])
    .execute();

  await table('units')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('units_parent').on('units').columns(['parent_id', 'sort_order']).execute();
  await db.schema
    .createIndex('units_path')
    .on('units')
    .expression(pg ? sql`path text_pattern_ops` : sql`path`)
    .execute();
  await db.schema.createIndex('units_authority').on('units').columns(['authority_id']).execute();

  await table('teams')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('teams_unit').on('teams').columns(['unit_id']).execute();

  await table('posts')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level_code', 'text', (c) => c.notNull())
    .addColumn('is_chief', 'integer', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('posts_team').on('posts').columns(['team_id']).execute();

  await table('cadres')
    .addColumn('id_card', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('ethnic_code', 'text', (c) => c.notNull())
    .addColumn('native_place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('birthplace', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('political_status', 'text', (c) => c.notNull())
    .addColumn('party_join_month', 'text')
    .addColumn('other_party', 'text')
    .addColumn('work_start_month', 'text', (c) => c.notNull())
    .addColumn('health_code', 'text', (c) => c.notNull())
    .addColumn('professional_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specialty', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ft_education', 'text')
    .addColumn('ft_degree', 'text')
    .addColumn('ft_education_school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ft_degree_school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip_education', 'text')
    .addColumn('ip_degree', 'text')
    .addColumn('ip_education_school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip_degree_school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('highest_education', 'text')
    .addColumn('current_post', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('level_code', 'text')
    .addColumn('level_since', 'text')
    .addColumn('rank_code', 'text')
    .addColumn('rank_since', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('rewards_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('appraisal_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('remarks', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Search paths: every list is scoped by authority first, then filtered and ordered.
  await db.schema.createIndex('cadres_authority_pinyin').on('cadres').columns(['authority_id', 'name_pinyin']).execute();
  await db.schema.createIndex('cadres_authority_initials').on('cadres').columns(['authority_id', 'name_initials']).execute();
  await db.schema.createIndex('cadres_authority_name').on('cadres').columns(['authority_id', 'name']).execute();
  await db.schema.createIndex('cadres_authority_birth').on('cadres').columns(['authority_id', 'birth_date']).execute();
  await db.schema.createIndex('cadres_authority_level').on('cadres').columns(['authority_id', 'level_code']).execute();
  await db.schema.createIndex('cadres_unit').on('cadres').columns(['unit_id']).execute();

  const child = (name: string) => table(name).addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'));

  await child('cadre_resume')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('start_month', 'text')
    .addColumn('end_month', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadre_resume_cadre').on('cadre_resume').columns(['cadre_id', 'seq']).execute();

  await child('cadre_rewards')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('cadre_rewards_cadre').on('cadre_rewards').columns(['cadre_id']).execute();

  await child('cadre_appraisals')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addUniqueConstraint('cadre_appraisals_year', ['cadre_id', 'year'])
    .execute();

  await child('cadre_family')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_month', 'text')
    .addColumn('political_status', 'text')
    .addColumn('work_unit_post', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('cadre_family_cadre').on('cadre_family').columns(['cadre_id']).execute();

  await child('cadre_ranks')
    .addColumn('rank_code', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('cadre_ranks_cadre').on('cadre_ranks').columns(['cadre_id']).execute();

  await db.schema
    .createTable('cadre_tags')
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cadre_tags_pk', ['cadre_id', 'tag'])
    .execute();
  await db.schema.createIndex('cadre_tags_tag').on('cadre_tags').columns(['tag', 'cadre_id']).execute();

  await db.schema
    .createTable('cadre_photos')
    .addColumn('cadre_id', 'integer', (c) => c.primaryKey().references('cadres.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .execute();

  await table('appointments')
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('start_doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_date', 'text')
    .addColumn('end_doc_no', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_post').on('appointments').columns(['post_id', 'end_date']).execute();
  await db.schema.createIndex('appointments_cadre').on('appointments').columns(['cadre_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted; restore a backup instead.');
}
