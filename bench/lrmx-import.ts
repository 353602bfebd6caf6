// `npx tsx bench/lrmx-import.ts [--files N] [--db URL]`: lrmx_import_per_s in-process, without the
// HTTP server: a small demo city (scale 0.05) in a fresh database (in-memory SQLite by default, or a new
// schema of the PostgreSQL database given), then a zip of N generated .lrmx files (new cadres) through
// the import service (importFiles, as `ganbu import` runs it). For before/after comparisons of the
// import path; `npm run bench` measures the same through POST /api/imports.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { databaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDemo } from '../src/features/demo/demo.service.js';
import { importFiles, systemActor } from '../src/features/transfer/transfer.service.js';
import type { Ctx } from '../src/server/access.js';
import { lrmxZip } from './documents.js';

const { values: args } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, db: { type: 'string', default: ':memory:' }, rounds: { type: 'string', default: '3' } },
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const target = databaseTarget(args.db);
let schema: string | undefined;
let url = args.db;
if (target.dialect === 'postgres') {
  schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = openDatabase(target);
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  await admin.close();
  const u = new URL(args.db);
  u.searchParams.set('options', `-c search_path=${schema}`);
  url = u.toString();
}
const opened = openDatabase(databaseTarget(url));
try {
  await migrateToLatest(opened.db, schema);
  await createDemo(opened.db, { seed: 1, scale: 0.05 });
  const actor = await systemActor(opened.db);
  const n = Number(args.files);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const ctx: Ctx = { db: opened.db, actor, now: new Date() };
  for (let r = 0; r < Number(args.rounds); r++) {
    const zip = lrmxZip(n);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { results } = await importFiles(ctx, [{ name: 'bench.zip', bytes: zip }], {
      apply: false,
    });
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    const created = results.filter((x) => x.status === 'created').length;
    rates.push(Math.round(n / s));
    cpuRates.push(Math.round(n / cpuS));
    // CPU time of this process (all its threads): what a machine with nothing else running would come near
    console.error(
      `round ${r + 1}: ${n} files in ${s.toFixed(2)} s = ${Math.round(n / s)} files/s (${created} created); process CPU ${cpuS.toFixed(2)} s = ${Math.round(n / cpuS)} files per CPU-second`,
    );
  }
  console.log(
    `${target.dialect} lrmx_import_per_s: best ${Math.max(...rates)}, median ${median(rates)}; per CPU-second best ${Math.max(...cpuRates)}, median ${median(cpuRates)}`,
  );
} finally {
  await opened.close();
  if (schema) {
    const admin = openDatabase(target);
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  }
}
