import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, insertCadreRow, insertUnit } from '../../../test/support/factory.js';

type Headers = { authorization: string };

// Corrections after the fact: a secondment's ends and dates, and the end of a “2+1” mentorship.
describe.each(dialects)('editing secondments and ending mentorships on %s', (dialect) => {
  let h: TestApp;
  let ganbuke: Headers;
  let donghu: Headers;
  const ids = {} as Record<'city' | 'fgw' | 'jw' | 'area' | 'town' | 'li' | 'mentor1' | 'mentor2' | 'mentor3', number>;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    h.app.inject({ method, url, headers, ...(payload && { payload }) });
  const created = async (url: string, headers: Headers, payload: object) => {
    const res = await req('POST', url, headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const auditCount = async (event: string) =>
    Number(
      (
        await h.t.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event', '=', event)
          .executeTakeFirstOrThrow()
      ).n,
    );

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
});
