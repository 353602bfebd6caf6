// Excel template uploads (issue 4): the workbook of a dry run is kept in the database, not in one
// process's memory, so that its error workbook and its confirmation survive a restart and work with
// several server processes. A row belongs to the user who uploaded it (and accounts of the same
// 干部管理权限); rows older than the `import.retentionDays` setting are deleted when a new upload starts,
// as import jobs are (0003/0004).
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const t = db.schema.createTable('excel_uploads') as CreateTableBuilder<string, string>;
  await (pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('excel_uploads_created').on('excel_uploads').columns(['created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('excel_uploads').ifExists().execute();
}
