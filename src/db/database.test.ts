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
});
