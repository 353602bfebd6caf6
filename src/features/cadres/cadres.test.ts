import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreInput, insertUnit, type CadreOverrides } from '../../../test/support/factory.js';
import type { CadreInput } from './cadres.rules.js';
import { updateCadres } from './cadres.repository.js';
import { codeName } from '../codes/codes.catalog.js';

type Json = Record<string, unknown>;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

describe.each(dialects)('cadre profile on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let donghu: number;
  /** a city unit tree: root → child; and a county unit of 东湖区 */
  let cityRoot: number;
  let cityChild: number;
  let donghuUnit: number;

  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    donghu = await authorityId(h.t.db, '中共东湖区委组织部');
    cityRoot = await insertUnit(h.t.db, { name: '青川市发展和改革委员会', authorityId: city });
    cityChild = await insertUnit(h.t.db, { name: '青川市价格监测中心', authorityId: city, parentId: cityRoot });
    donghuUnit = await insertUnit(h.t.db, { name: '东湖区人民政府', authorityId: donghu, tier: 'county' });
  });
  afterAll(async () => h?.close());

  const api = async (user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, headers: await h.as(user), payload: payload as Json });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json & { error: { code: string; message: string; issues: Json[] } } };
  };
  const create = async (o: CadreOverrides = {}, user = 'ganbuke') => {
    const res = await api(user, 'POST', '/api/cadres', cadreInput({ authorityId: city, unitId: cityRoot, ...o }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as Json & { id: number; version: number };
  };
  const count = async () =>
    Number(
      (
        await h.t.db
          .selectFrom('cadres')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const search = async (query: string, user = 'ganbuke') => {
    const res = await api(user, 'GET', `/api/cadres?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as unknown as { items: (Json & { id: number; name: string })[]; total: number };
  };

  /** The profile answers every submitted field as submitted (lists in their stored order). */
  const expectSameProfile = (profile: Json, input: CadreInput) => {
    const { family, ranks, ...scalars } = input;
    expect(profile).toMatchObject(scalars);
    expect(profile.family).toEqual(family.map((f) => expect.objectContaining(f)));
    expect(profile.ranks).toEqual(ranks.map((r) => expect.objectContaining(r)));
  };

  it('creates, reads and replaces a profile, every field round-tripping', async () => {
    const input = cadreInput({ authorityId: city, unitId: cityChild, remarks: '测试备注', otherParty: '民建' });
    const created = await api('ganbuke', 'POST', '/api/cadres', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;

    const read = await api('ganbuke', 'GET', `/api/cadres/${id}`);
    expect(read.status).toBe(200);
    expectSameProfile(read.body, input);
    expect(read.body).toMatchObject({
      id,
      version: 1,
      birthDate: '1985-03-12',
      age: 41,
      genderName: '男',
      ethnicName: '汉族',
      politicalName: '中共党员',
      healthName: '健康',
      ftEducationName: '大学',
      ftDegreeName: '经济学学士',
      ipEducationName: '研究生',
      ipDegreeName: '经济学硕士',
      highestEducation: '11',
      highestEducationName: '研究生',
      levelName: '县处级副职',
      rankCode: 'ZJ08',
      rankName: '二级主任科员',
      rankSince: '2013-06-30',
      unitName: '青川市价格监测中心',
      authorityName: '中共青川市委组织部',
      hasPhoto: false,
    });
    expect(read.body).not.toHaveProperty('namePinyin');

    const next: CadreInput = {
      ...input,
      name: '张叁',
      gender: '1',
      currentPost: '青川市发展和改革委员会主任',
      levelCode: '1A31',
      ipEducation: null,
      ipDegree: null,
      ipEducationSchool: '',
      ipDegreeSchool: '',
      unitId: cityRoot,
      status: 'active',
      resume: input.resume.slice(0, 3),
      rewards: [],
      appraisals: [...input.appraisals, { year: 2025, grade: '优秀' }],
      family: input.family.slice(0, 1),
      ranks: [
        { ...input.ranks[0] },
        { ...input.ranks[1], endDate: '2024-01-01' },
        { rankCode: 'ZJ07', startDate: '2024-01-01', endDate: null, docNo: '青发改〔2024〕2号' },
      ],
      tags: ['经济', '正职人选'],
    };
    const saved = await api('ganbuke', 'PUT', `/api/cadres/${id}`, { ...next, version: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expectSameProfile(saved.body, { ...next, tags: ['正职人选', '经济'] });
    expect(saved.body).toMatchObject({
      version: 2,
      highestEducation: '21',
      rankCode: 'ZJ07',
      rankSince: '2024-01-01',
      levelName: '县处级正职',
      unitName: '青川市发展和改革委员会',
    });
    const again = await api('ganbuke', 'GET', `/api/cadres/${id}`);
    expect(again.body).toEqual({ ...saved.body });
  });

  it('updates many cadres in one statement per column set, only those still at their version (updateCadres)', async () => {
    const a = await create({ name: '批量甲' });
    const b = await create({ name: '批量乙' });
    const c = await create({ name: '批量丙' });
    const at = new Date().toISOString();
    const missed = await updateCadres(h.t.db, [
      { id: a.id, version: 1, row: { remarks: '批量备注', updatedAt: at } },
      { id: b.id, version: 1, row: { unitId: cityChild, levelSince: null, updatedAt: at } },
      { id: c.id, version: 7, row: { remarks: '不应写入', updatedAt: at } },
    ]);
    expect(missed).toBe(1);
    const rows = await h.t.db
      .selectFrom('cadres')
      .select(['id', 'remarks', 'unitId', 'levelSince', 'version', 'updatedAt'])
      .where('id', 'in', [a.id, b.id, c.id])
      .orderBy('id')
      .execute();
    expect(rows[0]).toMatchObject({ remarks: '批量备注', version: 2, updatedAt: at });
    expect(rows[1]).toMatchObject({ unitId: cityChild, levelSince: null, version: 2 });
    expect(rows[2]).toMatchObject({ remarks: expect.not.stringContaining('不应写入'), version: 1 });
  });

  it('refuses a stale version and writes nothing', async () => {
    const c = await create({ name: '王五' });
    const input = cadreInput({ authorityId: city, unitId: cityRoot, idCard: c.idCard as string, birthDate: '1985-03-12' });
    expect((await api('ganbuke', 'PUT', `/api/cadres/${c.id}`, { ...input, name: '王六', version: 1 })).status).toBe(200);
    const stale = await api('ganbuke', 'PUT', `/api/cadres/${c.id}`, { ...input, name: '王七', tags: [], version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_VERSION', message: '该记录已被他人修改，请刷新后重新编辑' });
    const now = await api('ganbuke', 'GET', `/api/cadres/${c.id}`);
    expect(now.body).toMatchObject({ name: '王六', version: 2, tags: input.tags });
  });

  it.each<[string, CadreOverrides | ((i: CadreInput) => CadreInput), string, string | RegExp]>([
    ['a bad check digit', (i) => ({ ...i, idCard: i.idCard.slice(0, 17) + (i.idCard[17] === '1' ? '2' : '1') }), 'idCard', '校验位不正确'],
    [
      'a birth month that disagrees with the ID',
      (i) => ({ ...i, birthMonth: '1985-04' }),
      'birthMonth',
      '出生年月 1985.04 与身份证号中的出生日期 1985.03.12 不一致',
    ],
    ['a gender that disagrees with the ID', (i) => ({ ...i, gender: '2' }), 'gender', '性别 女 与身份证号中的性别 男 不一致'],
    ['a date in the future', { workStartMonth: '2026-07' }, 'workStartMonth', '不能晚于本月'],
    ['work start at 15', { workStartMonth: '2000-09' }, 'workStartMonth', '参加工作时未满 16 周岁'],
    [
      'a resume line ending before it starts',
      (i) => ({ ...i, resume: [{ kind: 'segment', startMonth: '2010-01', endMonth: '2009-01', text: '某局科员' }] }),
      'resume.0.endMonth',
      '早于起始年月',
    ],
    ['an unknown ethnic code', { ethnicCode: '77' }, 'ethnicCode', /代码 77 不在/],
    [
      'an unknown family political status',
      (i) => ({ ...i, family: [{ ...i.family[0], politicalStatus: '99' }] }),
      'family.0.politicalStatus',
      /代码 99/,
    ],
    ['a name too long', { name: '张'.repeat(19) }, 'name', '不超过 18 个字'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_name, change, field, message) => {
    const base = cadreInput({ authorityId: city, unitId: cityRoot });
    const input = typeof change === 'function' ? change(base) : { ...base, ...change };
    const before = await count();
    const res = await api('ganbuke', 'POST', '/api/cadres', input);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    const issue = res.body.error.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(res.body.error.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('collects every problem at once, labelled in Chinese', async () => {
    const i = cadreInput({ authorityId: city, workStartMonth: '2000-09' });
    const res = await api('ganbuke', 'POST', '/api/cadres', { ...i, family: [...i.family, { ...i.family[0], birthMonth: '2030-01' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { field: 'workStartMonth', label: '参加工作时间', message: '参加工作时未满 16 周岁（出生年月 1985.03）' },
      { field: 'family.3.birthMonth', label: '家庭成员 第4行 出生年月', message: '不能晚于本月' },
    ]);
    expect(res.body.error.message).toBe('参加工作时间：参加工作时未满 16 周岁（出生年月 1985.03）（另有 1 处问题）');
  });

  it('names rows as submitted, and stores ranks and appraisals in date order', async () => {
    const i = cadreInput({ authorityId: city });
    const [older, current] = i.ranks;
    const bad = await api('ganbuke', 'POST', '/api/cadres', { ...i, ranks: [current, { ...older, endDate: '2014-01-01' }] });
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ field: 'ranks.1.startDate', label: '职级任职 第2行 起始日期' })]);
    const c = await create({ ranks: [current, older], appraisals: [...i.appraisals].reverse(), tags: ['乙', '甲', '乙'] });
    expect(c).toMatchObject({ ranks: [older, current].map((r) => expect.objectContaining(r)), appraisals: i.appraisals, tags: ['乙', '甲'].sort() });
  });

  it('answers wrong JSON types with the Chinese field label', async () => {
    const res = await api('ganbuke', 'POST', '/api/cadres', { ...cadreInput({ authorityId: city }), name: 123, family: [{ relation: '妻子' }] });
    expect(res.status).toBe(400);
    const labels = res.body.error.issues.map((i) => i.label);
    expect(labels).toContain('姓名');
    expect(labels).toContain('家庭成员 第1行 姓名');
  });

  it('refuses an ID number already on file, including its 15-digit form', async () => {
    const c = await create({ birthDate: '1962-09-27', gender: '2', idCard: '610104196209276908' });
    expect(c.idCard).toBe('610104196209276908');
    const res = await api(
      'ganbuke',
      'POST',
      '/api/cadres',
      cadreInput({ authorityId: city, birthDate: '1962-09-27', gender: '2', idCard: '610104620927690' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toContainEqual({ field: 'idCard', label: '身份证号', message: '该身份证号已存在' });
  });

  it('stores a lower-case x upper-case', async () => {
    const c = await create({
      birthDate: '1949-12-31',
      gender: '2',
      idCard: '11010519491231002x',
      resume: [],
      ranks: [],
      levelSince: null,
      levelCode: null,
    });
    expect(c.idCard).toBe('11010519491231002X');
  });

  describe('data scope (干部管理权限)', () => {
    it('hides a city-managed cadre from a county account: read, update, photo, search and count', async () => {
      const c = await create({ name: '欧阳城管', tags: ['市管测试'] });
      const body = { ...cadreInput({ authorityId: city }), version: 1 };
      expect((await api('donghu', 'GET', `/api/cadres/${c.id}`)).status).toBe(404);
      expect((await api('donghu', 'PUT', `/api/cadres/${c.id}`, body)).status).toBe(404);
      expect((await api('donghu', 'GET', `/api/cadres/${c.id}/photo`)).status).toBe(404);
      expect((await api('donghu', 'DELETE', `/api/cadres/${c.id}/photo`)).status).toBe(404);
      const missing = await api('donghu', 'GET', '/api/cadres/999999');
      expect((await api('donghu', 'GET', `/api/cadres/${c.id}`)).body).toEqual(missing.body);
      const theirs = await search('q=oycg&status=all', 'donghu');
      expect(theirs).toEqual({ items: [], total: 0 });
      expect((await search('tag=市管测试', 'donghu')).total).toBe(0);
      expect((await search('tag=市管测试')).total).toBe(1);
    });

    it('lets a county account keep its own cadres, which the city also sees', async () => {
      const c = await create({ authorityId: donghu, unitId: donghuUnit, name: '东湖甲', tags: ['县管测试'] }, 'donghu');
      expect((await api('donghu', 'GET', `/api/cadres/${c.id}`)).body).toMatchObject({
        authorityName: '中共东湖区委组织部',
        unitName: '东湖区人民政府',
      });
      expect((await search('tag=县管测试', 'donghu')).items.map((i) => i.id)).toEqual([c.id]);
      expect((await search('tag=县管测试', 'ganbuke')).total).toBe(1);
      expect((await search(`tag=县管测试&authorityId=${donghu}`, 'ganbuke')).total).toBe(1);
      expect((await search(`tag=县管测试&authorityId=${city}`, 'ganbuke')).total).toBe(0);
    });

    it('refuses to place a cadre under an authority or in a unit outside scope, naming the field', async () => {
      const before = await count();
      const a = await api('donghu', 'POST', '/api/cadres', cadreInput({ authorityId: city, unitId: null }));
      expect(a.status).toBe(400);
      expect(a.body.error.issues).toContainEqual(expect.objectContaining({ field: 'authorityId', label: '管理权限' }));
      const u = await api('donghu', 'POST', '/api/cadres', cadreInput({ authorityId: donghu, unitId: cityRoot }));
      expect(u.status).toBe(400);
      expect(u.body.error.issues).toEqual([expect.objectContaining({ field: 'unitId', label: '工作单位' })]);
      const s = await api('donghu', 'GET', `/api/cadres?authorityId=${city}`);
      expect(s.status).toBe(400);
      expect(s.body.error.issues).toEqual([expect.objectContaining({ field: 'authorityId' })]);
      expect(await count()).toBe(before);
    });

    it.each(['sysadmin', 'auditor', 'secadmin', 'jiwei'])('answers 403 to %s (三员分立, 成员单位)', async (user) => {
      expect((await api(user, 'GET', '/api/cadres')).status).toBe(403);
      expect((await api(user, 'GET', '/api/cadres/1')).status).toBe(403);
      expect((await api(user, 'POST', '/api/cadres', cadreInput({ authorityId: city }))).status).toBe(403);
    });

    it('lets the leader read but not write', async () => {
      const c = await create();
      expect((await api('leader', 'GET', `/api/cadres/${c.id}`)).status).toBe(200);
      expect((await api('leader', 'PUT', `/api/cadres/${c.id}`, { ...cadreInput({ authorityId: city }), version: 1 })).status).toBe(403);
    });
  });

  describe('search', () => {
    it('finds 张三 by 汉字, initials and full pinyin prefixes', async () => {
      const c = await create({ name: '张三', tags: ['拼音测试'] });
      await create({ name: '李四', tags: ['拼音测试'] });
      await create({ name: '张思', tags: ['拼音测试'] });
      const names = async (q: string) => (await search(`tag=拼音测试&q=${encodeURIComponent(q)}`)).items.map((i) => i.name);
      expect(await names('zs')).toEqual(['张三', '张思']);
      expect(await names('zhangs')).toEqual(['张三', '张思']);
      expect(await names('zhangsa')).toEqual(['张三']);
      expect(await names('ZS')).toEqual(['张三', '张思']);
      expect(await names('张')).toEqual(['张三', '张思']);
      expect(await names('三')).toEqual(['张三']);
      expect(await names('ls')).toEqual(['李四']);
      expect(await names('%')).toEqual(['李四', '张三', '张思']);
      const hit = (await search(`tag=拼音测试&q=zs`)).items.find((i) => i.id === c.id);
      // codes only (their names are the code tables'), and nothing else
      expect(Object.keys(hit!).sort()).toEqual([
        'age',
        'authorityId',
        'authorityName',
        'birthDate',
        'currentPost',
        'ethnicCode',
        'gender',
        'highestEducation',
        'id',
        'levelCode',
        'name',
        'politicalStatus',
        'rankCode',
        'status',
        'tags',
        'unitId',
        'unitName',
      ]);
      expect(hit).toMatchObject({
        birthDate: '1985-03-12',
        age: 41,
        unitName: '青川市发展和改革委员会',
        authorityName: '中共青川市委组织部',
        tags: ['拼音测试'],
      });
      const code = (k: string) => hit![k] as string | null;
      const named = {
        gender: codeName('gender', code('gender')),
        ethnic: codeName('ethnic', code('ethnicCode')),
        political: codeName('political', code('politicalStatus')),
        education: codeName('education', code('highestEducation')),
        level: codeName('level', code('levelCode')),
        rank: codeName('rank', code('rankCode')),
      };
      expect(named).toEqual({ gender: '男', ethnic: '汉族', political: '中共党员', education: '研究生', level: '县处级副职', rank: '二级主任科员' });
    });

    it('combines gender, age on a date, unit subtree, education, political status and tag', async () => {
      const root = await insertUnit(h.t.db, { name: '组合测试局', authorityId: city });
      const sub = await insertUnit(h.t.db, { name: '组合测试局下属中心', authorityId: city, parentId: root });
      const other = await insertUnit(h.t.db, { name: '无关单位', authorityId: city });
      const tag = ['组合'];
      const hit = await create({ name: '孙女一', gender: '2', birthDate: '1990-06-15', unitId: sub, tags: tag, ethnicCode: '03' });
      await create({ name: '孙女二', gender: '2', birthDate: '1990-06-15', unitId: other, tags: tag }); // other unit
      await create({ name: '孙男三', gender: '1', birthDate: '1990-06-15', unitId: root, tags: tag }); // man
      await create({ name: '孙女四', gender: '2', birthDate: '1980-01-01', unitId: root, tags: tag }); // 45 on the date
      await create({ name: '孙女五', gender: '2', birthDate: '1990-06-15', unitId: root, tags: tag, ipEducation: null, ipDegree: null }); // 大学 only
      await create({ name: '孙女六', gender: '2', birthDate: '1990-06-15', unitId: root, tags: [] }); // no tag
      await create({
        name: '孙女七',
        gender: '2',
        birthDate: '1990-06-15',
        unitId: root,
        tags: tag,
        politicalStatus: '13',
        partyJoinMonth: null,
        status: 'retired',
      });
      const q = `gender=2&ageMin=30&ageMax=40&ageOn=2026-01-01&unitId=${root}&education=1&tag=组合`;
      const r = await search(q);
      expect(r.items.map((i) => i.name)).toEqual(['孙女一']);
      expect(r.total).toBe(1);
      expect(r.items[0]).toMatchObject({ id: hit.id, age: 35 });
      // age is counted on ageOn: on 2026-06-14 孙女一 is still 35, on 2026-06-15 she is 36
      expect((await search(`tag=组合&gender=2&ageMax=35&ageOn=2026-06-14&unitId=${root}`)).items.map((i) => i.name)).toEqual(['孙女五', '孙女一']);
      expect((await search(`tag=组合&gender=2&ageMax=35&ageOn=2026-06-15&unitId=${root}`)).total).toBe(0);
      expect((await search(`tag=组合&educationAtLeast=21&unitId=${root}`)).total).toBe(4);
      expect((await search(`tag=组合&education=21&unitId=${root}`)).items.map((i) => i.name)).toEqual(['孙女五']);
      expect((await search(`tag=组合&political=nonParty&status=all`)).items.map((i) => i.name)).toEqual(['孙女七']);
      expect((await search(`tag=组合&political=party&status=all`)).total).toBe(5);
      expect((await search(`tag=组合&status=retired`)).total).toBe(1);
      expect((await search(`unitId=${sub}`)).items.map((i) => i.name)).toEqual(['孙女一']);
      expect((await search(`unitId=999999`)).total).toBe(0);
      expect((await search(`tag=组合&level=1A&rank=ZJ08&specialty=招商`)).total).toBe(5);
      expect((await search(`tag=组合&level=1A31`)).total).toBe(0);
      expect((await search(`tag=组合&ethnic=minority`)).items.map((i) => i.name)).toEqual(['孙女一']);
      expect((await search(`tag=组合&ethnic=03`)).total).toBe(1);
    });

    it('pages and sorts in the database', async () => {
      const unit = await insertUnit(h.t.db, { name: '分页测试局', authorityId: city });
      const people: [string, string][] = [
        ['赵一', '1970-01-01'],
        ['钱二', '1975-05-05'],
        ['孙三', '1980-08-08'],
        ['李四', '1985-10-10'],
        ['周五', '1990-12-12'],
      ];
      for (const [name, birthDate] of people) await create({ name, birthDate, unitId: unit });
      const page = (p: string) => search(`unitId=${unit}&pageSize=2&${p}`);
      const p1 = await page('page=1');
      expect(p1.total).toBe(5);
      expect(p1.items.map((i) => i.name)).toEqual(['李四', '钱二']); // pinyin: li, qian, sun, zhao, zhou
      expect((await page('page=2')).items.map((i) => i.name)).toEqual(['孙三', '赵一']);
      expect((await page('page=3')).items.map((i) => i.name)).toEqual(['周五']);
      expect((await page('page=4')).items).toEqual([]);
      expect((await page('sort=birthDate&order=desc')).items.map((i) => i.name)).toEqual(['周五', '李四']);
      expect((await page('sort=workStart&order=asc')).items.map((i) => i.name)).toEqual(['赵一', '钱二']);
      expect((await page('sort=pinyin&order=desc')).items.map((i) => i.name)).toEqual(['周五', '赵一']);
      expect((await api('ganbuke', 'GET', '/api/cadres?pageSize=201')).status).toBe(400);
      expect((await api('ganbuke', 'GET', '/api/cadres?gender=7')).body.error.issues).toEqual([
        expect.objectContaining({ field: 'gender', label: '性别' }),
      ]);
    });

    it('sorts by level with empty levels last', async () => {
      const unit = await insertUnit(h.t.db, { name: '层次排序局', authorityId: city });
      await create({ name: '甲', unitId: unit, levelCode: '1A42' });
      await create({ name: '乙', unitId: unit, levelCode: null, levelSince: null });
      await create({ name: '丙', unitId: unit, levelCode: '1A31' });
      expect((await search(`unitId=${unit}&sort=level`)).items.map((i) => i.name)).toEqual(['丙', '甲', '乙']);
      expect((await search(`unitId=${unit}&sort=level&order=desc`)).items.map((i) => i.name)).toEqual(['甲', '丙', '乙']);
    });

    it('lists tags in use with counts', async () => {
      await create({ tags: ['标签计数'] });
      const res = await api('ganbuke', 'GET', '/api/cadres/tags');
      expect(res.body).toEqual(expect.arrayContaining([{ tag: '标签计数', count: 1 }]));
    });
  });

  describe('audit', () => {
    it('records each read, and an update with old and new values in the same transaction', async () => {
      const c = await create({ name: '审计甲' });
      await api('leader', 'GET', `/api/cadres/${c.id}`);
      await api('leader', 'GET', `/api/cadres/${c.id}`);
      const input = cadreInput({ authorityId: city, unitId: cityRoot, idCard: c.idCard as string });
      const res = await api('ganbuke', 'PUT', `/api/cadres/${c.id}`, { ...input, name: '审计乙', family: input.family.slice(0, 1), version: 1 });
      expect(res.status).toBe(200);
      const audit = async (event: string) =>
        (await api('auditor', 'GET', `/api/audit?event=${event}&targetType=cadre&targetId=${c.id}`)).body as unknown as {
          total: number;
          items: { username: string; detail: Json }[];
        };
      const reads = await audit('cadre.read');
      expect(reads.total).toBe(2);
      expect(reads.items[0].username).toBe('leader');
      const created = await audit('cadre.create');
      expect(created.total).toBe(1);
      expect(created.items[0].detail.changes).toContainEqual({ field: 'name', old: null, new: '审计甲' });
      const updates = await audit('cadre.update');
      expect(updates.total).toBe(1);
      const changes = updates.items[0].detail.changes as { field: string; old: unknown; new: unknown }[];
      expect(changes).toContainEqual({ field: 'name', old: '审计甲', new: '审计乙' });
      const family = changes.find((ch) => ch.field === 'family')!;
      expect((family.old as unknown[]).length).toBe(3);
      expect((family.new as unknown[]).length).toBe(1);
      expect(changes.map((ch) => ch.field).sort()).toEqual(['family', 'name']);
    });

    it('writes no audit row when the update is refused', async () => {
      const c = await create();
      const before = await api('auditor', 'GET', `/api/audit?event=cadre.update&targetId=${c.id}`);
      await api('ganbuke', 'PUT', `/api/cadres/${c.id}`, { ...cadreInput({ authorityId: city }), version: 7 });
      await api('ganbuke', 'PUT', `/api/cadres/${c.id}`, { ...cadreInput({ authorityId: city, workStartMonth: '2030-01' }), version: 1 });
      const after = await api('auditor', 'GET', `/api/audit?event=cadre.update&targetId=${c.id}`);
      expect(after.body.total).toBe(before.body.total);
    });
  });

  describe('photo', () => {
    const put = async (id: number, body: Buffer, type: string, user = 'ganbuke') =>
      h.app.inject({ method: 'PUT', url: `/api/cadres/${id}/photo`, headers: { ...(await h.as(user)), 'content-type': type }, payload: body });

    it('stores, serves and deletes a JPEG or PNG, checking the bytes', async () => {
      const c = await create();
      expect((await api('ganbuke', 'GET', `/api/cadres/${c.id}/photo`)).status).toBe(404);
      expect((await put(c.id, JPEG, 'image/jpeg')).statusCode).toBe(204);
      const got = await h.app.inject({ url: `/api/cadres/${c.id}/photo`, headers: await h.as('leader') });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(got.rawPayload, JPEG)).toBe(0);
      expect((await api('ganbuke', 'GET', `/api/cadres/${c.id}`)).body.hasPhoto).toBe(true);

      // The stored type follows the bytes, not the header.
      expect((await put(c.id, PNG, 'image/jpeg')).statusCode).toBe(204);
      expect((await h.app.inject({ url: `/api/cadres/${c.id}/photo`, headers: await h.as('leader') })).headers['content-type']).toBe('image/png');

      const gif = await put(c.id, Buffer.from('GIF89a......'), 'image/gif');
      expect(gif.statusCode).toBe(400);
      expect(gif.json().error.issues[0]).toMatchObject({ field: 'photo', message: '照片须为 JPEG 或 PNG 图片' });
      expect((await put(c.id, Buffer.alloc(5 * 1024 * 1024 + 1, 0xff), 'image/jpeg')).statusCode).toBe(413);
      expect((await put(c.id, JPEG, 'application/octet-stream')).statusCode).toBe(415);
      expect((await put(c.id, JPEG, 'image/jpeg', 'leader')).statusCode).toBe(403);

      expect((await api('ganbuke', 'DELETE', `/api/cadres/${c.id}/photo`)).status).toBe(204);
      expect((await api('ganbuke', 'GET', `/api/cadres/${c.id}/photo`)).status).toBe(404);
      const audit = await api('auditor', 'GET', `/api/audit?event=cadre.update&targetId=${c.id}`);
      expect(audit.body.total).toBe(3);
    });
  });

  it('serves every code table to any signed-in user', async () => {
    const res = await api('jiwei', 'GET', '/api/codes');
    expect(res.status).toBe(200);
    const codes = res.body as Record<string, { label: string; items: { code: string; name: string; header?: boolean }[] }>;
    expect(Object.keys(codes).sort()).toEqual([
      'degree',
      'education',
      'ethnic',
      'gender',
      'health',
      'level',
      'place',
      'political',
      'professionalTitle',
      'rank',
      'relation',
    ]);
    expect(codes.gender.items).toEqual([
      { code: '1', name: '男' },
      { code: '2', name: '女' },
    ]);
    expect(codes.ethnic.items[0]).toEqual({ code: '01', name: '汉族' });
    expect(codes.education.items.find((i) => i.code === '2')).toMatchObject({ name: '本科教育', header: true });
    expect(codes.rank.items[0]).toEqual({ code: 'ZJ01', name: '一级巡视员' });
    expect((await h.app.inject({ url: '/api/codes' })).statusCode).toBe(401);
  });
});
