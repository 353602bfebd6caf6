import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { getSetting } from './settings.service.js';

describe.each(dialects)('business settings by date on %s', (dialect) => {
  let h: TestApp;
  // 01:00 on 2 June in Beijing, still 1 June in UTC
  beforeAll(async () => {
    h = await testApp(dialect, { now: '2026-06-01T17:00:00Z' });
  });
  afterAll(async () => h?.close());

  it('counts an instant as its date in China: a version effective today applies after midnight Beijing time', async () => {
    const sysadmin = await h.as('sysadmin');
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/auth.maxFailedLogins',
      headers: sysadmin,
      payload: { value: 7, effectiveFrom: '2026-06-02' },
    });
    expect(put.statusCode, put.body).toBe(204);
    const list = (await h.app.inject({ url: '/api/settings', headers: sysadmin })).json() as { key: string; value: unknown }[];
    expect(list.find((s) => s.key === 'auth.maxFailedLogins')!.value).toBe(7);
    expect(await getSetting(h.t.db, 'auth.maxFailedLogins', new Date('2026-06-01T16:00:00Z'))).toBe(7);
    expect(await getSetting(h.t.db, 'auth.maxFailedLogins', new Date('2026-06-01T15:59:59Z'))).toBe(5);
  });
});
