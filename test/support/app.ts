// An in-process app on a fresh database with the demo departments and accounts (no demo cadres
// unless asked), a clock the test can move, and a login helper. HTTP goes through app.inject.
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/http.js';
import type { Dialect } from '../../src/config.js';
import { createDemo } from '../../src/features/demo/demo.service.js';
import { DEMO_PASSWORD } from '../../src/features/demo/demo.accounts.js';
import { freshDb, type TestDb } from './db.js';

export interface TestApp {
  app: App;
  t: TestDb;
  clock: { now: Date };
  /** log in and return the Authorization header for that account */
  as(username: string, password?: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export async function testApp(dialect: Dialect, opts: { demoScale?: number; now?: string; sqliteFile?: boolean } = {}): Promise<TestApp> {
  const t = await freshDb(dialect, { sqliteFile: opts.sqliteFile });
  await createDemo(t.db, { seed: 7, scale: opts.demoScale ?? 0 });
  const clock = { now: new Date(opts.now ?? '2026-06-01T02:00:00Z') };
  const app = await buildApp({ db: t.db, dialect, now: () => clock.now, cookieSecure: false });
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    t,
    clock,
    async as(username, password = DEMO_PASSWORD) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
        if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
        token = (res.json() as { token: string }).token;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}
