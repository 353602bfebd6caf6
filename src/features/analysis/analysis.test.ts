import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';
import { TEAM_RULE_IDS } from '../../domain/team-rules.js';

type Headers = { authorization: string };
interface FindingOut {
  rule: string;
  source: string;
  detail: string;
  members?: (number | string)[];
}

describe.each(dialects)('team analysis on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let leader: Headers;
  let auditor: Headers;
  let partyTeam: number;
  let cityTeam: number;
  const cadre = {} as Record<'secretary' | 'deputy' | 'member', number>;

  const get = (url: string, headers: Headers) => h.app.inject({ url, headers });
  const analyze = (headers: Headers, payload: object) => h.app.inject({ method: 'POST', url: '/api/teams/analyze', headers, payload });
  const rulesOf = (findings: FindingOut[]) => findings.map((f) => f.rule).sort();

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu, leader, auditor] = await Promise.all([h.as('ganbuke'), h.as('donghu'), h.as('leader'), h.as('auditor')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    const city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    const area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: city });
    const partyUnit = await insertUnit(db, { name: '中共东湖区委', authorityId: donghuAuth, kind: '党委', tier: 'county', parentId: area });
    const fgw = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, kind: '部门', tier: 'city', parentId: city });

    const team = async (unitId: number, name: string, kind: string) =>
      (await db.insertInto('teams').values({ unitId, name, kind }).returning('id').executeTakeFirstOrThrow()).id;
    const post = async (teamId: number, title: string, levelCode: string, isChief: number, quota: number) =>
      (await db.insertInto('posts').values({ teamId, title, levelCode, isChief, quota }).returning('id').executeTakeFirstOrThrow()).id;
    const appoint = (cadreId: number, postId: number, startDate: string, endDate: string | null = null) =>
      db.insertInto('appointments').values({ cadreId, postId, startDate, startDocNo: '', endDate, endDocNo: null, endReason: null, createdAt: '2026-01-01T00:00:00Z' }).execute(); // prettier-ignore

    partyTeam = await team(partyUnit, '中共东湖区委领导班子', '党委班子');
    cityTeam = await team(fgw, '市发改委领导班子', '部门班子');
    const secretaryPost = await post(partyTeam, '书记', '1A31', 1, 1);
    const deputyPost = await post(partyTeam, '副书记', '1A32', 0, 1);
    const memberPost = await post(partyTeam, '常委', '1A32', 0, 2);

    cadre.secretary = await insertCadreRow(db, {
      authorityId: donghuAuth,
      name: '周书记',
      birthDate: '1970-03-01',
      nativePlace: '江东东湖',
      levelCode: '1A31',
      levelSince: '2008-01-01',
    });
    cadre.deputy = await insertCadreRow(db, { authorityId: donghuAuth, name: '吴副书记', birthDate: '1972-05-05' });
    cadre.member = await insertCadreRow(db, { authorityId: donghuAuth, name: '郑常委', birthDate: '1980-06-01', politicalStatus: '13' });
    // re-appointed to the same post without a gap: one tenure from 2012-01-10
    await appoint(cadre.secretary, secretaryPost, '2012-01-10', '2017-01-10');
    await appoint(cadre.secretary, secretaryPost, '2017-01-10');
    await appoint(cadre.deputy, deputyPost, '2016-07-01');
    await appoint(cadre.member, memberPost, '2016-07-01');
  });
  afterAll(async () => h?.close());

  const facts = {
    asOf: '2026-06-01',
    team: { kind: '党委班子', unitKind: '党委', unitName: '中共东湖区委', tier: 'county', place: '东湖区', quota: { total: 4, chief: 1 } },
    members: [
      { name: '甲', gender: '1', birthDate: '1970-03-01', politicalStatus: '01', ethnicCode: '01', levelCode: '1A31', isChief: true },
      { name: '乙', gender: '1', birthDate: '1985-06-01', politicalStatus: '01', ethnicCode: '01', levelCode: '1A32', isChief: false },
    ],
  };

  it('analyzes facts given in the request', async () => {
    const res = await analyze(ganbuke, facts);
    expect(res.statusCode, res.body).toBe(200);
    const { findings } = res.json() as { findings: FindingOut[] };
    // 乙 turns 41 on asOf: no member is 40 or younger
    expect(rulesOf(findings)).toEqual(['no-woman', 'no-young-member']);
    expect(findings.every((f) => f.source.length > 0 && f.detail.length > 0)).toBe(true);

    const dayBefore = await analyze(ganbuke, { ...facts, asOf: '2026-05-31' });
    expect(rulesOf((dayBefore.json() as { findings: FindingOut[] }).findings)).toEqual(['no-woman']);
  });

  it('answers bad input with 400 naming the fields in Chinese', async () => {
    const res = await analyze(ganbuke, {
      ...facts,
      asOf: '2026-02-30',
      members: [{ ...facts.members[0], gender: '3' }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; message: string; issues: { field: string; label: string }[] } };
    expect(body.error.code).toBe('VALIDATION');
    const labels = body.error.issues.map((i) => i.label);
    expect(labels).toContain('研判日期');
    expect(labels).toContain('成员 第1行 性别');

    const missing = await analyze(ganbuke, { asOf: '2026-06-01', team: { ...facts.team, kind: '某班子' }, members: [{ name: '' }] });
    expect(missing.statusCode).toBe(400);
    const missingLabels = (missing.json() as { error: { issues: { label: string }[] } }).error.issues.map((i) => i.label);
    expect(missingLabels).toEqual(expect.arrayContaining(['班子 班子类别', '成员 第1行 姓名', '成员 第1行 出生日期']));
  });

  it('analyzes a stored team as of a date', async () => {
    const res = await get(`/api/teams/${partyTeam}/analysis?asOf=2026-06-01`, donghu);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { team: { place?: string }; members: { cadreId: number; postStartDate: string }[]; findings: FindingOut[] };
    expect(body.team.place).toBe('东湖区');
    expect(body.members.find((m) => m.cadreId === cadre.secretary)?.postStartDate).toBe('2012-01-10');
    // 郑常委 (群众) is 46: not young at 县处 level; the county Party team has no woman
    expect(rulesOf(body.findings)).toEqual(['avoidance-native-place', 'level-tenure-limit', 'no-woman', 'no-young-member', 'term-limit']);
    for (const rule of ['avoidance-native-place', 'level-tenure-limit', 'term-limit']) {
      expect(body.findings.find((f) => f.rule === rule)?.members).toEqual([cadre.secretary]);
    }

    const earlier = (await get(`/api/teams/${partyTeam}/analysis?asOf=2016-06-01`, ganbuke)).json() as { findings: FindingOut[] };
    // only the secretary (46) holds a post then
    expect(rulesOf(earlier.findings)).toEqual(['avoidance-native-place', 'no-woman', 'no-young-member']);

    const empty = (await get(`/api/teams/${partyTeam}/analysis?asOf=2010-01-01`, leader)).json() as { findings: FindingOut[] };
    expect(rulesOf(empty.findings)).toEqual(['chief-vacant']);
  });

  it('refuses the auditor, hides teams outside the scope and unknown ids', async () => {
    expect((await analyze(auditor, facts)).statusCode).toBe(403);
    expect((await get(`/api/teams/${partyTeam}/analysis`, auditor)).statusCode).toBe(403);
    expect((await get(`/api/teams/${cityTeam}/analysis`, donghu)).statusCode).toBe(404);
    expect((await get(`/api/teams/${cityTeam}/analysis`, ganbuke)).statusCode).toBe(200);
    expect((await get('/api/teams/999999/analysis', ganbuke)).statusCode).toBe(404);
  });

  it('uses the thresholds in force on the analysis date', async () => {
    const sysadmin = await h.as('sysadmin');
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/teamRules.youngCadreAgeByLevel',
      headers: sysadmin,
      payload: { value: { 乡科: 35, 县处: 46, 厅局: 50 }, effectiveFrom: '2026-01-01' },
    });
    expect(put.statusCode, put.body).toBe(204);
    const rules = async (asOf: string) =>
      rulesOf(((await get(`/api/teams/${partyTeam}/analysis?asOf=${asOf}`, ganbuke)).json() as { findings: FindingOut[] }).findings);
    // 郑常委 is 45 on 2025-12-31 and 46 on 2026-06-01: young under the new threshold only
    expect(await rules('2025-12-31')).toContain('no-young-member');
    expect(await rules('2026-06-01')).not.toContain('no-young-member');
  });

  it('documents both routes with their schema in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json', ganbuke)).json() as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/teams/analyze']?.post).toBeDefined();
    expect(doc.paths['/api/teams/{id}/analysis']?.get).toBeDefined();
    const text = JSON.stringify(doc.paths['/api/teams/analyze']);
    expect(text).toContain('研判日期');
    for (const id of TEAM_RULE_IDS) expect(text).toContain(id);
  });
});

describe.each(dialects)('team analysis over a small demo city on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.03 });
  });
  afterAll(async () => h?.close());

  it('analyzes every team a county department sees, and only those', async () => {
    const donghu = await h.as('donghu');
    const donghuAuth = await authorityId(h.t.db, '中共东湖区委组织部');
    const teams = await h.t.db
      .selectFrom('teams')
      .innerJoin('units', 'units.id', 'teams.unitId')
      .select(['teams.id', 'units.authorityId'])
      .orderBy('teams.id')
      .execute();
    const own = teams.filter((t) => t.authorityId === donghuAuth);
    expect(own.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const t of own) {
      const res = await h.app.inject({ url: `/api/teams/${t.id}/analysis?asOf=2026-06-01`, headers: donghu });
      expect(res.statusCode, res.body).toBe(200);
      for (const f of (res.json() as { findings: FindingOut[] }).findings) {
        expect(TEAM_RULE_IDS).toContain(f.rule);
        seen.add(f.rule);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    const other = teams.find((t) => t.authorityId !== donghuAuth);
    expect((await h.app.inject({ url: `/api/teams/${other!.id}/analysis`, headers: donghu })).statusCode).toBe(404);
  });
});
