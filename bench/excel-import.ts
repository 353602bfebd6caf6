// `npx tsx bench/excel-import.ts --db file:/tmp/x.db|postgres://… [--rows 100000] [--profile] [--cache FILE]` (--profile: PostgreSQL statements timed by kind; --cache: the workbook built once, see below):
// excel_import_100k_s in-process, without the HTTP server: a cadres template of `rows` existing cadres
// (身份证号, 姓名 as stored, a new 备注; the same workbook as `npm run bench` builds) through the import
// service (importExcel), dry run and then confirm. The database must already hold the cadres (e.g. a copy
// of the SQLite file `npm run bench -- --cadres 100000` leaves in the OS temp dir, or its PostgreSQL
// schema ganbu_bench: add `?options=-c search_path=ganbu_bench`). For before/after comparisons of the
// import path; `npm run bench` measures the same through POST /api/imports/excel/cadres.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import pg from 'pg';
import { databaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { importExcel } from '../src/features/documents/documents.service.js';
import { IMPORT_COLUMNS } from '../src/features/documents/documents.rules.js';
import { headerText } from '../src/io/excel-import.js';
import { systemActor } from '../src/features/transfer/transfer.service.js';
import type { Ctx } from '../src/server/access.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    rows: { type: 'string', default: '100000' },
    profile: { type: 'boolean', default: false },
    cache: { type: 'string' },
  },
});

/**
 * --profile (PostgreSQL): every statement's round trip timed, grouped by its first words, printed per
 * run (count, total ms, ms per statement), to see where the time outside this process goes.
 */
const profile = new Map<string, { n: number; ms: number }>();
if (args.profile) {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...a: unknown[]) {
    const text = typeof a[0] === 'string' ? a[0] : ((a[0] as { text?: string }).text ?? '?');
    const key = text
      .replace(/\s+/g, ' ')
      .replace(/\$\d+(, \$\d+)*/g, '$…')
      .slice(0, 90);
    const t0 = performance.now();
    const r = query.apply(this, a);
    if (r instanceof Promise)
      void r.finally(() => {
        const e = profile.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t0;
        profile.set(key, e);
      });
    return r;
  } as typeof pg.Client.prototype.query;
}
const printProfile = () => {
  const rows = [...profile].sort((a, b) => b[1].ms - a[1].ms);
  const all = rows.reduce((t, [, e]) => ({ n: t.n + e.n, ms: t.ms + e.ms }), { n: 0, ms: 0 });
  console.log(`  statements: ${all.n}, ${(all.ms / 1000).toFixed(1)} s waiting on the database`);
  for (const [k, e] of rows.slice(0, 15))
    console.log(`  ${String(e.n).padStart(7)} ${(e.ms / 1000).toFixed(2).padStart(7)} s ${(e.ms / e.n).toFixed(2).padStart(7)} ms  ${k}`);
  profile.clear();
};
if (!args.db) throw new Error('--db file:PATH or postgres://… (a database already loaded by npm run bench)');
const target = databaseTarget(args.db);
const opened = openDatabase(target);
try {
  const schema = target.dialect === 'postgres' ? new URL(args.db).searchParams.get('options')?.match(/search_path=(\w+)/)?.[1] : undefined;
  await migrateToLatest(opened.db, schema);
  const db = opened.db;
  const stamp = new Date().toISOString().slice(0, 19);
  // Building the workbook with ExcelJS takes longer than the import (≈ 100 s of CPU for 100,000 rows on
  // a loaded machine): with --cache FILE it is built once and then reused with a new 备注 (the one
  // shared string of that column, replaced in xl/sharedStrings.xml), so every run still changes every row.
  let data: Buffer;
  if (args.cache && fs.existsSync(args.cache)) {
    const files = unzipSync(fs.readFileSync(args.cache));
    const strings = strFromU8(files['xl/sharedStrings.xml']).replace(/基准测试 [0-9T:-]{19}/g, `基准测试 ${stamp}`);
    files['xl/sharedStrings.xml'] = strToU8(strings);
    data = Buffer.from(zipSync(files, { level: 1 }));
  } else {
    const people = await db.selectFrom('cadres').select(['idCard', 'name']).orderBy('id').limit(Number(args.rows)).execute();
    const columns = IMPORT_COLUMNS.cadres;
    const idx = (field: string) => columns.findIndex((c) => c.field === field);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('干部基本信息');
    ws.addRow(columns.map(headerText));
    for (const p of people) {
      const row: string[] = new Array<string>(columns.length).fill('');
      row[idx('idCard')] = p.idCard;
      row[idx('name')] = p.name;
      row[idx('remarks')] = `基准测试 ${stamp}`;
      ws.addRow(row);
    }
    data = Buffer.from(await wb.xlsx.writeBuffer());
    if (args.cache) fs.writeFileSync(args.cache, data);
  }
  const ctx: Ctx = { db, actor: await systemActor(db), now: new Date() };
  profile.clear();
  for (const dryRun of process.env.DRY_ONLY ? [true] : [true, false]) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await importExcel(ctx, 'cadres', data, dryRun, 'bench.xlsx');
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    console.log(
      `${target.dialect} ${dryRun ? 'dry run' : 'confirm'}: ${r.rows} rows in ${s.toFixed(1)} s (${((s * 1000) / r.rows).toFixed(3)} ms/row; this process's CPU ${cpu.toFixed(1)} s); valid ${r.valid}, updated ${r.updated}, errors ${r.errors.length}${r.errors.length ? ' e.g. ' + JSON.stringify(r.errors.slice(0, 2)) : ''}`,
    );
    if (args.profile) printProfile();
  }
} finally {
  await opened.close();
}
