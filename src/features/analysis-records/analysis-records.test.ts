import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { dialects, freshDb } from '../../../test/support/db.js';
import * as m0006 from '../../db/migrations/0006_analysis_records.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';
import { analysisDateProblems, followUpProblems, shortfallProblems, surveyProblems, type Shortfall } from './analysis-records.rules.js';

type Headers = { authorization: string };
interface Finding {
  rule: string;
  detail: string;
}
interface Item {
  teamId: number;
  teamName: string;
  postTitle: string | null;
  findings: Finding[];
  members: { name: string }[];
}

describe('follow-up rules', () => {
  const rec = { status: 'pending', asOf: '2024-02-29' };
  it.each([
    [rec, { date: '2024-02-29', status: 'following' }, []],
    [rec, { date: '2024-02-28', status: 'following' }, ['date']],
    [rec, { date: '2026-06-01', status: 'done' }, []],
    [rec, { date: '2026-06-02', status: 'done' }, ['date']],
    [rec, { date: '2025-03-01', status: 'pending' }, ['status']],
    [{ status: 'following', asOf: '2024-02-29' }, { date: '2025-01-01', status: 'done' }, []],
    [{ status: 'done', asOf: '2024-02-29' }, { date: '2025-01-01', status: 'following' }, ['status']],
  ])('record %j, follow-up %j → problems on %j', (r, f, fields) => {
    expect(followUpProblems(r, f, '2026-06-01').map((p) => p.field)).toEqual(fields);
  });

  it('says in Chinese why a closed analysis takes no follow-up', () => {
    expect(followUpProblems({ status: 'done', asOf: '2025-01-01' }, { date: '2025-02-01', status: 'done' }, '2026-06-01')[0].message).toBe(
      '该研判已完成跟进，不能再添加跟进记录',
    );
  });

  it.each([
    ['2026-06-01', 0],
    ['2026-06-02', 1],
    ['2024-02-29', 0],
  ])('an analysis dated %s on 2026-06-01 has %i problems', (asOf, n) => {
    expect(analysisDateProblems(asOf, '2026-06-01')).toHaveLength(n);
  });

  it('a shortfall may name only a team of the analysis', () => {
    const s: Shortfall[] = [
      { kind: '短板', area: '性别结构', description: '无女干部', teamId: 5 },
      { kind: '弱项', area: '能力素质', description: '懂经济的少', teamId: null },
      { kind: '弱项', area: '其他', description: '别处', teamId: 9 },
    ];
    expect(shortfallProblems(s, new Set([5])).map((p) => p.field)).toEqual(['shortfalls.2.teamId']);
  });
});

describe('survey rules', () => {
  const ok = { subject: 'cadre' as const, date: '2026-06-01', ratings: { postFit: '好' }, recommendations: [] };
  it.each([
    [ok, []],
    [{ ...ok, date: '2026-06-02' }, ['date']],
    [{ ...ok, ratings: { function: '好' } }, ['ratings.function']],
    [{ ...ok, ratings: { postFit: '优' } }, ['ratings.postFit']],
    [{ ...ok, recommendations: [{ kind: 'list' as const, detail: '中期培养' }] }, []],
    [{ ...ok, recommendations: [{ kind: 'list' as const, detail: '以后再说' }] }, ['recommendations.0.detail']],
    [{ ...ok, recommendations: [{ kind: 'pool' as const, detail: ' ' }] }, ['recommendations.0.detail']],
    [{ ...ok, recommendations: [{ kind: 'strengthen' as const, detail: '' }] }, ['recommendations.0.kind']],
    [
      { ...ok, subject: 'team' as const, ratings: { unity: '一般' }, recommendations: [{ kind: 'seedling' as const, detail: '' }] },
      ['recommendations.0.kind'],
    ],
  ])('%j → problems on %j', (s, fields) => {
    expect(surveyProblems(s, '2026-06-01').map((p) => p.field)).toEqual(fields);
  });
});

describe.each(dialects)('研判 records and surveys on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let leader: Headers;
  let partyTeam: number;
  let cityTeam: number;
  let emptyUnit: number;
  let chiefPost: number;
  let cityChiefPost: number;
  let member: number;
  let cityCadre: number;

  const post = (url: string, headers: Headers, payload: object) => h.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Headers) => h.app.inject({ url, headers });
  const count = async (
    table: 'analysisRecords' | 'analysisRecordItems' | 'analysisFollowUps' | 'surveyRecords' | 'surveyRecommendations' | 'auditLog',
  ) =>
    Number(
      (
        await h.t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu, leader] = await Promise.all([h.as('ganbuke'), h.as('donghu'), h.as('leader')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    const city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    const area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: city });
    const partyUnit = await insertUnit(db, { name: '中共东湖区委', authorityId: donghuAuth, kind: '党委', tier: 'county', parentId: area });
    const fgw = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, kind: '部门', tier: 'city', parentId: city });
    emptyUnit = await insertUnit(db, { name: '东湖区空单位', authorityId: donghuAuth, kind: '事业', tier: 'county', parentId: area });

    const team = async (unitId: number, name: string, kind: string) =>
      (await db.insertInto('teams').values({ unitId, name, kind }).returning('id').executeTakeFirstOrThrow()).id;
    const addPost = async (teamId: number, title: string, levelCode: string, isChief: number, quota: number) =>
      (await db.insertInto('posts').values({ teamId, title, levelCode, isChief, quota }).returning('id').executeTakeFirstOrThrow()).id;
    partyTeam = await team(partyUnit, '中共东湖区委领导班子', '党委班子');
    cityTeam = await team(fgw, '市发改委领导班子', '部门班子');
    chiefPost = await addPost(partyTeam, '书记', '1A31', 1, 1);
    const deputyPost = await addPost(partyTeam, '副书记', '1A32', 0, 2);
    cityChiefPost = await addPost(cityTeam, '主任', '1A31', 1, 1);
    member = await insertCadreRow(db, { authorityId: donghuAuth, name: '吴副书记', birthDate: '1972-05-05' });
    cityCadre = await insertCadreRow(db, { authorityId: cityAuth, name: '钱主任', birthDate: '1975-05-05' });
    await db
      .insertInto('appointments')
      .values({ cadreId: member, postId: deputyPost, startDate: '2020-01-01', startDocNo: '', createdAt: '2026-01-01T00:00:00Z' })
      .execute();
  });
  afterAll(async () => h?.close());

  it('creates a regular analysis of every team in scope in one action, with the findings of its date', async () => {
    const before = await count('auditLog');
    const res = await post('/api/analysis-records', ganbuke, {
      kind: 'regular',
      asOf: '2026-05-01',
      scope: { all: true },
      participants: ['张部长', '李科长'],
      judgement: '班子结构总体合理，女干部配备不足。',
      shortfalls: [{ kind: '短板', area: '性别结构', description: '区委班子无女干部', teamId: partyTeam }],
      suggestions: '换届时配备女干部。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    expect(await count('auditLog')).toBe(before + 1);

    const d = (await get(`/api/analysis-records/${id}`, ganbuke)).json();
    expect(d).toMatchObject({
      kind: 'regular',
      kindName: '定期研判',
      title: '2026年定期研判',
      asOf: '2026-05-01',
      status: 'pending',
      statusName: '待跟进',
      participants: ['张部长', '李科长'],
      scopeLabel: '管理范围内全部班子（2个班子）',
      authorityName: '中共青川市委组织部',
    });
    const items = d.items as Item[];
    expect(items.map((i) => i.teamId).sort()).toEqual([partyTeam, cityTeam].sort());
    const party = items.find((i) => i.teamId === partyTeam)!;
    expect(party.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['chief-vacant', 'no-woman']));
    expect(party.members.map((m) => m.name)).toEqual(['吴副书记']);
    expect(items.find((i) => i.teamId === cityTeam)!.findings.map((f) => f.rule)).toContain('chief-vacant');

    const list = (await get('/api/analysis-records?kind=regular&year=2026', ganbuke)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id, teamCount: 2, findingCount: items.reduce((s, i) => s + i.findings.length, 0) });
  });

  it('keeps a past analysis as it was after the records change', async () => {
    const created = await post('/api/analysis-records', ganbuke, { kind: 'special', asOf: '2026-05-02', scope: { postId: chiefPost } });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: number };
    const secretary = await insertCadreRow(h.t.db, { authorityId: (await authorityId(h.t.db, '中共东湖区委组织部'))!, name: '周书记', gender: '2' });
    await h.t.db
      .insertInto('appointments')
      .values({ cadreId: secretary, postId: chiefPost, startDate: '2026-05-10', startDocNo: '', createdAt: '2026-05-10T00:00:00Z' })
      .execute();
    const live = (await get(`/api/teams/${partyTeam}/analysis?asOf=2026-05-20`, ganbuke)).json() as { findings: Finding[] };
    expect(live.findings.map((f) => f.rule)).not.toContain('chief-vacant');

    const d = (await get(`/api/analysis-records/${id}`, ganbuke)).json();
    expect(d.kindName).toBe('专项研判');
    expect(d.scopeLabel).toBe('职位：中共东湖区委 书记（1个班子）');
    const [item] = d.items as Item[];
    expect(item.postTitle).toBe('书记');
    expect(item.findings.map((f) => f.rule)).toContain('chief-vacant');
    expect(item.members.map((m) => m.name)).toEqual(['吴副书记']);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = await Promise.all([count('analysisRecords'), count('analysisRecordItems'), count('auditLog')]);
    const cases: [object, Headers, number, string][] = [
      [{ kind: 'regular', asOf: '2026-05-01', scope: { unitIds: [emptyUnit] } }, donghu, 400, '研判范围：研判范围内没有任何班子，请重新选择'],
      [{ kind: 'regular', asOf: '2026-05-01', scope: {} }, ganbuke, 400, '研判范围：请选择研判范围'],
      [{ kind: 'regular', asOf: '2026-05-01', scope: { all: true, teamIds: [cityTeam] } }, ganbuke, 400, '只选其一'],
      [{ kind: 'key', asOf: '2026-05-01', scope: { teamIds: [cityTeam] } }, donghu, 400, `未找到编号为 ${cityTeam} 的班子`],
      [{ kind: 'special', asOf: '2026-05-01', scope: { postId: cityChiefPost } }, donghu, 400, '未找到该职位'],
      [{ kind: 'regular', asOf: '2026-06-02', scope: { all: true } }, ganbuke, 400, '研判日期：研判日期不能晚于今天'],
      [{ kind: 'yearly', asOf: '2026-05-01', scope: { all: true } }, ganbuke, 400, '类别'],
      [
        {
          kind: 'key',
          asOf: '2026-05-01',
          scope: { teamIds: [cityTeam] },
          shortfalls: [{ kind: '短板', area: '回避', description: 'x', teamId: partyTeam }],
        },
        ganbuke,
        400,
        '不在本次研判范围内',
      ],
      [{ kind: 'regular', asOf: '2026-05-01', scope: { all: true } }, leader, 403, '没有权限'],
    ];
    for (const [payload, headers, status, message] of cases) {
      const res = await post('/api/analysis-records', headers, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toContain(message);
    }
    expect(await Promise.all([count('analysisRecords'), count('analysisRecordItems'), count('auditLog')])).toEqual(before);
  });

  it('scopes records by management authority', async () => {
    const own = await post('/api/analysis-records', donghu, {
      kind: 'key',
      asOf: '2026-05-01',
      scope: { teamIds: [partyTeam] },
      title: '换届重点研判',
    });
    expect(own.statusCode, own.body).toBe(201);
    const { id } = own.json() as { id: number };
    const cityList = (await get('/api/analysis-records', ganbuke)).json();
    const countyList = (await get('/api/analysis-records', donghu)).json();
    expect(cityList.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(countyList.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const cityRecord = cityList.items.find((i: { authorityName: string }) => i.authorityName === '中共青川市委组织部').id;
    expect((await get(`/api/analysis-records/${cityRecord}`, donghu)).statusCode).toBe(404);
    expect((await get(`/api/analysis-records/${id}`, leader)).statusCode).toBe(200);
    expect((await get(`/api/analysis-records?teamId=${partyTeam}`, donghu)).json().total).toBe(1);
    expect((await get('/api/analysis-records', await h.as('auditor'))).statusCode).toBe(403);
  });

  it('follows an analysis up to its close, then refuses more', async () => {
    const { id } = (await post('/api/analysis-records', donghu, { kind: 'special', asOf: '2026-04-01', scope: { teamIds: [partyTeam] } })).json() as {
      id: number;
    };
    const version = async () => ((await get(`/api/analysis-records/${id}`, donghu)).json() as { version: number }).version;

    const edit = await h.app.inject({
      method: 'PATCH',
      url: `/api/analysis-records/${id}`,
      headers: donghu,
      payload: {
        version: await version(),
        judgement: '书记空缺，需尽快配齐。',
        shortfalls: [{ kind: '短板', area: '职数配备', description: '正职空缺', teamId: partyTeam }],
      },
    });
    expect(edit.statusCode, edit.body).toBe(204);

    const early = await post(`/api/analysis-records/${id}/follow-ups`, donghu, {
      date: '2026-03-31',
      note: '已报区委',
      status: 'following',
      version: await version(),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('日期：跟进日期不能早于研判日期 2026-04-01');

    const first = await post(`/api/analysis-records/${id}/follow-ups`, donghu, {
      date: '2026-04-15',
      note: '已报区委',
      status: 'following',
      version: await version(),
    });
    expect(first.statusCode, first.body).toBe(201);
    const stale = await post(`/api/analysis-records/${id}/follow-ups`, donghu, { date: '2026-05-15', note: '迟到', status: 'done', version: 0 });
    expect(stale.statusCode).toBe(409);
    const closing = await post(`/api/analysis-records/${id}/follow-ups`, donghu, {
      date: '2026-05-15',
      note: '书记已到任',
      status: 'done',
      version: await version(),
    });
    expect(closing.statusCode, closing.body).toBe(201);

    const d = (await get(`/api/analysis-records/${id}`, donghu)).json();
    expect(d).toMatchObject({ status: 'done', statusName: '已完成', judgement: '书记空缺，需尽快配齐。' });
    expect(d.followUps.map((f: { date: string; statusName: string }) => [f.date, f.statusName])).toEqual([
      ['2026-04-15', '跟进中'],
      ['2026-05-15', '已完成'],
    ]);

    const before = await Promise.all([count('analysisFollowUps'), count('auditLog')]);
    const closed = await post(`/api/analysis-records/${id}/follow-ups`, donghu, {
      date: '2026-05-20',
      note: '再跟进',
      status: 'following',
      version: await version(),
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('该研判已完成跟进，不能再添加跟进记录');
    const patchClosed = await h.app.inject({
      method: 'PATCH',
      url: `/api/analysis-records/${id}`,
      headers: donghu,
      payload: { version: await version(), judgement: '改' },
    });
    expect(patchClosed.statusCode).toBe(409);
    expect(patchClosed.json().error.message).toBe('该研判已完成跟进，不能再修改');
    expect(await Promise.all([count('analysisFollowUps'), count('auditLog')])).toEqual(before);

    const events = await h.t.db
      .selectFrom('auditLog')
      .select('event')
      .where('targetType', '=', 'analysis')
      .where('targetId', '=', String(id))
      .execute();
    expect(events.map((e) => e.event).sort()).toEqual(['analysis.create', 'analysis.follow_up', 'analysis.follow_up', 'analysis.update']);
  });

  it('records surveys of cadres and teams with recommendations the pools can pick up', async () => {
    const cadreSurvey = await post('/api/surveys', donghu, {
      subject: 'cadre',
      cadreId: member,
      date: '2026-05-20',
      surveyors: '区委组织部调研组',
      assessment: '政治素质好，熟悉经济工作。',
      ratings: { postFit: '好', abilityFit: '较好' },
      recommendations: [
        { kind: 'pool', detail: '经济' },
        { kind: 'list', detail: '近期提拔' },
        { kind: 'seedling', detail: '' },
      ],
    });
    expect(cadreSurvey.statusCode, cadreSurvey.body).toBe(201);
    const teamSurvey = await post('/api/surveys', ganbuke, {
      subject: 'team',
      teamId: cityTeam,
      date: '2026-05-21',
      surveyors: '干部科',
      assessment: '班子团结，正职空缺。',
      ratings: { unity: '好', structure: '一般' },
      recommendations: [{ kind: 'strengthen', detail: '尽快配齐主任' }],
    });
    expect(teamSurvey.statusCode, teamSurvey.body).toBe(201);

    const mine = (await get(`/api/surveys?cadreId=${member}`, donghu)).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      subjectName: '干部',
      cadreName: '吴副书记',
      ratings: [
        { key: 'postFit', label: '岗位匹配度', grade: '好' },
        { key: 'abilityFit', label: '能力契合度', grade: '较好' },
      ],
      recommendations: [
        { kind: 'pool', label: '建议入库', detail: '经济' },
        { kind: 'list', label: '列入清单', detail: '近期提拔' },
        { kind: 'seedling', label: '好苗子', detail: '' },
      ],
    });
    expect((await get('/api/surveys?recommendation=seedling', ganbuke)).json().total).toBe(1);
    expect((await get('/api/surveys?recommendation=strengthen', donghu)).json().total).toBe(0);
    expect((await get('/api/surveys?subject=team', ganbuke)).json().items[0]).toMatchObject({
      teamName: '市发改委领导班子',
      unitName: '市发展和改革委员会',
    });
  });

  it('refuses a bad survey with a Chinese message and writes nothing', async () => {
    const before = await Promise.all([count('surveyRecords'), count('surveyRecommendations'), count('auditLog')]);
    const base = { subject: 'cadre', cadreId: member, date: '2026-05-20', surveyors: '调研组', assessment: '好', ratings: {}, recommendations: [] };
    const cases: [object, Headers, string][] = [
      [{ ...base, recommendations: [{ kind: 'list', detail: '' }] }, donghu, '建议第1条：列入清单须指明类别'],
      [{ ...base, cadreId: cityCadre }, donghu, '干部：未找到该干部'],
      [{ ...base, subject: 'team', cadreId: undefined }, donghu, '班子：班子调研须选择班子'],
      [{ ...base, ratings: { postFit: '优秀' } }, donghu, '岗位匹配度应为 好、较好、一般、较差 之一'],
      [{ ...base, assessment: ' ' }, donghu, '调研评价'],
      [{ ...base, date: '2026-06-02' }, donghu, '调研日期不能晚于今天'],
    ];
    for (const [payload, headers, message] of cases) {
      const res = await post('/api/surveys', headers, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    expect(await Promise.all([count('surveyRecords'), count('surveyRecommendations'), count('auditLog')])).toEqual(before);
  });
});

describe.each(dialects)('migration 0006 on %s', (dialect) => {
  it('gives an existing deployment’s 干部科 and county roles the new permission, and no other role', async () => {
    const t = await freshDb(dialect);
    try {
      const raw = t.db as unknown as Kysely<unknown>;
      await m0006.down(raw);
      for (const code of ['cadre_section', 'county_department', 'leader'])
        await t.db.insertInto('roles').values({ code, name: code, builtIn: 1 }).execute();
      await m0006.up(raw);
      const rows = await t.db
        .selectFrom('rolePermissions')
        .innerJoin('roles', 'roles.id', 'rolePermissions.roleId')
        .select('roles.code')
        .where('rolePermissions.permission', '=', 'analysis:write')
        .orderBy('roles.code')
        .execute();
      expect(rows.map((r) => r.code)).toEqual(['cadre_section', 'county_department']);
    } finally {
      await t.close();
    }
  });
});
