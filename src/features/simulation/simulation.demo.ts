// Demo data for 模拟调配: two scratch plans for the first county government team, so a user exploring
// the demo city finds plans to open and compare. A few rows; nothing when the city has no teams.
import type { Db } from '../../db/database.js';
import { todayOf } from '../../domain/dates.js';
import { inForce } from '../units/units.repository.js';
import * as repo from './simulation.repository.js';

export async function createDemoPlans(db: Db, now: Date): Promise<number> {
  const asOf = todayOf(now);
  const team = await db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['teams.id', 'units.authorityId'])
    .where('units.tier', '=', 'county')
    .where('teams.kind', '=', '政府班子')
    .orderBy('teams.id')
    .executeTakeFirst();
  const author = await db.selectFrom('users').select('id').where('username', '=', 'ganbuke').executeTakeFirst();
  if (!team || !author) return 0;
  const posts = await db.selectFrom('posts').select(['id', 'isChief']).where('teamId', '=', team.id).orderBy('sortOrder').orderBy('id').execute();
  const members = await db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select(['cadres.id', 'cadres.birthDate'])
    .where('posts.teamId', '=', team.id)
    .where(inForce(asOf))
    .where('posts.isChief', '=', 0)
    .orderBy('cadres.birthDate')
    .execute();
  const memberIds = members.map((m) => m.id);
  // The youngest serving woman of the same authority who is not yet in the team.
  const candidate = await db
    .selectFrom('cadres')
    .select('id')
    .where('authorityId', '=', team.authorityId)
    .where('gender', '=', '2')
    .where('status', '=', 'active')
    .where('id', 'not in', memberIds.length ? memberIds : [-1])
    .orderBy('birthDate', 'desc')
    .limit(1)
    .executeTakeFirst();
  const deputyPost = posts.find((p) => p.isChief === 0);
  const oldest = members[0];
  if (!candidate || !deputyPost || !oldest) return 0;

  const at = now.toISOString();
  const plans: { name: string; note: string; moves: repo.MoveRow[] }[] = [
    {
      name: '示例：年轻女干部接替副职',
      note: '调出年龄最大的副职，调入一名年轻女干部，看年龄结构和年轻干部配备的变化',
      moves: [
        { kind: 'out', cadreId: oldest.id, postId: null },
        { kind: 'in', cadreId: candidate.id, postId: deputyPost.id },
      ],
    },
    { name: '示例：仅调出', note: '只调出年龄最大的副职，看空缺的变化', moves: [{ kind: 'out', cadreId: oldest.id, postId: null }] },
  ];
  for (const p of plans) {
    const id = await repo.insertPlan(db, { teamId: team.id, name: p.name, asOf, note: p.note, authorId: author.id, createdAt: at, updatedAt: at });
    await repo.replaceMoves(db, id, p.moves);
  }
  return plans.length;
}
