import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { insertCadreRow } from '../../../test/support/factory.js';

type Headers = { authorization: string };

describe.each(dialects)('units, teams, posts and appointments on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let leader: Headers;
  let cityAuth: number;
  let donghuAuth: number;
  const ids = {} as Record<
    'city' | 'fgw' | 'donghuRoot' | 'donghuFgw' | 'team' | 'chief' | 'deputy' | 'c1' | 'c2' | 'c3' | 'cDonghu' | 'retired',
    number
  >;

  const get = (url: string, headers: Headers) => h.app.inject({ url, headers });
  const post = (url: string, headers: Headers, payload: object) => h.app.inject({ method: 'POST', url, headers, payload });
  const patch = (url: string, headers: Headers, payload: object) => h.app.inject({ method: 'PATCH', url, headers, payload });
  const created = async (url: string, headers: Headers, payload: object) => {
    const res = await post(url, headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const team = async (asOf?: string) => (await get(`/api/teams/${ids.team}${asOf ? `?asOf=${asOf}` : ''}`, ganbuke)).json();
  interface PostView {
    id: number;
    filled: number;
    holders: { name: string; endDate: string | null }[];
  }
  const postOf = (t: { posts: PostView[] }, id: number) => t.posts.find((p) => p.id === id)!;

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu, leader] = await Promise.all([h.as('ganbuke'), h.as('donghu'), h.as('leader')]);
    const auths = await h.t.db.selectFrom('authorities').select(['id', 'name', 'level']).execute();
    cityAuth = auths.find((a) => a.level === 'city')!.id;
    donghuAuth = auths.find((a) => a.name === '中共东湖区委组织部')!.id;

    ids.city = await created('/api/units', ganbuke, { name: '青川市', kind: '地区', tier: 'city', authorityId: cityAuth });
    ids.fgw = await created('/api/units', ganbuke, {
      name: '市发展和改革委员会',
      kind: '部门',
      tier: 'city',
      authorityId: cityAuth,
      parentId: ids.city,
      sortOrder: 2,
    });
    ids.donghuRoot = await created('/api/units', ganbuke, {
      name: '东湖区',
      kind: '地区',
      tier: 'county',
      authorityId: donghuAuth,
      parentId: ids.city,
      sortOrder: 1,
    });
    ids.donghuFgw = await created('/api/units', donghu, {
      name: '东湖区发展和改革委员会',
      kind: '部门',
      tier: 'county',
      authorityId: donghuAuth,
      parentId: ids.donghuRoot,
    });
    ids.team = await created('/api/teams', ganbuke, { unitId: ids.fgw, name: '市发改委领导班子', kind: '部门班子' });
    ids.chief = await created('/api/posts', ganbuke, { teamId: ids.team, title: '主任', levelCode: '1A31', isChief: true, quota: 1 });
    ids.deputy = await created('/api/posts', ganbuke, {
      teamId: ids.team,
      title: '副主任',
      levelCode: '1A32',
      isChief: false,
      quota: 2,
      sortOrder: 1,
    });

    ids.c1 = await insertCadreRow(h.t.db, { authorityId: cityAuth, name: '张三', gender: '1' });
    ids.c2 = await insertCadreRow(h.t.db, { authorityId: cityAuth, name: '李四', gender: '2' });
    ids.c3 = await insertCadreRow(h.t.db, { authorityId: cityAuth, name: '王五', workStartMonth: '2024-07' });
    ids.cDonghu = await insertCadreRow(h.t.db, { authorityId: donghuAuth, name: '赵六' });
    ids.retired = await insertCadreRow(h.t.db, { authorityId: cityAuth, name: '钱七', status: 'retired' });
  });
  afterAll(async () => h?.close());

  it('nests the tree by sortOrder and shows a county only its own units', async () => {
    const all = (await get('/api/units/tree', ganbuke)).json();
    expect(all).toHaveLength(1);
    expect(all[0].name).toBe('青川市');
    expect(all[0].children.map((u: { name: string }) => u.name)).toEqual(['东湖区', '市发展和改革委员会']);
    expect(all[0].children[0].children[0]).toMatchObject({ name: '东湖区发展和改革委员会', parentId: ids.donghuRoot, children: [] });

    const own = (await get('/api/units/tree', donghu)).json();
    expect(own).toEqual([
      {
        id: ids.donghuRoot,
        name: '东湖区',
        kind: '地区',
        tier: 'county',
        authorityId: donghuAuth,
        parentId: ids.city,
        children: [
          {
            id: ids.donghuFgw,
            name: '东湖区发展和改革委员会',
            kind: '部门',
            tier: 'county',
            authorityId: donghuAuth,
            parentId: ids.donghuRoot,
            children: [],
          },
        ],
      },
    ]);
  });

  it('keeps materialized paths, moves subtrees and refuses a cycle', async () => {
    const a = await created('/api/units', ganbuke, { name: '甲单位', kind: '事业', tier: 'city', authorityId: cityAuth, parentId: ids.city });
    const b = await created('/api/units', ganbuke, { name: '乙单位', kind: '事业', tier: 'city', authorityId: cityAuth, parentId: a });
    const path = async (id: number) => (await h.t.db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
    expect(await path(b)).toBe(`/${ids.city}/${a}/${b}/`);

    expect((await patch(`/api/units/${a}`, ganbuke, { parentId: ids.fgw, version: 1 })).statusCode).toBe(204);
    expect(await path(a)).toBe(`/${ids.city}/${ids.fgw}/${a}/`);
    expect(await path(b)).toBe(`/${ids.city}/${ids.fgw}/${a}/${b}/`);

    const cycle = await patch(`/api/units/${a}`, ganbuke, { parentId: b, version: 2 });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain('不能移到本单位或其下级单位之下');

    const detail = (await get(`/api/units/${b}`, ganbuke)).json();
    expect(detail.ancestors.map((u: { name: string }) => u.name)).toEqual(['青川市', '市发展和改革委员会', '甲单位']);
  });

  it('refuses a stale version and a duplicate name', async () => {
    const id = await created('/api/units', ganbuke, { name: '丙单位', kind: '群团', tier: 'city', authorityId: cityAuth, parentId: ids.city });
    expect((await patch(`/api/units/${id}`, ganbuke, { name: '丙单位（改）', version: 1 })).statusCode).toBe(204);
    const stale = await patch(`/api/units/${id}`, ganbuke, { name: '丙单位（再改）', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const dup = await post('/api/units', ganbuke, { name: '丙单位（改）', kind: '群团', tier: 'city', authorityId: cityAuth, parentId: ids.city });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.issues[0]).toMatchObject({ field: 'name', message: '同一上级单位下已有同名单位' });

    const teamStale = await patch(`/api/teams/${ids.team}`, ganbuke, { name: '改名', version: 99 });
    expect(teamStale.json().error.code).toBe('STALE_VERSION');
  });

  it('validates input field by field in Chinese', async () => {
    const res = await post('/api/posts', ganbuke, { teamId: ids.team, title: '', levelCode: '1A31', isChief: true, quota: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { label: string }) => i.label)).toEqual(expect.arrayContaining(['职位名称', '核定职数']));
    const level = await post('/api/posts', ganbuke, { teamId: ids.team, title: '秘书长', levelCode: 'XX', isChief: false, quota: 1 });
    expect(level.json().error.message).toBe('职务层次：不是有效的职务层次代码（ZB09）');
    const kind = await post('/api/units', ganbuke, { name: '丁', kind: '公司', tier: 'city', authorityId: cityAuth });
    expect(kind.statusCode).toBe(400);
  });

  it('answers 404 for what lies outside the actor’s scope', async () => {
    expect((await get(`/api/units/${ids.fgw}`, donghu)).statusCode).toBe(404);
    expect((await get(`/api/teams/${ids.team}`, donghu)).statusCode).toBe(404);
    expect((await get(`/api/posts/${ids.chief}/history`, donghu)).statusCode).toBe(404);
    expect((await get(`/api/cadres/${ids.c1}/appointments`, donghu)).statusCode).toBe(404);
    expect((await post('/api/teams', donghu, { unitId: ids.fgw, name: '越权班子', kind: '部门班子' })).statusCode).toBe(404);
    expect(
      (await post('/api/units', donghu, { name: '越权单位', kind: '部门', tier: 'county', authorityId: donghuAuth, parentId: ids.fgw })).statusCode,
    ).toBe(404);
    const foreign = await post('/api/units', donghu, {
      name: '越权单位',
      kind: '部门',
      tier: 'city',
      authorityId: cityAuth,
      parentId: ids.donghuRoot,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].field).toBe('authorityId');
    expect((await post('/api/appointments', donghu, { cadreId: ids.c1, postId: ids.chief, startDate: '2024-01-01' })).statusCode).toBe(404);
    expect((await get('/api/units/999999', ganbuke)).statusCode).toBe(404);
  });

  it('answers 403 to a read-only leader writing, and to admins reading', async () => {
    expect((await get('/api/units/tree', leader)).statusCode).toBe(200);
    expect((await post('/api/units', leader, { name: '领导新建', kind: '部门', tier: 'city', authorityId: cityAuth })).statusCode).toBe(403);
    expect((await patch(`/api/posts/${ids.chief}`, leader, { quota: 3, version: 1 })).statusCode).toBe(403);
    expect((await post('/api/appointments', leader, { cadreId: ids.c1, postId: ids.chief, startDate: '2024-01-01' })).statusCode).toBe(403);
    expect((await get('/api/units/tree', await h.as('auditor'))).statusCode).toBe(403);
    expect((await get('/api/units/tree', await h.as('sysadmin'))).statusCode).toBe(403);
  });

  it('counts filled and vacant seats through an appointment and its end, and as of a past date', async () => {
    let t = await team();
    expect(postOf(t, ids.chief)).toMatchObject({ quota: 1, filled: 0, vacant: 0 + 1, holders: [] });
    expect(t.totals).toMatchObject({ quota: 3, filled: 0, vacant: 3, chiefVacant: true });

    const a1 = await created('/api/appointments', ganbuke, {
      cadreId: ids.c1,
      postId: ids.chief,
      startDate: '2024-01-15',
      startDocNo: '青组干〔2024〕1号',
    });
    t = await team();
    expect(postOf(t, ids.chief)).toMatchObject({ filled: 1, vacant: 0, levelName: '县处级正职', isChief: true });
    expect(postOf(t, ids.chief).holders).toEqual([
      {
        appointmentId: a1,
        cadreId: ids.c1,
        name: '张三',
        gender: '1',
        birthDate: '1980-01-01',
        startDate: '2024-01-15',
        startDocNo: '青组干〔2024〕1号',
        endDate: null,
      },
    ]);
    expect(t.totals).toMatchObject({ quota: 3, filled: 1, vacant: 2, chiefVacant: false });
    expect(t.totals.byLevel).toEqual([
      { levelCode: '1A31', levelName: '县处级正职', quota: 1, filled: 1, vacant: 0, overQuota: 0 },
      { levelCode: '1A32', levelName: '县处级副职', quota: 2, filled: 0, vacant: 2, overQuota: 0 },
    ]);

    const over = await post('/api/appointments', ganbuke, { cadreId: ids.c2, postId: ids.chief, startDate: '2025-01-01' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('该职位核定职数 1 名，已配 1 名，不能超职数任职');

    const early = await post(`/api/appointments/${a1}/end`, ganbuke, { endDate: '2024-01-14', endDocNo: '', endReason: '' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('免职日期：不能早于任职日期（2024-01-15）');

    expect(
      (await post(`/api/appointments/${a1}/end`, ganbuke, { endDate: '2026-03-01', endDocNo: '青组干〔2026〕9号', endReason: '工作调动' }))
        .statusCode,
    ).toBe(204);
    const again = await post(`/api/appointments/${a1}/end`, ganbuke, { endDate: '2026-04-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该任职已于 2026-03-01 免职');

    t = await team();
    expect(postOf(t, ids.chief)).toMatchObject({ filled: 0, vacant: 1, holders: [] });
    expect(t.totals.chiefVacant).toBe(true);

    const past = await team('2025-06-01');
    expect(past.asOf).toBe('2025-06-01');
    expect(postOf(past, ids.chief).holders).toMatchObject([{ name: '张三', endDate: '2026-03-01' }]);
    expect(postOf(past, ids.chief)).toMatchObject({ filled: 1, vacant: 0 });
    expect(postOf(await team('2024-01-14'), ids.chief).filled).toBe(0);

    // The seat freed on 2026-03-01 may be filled from that very day.
    await created('/api/appointments', ganbuke, { cadreId: ids.c2, postId: ids.chief, startDate: '2026-03-01' });

    const unit = (await get(`/api/units/${ids.fgw}?asOf=2026-03-01`, ganbuke)).json();
    expect(unit.unit).toMatchObject({
      name: '市发展和改革委员会',
      kind: '部门',
      tierName: '市直',
      authorityId: cityAuth,
      authorityName: '中共青川市委组织部',
    });
    expect(unit.ancestors).toEqual([{ id: ids.city, name: '青川市' }]);
    expect(unit.teams[0].posts[0].holders.map((x: { name: string }) => x.name)).toEqual(['李四']);
    expect(unit.totals).toMatchObject({ quota: 3, filled: 1, vacant: 2 });
  });

  it('refuses the same cadre twice, future dates, a date before work start, a retired cadre', async () => {
    await created('/api/appointments', ganbuke, { cadreId: ids.c1, postId: ids.deputy, startDate: '2026-03-01' });
    const twice = await post('/api/appointments', ganbuke, { cadreId: ids.c1, postId: ids.deputy, startDate: '2026-05-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该干部已任此职（2026-03-01 起），不能重复任职');

    const future = await post('/api/appointments', ganbuke, { cadreId: ids.c3, postId: ids.deputy, startDate: '2026-06-02' });
    expect(future.json().error.message).toBe('任职日期：不能晚于今天');
    const beforeWork = await post('/api/appointments', ganbuke, { cadreId: ids.c3, postId: ids.deputy, startDate: '2024-06-30' });
    expect(beforeWork.json().error.message).toBe('任职日期：早于参加工作时间（2024.07）');
    const retired = await post('/api/appointments', ganbuke, { cadreId: ids.retired, postId: ids.deputy, startDate: '2026-01-01' });
    expect(retired.json().error.message).toBe('干部：已退休，不能任职');
    const badDate = await post('/api/appointments', ganbuke, { cadreId: ids.c3, postId: ids.deputy, startDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.issues[0]).toMatchObject({ field: 'startDate', message: '应为有效日期（YYYY-MM-DD）' });
  });

  it('refuses to lower a quota below the holders', async () => {
    await created('/api/appointments', ganbuke, { cadreId: ids.c3, postId: ids.deputy, startDate: '2026-05-01' });
    const res = await patch(`/api/posts/${ids.deputy}`, ganbuke, { quota: 1, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('核定职数：现已配 2 名，不能少于已配人数，请先办理免职');
    const unchanged = postOf(await team(), ids.deputy);
    expect(unchanged).toMatchObject({ quota: 2, version: 1 });
    expect((await patch(`/api/posts/${ids.deputy}`, ganbuke, { quota: 3, title: '副主任（核定）', version: 1 })).statusCode).toBe(204);
    expect(postOf(await team(), ids.deputy)).toMatchObject({ quota: 3, filled: 2, vacant: 1, version: 2, title: '副主任（核定）' });
  });

  it('lists who held a post when, and a cadre’s posts', async () => {
    const history = (await get(`/api/posts/${ids.chief}/history`, ganbuke)).json();
    expect(history.post).toMatchObject({ title: '主任', levelName: '县处级正职', teamName: '市发改委领导班子', unitName: '市发展和改革委员会' });
    expect(history.items.map((i: { name: string; startDate: string; endDate: string | null }) => [i.name, i.startDate, i.endDate])).toEqual([
      ['李四', '2026-03-01', null],
      ['张三', '2024-01-15', '2026-03-01'],
    ]);
    expect(history.items[1]).toMatchObject({ endDocNo: '青组干〔2026〕9号', endReason: '工作调动' });

    const mine = (await get(`/api/cadres/${ids.c1}/appointments`, ganbuke)).json();
    expect(mine.map((a: { postTitle: string; current: boolean }) => [a.postTitle, a.current])).toEqual([
      ['副主任（核定）', true],
      ['主任', false],
    ]);
    expect(mine[1]).toMatchObject({
      teamName: '市发改委领导班子',
      unitName: '市发展和改革委员会',
      unitId: ids.fgw,
      levelCode: '1A31',
      isChief: true,
    });
    expect((await get(`/api/cadres/${ids.c1}/appointments`, leader)).statusCode).toBe(200);
  });

  it('lets a county appoint its own cadre in its own unit', async () => {
    const t = await created('/api/teams', donghu, { unitId: ids.donghuFgw, name: '区发改委领导班子', kind: '部门班子' });
    const p = await created('/api/posts', donghu, { teamId: t, title: '主任', levelCode: '1A41', isChief: true, quota: 1 });
    await created('/api/appointments', donghu, { cadreId: ids.cDonghu, postId: p, startDate: '2025-09-01' });
    const detail = (await get(`/api/units/${ids.donghuFgw}`, donghu)).json();
    // The city-managed root above 东湖区 is not the county's to see.
    expect(detail.ancestors).toEqual([{ id: ids.donghuRoot, name: '东湖区' }]);
    expect(detail.teams[0].posts[0]).toMatchObject({ filled: 1, vacant: 0, levelName: '乡科级正职' });
  });

  it('lets only one of two simultaneous appointments take the last seat', async () => {
    const p = await created('/api/posts', ganbuke, { teamId: ids.team, title: '总经济师', levelCode: '1A32', isChief: false, quota: 1 });
    const [x, y] = await Promise.all(
      [ids.c2, ids.c3].map((cadreId) => post('/api/appointments', ganbuke, { cadreId, postId: p, startDate: '2026-05-20' })),
    );
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    expect(postOf(await team(), p)).toMatchObject({ filled: 1 });
  });

  it('writes an audit row for every change, with old and new values', async () => {
    const rows = await h.t.db.selectFrom('auditLog').select(['event', 'targetType', 'targetId', 'detail', 'username']).execute();
    const count = (event: string) => rows.filter((r) => r.event === event).length;
    expect(count('unit.create')).toBeGreaterThanOrEqual(7);
    expect(count('unit.update')).toBeGreaterThanOrEqual(2);
    expect(count('team.create')).toBe(2);
    expect(count('post.create')).toBe(4);
    expect(count('appointment.create')).toBe(6);
    expect(count('appointment.end')).toBe(1);
    const postUpdate = rows.find((r) => r.event === 'post.update')!;
    expect(postUpdate).toMatchObject({ targetType: 'post', targetId: String(ids.deputy), username: 'ganbuke' });
    expect(JSON.parse(postUpdate.detail).changes).toEqual(
      expect.arrayContaining([
        { field: 'quota', old: 2, new: 3 },
        { field: 'title', old: '副主任', new: '副主任（核定）' },
      ]),
    );
    const end = JSON.parse(rows.find((r) => r.event === 'appointment.end')!.detail);
    expect(end).toMatchObject({ endDate: '2026-03-01', endReason: '工作调动', cadreId: ids.c1 });
    // The refused attempts left nothing behind.
    expect(rows.filter((r) => r.event === 'post.update')).toHaveLength(1);
  });

  it('offers the kinds for the forms', async () => {
    const kinds = (await get('/api/units/kinds', ganbuke)).json();
    expect(kinds.unitKinds).toContain('乡镇');
    expect(kinds.tiers).toContainEqual({ code: 'township', name: '乡镇(街道)' });
    expect(kinds.teamKinds).toContain('人大常委会班子');
  });
});
