// Simulated adjustment (模拟调配, issue 5): scratch plans for one team, each a named list of moves
// (a cadre into a post of the team, or a member out of it) as of a date. Plans never touch the real
// appointments; a plan is gone with its team's moves when deleted.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const id = (name: string) => {
    const t = db.schema.createTable(name) as CreateTableBuilder<string, string>;
    return pg ? t.addColumn('id', 'serial', (c) => c.primaryKey()) : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  };

  await id('adjustment_plans')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('adjustment_plans_team').on('adjustment_plans').columns(['team_id', 'updated_at']).execute();

  await id('adjustment_plan_moves')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('adjustment_plans.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'in': the cadre takes post_id; 'out': the member leaves the team (post_id null)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('post_id', 'integer', (c) => c.references('posts.id'))
    .execute();
  await db.schema.createIndex('adjustment_plan_moves_plan').on('adjustment_plan_moves').columns(['plan_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('adjustment_plan_moves').ifExists().execute();
  await db.schema.dropTable('adjustment_plans').ifExists().execute();
}
