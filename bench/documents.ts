// The issue-4 figures of `npm run bench`: 任免审批表 import (a zip of generated .lrmx), the Word form, the
// Excel roster export and the Excel template import, each through the real HTTP API of the bench server.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { Db } from '../src/db/database.js';
import { checkCharacter } from '../src/domain/idcard.js';
import { headerText } from '../src/io/excel-import.js';
import { IMPORT_COLUMNS } from '../src/features/documents/documents.rules.js';

const SAMPLE = fs.readFileSync(path.join(import.meta.dirname, '..', 'assets', 'lrmx', 'SYNTHETIC_fictional_example.lrmx'), 'utf8');

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length / 2) - 1];

/** Fetch with the bench session; the answer's bytes, or an error naming the request. */
export type Fetcher = (p: string, init?: RequestInit) => Promise<Response>;

const ok = async (p: string, res: Response) => {
  if (!res.ok) throw new Error(`${p}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res;
};

/**
 * `n` .lrmx files of fictional new people (the shared sample with its name, ID number and birth month
 * replaced), zipped in folders of 100. ID numbers are 340102 + a birth date from 1931 on + a sequence
 * number drawn at random for a run and taken in turn by its rounds, so that each round, and most likely a
 * second run on the same database, makes new cadres again (the results count them as created).
 */
let round = Math.floor(Math.random() * 450);
export function lrmxZip(n: number): Uint8Array {
  const seq = 2 * (50 + (round++ % 450)); // even, as the sample's 性别 (女) needs
  const files: Record<string, Uint8Array> = {};
  const day0 = Date.UTC(1931, 0, 1);
  for (let i = 0; i < n; i++) {
    const birth = new Date(day0 + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const body = `340102${birth}${String(seq).padStart(3, '0')}`;
    const patch: Record<string, string> = { XingMing: `基准${i}`, ShenFenZheng: body + checkCharacter(body), ChuShengNianYue: birth.slice(0, 6) };
    let xml = SAMPLE;
    for (const [el, value] of Object.entries(patch)) xml = xml.replace(new RegExp(`<${el}>[\\s\\S]*?</${el}>`), `<${el}>${value}</${el}>`);
    files[`第${Math.floor(i / 100)}批/基准${i}.lrmx`] = Buffer.from(xml, 'utf8');
  }
  return zipSync(files, { level: 6 });
}

/** POST /api/imports with the zip, then poll the job until done: files per second, upload to last result. */
export async function lrmxImport(f: Fetcher, n: number): Promise<{ perSecond: number; seconds: number; counts: Record<string, number> }> {
  const zip = lrmxZip(n);
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(zip)]), 'bench.zip');
  const t0 = process.hrtime.bigint();
  const res = await ok('/api/imports', await f('/api/imports', { method: 'POST', body: form }));
  const { jobId } = (await res.json()) as { jobId: number };
  for (;;) {
    const job = (await (await ok(`/api/imports/${jobId}`, await f(`/api/imports/${jobId}`))).json()) as {
      status: string;
      counts: Record<string, number>;
    };
    if (job.status !== 'running') {
      const seconds = ms(t0) / 1000;
      if (job.status !== 'done') throw new Error(`import job ${jobId} ${job.status}`);
      return { perSecond: Math.round(job.counts.files / seconds), seconds, counts: job.counts };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Median of `times` GET /api/cadres/:id/export.docx over spread-out cadres. */
export async function docxMedian(f: Fetcher, db: Db, times = 20): Promise<number> {
  const max = Number(
    (
      await db
        .selectFrom('cadres')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m,
  );
  const wanted = Array.from({ length: times }, (_, i) => Math.max(1, Math.floor(((i + 0.5) * max) / times)));
  const rows = await db.selectFrom('cadres').select('id').where('id', 'in', wanted).execute();
  const ids = rows.map((r) => r.id);
  while (ids.length < times) ids.push(ids[ids.length % Math.max(1, rows.length)]);
  await (await ok('docx', await f(`/api/cadres/${ids[0]}/export.docx`))).arrayBuffer(); // warm
  const ts: number[] = [];
  for (const id of ids.slice(0, times)) {
    const t0 = process.hrtime.bigint();
    await (await ok(`docx ${id}`, await f(`/api/cadres/${id}/export.docx`))).arrayBuffer();
    ts.push(ms(t0));
  }
  return median(ts);
}

/** GET /api/exports/roster.xlsx of every cadre (status=all, default columns): seconds and rows. */
export async function rosterExport(f: Fetcher): Promise<{ seconds: number; rows: number; bytes: number }> {
  const t0 = process.hrtime.bigint();
  const res = await ok('roster', await f('/api/exports/roster.xlsx?status=all'));
  const rows = Number(res.headers.get('x-total-count'));
  const bytes = (await res.arrayBuffer()).byteLength;
  return { seconds: ms(t0) / 1000, rows, bytes };
}

/**
 * A cadres template workbook updating `n` existing cadres (身份证号, 姓名 as stored, and a new 备注),
 * uploaded as a dry run and then confirmed through POST /api/imports/excel/cadres: the seconds of both.
 */
export async function excelImport(
  f: Fetcher,
  db: Db,
  n: number,
): Promise<{ seconds: number; drySeconds: number; confirmSeconds: number; rows: number; updated: number; invalid: number }> {
  const people = await db.selectFrom('cadres').select(['idCard', 'name']).orderBy('id').limit(n).execute();
  const columns = IMPORT_COLUMNS.cadres;
  const idx = (field: string) => columns.findIndex((c) => c.field === field);
  const [iId, iName, iRemarks] = [idx('idCard'), idx('name'), idx('remarks')];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部基本信息');
  ws.addRow(columns.map(headerText));
  const stamp = new Date().toISOString().slice(0, 19);
  for (const p of people) {
    const row: string[] = new Array<string>(columns.length).fill('');
    row[iId] = p.idCard;
    row[iName] = p.name;
    row[iRemarks] = `基准测试 ${stamp}`;
    ws.addRow(row);
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  type Report = { rows: number; invalid: number; updated: number; token: string; errors: { row: number; message: string }[] };
  /** a timed POST of the import API: its report and seconds */
  const timed = async (what: string, path: string, init: RequestInit) => {
    const t0 = process.hrtime.bigint();
    const res = await ok(what, await f(path, { method: 'POST', ...init }));
    const report = (await res.json()) as Report;
    return { seconds: ms(t0) / 1000, report };
  };
  const form = new FormData();
  form.append('file', new Blob([data]), 'bench.xlsx');
  const dry = await timed('excel import', '/api/imports/excel/cadres?dryRun=1', { body: form });
  if (dry.report.invalid) throw new Error(`excel dry run: ${dry.report.invalid} bad rows, e.g. ${JSON.stringify(dry.report.errors.slice(0, 3))}`);
  // confirmed as the web page does: by the stored upload's token, without sending the file again
  const confirm = await timed('excel confirm', `/api/imports/excel/${dry.report.token}/confirm`, {
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  return {
    seconds: dry.seconds + confirm.seconds,
    drySeconds: dry.seconds,
    confirmSeconds: confirm.seconds,
    rows: confirm.report.rows,
    updated: confirm.report.updated,
    invalid: confirm.report.invalid,
  };
}
