// Pools and lists (issue 5, 精准选人): the specialty pools (五类干部库) and their memberships, the
// category lists (四类干部清单) as a dated history, the chief reserve pool (正职人选后备库) with the posts
// each candidate is considered for, and the young-cadre programme: promising young cadres (好苗子),
// two-way secondments (双挂双任) and mentoring ("2+1" 导师帮带) with its records.
// History is kept by closing rows (end/removed dates), never by deleting them.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/** The five pools the report names; the set is data an admin edits afterwards. */
const SEEDED_POOLS = ['党建', '社会治理', '经济', '城建', '法治'];

/** Built-in roles of databases created before this migration get the new permissions here. */
const GRANTS: Record<string, string[]> = {
  leader: ['pool:read'],
  cadre_section: ['pool:read', 'pool:write', 'pool:manage'],
  education_section: ['pool:read'],
  supervision_section: ['pool:read'],
  county_department: ['pool:read', 'pool:write'],
  system_admin: ['pool:manage'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const table = (name: string) => {
    const t = db.schema.createTable(name) as CreateTableBuilder<string, string>;
    return pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  };
  const cadreRef = (t: CreateTableBuilder<string, string>) =>
    t.addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'));

  await table('specialty_pools')
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await cadreRef(table('pool_memberships'))
    .addColumn('pool_id', 'integer', (c) => c.notNull().references('specialty_pools.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('added_on', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('removed_on', 'text')
    .addColumn('removed_by', 'text')
    .addColumn('removal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pool_memberships_pool').on('pool_memberships').columns(['pool_id', 'removed_on']).execute();
  await db.schema.createIndex('pool_memberships_cadre').on('pool_memberships').columns(['cadre_id']).execute();

  await cadreRef(table('category_entries'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('review_due', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_on', 'text')
    .addColumn('review_note', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('category_entries_cadre').on('category_entries').columns(['cadre_id', 'end_date']).execute();
  await db.schema.createIndex('category_entries_current').on('category_entries').columns(['end_date', 'category']).execute();

  await cadreRef(table('chief_reserve'))
    .addColumn('readiness', 'text', (c) => c.notNull())
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome_on', 'text')
    .addColumn('outcome_post_id', 'integer', (c) => c.references('posts.id'))
    .addColumn('outcome_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('chief_reserve_cadre').on('chief_reserve').columns(['cadre_id']).execute();
  await db.schema.createIndex('chief_reserve_status').on('chief_reserve').columns(['status']).execute();

  await db.schema
    .createTable('chief_reserve_posts')
    .addColumn('reserve_id', 'integer', (c) => c.notNull().references('chief_reserve.id').onDelete('cascade'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id'))
    .addPrimaryKeyConstraint('chief_reserve_posts_pk', ['reserve_id', 'post_id'])
    .execute();

  await cadreRef(table('promising_cadres'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('marked_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('withdrawn_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promising_cadres_cadre').on('promising_cadres').columns(['cadre_id']).execute();
  await db.schema.createIndex('promising_cadres_marked').on('promising_cadres').columns(['marked_on']).execute();

  await cadreRef(table('secondments'))
    .addColumn('home_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('host_post', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('secondments_cadre').on('secondments').columns(['cadre_id']).execute();
  await db.schema.createIndex('secondments_start').on('secondments').columns(['start_date']).execute();

  await cadreRef(table('mentorships'))
    .addColumn('mentor_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentorships_cadre').on('mentorships').columns(['cadre_id']).execute();
  await db.schema.createIndex('mentorships_mentor').on('mentorships').columns(['mentor_id']).execute();

  await table('mentoring_records')
    .addColumn('mentorship_id', 'integer', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_records_mentorship').on('mentoring_records').columns(['mentorship_id', 'date']).execute();

  const pools = db as unknown as Kysely<{ specialty_pools: { name: string; sort_order: number } }>;
  await pools
    .insertInto('specialty_pools')
    .values(SEEDED_POOLS.map((name, i) => ({ name, sort_order: i + 1 })))
    .execute();

  for (const [code, permissions] of Object.entries(GRANTS)) {
    for (const permission of permissions) {
      await sql`insert into role_permissions (role_id, permission)
        select id, ${permission} from roles where code = ${code} and built_in = 1`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'mentoring_records',
    'mentorships',
    'secondments',
    'promising_cadres',
    'chief_reserve_posts',
    'chief_reserve',
    'category_entries',
    'pool_memberships',
    'specialty_pools',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`delete from role_permissions where permission in ('pool:read', 'pool:write', 'pool:manage')`.execute(db);
}
