// Ordered migrations, never edited after they land (DESIGN.md practice 4).
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_search_indexes.js';
import * as m0003 from './migrations/0003_transfer.js';
import * as m0004 from './migrations/0004_import_resolution.js';
import * as m0005 from './migrations/0005_pools.js';
import * as m0006 from './migrations/0006_analysis_records.js';
import * as m0008 from './migrations/0008_adjustment_plans.js';
import * as m0009 from './migrations/0009_cadre_counts.js';
import * as m0010 from './migrations/0010_family_name_index.js';
import * as m0011 from './migrations/0011_promising_sources.js';
import * as m0013 from './migrations/0013_name_grams.js';
import * as m0015 from './migrations/0015_cadre_stat_counts.js';
import * as m0016 from './migrations/0016_search_plans.js';
import * as m0017 from './migrations/0017_excel_uploads.js';
import * as m0018 from './migrations/0018_search_p95.js';
import * as m0019 from './migrations/0019_data_versions.js';
import * as m0020 from './migrations/0020_family_namesakes.js';
import * as m0021 from './migrations/0021_search_stamp_lock.js';
import * as m0022 from './migrations/0022_cadre_fillfactor.js';

const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_search_indexes': m0002,
  '0003_transfer': m0003,
  '0004_import_resolution': m0004,
  '0005_pools': m0005,
  '0006_analysis_records': m0006,
  '0008_adjustment_plans': m0008,
  '0009_cadre_counts': m0009,
  '0010_family_name_index': m0010,
  '0011_promising_sources': m0011,
  '0013_name_grams': m0013,
  '0015_cadre_stat_counts': m0015,
  '0016_search_plans': m0016,
  '0017_excel_uploads': m0017,
  '0018_search_p95': m0018,
  '0019_data_versions': m0019,
  '0020_family_namesakes': m0020,
  '0021_search_stamp_lock': m0021,
  '0022_cadre_fillfactor': m0022,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * @param schema PostgreSQL schema holding the migration bookkeeping; tests give each database its own
 *   schema, and without this Kysely would look for its tables in every schema on the search path.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  // Unordered: a database that already ran a later migration (a test or bench copy made from a
  // branch) still takes an earlier one merged after it. Our migrations are independent of each other
  // beyond their numbers' order, which a fresh database always follows.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
