import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../demo/demo.accounts.js';
import { authorityId, insertCadreRow, insertUnit, countAudit } from '../../../test/support/factory.js';

type Headers = { authorization: string };

describe.each(dialects)('pools, category lists, chief reserve, young cadres and figures on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  let leader: Headers;
  let sysadmin: Headers;
  const ids = {} as Record<
    | 'city'
    | 'fgw'
    | 'area'
    | 'town'
    | 'chiefPost'
    | 'deputyPost'
    | 'otherChief'
    | 'zhang'
    | 'li'
    | 'wang'
    | 'zhao'
    | 'mentor1'
    | 'mentor2'
    | 'mentor3',
    number
  >;
  let pools: { id: number; name: string }[];

  const get = (url: string, headers: Headers) => h.app.inject({ url, headers });
  const post = (url: string, headers: Headers, payload: object) => h.app.inject({ method: 'POST', url, headers, payload });
  const created = async (url: string, headers: Headers, payload: object) => {
    const res = await post(url, headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const login = async (username: string) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
  };
  const poolId = (name: string) => pools.find((p) => p.name === name)!.id;
  const auditCount = (event: string) => countAudit(h.t.db, event);

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu, leader, sysadmin] = await Promise.all([h.as('ganbuke'), h.as('donghu'), h.as('leader'), h.as('sysadmin')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    ids.city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    ids.fgw = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, parentId: ids.city, tier: 'city' });
    ids.area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: ids.city });
    ids.town = await insertUnit(db, { name: '东湖区湖滨镇', authorityId: donghuAuth, kind: '乡镇', tier: 'township', parentId: ids.area });
    const team = async (unitId: number) =>
      (await db.insertInto('teams').values({ unitId, name: '领导班子', kind: '部门班子' }).returning('id').executeTakeFirstOrThrow()).id;
    const postRow = async (teamId: number, title: string, isChief: number) =>
      (
        await db
          .insertInto('posts')
          .values({ teamId, title, levelCode: isChief ? '1A31' : '1A32', isChief, quota: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const fgwTeam = await team(ids.fgw);
    ids.chiefPost = await postRow(fgwTeam, '主任', 1);
    ids.deputyPost = await postRow(fgwTeam, '副主任', 0);
    ids.otherChief = await postRow(await team(ids.area), '区长', 1);
    ids.zhang = await insertCadreRow(db, { authorityId: cityAuth, name: '张三', unitId: ids.fgw, birthDate: '1988-02-29' });
    ids.li = await insertCadreRow(db, { authorityId: cityAuth, name: '李四', unitId: ids.fgw, birthDate: '1992-05-01' });
    ids.wang = await insertCadreRow(db, { authorityId: cityAuth, name: '王五', unitId: ids.fgw, birthDate: '1979-12-31' });
    ids.zhao = await insertCadreRow(db, { authorityId: donghuAuth, name: '赵六', unitId: ids.town, birthDate: '1990-01-01' });
    ids.mentor1 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师甲', unitId: ids.fgw, birthDate: '1970-01-01' });
    ids.mentor2 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师乙', unitId: ids.fgw, birthDate: '1971-01-01' });
    ids.mentor3 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师丙', unitId: ids.fgw, birthDate: '1972-01-01' });
    pools = (await get('/api/specialty-pools', ganbuke)).json();
  });
  afterAll(async () => h?.close());

  it('seeds the five specialty pools, which an admin can add to, rename and delete while unused', async () => {
    expect(pools.map((p) => p.name)).toEqual(['党建', '社会治理', '经济', '城建', '法治']);
    const id = await created('/api/specialty-pools', sysadmin, { name: '应急', sortOrder: 9 });
    const dup = await post('/api/specialty-pools', ganbuke, { name: '应急' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已有名为“应急”的干部库');
    const renamed = await h.app.inject({
      method: 'PATCH',
      url: `/api/specialty-pools/${id}`,
      headers: ganbuke,
      payload: { name: '应急管理', version: 1 },
    });
    expect(renamed.statusCode, renamed.body).toBe(204);
    expect((await post('/api/specialty-pools', leader, { name: '其他' })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'DELETE', url: `/api/specialty-pools/${id}`, headers: ganbuke })).statusCode).toBe(204);
    expect((await get('/api/specialty-pools', ganbuke)).json()).toHaveLength(5);
  });

  it('adds cadres to pools with a reason, refuses bad input, and keeps history on removal', async () => {
    const first = await created('/api/pool-memberships', ganbuke, {
      poolId: poolId('经济'),
      cadreId: ids.zhang,
      reason: '长期从事经济工作',
      addedOn: '2025-03-01',
    });
    await created('/api/pool-memberships', ganbuke, { poolId: poolId('城建'), cadreId: ids.zhang, reason: '主持过重点工程', addedOn: '2025-04-01' });
    await created('/api/pool-memberships', ganbuke, { poolId: poolId('经济'), cadreId: ids.li, reason: '招商引资成效明显', addedOn: '2026-02-01' });

    const noReason = await post('/api/pool-memberships', ganbuke, { poolId: poolId('经济'), cadreId: ids.wang, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('理由：必填');
    const twice = await post('/api/pool-memberships', ganbuke, { poolId: poolId('经济'), cadreId: ids.zhang, reason: '再次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('张三已在“经济”库中');
    // a county department cannot see a city-managed cadre: 404, as if it did not exist
    expect((await post('/api/pool-memberships', donghu, { poolId: poolId('经济'), cadreId: ids.zhang, reason: '试图' })).statusCode).toBe(404);
    await created('/api/pool-memberships', donghu, { poolId: poolId('党建'), cadreId: ids.zhao, reason: '村级党建示范', addedOn: '2026-03-01' });

    const members = (await get(`/api/specialty-pools/${poolId('经济')}/members`, ganbuke)).json();
    expect(members.members.map((m: { name: string }) => m.name)).toEqual(['李四', '张三']);
    expect(members.members[1]).toMatchObject({ reason: '长期从事经济工作', addedBy: 'ganbuke', addedOn: '2025-03-01', removedOn: null });

    const early = await post(`/api/pool-memberships/${first}/remove`, ganbuke, { reason: '调整', removedOn: '2025-02-28' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('出库日期：不能早于入库日期 2025-03-01');
    expect((await post(`/api/pool-memberships/${first}/remove`, ganbuke, { reason: '转任非经济岗位', removedOn: '2026-01-15' })).statusCode).toBe(
      204,
    );
    const now = (await get(`/api/specialty-pools/${poolId('经济')}/members`, ganbuke)).json();
    expect(now.members.map((m: { name: string }) => m.name)).toEqual(['李四']);
    const all = (await get(`/api/specialty-pools/${poolId('经济')}/members?includeRemoved=true`, ganbuke)).json();
    expect(all.members.find((m: { name: string }) => m.name === '张三')).toMatchObject({
      removedOn: '2026-01-15',
      removalReason: '转任非经济岗位',
      removedBy: 'ganbuke',
    });

    const counts = (await get('/api/specialty-pools', ganbuke)).json();
    expect(counts.find((p: { name: string }) => p.name === '经济').members).toBe(1);
    expect((await get('/api/specialty-pools', donghu)).json().find((p: { name: string }) => p.name === '经济').members).toBe(0);
    expect(await auditCount('pool.member_add')).toBe(4);
  });

  it('refuses to delete a pool with members, saying why, and changes nothing', async () => {
    const res = await h.app.inject({ method: 'DELETE', url: `/api/specialty-pools/${poolId('经济')}`, headers: ganbuke });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('“经济”库已有入库记录（现有 1 人，累计 2 人次），不能删除；可改名或调整排序');
    expect((await get('/api/specialty-pools', ganbuke)).json()).toHaveLength(5);
    expect((await get(`/api/specialty-pools/${poolId('经济')}/members?includeRemoved=true`, ganbuke)).json().members).toHaveLength(2);
  });

  it('moves a cadre between category lists with a required reason, keeping the history and a review date', async () => {
    const move = (id: number, body: object, who = ganbuke) => post(`/api/cadres/${id}/category`, who, body);
    const missing = await move(ids.zhang, { category: 'develop' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('调整理由：必填');
    const blank = await move(ids.zhang, { category: 'develop', reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toBe('调整理由：调整清单必须填写理由');
    expect(await auditCount('category.move')).toBe(0);

    const first = await move(ids.zhang, { category: 'develop', reason: '大调研中综合评价较好', date: '2024-02-29' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().reviewDue).toBe('2025-02-28'); // 12 months from a leap day
    expect((await move(ids.zhang, { category: 'develop', reason: '重复' })).statusCode).toBe(409);
    const back = await move(ids.zhang, { category: 'promote_soon', reason: '年度考核优秀', date: '2024-02-28' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toContain('不能早于现列入清单的日期 2024-02-29');
    const second = await move(ids.zhang, { category: 'promote_soon', reason: '年度考核优秀、条件成熟', date: '2025-06-01' });
    expect(second.json().reviewDue).toBe('2026-06-01');
    expect((await move(ids.li, { category: 'watch', reason: '需多岗位历练', date: '2025-01-10', reviewDue: '2026-07-15' })).statusCode).toBe(200);
    expect((await move(ids.zhao, { category: 'unfit', reason: '群众反映较多' }, ganbuke)).statusCode).toBe(200);
    expect((await move(ids.zhang, { category: 'unfit', reason: '越权' }, donghu)).statusCode).toBe(404);
    expect((await move(ids.zhang, { category: 'unfit', reason: '无权' }, leader)).statusCode).toBe(403);

    const status = (await get(`/api/cadres/${ids.zhang}/pool-status`, ganbuke)).json();
    expect(
      status.categories.map((c: { categoryName: string; startDate: string; endDate: string | null }) => [c.categoryName, c.startDate, c.endDate]),
    ).toEqual([
      ['近期提拔', '2025-06-01', null],
      ['中期培养', '2024-02-29', '2025-06-01'],
    ]);
    const list = (await get('/api/category-lists', ganbuke)).json();
    expect(list.counts).toEqual([
      { category: 'promote_soon', name: '近期提拔', count: 1 },
      { category: 'develop', name: '中期培养', count: 0 },
      { category: 'watch', name: '长期关注', count: 1 },
      { category: 'unfit', name: '不适宜担任现职', count: 1 },
    ]);
    expect((await get('/api/category-lists?category=watch', donghu)).json().entries).toEqual([]);
  });

  it('lists overdue and near-due reviews, and a review moves the due date on', async () => {
    // today 2026-06-01: 张三 due today (due soon), 李四 due 2026-07-15 (45 days: not yet), 赵六 due 2027-06-01
    let r = (await get('/api/category-lists/reviews', ganbuke)).json();
    expect(r.entries.map((e: { name: string; reviewState: string }) => [e.name, e.reviewState])).toEqual([['张三', 'due_soon']]);
    // 19 days on: the sessions have idled out, so sign in afresh on that day
    h.clock.now = new Date('2026-06-20T02:00:00Z');
    const later = await login('ganbuke');
    r = (await get('/api/category-lists/reviews', later)).json();
    expect(r.entries.map((e: { name: string; reviewState: string }) => [e.name, e.reviewState])).toEqual([
      ['张三', 'overdue'],
      ['李四', 'due_soon'],
    ]);
    expect([r.overdue, r.dueSoon]).toEqual([1, 1]);
    const entry = r.entries[0].id;
    const noNote = await post(`/api/category-entries/${entry}/review`, later, { note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toBe('复核意见：复核必须填写意见');
    expect((await post(`/api/category-entries/${entry}/review`, later, { note: '维持近期提拔' })).statusCode).toBe(204);
    r = (await get('/api/category-lists/reviews', later)).json();
    expect(r.entries.map((e: { name: string }) => e.name)).toEqual(['李四']);
    const status = (await get(`/api/cadres/${ids.zhang}/pool-status`, later)).json();
    expect(status.categories[0]).toMatchObject({ reviewDue: '2027-06-20', lastReviewedOn: '2026-06-20', reviewNote: '维持近期提拔' });
    h.clock.now = new Date('2026-06-01T02:00:00Z');
  });

  it('keeps chief reserve candidates with readiness, considered posts and outcome', async () => {
    const notChief = await post('/api/chief-reserve', ganbuke, { cadreId: ids.zhang, readiness: 'now', postIds: [ids.deputyPost] });
    expect(notChief.statusCode).toBe(400);
    expect(notChief.json().error.message).toBe('拟任职位：“市发展和改革委员会副主任”不是正职职位');
    const none = await post('/api/chief-reserve', ganbuke, { cadreId: ids.zhang, readiness: 'now', postIds: [] });
    expect(none.json().error.message).toBe('拟任职位：至少选择一个拟任职位');
    expect((await post('/api/chief-reserve', donghu, { cadreId: ids.zhao, readiness: 'now', postIds: [ids.chiefPost] })).statusCode).toBe(404);

    const choices = (await get('/api/chief-reserve/posts?q=发展', ganbuke)).json();
    expect(choices.map((p: { id: number }) => p.id)).toEqual([ids.chiefPost]);
    expect((await get('/api/chief-reserve/posts?q=', donghu)).json().map((p: { id: number }) => p.id)).toEqual([ids.otherChief]);
    const id = await created('/api/chief-reserve', ganbuke, {
      cadreId: ids.zhang,
      readiness: 'one_two_years',
      postIds: [ids.chiefPost, ids.otherChief],
      enteredOn: '2025-09-01',
    });
    expect((await post('/api/chief-reserve', ganbuke, { cadreId: ids.zhang, readiness: 'now', postIds: [ids.chiefPost] })).statusCode).toBe(409);
    const other = await created('/api/chief-reserve', ganbuke, {
      cadreId: ids.li,
      readiness: 'later',
      postIds: [ids.chiefPost],
      enteredOn: '2025-09-01',
    });

    // appointed to a considered post since entry: the list says so before the outcome is recorded
    await h.t.db
      .insertInto('appointments')
      .values({ cadreId: ids.zhang, postId: ids.chiefPost, startDate: '2026-05-20', startDocNo: '', createdAt: '2026-05-20T00:00:00Z' })
      .execute();
    let list = (await get('/api/chief-reserve?status=active', ganbuke)).json();
    const zhang = list.find((r: { cadreId: number }) => r.cadreId === ids.zhang);
    expect(zhang).toMatchObject({ readinessName: '1–2年', statusName: '在库', appointedTo: { postId: ids.chiefPost, startDate: '2026-05-20' } });
    expect(zhang.posts.map((p: { title: string }) => p.title)).toEqual(['主任', '区长']);

    const wrong = await post(`/api/chief-reserve/${id}/outcome`, ganbuke, {
      outcome: 'used',
      postId: ids.deputyPost,
      date: '2026-05-20',
      version: 1,
    });
    expect(wrong.json().error.message).toBe('任用职位：须为该人选拟任的职位之一');
    expect(
      (await post(`/api/chief-reserve/${id}/outcome`, ganbuke, { outcome: 'used', postId: ids.chiefPost, date: '2026-05-20', version: 1 }))
        .statusCode,
    ).toBe(204);
    const noReason = await post(`/api/chief-reserve/${other}/outcome`, ganbuke, { outcome: 'withdrawn', version: 1 });
    expect(noReason.json().error.message).toBe('理由：退出后备库必须填写原因');
    expect(
      (await post(`/api/chief-reserve/${other}/outcome`, ganbuke, { outcome: 'withdrawn', reason: '年龄已不具优势', version: 1 })).statusCode,
    ).toBe(204);
    list = (await get('/api/chief-reserve', ganbuke)).json();
    expect(list.map((r: { name: string; status: string; outcomeOn: string }) => [r.name, r.status, r.outcomeOn])).toEqual([
      ['李四', 'withdrawn', '2026-06-01'],
      ['张三', 'used', '2026-05-20'],
    ]);
  });

  it('marks promising young cadres, records two-way secondments and “2+1” mentoring', async () => {
    await created('/api/young/promising', ganbuke, { cadreId: ids.zhang, source: 'survey', markedOn: '2025-05-01' });
    await created('/api/young/promising', ganbuke, { cadreId: ids.li, source: 'analysis', markedOn: '2026-01-05' });
    const zhaoMark = await created('/api/young/promising', donghu, { cadreId: ids.zhao, source: 'recommendation', markedOn: '2024-02-29' });
    expect((await post('/api/young/promising', ganbuke, { cadreId: ids.zhang, source: 'survey' })).statusCode).toBe(409);
    const badSource = await post('/api/young/promising', ganbuke, { cadreId: ids.wang, source: 'gossip' });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.message).toContain('来源');

    const cohorts = (await get('/api/young/cohorts', ganbuke)).json();
    expect(cohorts.map((c: { label: string; cadres: number; promising: number }) => [c.label, c.cadres, c.promising])).toEqual([
      ['70后', 4, 0],
      ['80后', 1, 1],
      ['90后', 2, 2],
    ]);

    const backwards = await post('/api/young/secondments', ganbuke, {
      cadreId: ids.li,
      hostUnitId: ids.town,
      startDate: '2026-03-01',
      endDate: '2026-02-28',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe('结束日期：不能早于开始日期 2026-03-01');
    const sameSide = await post('/api/young/secondments', ganbuke, { cadreId: ids.li, hostUnitId: ids.city, startDate: '2026-03-01' });
    expect(sameSide.json().error.message).toContain('双挂双任须在市、县两级之间互派');
    expect(await auditCount('young.secondment_create')).toBe(0);
    await created('/api/young/secondments', ganbuke, {
      cadreId: ids.li,
      hostUnitId: ids.town,
      hostPost: '挂任副镇长',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
    });
    await created('/api/young/secondments', ganbuke, { cadreId: ids.zhao, hostUnitId: ids.fgw, startDate: '2025-09-01', endDate: '2026-08-31' });
    expect((await post('/api/young/secondments', donghu, { cadreId: ids.zhao, hostUnitId: ids.fgw, startDate: '2025-09-01' })).statusCode).toBe(404);
    const sec = (await get('/api/young/secondments', ganbuke)).json();
    expect(sec.map((s: { name: string; directionName: string; current: boolean }) => [s.name, s.directionName, s.current])).toEqual([
      ['李四', '市派县挂', true],
      ['赵六', '县派市挂', true],
    ]);

    const m1 = await created('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor1, startDate: '2026-01-01' });
    await created('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor2, startDate: '2026-01-01' });
    const third = await post('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor3, startDate: '2026-02-01' });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toBe('每名年轻干部最多配 2 名导师（“2+1”导师帮带）');
    const early = await post(`/api/young/mentorships/${m1}/records`, ganbuke, { date: '2025-12-31', content: '谈心谈话' });
    expect(early.json().error.message).toBe('日期：不能早于帮带开始日期 2026-01-01');
    await created(`/api/young/mentorships/${m1}/records`, ganbuke, { date: '2026-03-15', content: '谈心谈话，指导调研报告写作' });
    expect((await get(`/api/young/mentorships/${m1}/records`, ganbuke)).json()).toMatchObject([
      { date: '2026-03-15', content: '谈心谈话，指导调研报告写作' },
    ]);
    expect((await get(`/api/young/mentorships/${m1}/records`, donghu)).statusCode).toBe(404);
    const ms = (await get('/api/young/mentorships', ganbuke)).json();
    expect(ms.map((m: { mentorName: string; records: number }) => [m.mentorName, m.records])).toEqual([
      ['导师甲', 1],
      ['导师乙', 0],
    ]);

    expect((await post(`/api/young/promising/${zhaoMark}/withdraw`, ganbuke, { date: '2024-02-28' })).json().error.message).toContain(
      '不能早于标记日期 2024-02-29',
    );
    const status = (await get(`/api/cadres/${ids.li}/pool-status`, ganbuke)).json();
    expect(status.young).toMatchObject({ cohort: '90后', promising: [{ sourceName: '研判' }], secondments: [{ hostPost: '挂任副镇长' }] });
    expect(status.young.mentors).toHaveLength(2);
  });

  it('answers the report figures for a period and a unit subtree, with the names behind each', async () => {
    const figures = async (q: string, who = ganbuke) => {
      const res = await get(`/api/figures/pools${q}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(
        res.json().figures.map((f: { key: string; value: number; cadres: { name: string }[] }) => [f.key, [f.value, f.cadres.map((c) => c.name)]]),
      );
    };
    expect(await figures('')).toEqual({
      pool_entries: [3, ['张三', '李四', '赵六']], // 张三 in two pools (and since removed from one) counts once
      promising: [3, ['赵六', '张三', '李四']],
      two_way_secondments: [2, ['赵六', '李四']],
    });
    expect(await figures('?from=2026-01-01&to=2026-12-31')).toEqual({
      pool_entries: [2, ['李四', '赵六']],
      promising: [1, ['李四']],
      two_way_secondments: [1, ['李四']],
    });
    expect(await figures('?to=2024-02-29')).toEqual({ pool_entries: [0, []], promising: [1, ['赵六']], two_way_secondments: [0, []] });
    expect(await figures(`?unitId=${ids.area}`)).toEqual({
      pool_entries: [1, ['赵六']],
      promising: [1, ['赵六']],
      two_way_secondments: [1, ['赵六']],
    });
    expect(await figures('', donghu)).toEqual({ pool_entries: [1, ['赵六']], promising: [1, ['赵六']], two_way_secondments: [1, ['赵六']] });
    expect((await get(`/api/figures/pools?unitId=${ids.fgw}`, donghu)).statusCode).toBe(404);
    const backwards = await get('/api/figures/pools?from=2026-02-01&to=2026-01-31', ganbuke);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe('截止日期：不能早于起始日期 2026-02-01');
    expect((await get('/api/figures/pools', sysadmin)).statusCode).toBe(403);
  });
});
