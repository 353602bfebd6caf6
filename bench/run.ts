// `npm run bench -- [--cadres N] [--db sqlite|postgres] [--json FILE] [--reuse] [--duration S] [--file F]`
// Builds a synthetic province with the demo generator, then measures search, name search, statistics,
// the team scan and throughput through the real HTTP server (a child process). See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import autocannon, { type Result } from 'autocannon';
import { databaseTarget } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { todayOf } from '../src/domain/dates.js';
import { DEMO_PASSWORD } from '../src/features/demo/demo.accounts.js';
import {
  buildProvinceCity,
  createProvinceAuthorities,
  finishProvince,
  provincePlan,
  startProvince,
  writeProvinceCity,
} from '../src/features/demo/demo.province.js';
import { teamSummaries } from '../src/features/units/units.repository.js';
import { rawStatisticsKept, rawStatisticsScan } from './raw-stats.js';
import { searchConditionQueries } from './search-conditions.js';
import { teamRules } from './team-rules.js';
import { docxMedian, excelImport, lrmxImport, rosterExport } from './documents.js';
import { prepareImportLoad, runImport } from './import-load.js';
import { peakRss, resetPeakRss } from './proc.js';

const { values: args } = parseArgs({
  options: {
    cadres: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite' },
    json: { type: 'string' },
    seed: { type: 'string', default: '1' },
    reuse: { type: 'boolean', default: false },
    /** SQLite only: the database file (default ganbu-bench-N.db in the OS temp dir), e.g. a copy to migrate */
    file: { type: 'string' },
    duration: { type: 'string', default: '20' },
    'excel-rows': { type: 'string' },
    'lrmx-files': { type: 'string', default: '1000' },
    /** comma-separated: import (load_s through `ganbu import`), queries (search, names, statistics, team scan), search (the 20 condition searches only), stats (statistics only), rules, throughput, documents; default all but import */
    steps: { type: 'string', default: 'queries,rules,throughput,documents' },
  },
});
const STEPS = new Set(args.steps.split(','));
const N = Number(args.cadres);
const DIALECT = args.db === 'postgres' ? 'postgres' : 'sqlite';
const SCHEMA = 'ganbu_bench';
const USER = 'ganbuke';

const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs: number[]) => pct(xs, 50);
const r1 = (x: number) => Math.round(x * 10) / 10;

function databaseUrl(schema = SCHEMA, file = args.file ? path.resolve(args.file) : path.join(os.tmpdir(), `ganbu-bench-${N}.db`)): string {
  if (DIALECT === 'sqlite') return `file:${file}`;
  // Everything lives in one schema of its own, dropped and rebuilt by each run.
  const u = new URL(pgBase());
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

function pgBase(): string {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base?.startsWith('postgres')) throw new Error('--db postgres needs BENCH_DATABASE_URL (or DATABASE_URL) = postgres://…');
  return base;
}

/** An empty database at `url`: the SQLite file removed, or the PostgreSQL schema dropped and made again. */
async function emptyDatabase(url: string, schema: string) {
  if (DIALECT === 'sqlite') {
    const file = url.slice('file:'.length);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    return;
  }
  const admin = openDatabase(databaseTarget(pgBase()));
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
}

/**
 * load_s: the province's cadres as .lrmx files (one zip per city, made once and kept in the OS temp dir)
 * loaded into an empty province database by `ganbu import`, as a user runs it (bench/import-load.ts).
 */
async function importStep() {
  const schema = `${SCHEMA}_import`;
  const url = databaseUrl(schema, path.join(os.tmpdir(), `ganbu-bench-import-${N}.db`));
  await emptyDatabase(url, schema);
  const opened = openDatabase(databaseTarget(url));
  await migrateToLatest(opened.db, DIALECT === 'postgres' ? schema : undefined);
  const dir = path.join(os.tmpdir(), `ganbu-bench-files-${N}-seed${args.seed}`);
  log(`Load through the import path: the province's cadres as .lrmx files in ${dir}, then \`ganbu import\` into an empty database`);
  const { province, files } = await prepareImportLoad(opened.db, { n: N, seed: Number(args.seed), dir, username: USER, log });
  await opened.close();
  log(`  ${files.toLocaleString()} files; ganbu import ${dir} --authority ${province}`);
  const run = await runImport(url, dir, province, log);
  log(
    `  ${run.summary}; load_s ${run.seconds.toFixed(1)} s (${Math.round(files / run.seconds)} files/s), peak RSS of the command ${run.peakRssMb} MB`,
  );
  if (run.ok !== files) log(`  ${run.ok.toLocaleString()} of ${files.toLocaleString()} files went in: load_s not given`);
  return { ...run, files };
}

async function hasData(db: Db): Promise<number> {
  try {
    const r = await db
      .selectFrom('cadres')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } catch {
    return 0;
  }
}

/** Generate and write the province; seconds from the first row built to the planner statistics. */
async function load(url: string): Promise<{ seconds: number; cadres: number; units: number; teams: number }> {
  await emptyDatabase(url, SCHEMA);
  const opened = openDatabase(databaseTarget(url));
  const { db } = opened;
  if (DIALECT === 'sqlite') await sql`pragma cache_size = -262144`.execute(db);
  await migrateToLatest(db, DIALECT === 'postgres' ? SCHEMA : undefined);
  const t0 = process.hrtime.bigint();
  const plan = provincePlan(N);
  const auth = await createProvinceAuthorities(db, plan, USER);
  const cur = await startProvince(db, auth.province);
  let cadres = 0;
  let units = 1;
  let teams = 0;
  let pending: Promise<void> | null = null;
  for (let c = 0; c < plan.cities; c++) {
    const city = buildProvinceCity(Number(args.seed), plan, c, auth.cities[c], cur);
    if (pending) await pending;
    cadres += city.bundles.length;
    units += city.structure.units.length;
    teams += city.structure.teams.length;
    const done = cadres;
    pending = db
      .transaction()
      .execute((trx) => writeProvinceCity(trx, city))
      .then(() => {
        const s = ms(t0) / 1000;
        log(
          `  city ${c + 1}/${plan.cities}: ${done.toLocaleString()} cadres, ${s.toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
        );
      });
  }
  if (pending) await pending;
  await finishProvince(db);
  await sql`analyze`.execute(db);
  const seconds = ms(t0) / 1000;
  await opened.close();
  return { seconds, cadres, units, teams };
}

async function startServer(url: string): Promise<{ child: ChildProcess; base: string }> {
  // BENCH_SERVER_PROF=DIR writes a V8 CPU profile of the server to DIR when it stops (node --cpu-prof).
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(import.meta.dirname, 'server.ts')], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rl = readline.createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return { child, base: `http://127.0.0.1:${port}` };
}

interface Rate {
  rps: number;
  /** the worst round's p99 */
  p99: number;
  non2xx: number;
}

/** Requests per second over autocannon runs of one endpoint (their total requests over their total time). */
function rateOf(runs: readonly Result[]): Rate {
  const requests = runs.reduce((n, r) => n + r.requests.total, 0);
  const seconds = runs.reduce((n, r) => n + r.duration, 0);
  return {
    rps: Math.round(requests / seconds),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}

/** The figures as a table with their targets, and as JSON with --json. */
function report(out: Record<string, number | null>, more: Record<string, string> = {}) {
  const targets: Record<string, string> = {
    load_s: `≤ 120 s, through \`ganbu import\` (${out.load_files?.toLocaleString() ?? '—'} files)`,
    load_files_ok: 'files that went in',
    load_peak_rss_mb: 'peak RSS of the import command (no target)',
    generate_s: 'the generator writing the province directly (setup, not a target)',
    ...more,
  };
  console.log(`\n| figure | ${DIALECT} | target |\n| --- | ---: | --- |`);
  for (const [k, v] of Object.entries(out)) console.log(`| ${k} | ${v ?? '—'} | ${targets[k] ?? ''} |`);
  if (args.json)
    fs.writeFileSync(args.json, `${JSON.stringify({ ...out, db: DIALECT, date: new Date().toISOString(), cpus: os.cpus().length }, null, 2)}\n`);
}

async function main() {
  const url = databaseUrl();
  log(`Ganbu bench: ${N.toLocaleString()} cadres on ${DIALECT}`);
  const imported = STEPS.has('import') ? await importStep() : undefined;
  const importFigures = {
    // a load that left files out is no load_s
    load_s: imported && imported.ok === imported.files ? r1(imported.seconds) : null,
    load_files: imported?.files ?? null,
    load_files_ok: imported?.ok ?? null,
    load_peak_rss_mb: imported?.peakRssMb ?? null,
  };
  if ([...STEPS].every((s) => s === 'import')) {
    report({ cadres: N, ...importFigures });
    return;
  }
  log('Load: the demo generator (province mode) writing directly — not the users’ import path (load_s, step import, measures that path).');
  let loaded: Awaited<ReturnType<typeof load>> | null = null;
  const probe = openDatabase(databaseTarget(url));
  const existing = args.reuse ? await hasData(probe.db) : 0;
  await probe.close();
  if (existing > 0) {
    log(`Reusing the loaded database (${existing.toLocaleString()} cadres); load_s not measured.`);
    // A database loaded before the latest migrations gets them now (their backfills timed).
    const m = openDatabase(databaseTarget(url));
    const t0 = process.hrtime.bigint();
    const applied = await migrateToLatest(m.db, DIALECT === 'postgres' ? SCHEMA : undefined);
    if (applied.length) log(`Migrated: ${applied.join(', ')} in ${(ms(t0) / 1000).toFixed(1)} s`);
    await m.close();
  } else loaded = await load(url);
  if (loaded)
    log(
      `Loaded ${loaded.cadres.toLocaleString()} cadres, ${loaded.units.toLocaleString()} units, ${loaded.teams.toLocaleString()} teams in ${loaded.seconds.toFixed(1)} s`,
    );

  const { child, base } = await startServer(url);
  const direct = openDatabase(databaseTarget(url));
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USER, password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const get = async (p: string) => {
      const t0 = process.hrtime.bigint();
      // no-cache: every search is computed afresh, not answered again by the read cache (src/db/read-cache.ts).
      const res = await fetch(`${base}${p}`, { headers: { ...headers, 'cache-control': 'no-cache' } });
      const body = await res.text();
      const t = ms(t0);
      if (!res.ok) throw new Error(`${p}: ${res.status} ${body.slice(0, 300)}`);
      return { t, body: JSON.parse(body) as Record<string, unknown> };
    };

    // Facts to build realistic queries from: some names (the conditions: search-conditions.ts).
    const names = await direct.db
      .selectFrom('cadres')
      .select(['name', 'namePinyin', 'nameInitials'])
      .where('id', 'in', [101, 5_001, 20_011, 40_123, Math.floor(N / 2), N - 77])
      .execute();

    const today = todayOf(new Date());
    const conditions = await searchConditionQueries(direct.db, today);

    // Warm the server and the caches once (both databases start cold after the load).
    await get('/api/cadres?pageSize=20');

    const search: number[] = [];
    const perQuery: { q: string; ms: number; total: number }[] = [];
    const nameTimes: number[] = [];
    const statsApi: number[] = [];
    const statsRaw: number[] = [];
    const statsRawScan: number[] = [];
    const teamScan: number[] = [];
    let teamCount = 0;
    const scope = (await direct.db.selectFrom('authorities').select('id').execute()).map((a) => a.id);
    // `search` runs only the 20 condition searches (the query-plan work of issue 3 measures them alone).
    if (STEPS.has('queries') || STEPS.has('search')) {
      log('Search: 20 condition queries × 3, first page of 20 with the total');
      for (const q of conditions) {
        let total = 0;
        const ts: number[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await get(`/api/cadres?${q}&pageSize=20&page=1`);
          ts.push(r.t);
          total = r.body.total as number;
        }
        search.push(...ts);
        perQuery.push({ q, ms: r1(median(ts)), total });
      }
      for (const p of perQuery) log(`  ${String(p.ms).padStart(8)} ms  ${String(p.total).padStart(9)}  ${p.q}`);
      log(`  search p50 ${r1(median(search))} ms, p95 ${r1(pct(search, 95))} ms`);
    }
    if (STEPS.has('queries')) {
      log('Name search: names, full pinyin and initials × 3');
      const nameQs = names.flatMap((n) => [n.name, n.name.slice(0, 2), n.namePinyin, n.nameInitials]);
      for (const q of nameQs) {
        for (let i = 0; i < 3; i++) nameTimes.push((await get(`/api/cadres?q=${encodeURIComponent(q)}&pageSize=20`)).t);
      }

      log('Team scan: staffing and composition of every team, × 3');
      for (let i = 0; i < 3; i++) {
        const t0 = process.hrtime.bigint();
        teamCount = (await teamSummaries(direct.db, scope, today)).length;
        teamScan.push(ms(t0));
      }
    }

    if (STEPS.has('queries') || STEPS.has('stats')) {
      log('Statistics: the overview through the API, the same figures in hand-written SQL (kept counts, then a scan), × 5');
      for (let i = 0; i < 5; i++) statsApi.push((await get('/api/stats/overview')).t);
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        await rawStatisticsKept(direct.db, scope, today, true);
        statsRaw.push(ms(t0));
      }
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        await rawStatisticsScan(direct.db, scope, today);
        statsRawScan.push(ms(t0));
      }
      log(`  API ${statsApi.map(r1).join(', ')} ms; raw (kept) ${statsRaw.map(r1).join(', ')} ms; raw (scan) ${statsRawScan.map(r1).join(', ')} ms`);
    }

    let rules: Awaited<ReturnType<typeof teamRules>> | undefined;
    if (STEPS.has('rules')) {
      log('Team rules: every structure rule over every team (facts loaded from the database), × 3');
      rules = await teamRules(direct.db, today, 3);
      log(
        `  ${rules.teams.toLocaleString()} teams, ${rules.findings.toLocaleString()} findings; load ${r1(rules.loadMs)} ms + rules ${r1(rules.rulesMs)} ms; process CPU ${r1(rules.cpuMs)} ms`,
      );
    }

    const duration = Number(args.duration);
    let api: Rate | undefined;
    let apiFresh: Rate | undefined;
    let hello: Rate | undefined;
    if (STEPS.has('throughput')) {
      log(
        `Throughput: autocannon 50 connections on GET /api/cadres and /hello, ${duration} s each in 4 alternating rounds (ABBA), then the list with no-cache for ${duration} s`,
      );
      // This machine's speed drifts by up to 2× within minutes (idle: /hello 10,500–25,000 rps within ten
      // minutes), so two 20 s runs one after the other compare two machines. Alternating rounds, each
      // endpoint first as often as second, measure both on the same one; the totals are still 20 s each.
      const list = { url: `${base}/api/cadres?pageSize=20`, headers };
      const bare = { url: `${base}/hello`, headers: {} };
      const apiRounds: Result[] = [];
      const helloRounds: Result[] = [];
      for (const first of [true, false, false, true]) {
        for (const isApi of first ? [true, false] : [false, true]) {
          const r = await autocannon({ ...(isApi ? list : bare), connections: 50, duration: duration / 4 });
          (isApi ? apiRounds : helloRounds).push(r);
        }
      }
      api = rateOf(apiRounds);
      hello = rateOf(helloRounds);
      apiFresh = rateOf([await autocannon({ ...list, connections: 50, duration, headers: { ...headers, 'cache-control': 'no-cache' } })]);
      log(
        `  list rounds ${apiRounds.map((r) => Math.round(r.requests.average)).join(', ')} rps; hello rounds ${helloRounds.map((r) => Math.round(r.requests.average)).join(', ')} rps`,
      );
      if (api.non2xx > 0) log(`  warning: ${api.non2xx} non-2xx answers from the list endpoint`);
    }
    // The server's peak so far (issue 3's figure), before the roster export resets the mark.
    const peakRssMb = peakRss(child.pid!);

    // Issue 4: documents and imports, after the figures above (the imports change the data).
    const f = (p: string, init?: RequestInit) => fetch(`${base}${p}`, { ...init, headers: { ...headers, ...init?.headers } });
    const lrmxFiles = Number(args['lrmx-files']);
    const docs = STEPS.has('documents') ? await documents() : undefined;
    async function documents() {
      log('Word form: GET /api/cadres/:id/export.docx × 20 (median)');
      const docxMs = await docxMedian(f, direct.db, 20);
      log('Excel roster: GET /api/exports/roster.xlsx of every cadre, server peak RSS during it');
      const resetPeak = resetPeakRss(child.pid!);
      const roster = await rosterExport(f);
      const rosterRss = peakRss(child.pid!);
      log(
        `  ${roster.rows.toLocaleString()} rows, ${(roster.bytes / 2 ** 20).toFixed(1)} MB in ${roster.seconds.toFixed(1)} s, peak RSS ${rosterRss} MB${resetPeak ? '' : ' (peak not reset: since server start)'}`,
      );
      const excelRows = Math.min(Number(args['excel-rows'] ?? 100_000), roster.rows);
      log(`Excel import: a cadres template of ${excelRows.toLocaleString()} rows updating existing cadres, dry run + confirm`);
      const excel = await excelImport(f, direct.db, excelRows);
      log(`  dry run ${excel.drySeconds.toFixed(1)} s + confirm ${excel.confirmSeconds.toFixed(1)} s; ${excel.updated.toLocaleString()} updated`);
      log(`任免审批表 import: a zip of ${lrmxFiles.toLocaleString()} generated .lrmx (new cadres) through POST /api/imports`);
      const lrmx = await lrmxImport(f, lrmxFiles);
      log(`  ${lrmx.seconds.toFixed(2)} s; ${JSON.stringify(lrmx.counts)}`);
      if (lrmx.counts.created !== lrmxFiles) log(`  warning: only ${lrmx.counts.created} of ${lrmxFiles} files created`);
      return { docxMs, roster, rosterRss, excel, lrmx };
    }

    /** a figure, or null when its step did not run */
    const fig = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : r1(x));
    const out = {
      cadres: loaded?.cadres ?? existing,
      ...importFigures,
      generate_s: loaded ? r1(loaded.seconds) : null,
      search_p50: fig(pct(search, 50)),
      search_p95: fig(pct(search, 95)),
      name_search_p95: fig(pct(nameTimes, 95)),
      stats_ms: fig(median(statsApi)),
      stats_raw_ms: fig(median(statsRaw)),
      stats_raw_scan_ms: fig(median(statsRawScan)),
      team_scan_ms: fig(median(teamScan)),
      team_rules_all_ms: fig(rules?.totalMs),
      api_rps: fig(api?.rps),
      api_p99: fig(api?.p99),
      api_fresh_rps: fig(apiFresh?.rps),
      api_fresh_p99: fig(apiFresh?.p99),
      hello_rps: fig(hello?.rps),
      peak_rss_mb: peakRssMb,
      lrmx_import_per_s: fig(docs?.lrmx.perSecond),
      docx_ms: fig(docs?.docxMs),
      excel_export_rows: fig(docs?.roster.rows),
      excel_export_100k_s: fig(docs?.roster.seconds),
      excel_export_peak_rss_mb: fig(docs?.rosterRss),
      excel_import_rows: fig(docs?.excel.rows),
      excel_import_100k_s: fig(docs?.excel.seconds),
    };
    report(out, {
      search_p95: '≤ 50 ms',
      name_search_p95: '≤ 20 ms',
      stats_ms: `≤ 1.5 × raw (${out.stats_raw_ms === null ? '—' : r1(out.stats_raw_ms * 1.5)}) and ≤ 1000`,
      stats_raw_scan_ms: 'not a target: the same figures by scanning the cadres, for comparison',
      team_scan_ms: `≤ 2000 (${teamCount} teams)`,
      team_rules_all_ms: `≤ 3000 at 30,000 teams (${rules?.teams.toLocaleString() ?? '—'} teams here)`,
      api_rps: `≥ 50 % of hello (${out.hello_rps === null ? '—' : Math.round(out.hello_rps / 2)})`,
      api_p99: '≤ 100 ms',
      api_fresh_rps: 'the same list with no-cache: every answer computed afresh (no target)',
      api_fresh_p99: '(no target)',
      peak_rss_mb: '≤ 1024 MB',
      lrmx_import_per_s: `≥ 500 files/s (${lrmxFiles} files)`,
      docx_ms: '≤ 200 ms per form',
      excel_export_100k_s: `≤ 15 s at 100,000 rows (${docs?.roster.rows.toLocaleString() ?? '—'} rows here)`,
      excel_export_peak_rss_mb: '≤ 1024 MB',
      excel_import_100k_s: `≤ 30 s at 100,000 rows, dry run + confirm (${docs?.excel.rows.toLocaleString() ?? '—'} rows here)`,
    });
  } finally {
    await direct.close();
    child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
