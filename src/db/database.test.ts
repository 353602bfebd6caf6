// How openDatabase sets up a PostgreSQL pool: JIT off on every connection unless the URL asks for it.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { databaseTarget } from '../config.js';

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('PostgreSQL connections', () => {
  const jitOf = async (url: string) => {
    const opened = openDatabase(databaseTarget(url));
    try {
      // several at once, so that more than one pooled connection answers
      const rows = await Promise.all([1, 2, 3].map(() => sql<{ jit: string }>`show jit`.execute(opened.db)));
      return [...new Set(rows.map((r) => r.rows[0]!.jit))];
    } finally {
      await opened.close();
    }
  };

  it('have JIT compilation off', async () => {
    expect(await jitOf(base!)).toEqual(['off']);
  });

  it('keep JIT on when the URL asks for it', async () => {
    const url = new URL(base!);
    url.searchParams.set('options', '-c jit=on');
    expect(await jitOf(url.toString())).toEqual(['on']);
  });

  it('keep the URL’s other options beside JIT off', async () => {
    const url = new URL(base!);
    url.searchParams.set('options', '-c application_name=ganbu_options_test');
    const opened = openDatabase(databaseTarget(url.toString()));
    try {
      const { rows } = await sql<{
        jit: string;
        app: string;
      }>`select current_setting('jit') as jit, current_setting('application_name') as app`.execute(opened.db);
      expect(rows[0]).toEqual({ jit: 'off', app: 'ganbu_options_test' });
    } finally {
      await opened.close();
    }
  });
});
