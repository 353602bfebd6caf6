// The 20 condition searches of issue 3 (search_p50 / search_p95), as query strings of GET /api/cadres,
// built from facts of the loaded province. Shared by bench/run.ts and bench/search-plans.ts.
import type { Db } from '../src/db/database.js';

export async function searchConditionQueries(db: Db, today: string): Promise<string[]> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'tier', 'kind'])
    .where('tier', 'in', ['city', 'county'])
    .where('kind', '=', '地区')
    .orderBy('id')
    .execute();
  const county = units.find((u) => u.tier === 'county')!;
  const cityRoot = units.find((u) => u.tier === 'city')!;
  const dept = await db.selectFrom('units').select('id').where('kind', '=', '政府部门').orderBy('id').limit(1).executeTakeFirst();
  const countyAuth = await db.selectFrom('authorities').select('id').where('level', '=', 'county').orderBy('id').limit(1).executeTakeFirstOrThrow();
  return [
    'gender=2',
    'ageMax=35',
    'ageMin=50&ageMax=55',
    'educationAtLeast=21',
    'education=1',
    'level=1A',
    'level=1A31',
    'level=1A41&gender=2',
    `unitId=${county.id}`,
    `unitId=${cityRoot.id}&level=1A`,
    ...(dept ? [`unitId=${dept.id}`] : []),
    'political=nonParty',
    'political=party&ageMax=40&educationAtLeast=21',
    'specialty=经济',
    'ethnic=minority',
    'gender=2&political=nonParty&ageMax=45',
    `level=1A42&ageMax=35&authorityId=${countyAuth.id}`,
    `ageMin=40&ageMax=45&ageOn=${today}&sort=birthDate`,
    'rank=ZJ08&sort=level',
    'gender=1&education=2&level=1A32&political=party',
    'status=all&sort=name',
  ].slice(0, 20);
}
