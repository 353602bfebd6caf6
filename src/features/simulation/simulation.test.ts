import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';
import { applyMoves, compareFindings, findingKey } from './simulation.rules.js';
import type { MemberFacts } from '../../domain/team-rules.js';

type Headers = { authorization: string };
interface FindingOut {
  rule: string;
  detail: string;
  members?: (number | string)[];
}
interface SideOut {
  structure: { size: { members: number; vacant: number }; gender: { male: number; female: number }; members: { cadreId: number; name: string }[] };
  findings: FindingOut[];
}
interface EvaluationOut {
  current: SideOut;
  planned: SideOut;
  resolved: FindingOut[];
  added: FindingOut[];
  warnings: string[];
}
interface ErrorOut {
  error: { code: string; message: string; issues: { field: string; label: string; message: string }[] };
}

const rulesOf = (findings: FindingOut[]) => findings.map((f) => f.rule).sort();

describe('findingKey and compareFindings', () => {
  const f = (rule: string, detail: string, members?: number[]) =>
    ({ rule, source: '', detail, ...(members && { members }) }) as Parameters<typeof findingKey>[0];
  it.each([
    // [before, after, same finding]
    [f('no-woman', '未配备女干部（在任 3 人均为男性）'), f('no-woman', '未配备女干部（在任 4 人均为男性）'), true],
    [f('term-limit', '甲', [1]), f('term-limit', '乙', [2]), false],
    [f('avoidance-kin', 'x', [2, 1]), f('avoidance-kin', 'y', [1, 2]), true],
    [f('over-quota', '职务层次 1A32 核定 2 名，在任 3 名'), f('over-quota', '职务层次 1A32 核定 2 名，在任 4 名'), true],
    [f('over-quota', '职务层次 1A32 核定 2 名'), f('over-quota', '职务层次 1A31 核定 1 名'), false],
    [f('over-quota', '核定职数 4 名，在任 5 名'), f('over-quota', '核定职数 4 名，在任 6 名'), true],
    [f('specialty-gap', '没有具备经济、城建专长'), f('specialty-gap', '没有具备城建专长'), false],
  ])('%o and %o are the same: %s', (a, b, same) => {
    expect(findingKey(a) === findingKey(b)).toBe(same);
    const { resolved, added } = compareFindings([a], [b]);
    expect(resolved.length).toBe(same ? 0 : 1);
    expect(added.length).toBe(same ? 0 : 1);
  });
});

describe('applyMoves', () => {
  const fact = (cadreId: number, o: Partial<MemberFacts> = {}): MemberFacts => ({
    cadreId,
    name: `干部${cadreId}`,
    gender: '1',
    birthDate: '1975-01-01',
    politicalStatus: '01',
    ethnicCode: '01',
    levelCode: '1A32',
    levelSince: '2015-01-01',
    isChief: false,
    postStartDate: '2020-01-01',
    ...o,
  });
  const posts = [
    { id: 1, title: '书记', levelCode: '1A31', isChief: 1 },
    { id: 2, title: '副书记', levelCode: '1A32', isChief: 0 },
  ];
  const current = [fact(10, { levelCode: '1A31', isChief: true }), fact(11)];

  it.each([
    // [what, moves, candidates, expected members (id, levelCode, isChief, levelSince, postStartDate)]
    [
      'a deputy at the same level keeps the level date',
      [{ kind: 'in' as const, cadreId: 20, postId: 2 }],
      [fact(20)],
      [[20, '1A32', false, '2015-01-01', '2026-06-01']],
    ],
    [
      'a promotion starts the level on asOf',
      [{ kind: 'in' as const, cadreId: 21, postId: 1 }],
      [fact(21)],
      [[21, '1A31', true, '2026-06-01', '2026-06-01']],
    ],
    ['a post since removed is skipped', [{ kind: 'in' as const, cadreId: 22, postId: 99 }], [fact(22)], []],
    ['a cadre no longer visible is skipped', [{ kind: 'in' as const, cadreId: 23, postId: 2 }], [], []],
  ])('%s', (_what, moves, candidates, added) => {
    const after = applyMoves(current, moves, posts, new Map(candidates.map((c) => [c.cadreId!, c])), '2026-06-01');
    expect(after.slice(0, 2)).toEqual(current);
    expect(after.slice(2).map((m) => [m.cadreId, m.levelCode, m.isChief, m.levelSince, m.postStartDate])).toEqual(added);
  });

  it('moves a member to another post of the team when moved out and in', () => {
    const after = applyMoves(
      current,
      [
        { kind: 'out', cadreId: 11 },
        { kind: 'in', cadreId: 11, postId: 1 },
      ],
      posts,
      new Map(),
      '2026-06-01',
    );
    expect(after.map((m) => [m.cadreId, m.isChief, m.postStartDate])).toEqual([
      [10, true, '2020-01-01'],
      [11, true, '2026-06-01'],
    ]);
  });
});

describe.each(dialects)('simulated adjustment on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let leader: Headers;
  let auditor: Headers;
  let partyTeam: number;
  let cityTeam: number;
  let otherTeamPost: number;
  const post = {} as Record<'secretary' | 'deputy' | 'member', number>;
  const cadre = {} as Record<'secretary' | 'deputy' | 'member' | 'woman' | 'cityCadre', number>;

  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    h.app.inject({ method, url, headers, ...(payload && { payload }) });
  const count = async (table: 'adjustmentPlans' | 'adjustmentPlanMoves' | 'appointments') =>
    Number(
      (
        await h.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu, leader, auditor] = await Promise.all([h.as('ganbuke'), h.as('donghu'), h.as('leader'), h.as('auditor')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    const city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    const area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: city });
    const partyUnit = await insertUnit(db, { name: '中共东湖区委', authorityId: donghuAuth, kind: '党委', tier: 'county', parentId: area });
    const govUnit = await insertUnit(db, { name: '东湖区人民政府', authorityId: donghuAuth, kind: '政府', tier: 'county', parentId: area });
    const fgw = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, kind: '部门', tier: 'city', parentId: city });
    const team = async (unitId: number, name: string, kind: string) =>
      (await db.insertInto('teams').values({ unitId, name, kind }).returning('id').executeTakeFirstOrThrow()).id;
    const addPost = async (teamId: number, title: string, levelCode: string, isChief: number, quota: number) =>
      (await db.insertInto('posts').values({ teamId, title, levelCode, isChief, quota }).returning('id').executeTakeFirstOrThrow()).id;
    const appoint = (cadreId: number, postId: number, startDate: string) =>
      db.insertInto('appointments').values({ cadreId, postId, startDate, startDocNo: '', endDate: null, endDocNo: null, endReason: null, createdAt: '2026-01-01T00:00:00Z' }).execute(); // prettier-ignore

    partyTeam = await team(partyUnit, '中共东湖区委常委会', '党委班子');
    cityTeam = await team(fgw, '市发改委领导班子', '部门班子');
    const govTeam = await team(govUnit, '东湖区人民政府领导班子', '政府班子');
    post.secretary = await addPost(partyTeam, '书记', '1A31', 1, 1);
    post.deputy = await addPost(partyTeam, '副书记', '1A32', 0, 1);
    post.member = await addPost(partyTeam, '常委', '1A32', 0, 2);
    otherTeamPost = await addPost(govTeam, '副区长', '1A32', 0, 3);
    await addPost(cityTeam, '主任', '1A21', 1, 1);

    cadre.secretary = await insertCadreRow(db, { authorityId: donghuAuth, name: '周书记', birthDate: '1970-03-01', levelCode: '1A31' });
    cadre.deputy = await insertCadreRow(db, { authorityId: donghuAuth, name: '吴副书记', birthDate: '1972-05-05', levelCode: '1A32' });
    cadre.member = await insertCadreRow(db, { authorityId: donghuAuth, name: '郑常委', birthDate: '1975-06-01', levelCode: '1A32' });
    cadre.woman = await insertCadreRow(db, { authorityId: donghuAuth, name: '林女士', gender: '2', birthDate: '1988-09-09', levelCode: '1A42' });
    cadre.cityCadre = await insertCadreRow(db, { authorityId: cityAuth, name: '市直干部', gender: '2', birthDate: '1985-01-01' });
    await appoint(cadre.secretary, post.secretary, '2021-01-10');
    await appoint(cadre.deputy, post.deputy, '2021-01-10');
    await appoint(cadre.member, post.member, '2021-01-10');
  });
  afterAll(async () => h?.close());

  const womanIn = () => ({ kind: 'in', cadreId: cadre.woman, postId: post.member });

  it('summarizes a stored team with its findings', async () => {
    const res = await req('GET', `/api/teams/${partyTeam}/structure?asOf=2026-06-01`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { structure: SideOut['structure'] & { chief: { filled: number }; age: { average: number } }; findings: FindingOut[] };
    expect(body.structure.size).toEqual({ members: 3, quota: 4, vacant: 1, overQuota: 0 });
    expect(body.structure.chief.filled).toBe(1);
    expect(body.structure.gender).toEqual({ male: 3, female: 0 });
    expect(body.structure.age.average).toBe(53.7); // 56, 54 and 51 (a birthday on the day)
    expect(rulesOf(body.findings)).toContain('no-woman');
    expect((await req('GET', `/api/teams/${cityTeam}/structure`, donghu)).statusCode).toBe(404);
    expect((await req('GET', `/api/teams/${partyTeam}/structure`, auditor)).statusCode).toBe(403);
    const bad = await req('GET', `/api/teams/${partyTeam}/structure?asOf=2026-02-30`, leader);
    expect((bad.json() as ErrorOut).error.issues[0]?.label).toBe('研判日期');
  });

  it('evaluates unsaved moves without writing anything', async () => {
    const before = [await count('adjustmentPlans'), await count('appointments')];
    const res = await req('POST', '/api/adjustment-plans/evaluate', donghu, { teamId: partyTeam, asOf: '2026-06-01', moves: [womanIn()] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as EvaluationOut;
    expect(body.current.structure.gender).toEqual({ male: 3, female: 0 });
    expect(body.planned.structure.gender).toEqual({ male: 3, female: 1 });
    expect(body.planned.structure.size.vacant).toBe(0);
    expect(rulesOf(body.resolved)).toEqual(expect.arrayContaining(['no-woman', 'no-young-member']));
    expect(rulesOf(body.planned.findings)).not.toContain('no-woman');
    expect(body.added).toEqual([]);
    expect([await count('adjustmentPlans'), await count('appointments')]).toEqual(before);
  });

  it('reads 基层 and 市直 experience from the 简历 on the date, in the summary and the plan', async () => {
    const line = (cadreId: number, seq: number, startMonth: string, text: string, kind = 'segment') => ({
      cadreId,
      seq,
      startMonth,
      endMonth: null,
      text,
      kind,
    });
    await h.t.db
      .insertInto('cadreResume')
      .values([
        line(cadre.secretary, 1, '1992-07', '东湖区湖滨镇党政办公室科员'),
        line(cadre.secretary, 2, '2021-01', '中共东湖区委书记'),
        line(cadre.deputy, 1, '1994-07', '东湖区财政局科员'),
        line(cadre.deputy, 2, '2021-03', '青川市发展和改革委员会副主任（兼）'),
        line(cadre.woman, 1, '2010-07', '东湖区城乡建设局科员'),
        line(cadre.woman, 2, '2012-03', '（其间：2012.03--2014.03任东湖区湖滨镇柳塘村党组织第一书记）', 'note'),
      ])
      .execute();
    type Exp = { read: number; counts: { key: string; count: number }[] };
    const summary = async (asOf: string) => {
      const res = await req('GET', `/api/teams/${partyTeam}/structure?asOf=${asOf}`, leader);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().structure as { experience: Exp; members: { cadreId: number; experience: { kind: string; evidence: string }[] | null }[] };
    };
    const counts = (e: Exp) => Object.fromEntries(e.counts.map((c) => [c.key, c.count]));
    const now = await summary('2026-06-01');
    expect(now.experience.read).toBe(2); // 郑常委 has no 简历: unknown, not counted
    expect(counts(now.experience)).toEqual({ grassroots: 1, city: 1 });
    expect(now.members.find((m) => m.cadreId === cadre.deputy)!.experience).toEqual([
      { kind: 'city', evidence: '青川市发展和改革委员会副主任（兼）', since: '2021-03' },
    ]);
    expect(now.members.find((m) => m.cadreId === cadre.member)!.experience).toBeNull();
    // before the deputy went to the city department, that line is not yet in the 简历
    expect(counts((await summary('2021-02-28')).experience)).toEqual({ grassroots: 1, city: 0 });

    const ev = (await req('POST', '/api/adjustment-plans/evaluate', donghu, { teamId: partyTeam, asOf: '2026-06-01', moves: [womanIn()] })).json();
    expect(ev.current.structure.experience).toEqual(now.experience);
    expect(ev.planned.structure.experience.read).toBe(3);
    expect(counts(ev.planned.structure.experience)).toEqual({ grassroots: 2, city: 1 });
  });

  it('keeps plans, compares them with today and audits every change', async () => {
    const created = await req('POST', '/api/adjustment-plans', ganbuke, {
      teamId: partyTeam,
      name: '方案一：调入女干部',
      asOf: '2026-06-01',
      moves: [womanIn(), { kind: 'out', cadreId: cadre.member }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: number };

    const second = await req('POST', '/api/adjustment-plans', donghu, {
      teamId: partyTeam,
      name: '方案二：只调出',
      asOf: '2026-06-01',
      moves: [{ kind: 'out', cadreId: cadre.deputy }],
    });
    expect(second.statusCode, second.body).toBe(201);

    const list = (await req('GET', `/api/adjustment-plans?teamId=${partyTeam}`, leader)).json() as {
      items: { id: number; name: string; authorName: string; movesIn: number; movesOut: number }[];
    };
    expect(list.items.map((p) => p.name).sort()).toEqual(['方案一：调入女干部', '方案二：只调出']);
    expect(list.items.find((p) => p.id === id)).toMatchObject({ movesIn: 1, movesOut: 1 });

    const plan = (await req('GET', `/api/adjustment-plans/${id}`, donghu)).json() as {
      version: number;
      moves: { kind: string; cadreName: string; postTitle: string | null }[];
    };
    expect(plan.moves).toEqual([
      { kind: 'in', cadreId: cadre.woman, postId: post.member, cadreName: '林女士', postTitle: '常委' },
      { kind: 'out', cadreId: cadre.member, postId: null, cadreName: '郑常委', postTitle: null },
    ]);

    const ev = (await req('GET', `/api/adjustment-plans/${id}/evaluation`, leader)).json() as EvaluationOut;
    expect(rulesOf(ev.resolved)).toContain('no-woman');
    expect(ev.planned.structure.members.map((m) => m.name).sort()).toEqual(['吴副书记', '周书记', '林女士'].sort());
    expect(ev.current.structure.members.map((m) => m.name)).toContain('郑常委');
    const ev2 = (await req('GET', `/api/adjustment-plans/${(second.json() as { id: number }).id}/evaluation`, leader)).json() as EvaluationOut;
    expect(rulesOf(ev2.planned.findings)).toContain('no-woman');
    expect(ev2.planned.structure.size.members).toBe(2);

    // Change: keep the woman, drop the move out; a stale version is refused.
    const put = await req('PUT', `/api/adjustment-plans/${id}`, ganbuke, {
      name: '方案一（修改）',
      asOf: '2026-06-01',
      moves: [womanIn()],
      version: plan.version,
    });
    expect(put.statusCode, put.body).toBe(204);
    const stale = await req('PUT', `/api/adjustment-plans/${id}`, ganbuke, { name: 'x', asOf: '2026-06-01', moves: [], version: plan.version });
    expect(stale.statusCode).toBe(409);
    expect(await count('appointments')).toBe(3);

    const audit = await h.t.db
      .selectFrom('auditLog')
      .select(['event', 'targetId', 'detail'])
      .where('targetType', '=', 'adjustment_plan')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.event)).toEqual(['adjustment_plan.create', 'adjustment_plan.create', 'adjustment_plan.update']);
    const changes = (JSON.parse(audit[2]!.detail) as { changes: { field: string }[] }).changes.map((c) => c.field);
    expect(changes).toEqual(['name', 'moves']);

    const del = await req('DELETE', `/api/adjustment-plans/${id}?version=${plan.version + 1}`, ganbuke);
    expect(del.statusCode, del.body).toBe(204);
    expect((await req('GET', `/api/adjustment-plans/${id}`, ganbuke)).statusCode).toBe(404);
    expect(await h.t.db.selectFrom('adjustmentPlanMoves').select('planId').where('planId', '=', id).execute()).toEqual([]);
    const last = await h.t.db
      .selectFrom('auditLog')
      .select('event')
      .where('targetType', '=', 'adjustment_plan')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.event).toBe('adjustment_plan.delete');
  });

  it.each([
    ['a cadre moved in twice', () => [womanIn(), womanIn()], 'moves.1.cadreId', '调整 第2行 干部', '重复调入'],
    ['moving out a non-member', () => [{ kind: 'out', cadreId: cadre.woman }], 'moves.0.cadreId', '调整 第1行 干部', '不是该班子在任成员'],
    [
      'a post not of the team',
      () => [{ kind: 'in', cadreId: cadre.woman, postId: otherTeamPost }],
      'moves.0.postId',
      '调整 第1行 职位',
      '不属于此班子',
    ],
    ['moving in without a post', () => [{ kind: 'in', cadreId: cadre.woman }], 'moves.0.postId', '调整 第1行 职位', '须选择职位'],
    [
      'moving in a member still in the team',
      () => [{ kind: 'in', cadreId: cadre.member, postId: post.deputy }],
      'moves.0.cadreId',
      '调整 第1行 干部',
      '已是该班子成员',
    ],
    [
      'a cadre outside the scope',
      () => [{ kind: 'in', cadreId: cadre.cityCadre, postId: post.member }],
      'moves.0.cadreId',
      '调整 第1行 干部',
      '干部管理权限',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_what, moves, field, label, message) => {
    const before = [await count('adjustmentPlans'), await count('adjustmentPlanMoves'), await count('appointments')];
    const res = await req('POST', '/api/adjustment-plans', donghu, { teamId: partyTeam, name: '错误方案', asOf: '2026-06-01', moves: moves() });
    expect(res.statusCode, res.body).toBe(400);
    const err = (res.json() as ErrorOut).error;
    expect(err.issues[0]).toMatchObject({ field, label });
    expect(err.message).toContain(label);
    expect(err.message).toContain(message);
    expect([await count('adjustmentPlans'), await count('adjustmentPlanMoves'), await count('appointments')]).toEqual(before);
  });

  it('names bad plan fields in Chinese', async () => {
    const res = await req('POST', '/api/adjustment-plans', donghu, {
      teamId: partyTeam,
      name: '',
      asOf: '2026-13-01',
      moves: [{ kind: 'up', cadreId: 1 }],
    });
    expect(res.statusCode).toBe(400);
    const labels = (res.json() as ErrorOut).error.issues.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['方案名称', '调配日期', '调整 第1行 调整方式']));
  });

  it('keeps plans within the scope: others answer 404, the auditor 403', async () => {
    const res = await req('POST', '/api/adjustment-plans', ganbuke, { teamId: cityTeam, name: '市直方案', asOf: '2026-06-01', moves: [] });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    expect((await req('GET', `/api/adjustment-plans/${id}`, donghu)).statusCode).toBe(404);
    expect((await req('GET', `/api/adjustment-plans/${id}/evaluation`, donghu)).statusCode).toBe(404);
    expect((await req('PUT', `/api/adjustment-plans/${id}`, donghu, { name: 'x', asOf: '2026-06-01', moves: [], version: 1 })).statusCode).toBe(404);
    expect((await req('DELETE', `/api/adjustment-plans/${id}?version=1`, donghu)).statusCode).toBe(404);
    const listed = (await req('GET', '/api/adjustment-plans', donghu)).json() as { items: { id: number }[] };
    expect(listed.items.map((p) => p.id)).not.toContain(id);
    expect((await req('POST', '/api/adjustment-plans', donghu, { teamId: cityTeam, name: 'x', asOf: '2026-06-01', moves: [] })).statusCode).toBe(404);
    expect((await req('GET', '/api/adjustment-plans', auditor)).statusCode).toBe(403);
    expect((await req('GET', `/api/adjustment-plans/${id}`, ganbuke)).statusCode).toBe(200);
  });

  it('evaluates a stored plan on another date and flags moves that no longer fit', async () => {
    const res = await req('POST', '/api/adjustment-plans', donghu, {
      teamId: partyTeam,
      name: '方案三',
      asOf: '2026-06-01',
      moves: [{ kind: 'out', cadreId: cadre.member }],
    });
    const { id } = res.json() as { id: number };
    // Before the 2021 appointments nobody held a post: the move out no longer applies.
    const ev = (await req('GET', `/api/adjustment-plans/${id}/evaluation?asOf=2020-01-01`, donghu)).json() as EvaluationOut;
    expect(ev.warnings).toEqual(['第1项调整：该干部在 2020-01-01 已不是班子成员']);
    expect(ev.current.structure.size.members).toBe(0);
  });
});

describe.each(dialects)('simulated adjustment in the demo city on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.03 });
  });
  afterAll(async () => h?.close());

  it('has example plans that evaluate against today', async () => {
    const leader = await h.as('leader');
    const list = (await h.app.inject({ url: '/api/adjustment-plans', headers: leader })).json() as {
      items: { id: number; name: string; movesIn: number }[];
    };
    expect(list.items.map((p) => p.name).sort()).toEqual(['示例：仅调出', '示例：年轻女干部接替副职']);
    for (const p of list.items) {
      const res = await h.app.inject({ url: `/api/adjustment-plans/${p.id}/evaluation`, headers: leader });
      expect(res.statusCode, res.body).toBe(200);
      const ev = res.json() as EvaluationOut;
      expect(ev.warnings).toEqual([]);
      expect(ev.planned.structure.size.members).toBe(ev.current.structure.size.members - 1 + p.movesIn);
    }
  });

  it('reads 基层 and 市直 experience from the demo 简历 of team members', async () => {
    const leader = await h.as('leader');
    const teams = await h.t.db.selectFrom('teams').select('id').orderBy('id').limit(40).execute();
    const seen = { grassroots: 0, city: 0, read: 0 };
    for (const t of teams) {
      const s = (await h.app.inject({ url: `/api/teams/${t.id}/structure`, headers: leader })).json().structure as {
        experience: { read: number; counts: { key: 'grassroots' | 'city'; count: number }[] };
      };
      seen.read += s.experience.read;
      for (const c of s.experience.counts) seen[c.key] += c.count;
    }
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.grassroots).toBeGreaterThan(0);
    expect(seen.city).toBeGreaterThan(0);
  });
});
