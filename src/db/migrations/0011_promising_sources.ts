// A 好苗子 mark may come from a record: the 大调研 survey whose 好苗子 recommendation made it, or the
// 研判 record it was marked from (issue 5). Both are nullable links; marks made by hand keep neither.
// No foreign keys: records are never deleted, the service checks the link, and a key here would stop
// the earlier migrations' down() (their tests roll 0006 back on a migrated database).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('promising_cadres').addColumn('source_survey_id', 'integer').execute();
  await db.schema.alterTable('promising_cadres').addColumn('source_analysis_id', 'integer').execute();
  await db.schema.createIndex('promising_cadres_survey').on('promising_cadres').columns(['source_survey_id']).execute();
  await db.schema.createIndex('promising_cadres_analysis').on('promising_cadres').columns(['source_analysis_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('promising_cadres_analysis').ifExists().execute();
  await db.schema.dropIndex('promising_cadres_survey').ifExists().execute();
  await db.schema.alterTable('promising_cadres').dropColumn('source_analysis_id').execute();
  await db.schema.alterTable('promising_cadres').dropColumn('source_survey_id').execute();
}
