// Import jobs, continued (issue 4):
// - import_job_files.candidates: for a file without 身份证号 that matches several cadres by 姓名 +
//   出生年月, the candidates (JSON) the user chooses from;
// - import_jobs.created_at indexed for the cleanup of jobs past their retention period.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_job_files').addColumn('candidates', 'text').execute();
  await db.schema.createIndex('import_jobs_created').on('import_jobs').columns(['created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('import_jobs_created').ifExists().execute();
  await db.schema.alterTable('import_job_files').dropColumn('candidates').execute();
}
