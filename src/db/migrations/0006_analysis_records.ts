// 研判 records and 大调研 (issue 5, part 二 of the report):
// - analysis_records: a dated analysis (定期 / 重点 / 专项) by one department, with its own judgement,
//   shortfalls (JSON list), suggestions and follow-up status;
// - analysis_record_items: the teams in its scope, each with the automatic findings, the team facts and
//   the members as they were on the analysis date (JSON snapshots), so a past analysis reads the same
//   after the rules or the records change;
// - analysis_follow_ups: dated follow-up notes, each moving the status on;
// - survey_records / survey_recommendations: 大调研 notes on a team or a cadre, with ratings and the
//   recommendations (建议入库, 好苗子, 列入清单 …) that the pools and lists pick up.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const id = (name: string) => {
    const t = db.schema.createTable(name) as CreateTableBuilder<string, string>;
    return pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  };

  await id('analysis_records')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('scope_label', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('judgement', 'text', (c) => c.notNull())
    .addColumn('shortfalls', 'text', (c) => c.notNull())
    .addColumn('suggestions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('analysis_records_authority').on('analysis_records').columns(['authority_id', 'as_of']).execute();

  await id('analysis_record_items')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('analysis_records.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('post_id', 'integer', (c) => c.references('posts.id'))
    .addColumn('team_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('post_title', 'text')
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analysis_record_items_record').on('analysis_record_items').columns(['record_id', 'seq']).execute();
  await db.schema.createIndex('analysis_record_items_team').on('analysis_record_items').column('team_id').execute();

  await id('analysis_follow_ups')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('analysis_records.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analysis_follow_ups_record').on('analysis_follow_ups').columns(['record_id', 'date']).execute();

  await id('survey_records')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('cadre_id', 'integer', (c) => c.references('cadres.id'))
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('surveyors', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_records_authority').on('survey_records').columns(['authority_id', 'date']).execute();
  await db.schema.createIndex('survey_records_team').on('survey_records').column('team_id').execute();
  await db.schema.createIndex('survey_records_cadre').on('survey_records').column('cadre_id').execute();

  await id('survey_recommendations')
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey_records.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('survey_recommendations_survey').on('survey_recommendations').column('survey_id').execute();
  await db.schema.createIndex('survey_recommendations_kind').on('survey_recommendations').column('kind').execute();

  // Existing deployments: the built-in roles that edit records get the new permission (a fresh
  // database has no roles yet; the bootstrap seeds them from permissions.ts).
  await sql`insert into role_permissions (role_id, permission)
    select id, 'analysis:write' from roles where code in ('cadre_section', 'county_department')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from role_permissions where permission = 'analysis:write'`.execute(db);
  for (const t of ['survey_recommendations', 'survey_records', 'analysis_follow_ups', 'analysis_record_items', 'analysis_records']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
