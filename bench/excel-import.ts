// `npx tsx bench/excel-import.ts --db file:/tmp/x.db|postgres://… [--rows 100000] [--profile]`:
// excel_import_100k_s in-process, without the HTTP server: a cadres template of `rows` existing cadres
// (身份证号, 姓名 as stored, a new 备注; the same workbook as `npm run bench` builds) through the import
// service (importExcel), dry run and then confirm. The database must already hold the cadres (e.g. a copy
// of the SQLite file `npm run bench -- --cadres 100000` leaves in the OS temp dir, or its PostgreSQL
// schema ganbu_bench: add `?options=-c search_path=ganbu_bench`). For before/after comparisons of the
// import path; `npm run bench` measures the same through POST /api/imports/excel/cadres.
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { databaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { importExcel } from '../src/features/documents/documents.service.js';
import { IMPORT_COLUMNS } from '../src/features/documents/documents.rules.js';
import { headerText } from '../src/io/excel-import.js';
import { systemActor } from '../src/features/transfer/transfer.service.js';
import type { Ctx } from '../src/server/access.js';

const { values: args } = parseArgs({ options: { db: { type: 'string' }, rows: { type: 'string', default: '100000' } } });
if (!args.db) throw new Error('--db file:PATH or postgres://… (a database already loaded by npm run bench)');
const target = databaseTarget(args.db);
const opened = openDatabase(target);
try {
  const schema = target.dialect === 'postgres' ? new URL(args.db).searchParams.get('options')?.match(/search_path=(\w+)/)?.[1] : undefined;
  await migrateToLatest(opened.db, schema);
  const db = opened.db;
  const people = await db.selectFrom('cadres').select(['idCard', 'name']).orderBy('id').limit(Number(args.rows)).execute();
  const columns = IMPORT_COLUMNS.cadres;
  const idx = (field: string) => columns.findIndex((c) => c.field === field);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部基本信息');
  ws.addRow(columns.map(headerText));
  const stamp = new Date().toISOString().slice(0, 19);
  for (const p of people) {
    const row: string[] = new Array<string>(columns.length).fill('');
    row[idx('idCard')] = p.idCard;
    row[idx('name')] = p.name;
    row[idx('remarks')] = `基准测试 ${stamp}`;
    ws.addRow(row);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const ctx: Ctx = { db, actor: await systemActor(db), now: new Date() };
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
  }
} finally {
  await opened.close();
}
