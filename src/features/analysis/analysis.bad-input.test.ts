// Bad input to the team-analysis overview and to the rule applicability setting: a Chinese message
// naming the field, and nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { DEFAULT_APPLICABILITY } from '../../domain/team-rules.js';

type Headers = { authorization: string };

describe.each(dialects)('bad input to team findings and their settings on %s', (dialect) => {
  let h: TestApp;
  let leader: Headers;
  let sysadmin: Headers;
  const versions = async () =>
    Number(
      (
        await h.t.db
          .selectFrom('settings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('key', '=', 'teamRules.applicability')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await testApp(dialect);
    [leader, sysadmin] = await Promise.all([h.as('leader'), h.as('sysadmin')]);
  });
  afterAll(async () => h?.close());

  it.each([
    ['rule=nope', '规则', '不是已知的规则编号'],
    ['rule=', '规则', '不是已知的规则编号'],
    ['asOf=2026-02-30', '研判日期', ''],
  ])('GET /api/teams/findings?%s → 400 naming %s', async (query, label, message) => {
    const res = await h.app.inject({ url: `/api/teams/findings?${query}`, headers: leader });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: { message: string; issues: { label: string; message: string }[] } };
    expect(body.error.issues[0]).toMatchObject({ label });
    expect(body.error.message).toContain(label);
    expect(body.error.message).toContain(message);
    expect(body.error.message).not.toMatch(/[A-Za-z]{6,}/); // no English from the validator
  });

  const rule = (over: object) => ({ ...DEFAULT_APPLICABILITY, 'no-woman': { enabled: true, appliesTo: [], ...over } });
  it.each([
    ['an unknown rule id', { ...DEFAULT_APPLICABILITY, nope: { enabled: true, appliesTo: [] } }, '不认识的项：nope'],
    ['a rule left out', { 'no-woman': DEFAULT_APPLICABILITY['no-woman'] }, '未配备党外副职：缺少此项'],
    ['enabled that is not a boolean', rule({ enabled: 'yes' }), '未配备女干部 › 是否启用：须为是或否'],
    ['an unknown selector', rule({ appliesTo: [{ colour: ['red'] }] }), '未配备女干部 › 适用范围 › 第1项：不认识的项：colour'],
    ['a team kind not in the list', rule({ appliesTo: [{ teamKinds: ['火星班子'] }] }), '适用范围 › 第1项 › 班子类别 › 第1项：不是已知的班子类别'],
    ['a tier not in the list', rule({ appliesTo: [{}, { tiers: ['province'] }] }), '适用范围 › 第2项 › 层级 › 第1项：层级应为'],
    ['not an object', 'all', '应为各项设置组成的对象'],
  ])('PUT teamRules.applicability with %s → 400 in Chinese naming the setting and where, nothing saved', async (_what, value, where) => {
    const before = await versions();
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/teamRules.applicability',
      headers: sysadmin,
      payload: { value, effectiveFrom: '2026-07-01' },
    });
    expect(res.statusCode, res.body).toBe(400);
    const message = (res.json() as { error: { message: string } }).error.message;
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(message).toContain('班子研判');
    expect(message).toContain(where);
    expect(message).not.toMatch(/Invalid|expected|received|Unrecognized/i);
    expect(await versions()).toBe(before);
  });
});
