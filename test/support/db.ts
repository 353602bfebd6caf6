// Repository and HTTP tests run on both dialects (DESIGN.md practice 5): SQLite in memory always,
// PostgreSQL when TEST_DATABASE_URL is set (scripts/test.sh starts a throwaway server and sets it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseTarget, type Dialect } from '../../src/config.js';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  db: Db;
  dialect: Dialect;
  /** the SQLite file or the PostgreSQL URL (with its schema), for a second connection; none in memory */
  location?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated, empty database of the dialect: in-memory SQLite (or, with `sqliteFile`, a file in
 * the OS temp dir, removed on close), or a new PostgreSQL schema.
 */
export async function freshDb(dialect: Dialect, opts: { sqliteFile?: boolean } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = opts.sqliteFile ? fs.mkdtempSync(path.join(os.tmpdir(), 'ganbu-test-')) : undefined;
    const location = dir ? path.join(dir, 'ganbu.db') : undefined;
    const opened = openDatabase({ dialect: 'sqlite', location: location ?? ':memory:' });
    await migrateToLatest(opened.db);
    return {
      db: opened.db,
      dialect,
      location,
      close: async () => {
        await opened.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const opened = openDatabase(databaseTarget(url.toString()));
  await migrateToLatest(opened.db, schema);
  return {
    db: opened.db,
    dialect,
    location: url.toString(),
    close: async () => {
      await opened.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
