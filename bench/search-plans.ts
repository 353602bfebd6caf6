// The plans and times of the 20 condition searches' two queries (the page and the row count), run
// directly on a loaded database: `npx tsx bench/search-plans.ts --db file:/tmp/x.db [--only 3,7] [--runs 3]`
// (PostgreSQL: --db postgres://…?options=-c%20search_path%3Dganbu_bench). SQLite shows
// EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE. Times are medians of --runs, after one run not counted.
// --extra adds the default list, the name searches of bench/run.ts (six names: full, first two characters,
// full pinyin, initials) and the name order per status; --scope ID runs everything as a department that
// sees only authority ID and those below it (a county's 组织部: the scope is then an IN list), as the
// indexes led by authority_id serve such scopes.
import { parseArgs } from 'node:util';
import type { Compilable } from 'kysely';
import { databaseTarget } from '../src/config.js';
import { dialectOf, openDatabase } from '../src/db/database.js';
import { todayOf } from '../src/domain/dates.js';
import { countCadres, countQuery, pageQuery, walkPage } from '../src/features/cadres/cadres.repository.js';
import { searchConditions } from '../src/features/cadres/cadres.service.js';
import { SearchConditionsQuery } from '../src/features/cadres/cadres.routes.js';
import type { Ctx } from '../src/server/access.js';
import { searchConditionQueries } from './search-conditions.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    plans: { type: 'boolean', default: true },
    extra: { type: 'boolean', default: false },
    scope: { type: 'string' },
  },
});
const opened = openDatabase(databaseTarget(args.db));
const { db } = opened;
const pg = dialectOf(db as never) === 'postgres';
const today = todayOf(new Date());
const authorities = await db.selectFrom('authorities').select(['id', 'parentId']).orderBy('id').execute();
let visible = authorities.map((a) => a.id);
if (args.scope) {
  // the subtree of the given authority (parents come before their children in id order)
  const sub = new Set([Number(args.scope)]);
  for (const a of authorities) if (a.parentId !== null && sub.has(a.parentId)) sub.add(a.id);
  visible = [...sub];
}
const ctx = { db, now: new Date(), actor: { visibleAuthorityIds: visible } } as unknown as Ctx;
const queries = await searchConditionQueries(db, today);
if (args.extra) {
  const names = await db
    .selectFrom('cadres')
    .select(['name', 'namePinyin', 'nameInitials'])
    .where('id', 'in', [101, 5_001, 20_011, 40_123, 50_002, 99_927])
    .orderBy('id')
    .execute();
  queries.push(
    '',
    'sort=name',
    'sort=name&order=desc',
    'status=retired&sort=name',
    'status=left&sort=name',
    'sort=birthDate',
    ...names.flatMap((n) => [n.name, n.name.slice(0, 2), n.namePinyin, n.nameInitials].map((q) => `q=${encodeURIComponent(q)}`)),
  );
}
const only = args.only?.split(',').map(Number);

async function measure(q: Compilable<unknown>) {
  const c = q.compile();
  const ts: number[] = [];
  let rows = 0;
  for (let i = 0; i <= Number(args.runs); i++) {
    const t0 = process.hrtime.bigint();
    rows = (await db.executeQuery(c)).rows.length;
    if (i > 0) ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ts.sort((a, b) => a - b);
  let plan = '';
  if (args.plans) {
    const prefix = pg ? 'explain (analyze, costs off, timing off, summary off) ' : 'explain query plan ';
    const r = await db.executeQuery({ ...c, sql: prefix + c.sql } as never);
    plan = pg
      ? (r.rows as Record<string, string>[]).map((x) => x['QUERY PLAN']).join('\n')
      : (r.rows as { detail: string }[]).map((x) => x.detail).join(' | ');
  }
  return { ms: Math.round(ts[Math.floor(ts.length / 2)] * 10) / 10, rows, plan };
}

let total = 0;
for (const [i, q] of queries.entries()) {
  if (only && !only.includes(i + 1)) continue;
  const input = SearchConditionsQuery.parse(Object.fromEntries(new URLSearchParams(q)));
  const f = await searchConditions(ctx, input);
  const filter = { ...f, sort: input.sort, order: input.order, limit: 20, offset: 0 };
  // The same two statements as searchCadres (on SQLite the total decides whether the page walks).
  const walk = !pg && (await walkPage(db, filter, await countCadres(db, filter)));
  const page = await measure(pageQuery(db, filter, walk));
  const count = await measure(countQuery(db, filter));
  total += page.ms + count.ms;
  process.stdout.write(
    `#${i + 1} ${decodeURIComponent(q) || '(the default list)'}\n  page${walk ? ' (walk)' : ''} ${page.ms} ms: ${page.plan.replace(/\n/g, '\n    ')}\n  count ${count.ms} ms: ${count.plan.replace(/\n/g, '\n    ')}\n`,
  );
}
process.stdout.write(`sum of medians ${Math.round(total)} ms\n`);
await opened.close();
