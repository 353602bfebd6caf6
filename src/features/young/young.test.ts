import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit, countAudit } from '../../../test/support/factory.js';

type Headers = { authorization: string };

// Corrections after the fact: a secondment's ends and dates, and the end of a “2+1” mentorship.
describe.each(dialects)('editing secondments and ending mentorships on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  const ids = {} as Record<
    'city' | 'fgw' | 'jw' | 'area' | 'town' | 'li' | 'mentor1' | 'mentor2' | 'mentor3' | 'team' | 'wang' | 'zhao' | 'sun',
    number
  >;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    h.app.inject({ method, url, headers, ...(payload && { payload }) });
  const created = async (url: string, headers: Headers, payload: object) => {
    const res = await req('POST', url, headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const auditCount = (event: string) => countAudit(h.t.db, event);

  beforeAll(async () => {
    h = await testApp(dialect);
    [ganbuke, donghu] = await Promise.all([h.as('ganbuke'), h.as('donghu')]);
    const db = h.t.db;
    const cityAuth = await authorityId(db, '中共青川市委组织部');
    const donghuAuth = await authorityId(db, '中共东湖区委组织部');
    ids.city = await insertUnit(db, { name: '青川市', authorityId: cityAuth, kind: '地区', tier: 'city' });
    ids.fgw = await insertUnit(db, { name: '市发展和改革委员会', authorityId: cityAuth, parentId: ids.city, tier: 'city' });
    ids.jw = await insertUnit(db, { name: '市教育局', authorityId: cityAuth, parentId: ids.city, tier: 'city' });
    ids.area = await insertUnit(db, { name: '东湖区', authorityId: donghuAuth, kind: '地区', tier: 'county', parentId: ids.city });
    ids.town = await insertUnit(db, { name: '东湖区湖滨镇', authorityId: donghuAuth, kind: '乡镇', tier: 'township', parentId: ids.area });
    ids.li = await insertCadreRow(db, { authorityId: cityAuth, name: '李四', unitId: ids.fgw, birthDate: '1992-05-01' });
    ids.mentor1 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师甲', unitId: ids.fgw, birthDate: '1970-01-01' });
    ids.mentor2 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师乙', unitId: ids.fgw, birthDate: '1971-01-01' });
    ids.mentor3 = await insertCadreRow(db, { authorityId: cityAuth, name: '导师丙', unitId: ids.fgw, birthDate: '1972-01-01' });
    ids.wang = await insertCadreRow(db, { authorityId: cityAuth, name: '王五', unitId: ids.fgw, birthDate: '1993-02-28' });
    ids.zhao = await insertCadreRow(db, { authorityId: cityAuth, name: '赵六', unitId: ids.jw, birthDate: '1994-03-01' });
    ids.sun = await insertCadreRow(db, { authorityId: cityAuth, name: '孙七', unitId: ids.jw, birthDate: '1995-04-01' });
    ids.team = (
      await db.insertInto('teams').values({ unitId: ids.fgw, name: '领导班子', kind: '部门班子' }).returning('id').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => h?.close());

  it('edits a secondment: dates, both ends and the post; refuses bad input naming the field and writes nothing', async () => {
    const id = await created('/api/young/secondments', ganbuke, {
      cadreId: ids.li,
      hostUnitId: ids.town,
      hostPost: '挂任副镇长',
      startDate: '2025-03-01',
      endDate: '2026-02-28',
    });
    const row = async () => (await req('GET', '/api/young/secondments', ganbuke)).json().find((s: { id: number }) => s.id === id);

    const backwards = await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { endDate: '2025-02-28' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe('结束日期：不能早于开始日期 2025-03-01');
    const late = await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { startDate: '2026-03-01', hostPost: '不应写入' });
    expect(late.json().error.message).toBe('结束日期：不能早于开始日期 2026-03-01');
    const sameSide = await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { hostUnitId: ids.jw });
    expect(sameSide.json().error.message).toContain('挂职单位：双挂双任须在市、县两级之间互派');
    const badDate = await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { startDate: '2025-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('开始日期');
    expect(await row()).toMatchObject({ hostPost: '挂任副镇长', startDate: '2025-03-01', endDate: '2026-02-28', hostUnitName: '东湖区湖滨镇' });
    expect(await auditCount('young.secondment_update')).toBe(0);

    // out of scope: the district department cannot see a city cadre's secondment
    expect((await req('PATCH', `/api/young/secondments/${id}`, donghu, { hostPost: 'x' })).statusCode).toBe(404);
    expect((await req('PATCH', `/api/young/secondments/99999`, ganbuke, { hostPost: 'x' })).statusCode).toBe(404);

    // extended and moved to the district itself; ongoing (null end)
    const ok = await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { hostUnitId: ids.area, hostPost: '挂任区发改局副局长', endDate: null });
    expect(ok.statusCode, ok.body).toBe(204);
    expect(await row()).toMatchObject({
      hostUnitName: '东湖区',
      hostPost: '挂任区发改局副局长',
      endDate: null,
      current: true,
      direction: 'city_to_county',
    });

    // the other way round: both ends swapped, the direction follows the home unit
    expect((await req('PATCH', `/api/young/secondments/${id}`, ganbuke, { homeUnitId: ids.town, hostUnitId: ids.fgw })).statusCode).toBe(204);
    expect(await row()).toMatchObject({ homeUnitName: '东湖区湖滨镇', hostUnitName: '市发展和改革委员会', direction: 'county_to_city' });
    expect(await auditCount('young.secondment_update')).toBe(2);
  });

  it('ends a mentorship, keeping its records, and then a new mentor may be given', async () => {
    const m1 = await created('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor1, startDate: '2026-01-01' });
    await created('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor2, startDate: '2026-01-01' });
    await created(`/api/young/mentorships/${m1}/records`, ganbuke, { date: '2026-03-15', content: '谈心谈话' });
    // a third mentor is refused while two are current
    expect(
      (await req('POST', '/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor3, startDate: '2026-05-01' })).statusCode,
    ).toBe(409);

    const before = await req('POST', `/api/young/mentorships/${m1}/end`, ganbuke, { date: '2025-12-31' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.message).toBe('结束日期：不能早于帮带开始日期 2026-01-01');
    const beforeRecord = await req('POST', `/api/young/mentorships/${m1}/end`, ganbuke, { date: '2026-03-14' });
    expect(beforeRecord.json().error.message).toBe('结束日期：已有 2026-03-15 的帮带记录，结束日期不能早于该日期');
    const future = await req('POST', `/api/young/mentorships/${m1}/end`, ganbuke, { date: '2026-06-02' });
    expect(future.json().error.message).toBe('结束日期：不能晚于今天');
    expect((await req('POST', `/api/young/mentorships/${m1}/end`, donghu, {})).statusCode).toBe(404);
    expect(await auditCount('young.mentorship_end')).toBe(0);

    expect((await req('POST', `/api/young/mentorships/${m1}/end`, ganbuke, { date: '2026-04-30' })).statusCode).toBe(204);
    const again = await req('POST', `/api/young/mentorships/${m1}/end`, ganbuke, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该帮带关系已于 2026-04-30 结束');
    const list = (await req('GET', '/api/young/mentorships', ganbuke)).json();
    expect(list.find((m: { id: number }) => m.id === m1)).toMatchObject({ endDate: '2026-04-30', current: false, records: 1 });
    // a record after the end is refused; the freed place takes a new mentor
    expect((await req('POST', `/api/young/mentorships/${m1}/records`, ganbuke, { date: '2026-05-02', content: 'x' })).statusCode).toBe(400);
    await created('/api/young/mentorships', ganbuke, { cadreId: ids.li, mentorId: ids.mentor3, startDate: '2026-05-01' });
    expect(await auditCount('young.mentorship_end')).toBe(1);
  });

  it('a survey recommending a 好苗子 marks the cadre with the survey as source, visible on both sides', async () => {
    const survey = await created('/api/surveys', ganbuke, {
      subject: 'cadre',
      cadreId: ids.wang,
      date: '2026-04-20',
      surveyors: '干部科调研组',
      assessment: '思路清晰，敢于担当。',
      ratings: {},
      recommendations: [{ kind: 'seedling', detail: '民主推荐得票靠前' }],
    });
    const marks = (await req('GET', '/api/young/promising', ganbuke)).json();
    const wang = marks.find((m: { cadreId: number }) => m.cadreId === ids.wang);
    expect(wang).toMatchObject({ source: 'survey', sourceName: '大调研', markedOn: '2026-04-20', note: '民主推荐得票靠前' });
    expect(wang.sourceRecord).toEqual({ kind: 'survey', id: survey, label: '大调研（2026-04-20）' });
    const surveys = (await req('GET', `/api/surveys?cadreId=${ids.wang}`, ganbuke)).json();
    expect(surveys.items[0].promising).toEqual([{ id: wang.id, cadreId: ids.wang, name: '王五', markedOn: '2026-04-20', withdrawnOn: null }]);

    // a second survey recommending the same cadre keeps the one mark
    await created('/api/surveys', ganbuke, {
      subject: 'cadre',
      cadreId: ids.wang,
      date: '2026-05-20',
      surveyors: '干部科调研组',
      assessment: '复核',
      recommendations: [{ kind: 'seedling', detail: '' }],
    });
    expect((await req('GET', '/api/young/promising', ganbuke)).json().filter((m: { cadreId: number }) => m.cadreId === ids.wang)).toHaveLength(1);

    // a mark made by hand is linked to the survey that later recommends the cadre
    const hand = await created('/api/young/promising', ganbuke, { cadreId: ids.sun, source: 'recommendation', markedOn: '2026-01-10' });
    const later = await created('/api/surveys', ganbuke, {
      subject: 'cadre',
      cadreId: ids.sun,
      date: '2026-05-01',
      surveyors: '干部科',
      assessment: '好',
      recommendations: [{ kind: 'seedling', detail: '' }],
    });
    const sun = (await req('GET', '/api/young/promising', ganbuke)).json().filter((m: { cadreId: number }) => m.cadreId === ids.sun);
    expect(sun).toMatchObject([{ id: hand, markedOn: '2026-01-10', sourceRecord: { kind: 'survey', id: later } }]);
  });

  it('marks a 好苗子 from a 研判 record, refusing a mismatched source and writing nothing', async () => {
    const rec = await created('/api/analysis-records', ganbuke, {
      kind: 'special',
      asOf: '2026-05-10',
      scope: { teamIds: [ids.team] },
      title: '发改委班子专项研判',
    });
    const before = await auditCount('young.promising_mark');
    const bad = async (payload: object, status: number, message: string) => {
      const res = await req('POST', '/api/young/promising', ganbuke, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.message).toContain(message);
    };
    await bad({ cadreId: ids.zhao, source: 'survey', sourceAnalysisId: rec }, 400, '来源：来源记录为研判时，来源应为“研判”');
    await bad(
      { cadreId: ids.zhao, source: 'analysis', sourceAnalysisId: rec, markedOn: '2026-05-09' },
      400,
      '标记日期：不能早于来源记录的日期 2026-05-10',
    );
    await bad({ cadreId: ids.zhao, source: 'analysis', sourceAnalysisId: 99999 }, 404, '');
    const otherSurvey = (await req('GET', `/api/surveys?cadreId=${ids.wang}`, ganbuke)).json().items[0].id;
    await bad({ cadreId: ids.zhao, source: 'survey', sourceSurveyId: otherSurvey }, 400, '来源调研记录：该调研记录不是对赵六的调研');
    await bad({ cadreId: ids.zhao, source: 'survey', sourceSurveyId: otherSurvey, sourceAnalysisId: rec }, 400, '来源研判记录：来源记录只能选一个');
    expect(await auditCount('young.promising_mark')).toBe(before);

    const id = await created('/api/young/promising', ganbuke, { cadreId: ids.zhao, source: 'analysis', sourceAnalysisId: rec });
    const zhao = (await req('GET', '/api/young/promising', ganbuke)).json().find((m: { id: number }) => m.id === id);
    expect(zhao).toMatchObject({
      markedOn: '2026-05-10',
      sourceRecord: { kind: 'analysis', id: rec, label: '研判：发改委班子专项研判（2026-05-10）' },
    });
    const detail = (await req('GET', `/api/analysis-records/${rec}`, ganbuke)).json();
    expect(detail.promising).toEqual([{ id, cadreId: ids.zhao, name: '赵六', markedOn: '2026-05-10', withdrawnOn: null }]);
    // marked already: a second mark from the record is a conflict
    await bad({ cadreId: ids.zhao, source: 'analysis', sourceAnalysisId: rec }, 409, '赵六已标记为好苗子');
  });
});

describe.each(dialects)('好苗子 from records in the demo city on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.03 });
  });
  afterAll(async () => h?.close());

  it('has 好苗子 marked from a survey and from the yearly 研判, linked both ways', async () => {
    const ganbuke = await h.as('ganbuke');
    const marks = (await h.app.inject({ url: '/api/young/promising', headers: ganbuke })).json() as {
      sourceRecord: { kind: string; id: number } | null;
    }[];
    const fromSurvey = marks.filter((m) => m.sourceRecord?.kind === 'survey');
    const fromAnalysis = marks.filter((m) => m.sourceRecord?.kind === 'analysis');
    expect(fromSurvey.length).toBeGreaterThan(0);
    expect(fromAnalysis.length).toBeGreaterThan(0);
    const detail = (await h.app.inject({ url: `/api/analysis-records/${fromAnalysis[0]!.sourceRecord!.id}`, headers: ganbuke })).json();
    expect(detail.promising.length).toBe(fromAnalysis.filter((m) => m.sourceRecord!.id === detail.id).length);
    const surveys = (await h.app.inject({ url: '/api/surveys?recommendation=seedling', headers: ganbuke })).json();
    expect(surveys.items.some((s: { promising: unknown[] }) => s.promising.length > 0)).toBe(true);
  });

  it('has mentorships that have ended, after their last record', async () => {
    const ganbuke = await h.as('ganbuke');
    const ms = (await h.app.inject({ url: '/api/young/mentorships', headers: ganbuke })).json() as {
      id: number;
      startDate: string;
      endDate: string | null;
    }[];
    const ended = ms.filter((m) => m.endDate !== null);
    expect(ended.length).toBeGreaterThan(0);
    for (const m of ended) {
      expect(m.endDate! >= m.startDate).toBe(true);
      const records = (await h.app.inject({ url: `/api/young/mentorships/${m.id}/records`, headers: ganbuke })).json() as { date: string }[];
      for (const r of records) expect(r.date <= m.endDate!).toBe(true);
    }
  });
});
