// 任免审批表 import and export (issue 4):
// - cadre_rmb_extras: what a 任免审批表 file holds that the profile cannot (the 任免 proposal, Version,
//   the 2025 elements, unknown elements, the 简历 text as written), as JSON, so an export is lossless;
// - import_jobs / import_job_files: background import batches and their per-file results, kept in the
//   database so that the user can leave the page and come back; a job belongs to the user who started it.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const id = (name: string) => {
    const t = db.schema.createTable(name) as CreateTableBuilder<string, string>;
    return pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  };

  await db.schema
    .createTable('cadre_rmb_extras')
    .addColumn('cadre_id', 'integer', (c) => c.primaryKey().references('cadres.id').onDelete('cascade'))
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('extras', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await id('import_jobs')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_user').on('import_jobs').columns(['user_id', 'created_at']).execute();

  await id('import_job_files')
    .addColumn('job_id', 'integer', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_card', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('issues', 'text')
    .addColumn('diff', 'text')
    .addColumn('cadre_id', 'integer')
    .addColumn('base_version', 'integer')
    .addColumn('payload', 'text')
    .execute();
  await db.schema.createIndex('import_job_files_job').on('import_job_files').columns(['job_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_job_files').ifExists().execute();
  await db.schema.dropTable('import_jobs').ifExists().execute();
  await db.schema.dropTable('cadre_rmb_extras').ifExists().execute();
}
