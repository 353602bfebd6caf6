// The demo city's 研判 records and 大调研 notes: a 定期 analysis of the Party and government teams,
// a 重点 analysis of 东湖区 before its 换届, a 专项 analysis of a team with a problem, and surveys of
// young cadres and a few teams whose recommendations the pools and lists can pick up. The findings
// are the real team analysis of the demo data on each date. Few rows: it runs at every fresh start.
import type { Db } from '../../db/database.js';
import type { Actor, Ctx } from '../../server/access.js';
import type { Permission } from '../../server/permissions.js';
import { analyzeStoredTeam } from '../analysis/analysis.service.js';
import * as repo from '../analysis-records/analysis-records.repository.js';
import type { DemoAuthorityKey } from './demo.accounts.js';
import * as youngRepo from '../young/young.repository.js';

const CREATED = '2026-01-01T00:00:00.000Z';

async function demoActor(db: Db, username: string, authorityIds: readonly number[]): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'displayName', 'authorityId']).where('username', '=', username).executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username,
    displayName: u.displayName,
    roleCode: 'demo',
    roleName: '演示',
    permissions: new Set<Permission>(['unit:read']),
    authorityId: u.authorityId,
    authorityName: '',
    visibleAuthorityIds: authorityIds,
    ip: 'demo',
  };
}

async function teamsOfKinds(db: Db, authorityIds: readonly number[], kinds: string[], limit: number) {
  return db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select('teams.id')
    .where('units.authorityId', 'in', authorityIds)
    .where('teams.kind', 'in', kinds)
    .orderBy('teams.id')
    .limit(limit)
    .execute();
}

async function record(
  ctx: Ctx,
  r: {
    kind: string;
    title: string;
    asOf: string;
    scopeLabel: string;
    participants: string[];
    judgement: string;
    suggestions: string;
    status: string;
  },
  teamIds: number[],
  shortfalls: (teams: Awaited<ReturnType<typeof analyzeStoredTeam>>[]) => object[],
  followUps: { date: string; note: string; status: string }[] = [],
) {
  const analyses = [];
  for (const id of teamIds) analyses.push(await analyzeStoredTeam(ctx, id, r.asOf));
  const id = await repo.insertRecord(ctx.db, {
    ...r,
    scopeLabel: `${r.scopeLabel}（${teamIds.length}个班子）`,
    authorityId: ctx.actor.authorityId,
    participants: JSON.stringify(r.participants),
    shortfalls: JSON.stringify(shortfalls(analyses)),
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.displayName,
    createdAt: CREATED,
    updatedAt: CREATED,
  });
  await repo.insertItems(
    ctx.db,
    analyses.map((a, seq) => ({
      recordId: id,
      seq,
      teamId: a.teamId,
      postId: null,
      teamName: a.teamName,
      unitName: a.unitName,
      postTitle: null,
      findingCount: a.findings.length,
      snapshot: JSON.stringify({ team: a.team, members: a.members, findings: a.findings }),
    })),
  );
  for (const f of followUps) await repo.insertFollowUp(ctx.db, { recordId: id, ...f, createdByName: ctx.actor.displayName, createdAt: CREATED });
  return id;
}

/**
 * 好苗子 found by a record: a mark of the cadre made by hand is linked to the record, else a mark is made
 * with the record as its source (what markPromisingIn does for a user, without the audit of a demo).
 */
async function promisingFrom(
  db: Db,
  cadreId: number,
  source: 'survey' | 'analysis',
  markedOn: string,
  link: { sourceSurveyId: number | null; sourceAnalysisId: number | null },
) {
  const current = await youngRepo.currentPromising(db, cadreId);
  if (current) {
    if (current.sourceSurveyId === null && current.sourceAnalysisId === null) await youngRepo.linkPromising(db, current.id, link);
    return;
  }
  await youngRepo.insertPromising(db, { cadreId, source, markedOn, note: '', ...link, withdrawnOn: null, createdBy: 'demo', createdAt: CREATED });
}

/** The first finding of a kind among the analyses, as a shortfall of the team it concerns. */
const shortfallFrom = (analyses: Awaited<ReturnType<typeof analyzeStoredTeam>>[], rule: string, area: string) => {
  const a = analyses.find((x) => x.findings.some((f) => f.rule === rule));
  const f = a?.findings.find((x) => x.rule === rule);
  return a && f ? [{ kind: '短板', area, description: f.detail, teamId: a.teamId }] : [];
};

export async function addDemoAnalysisRecords(db: Db, authorityIds: Record<DemoAuthorityKey, number>): Promise<void> {
  // One transaction: a commit per row would cost a disk sync each.
  await db.transaction().execute((trx) => addAll(trx, authorityIds));
}

async function addAll(db: Db, authorityIds: Record<DemoAuthorityKey, number>): Promise<void> {
  const all = Object.values(authorityIds);
  const city: Ctx = { db, actor: await demoActor(db, 'ganbuke', all), now: new Date(CREATED) };
  const donghu: Ctx = { db, actor: await demoActor(db, 'donghu', [authorityIds.donghu]), now: new Date(CREATED) };

  const partyGov = await teamsOfKinds(db, all, ['党委班子', '政府班子'], 40);
  if (partyGov.length === 0) return;
  const regular = await record(
    city,
    {
      kind: 'regular',
      title: '2026年度党政领导班子定期研判',
      asOf: '2026-01-15',
      scopeLabel: '市、县党委和政府领导班子',
      participants: ['部务会成员', '干部一科', '干部二科'],
      judgement: '全市党政领导班子总体结构合理、运行良好。部分班子女干部、年轻干部配备不足，个别正职空缺时间较长。',
      suggestions: '结合年内集中调整，优先配齐空缺正职；统筹选配女干部和年轻干部。',
      status: 'following',
    },
    partyGov.map((t) => t.id),
    (as) => [
      ...shortfallFrom(as, 'no-woman', '性别结构'),
      ...shortfallFrom(as, 'no-young-member', '年龄结构'),
      ...shortfallFrom(as, 'chief-vacant', '职数配备'),
      { kind: '弱项', area: '专业结构', description: '熟悉经济、法治工作的干部偏少', teamId: null },
    ],
    [{ date: '2026-03-01', note: '已将研判结论报部务会，列入集中调整方案。', status: 'following' }],
  );

  const donghuTeams = await teamsOfKinds(db, [authorityIds.donghu], ['党委班子', '政府班子', '人大常委会班子', '政协班子', '纪委班子'], 10);
  if (donghuTeams.length)
    await record(
      donghu,
      {
        kind: 'key',
        title: '东湖区换届重点研判',
        asOf: '2026-03-10',
        scopeLabel: '东湖区四套班子和纪委',
        participants: ['区委组织部部务会'],
        judgement: '换届前班子结构研判：任职时间较长、年龄偏大的成员需统筹考虑交流。',
        suggestions: '换届时注意班子年龄梯次配备。',
        status: 'pending',
      },
      donghuTeams.map((t) => t.id),
      (as) => shortfallFrom(as, 'term-limit', '任职年限'),
    );

  // 专项: the first team that has a vacant chief on the date
  const candidates = await teamsOfKinds(db, all, ['部门班子', '党委班子', '政府班子', '法院班子', '检察院班子'], 60);
  for (const t of candidates) {
    const a = await analyzeStoredTeam(city, t.id, '2026-04-20');
    if (!a.findings.some((f) => f.rule === 'chief-vacant')) continue;
    await record(
      city,
      {
        kind: 'special',
        title: `${a.unitName}班子专项研判`,
        asOf: '2026-04-20',
        scopeLabel: `${a.unitName}`,
        participants: ['干部一科'],
        judgement: '正职长期空缺，班子运转受影响，需尽快选配。',
        suggestions: '从正职人选后备库中比选，尽快提出人选建议。',
        status: 'done',
      },
      [t.id],
      (as) => shortfallFrom(as, 'chief-vacant', '职数配备'),
      [
        { date: '2026-05-06', note: '已提出两名人选建议。', status: 'following' },
        { date: '2026-06-18', note: '人选已按程序任命，研判事项完成。', status: 'done' },
      ],
    );
    break;
  }

  // 大调研: young cadres with recommendations, and a few teams
  const young = await db
    .selectFrom('cadres')
    .select(['id', 'authorityId'])
    .where('status', '=', 'active')
    .where('birthDate', '>', '1988-01-01')
    .where('levelCode', 'is not', null)
    .orderBy('id')
    .limit(16)
    .execute();
  const recs = [
    [{ kind: 'seedling', detail: '' }],
    [{ kind: 'pool', detail: '经济' }],
    [{ kind: 'list', detail: '近期提拔' }],
    [
      { kind: 'pool', detail: '社会治理' },
      { kind: 'list', detail: '中期培养' },
    ],
    [{ kind: 'list', detail: '长期关注' }],
    [
      { kind: 'seedling', detail: '' },
      { kind: 'pool', detail: '法治' },
    ],
    [{ kind: 'pool', detail: '城建' }],
    [{ kind: 'pool', detail: '党建' }],
  ];
  const grades = ['好', '较好', '好', '一般'];
  for (const [i, c] of young.entries()) {
    const by = c.authorityId === authorityIds.donghu ? donghu.actor : city.actor;
    const id = await repo.insertSurvey(db, {
      subject: 'cadre',
      teamId: null,
      cadreId: c.id,
      authorityId: c.authorityId,
      date: `2026-02-${String(10 + (i % 15)).padStart(2, '0')}`,
      surveyors: c.authorityId === authorityIds.city ? '市委组织部大调研组' : '县(市、区)委组织部调研组',
      assessment: [
        '政治素质好，工作思路清晰，群众认可度高。',
        '熟悉经济工作，抓项目有办法，担当意识强。',
        '基层经历丰富，处理复杂问题能力较强。',
        '年轻有潜力，需在重要岗位进一步历练。',
      ][i % 4],
      ratings: JSON.stringify({ postFit: grades[i % 4], experienceFit: grades[(i + 1) % 4], abilityFit: grades[(i + 2) % 4], temperamentFit: '好' }),
      createdBy: by.userId,
      createdByName: by.displayName,
      createdAt: CREATED,
    });
    const made = recs[i % recs.length];
    await repo.insertRecommendations(
      db,
      made.map((r) => ({ surveyId: id, ...r })),
    );
    if (made.some((r) => r.kind === 'seedling'))
      await promisingFrom(db, c.id, 'survey', `2026-02-${String(10 + (i % 15)).padStart(2, '0')}`, { sourceSurveyId: id, sourceAnalysisId: null });
  }

  // 好苗子 found in the yearly 研判: young members of the city's Party and government teams on its date
  const found = await db
    .selectFrom('appointments')
    .innerJoin('posts', 'posts.id', 'appointments.postId')
    .innerJoin('cadres', 'cadres.id', 'appointments.cadreId')
    .select('cadres.id')
    .where(
      'posts.teamId',
      'in',
      partyGov.map((t) => t.id),
    )
    .where('cadres.authorityId', '=', authorityIds.city)
    .where('cadres.birthDate', '>', '1980-01-01')
    .where('appointments.startDate', '<=', '2026-01-15')
    .where((eb) => eb.or([eb('appointments.endDate', 'is', null), eb('appointments.endDate', '>=', '2026-01-15')]))
    .orderBy('cadres.birthDate', 'desc')
    .orderBy('cadres.id')
    .limit(3)
    .execute();
  for (const c of found) await promisingFrom(db, c.id, 'analysis', '2026-01-15', { sourceSurveyId: null, sourceAnalysisId: regular });
  for (const [i, t] of partyGov.slice(0, 4).entries()) {
    const team = await repo.findTeam(db, t.id);
    if (!team) continue;
    const id = await repo.insertSurvey(db, {
      subject: 'team',
      teamId: t.id,
      cadreId: null,
      authorityId: team.authorityId,
      date: `2026-02-0${i + 2}`,
      surveyors: '市委组织部大调研组',
      assessment: [
        '班子团结，整体功能较强。',
        '班子运行正常，结构有待优化。',
        '班子干事氛围好，专业化能力需加强。',
        '正职统筹能力强，副职分工合理。',
      ][i],
      ratings: JSON.stringify({ function: grades[i], structure: grades[(i + 3) % 4], unity: '好', results: grades[(i + 1) % 4] }),
      createdBy: city.actor.userId,
      createdByName: city.actor.displayName,
      createdAt: CREATED,
    });
    await repo.insertRecommendations(db, i % 2 ? [{ surveyId: id, kind: 'strengthen', detail: '选配熟悉经济工作的副职' }] : []);
  }
}
