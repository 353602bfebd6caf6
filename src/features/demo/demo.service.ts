// Creates the fictional demo city: departments, accounts, and (demo.generator.ts) units, teams,
// posts, cadres and appointments. Deterministic from a seed.
import { forgetSessions } from '../accounts/session-cache.js';
import type { Db } from '../../db/database.js';
import { ensureBuiltInRoles } from '../accounts/accounts.bootstrap.js';
import { hashPassword } from '../accounts/accounts.service.js';
import { DEMO_ACCOUNTS, DEMO_AUTHORITIES, DEMO_PASSWORD, type DemoAuthorityKey } from './demo.accounts.js';
import { generateDemoCity, type DemoOptions } from './demo.generator.js';
import { createDemoPlans } from '../simulation/simulation.demo.js';
import { addDemoAnalysisRecords } from './demo.analysis-records.js';
import { createDemoImportJobs } from './demo.imports.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('authorities').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Fill an empty database with the demo city. */
export async function createDemo(db: Db, opts: DemoOptions): Promise<{ cadres: number; units: number }> {
  await ensureBuiltInRoles(db);
  const authorityIds = {} as Record<DemoAuthorityKey, number>;
  for (const a of DEMO_AUTHORITIES) {
    const { id } = await db
      .insertInto('authorities')
      .values({ name: a.name, level: a.level, parentId: a.parent ? authorityIds[a.parent] : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    authorityIds[a.key] = id;
  }
  const roles = await db.selectFrom('roles').select(['id', 'code']).execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = new Date().toISOString();
  for (const acc of DEMO_ACCOUNTS) {
    const role = roles.find((r) => r.code === acc.roleCode);
    if (!role) throw new Error(`内置角色缺失：${acc.roleCode}`);
    await db
      .insertInto('users')
      .values({
        username: acc.username,
        displayName: acc.displayName,
        passwordHash,
        roleId: role.id,
        authorityId: authorityIds[acc.authority],
        createdAt,
      })
      .execute();
  }
  const result = await generateDemoCity(db, authorityIds, opts);
  if (result.cadres > 0) await addDemoAnalysisRecords(db, authorityIds);
  await createDemoPlans(db, new Date());
  await createDemoImportJobs(db, authorityIds.city, new Date());
  return result;
}

/** Drop every row of the demo (for `ganbu demo`): the audit log stays, as it must. */
export async function clearForDemo(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const t of [
      'importJobFiles',
      'importJobs',
      'adjustmentPlanMoves',
      'adjustmentPlans',
      'surveyRecommendations',
      'surveyRecords',
      'analysisFollowUps',
      'analysisRecordItems',
      'analysisRecords',
      'mentoringRecords',
      'mentorships',
      'secondments',
      'promisingCadres',
      'chiefReservePosts',
      'chiefReserve',
      'categoryEntries',
      'poolMemberships',
      'appointments',
      'cadrePhotos',
      'cadreTags',
      'cadreRanks',
      'cadreFamily',
      'cadreAppraisals',
      'cadreRewards',
      'cadreResume',
      'cadres',
      'posts',
      'teams',
    ] as const) {
      await trx.deleteFrom(t).execute();
    }
    // Units reference their parents: delete leaves first.
    await trx.updateTable('units').set({ parentId: null }).execute();
    await trx.deleteFrom('units').execute();
    await trx.deleteFrom('sessions').execute();
    await trx.deleteFrom('users').execute();
    await trx.updateTable('authorities').set({ parentId: null }).execute();
    await trx.deleteFrom('authorities').execute();
  });
  forgetSessions();
}
