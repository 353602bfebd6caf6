// `ganbu import` and `ganbu export lrmx`: the command line over the transfer use cases, acting as the
// system actor 'ganbu-cli' (every permission, every authority), audited like the web.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/database.js';
import type { ZipEntry } from '../../io/zip.js';
import { AppError } from '../../server/errors.js';
import * as svc from './transfer.service.js';

const WANTED = /\.(lrmx|lrm|pic|zip)$/i;

/** Files named on the command line; folders are walked for .lrmx, .lrm, .pic and .zip. */
function collect(args: readonly string[]): { files: ZipEntry[]; missing: string[] } {
  const files: ZipEntry[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && WANTED.test(e.name)) files.push({ name: p, bytes: fs.readFileSync(p) });
    }
  };
  for (const a of args) {
    const stat = fs.statSync(a, { throwIfNoEntry: false });
    if (!stat) missing.push(a);
    else if (stat.isDirectory()) walk(a);
    else files.push({ name: a, bytes: fs.readFileSync(a) });
  }
  return { files, missing };
}

const positiveInt = (v: string | undefined, what: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) === 0) throw new Error(`${what}应为正整数编号（收到“${v}”）`);
  return Number(v);
};

/** One line per file; exit 0 only when every file went in (created, updated or unchanged). */
export async function importCommand(db: Db, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { update: { type: 'boolean' }, authority: { type: 'string' }, unit: { type: 'string' } },
  });
  if (!positionals.length) {
    console.error('用法: ganbu import <文件|目录|zip>… [--update] [--authority ID] [--unit ID]');
    return 2;
  }
  const authorityId = positiveInt(values.authority, '--authority ');
  const unitId = positiveInt(values.unit, '--unit ');
  const actor = await svc.systemActor(db, authorityId);
  if (authorityId !== undefined && !actor.visibleAuthorityIds.includes(authorityId))
    throw new Error(`--authority ${authorityId}：没有这个组织部（管理权限）`);
  const ctx = { db, actor, now: new Date() };

  const { files, missing } = collect(positionals);
  for (const m of missing) console.log(`ERROR ${m}: 文件或目录不存在`);
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  const progress = (done: number, total: number) => {
    if (total < 100) return;
    if (tty && (done - lastShown >= 10 || done === total)) process.stderr.write(`\r已处理 ${done}/${total}${done === total ? '\n' : ''}`);
    else if (!tty && (done % 100 === 0 || done === total)) process.stderr.write(`已处理 ${done}/${total}\n`);
    else return;
    lastShown = done;
  };

  let results: svc.ImportResult[];
  try {
    ({ results } = await svc.importFiles(ctx, files, { authorityId, unitId, apply: values.update === true }, (r, done, total) => {
      console.log(line(r));
      progress(done, total);
    }));
  } catch (e) {
    if (e instanceof AppError) throw new Error(e.message);
    throw e;
  }
  const c = svc.countResults(results);
  const failed = c.errors + c.ambiguous + missing.length;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `共 ${c.files + missing.length} 个文件：新建 ${c.created}，更新 ${c.updated}，无变化 ${c.unchanged}，待确认 ${c.needsConfirmation}，失败 ${failed}` +
      `（${seconds.toFixed(1)} 秒）`,
  );
  return failed + c.needsConfirmation === 0 ? 0 : 1;
}

function line(r: svc.ImportResult): string {
  switch (r.status) {
    case 'created':
    case 'updated':
    case 'unchanged':
      return `OK ${r.file} ${r.name} ${r.idCard} ${r.status}`;
    case 'needs-confirmation':
      return `DIFF ${r.file} ${r.name} ${r.idCard} ${r.diff?.length ?? 0} 处不同（加 --update 覆盖）`;
    default:
      return `ERROR ${r.file}: ${r.message ?? '无法导入'}`;
  }
}

/** `export lrmx <身份证号>… [-o file|dir]`: one .lrmx per cadre, or one .zip when -o ends in .zip. */
export async function exportCommand(db: Db, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  const [format, ...idCards] = positionals;
  if (format !== 'lrmx' || !idCards.length) {
    console.error('用法: ganbu export lrmx <身份证号>… [-o 文件|目录]');
    return 2;
  }
  const actor = await svc.systemActor(db);
  const ctx = { db, actor, now: new Date() };
  let files: svc.ExportedFile[];
  try {
    files = await svc.exportLrmx(ctx, await svc.idsByIdCard(ctx, idCards), { via: 'cli' });
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`错误：${e.message}`);
      return 1;
    }
    throw e;
  }
  const out = values.output;
  if (out && /\.zip$/i.test(out)) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, svc.zipExports(files));
    console.log(`OK ${out} ${files.length} 人`);
    return 0;
  }
  const single = out && files.length === 1 && /\.lrmx$/i.test(out);
  if (out && !single && /\.lrmx$/i.test(out)) {
    console.error('错误：导出多人时 -o 应为目录或以 .zip 结尾的文件名');
    return 2;
  }
  const dir = single ? path.dirname(path.resolve(out)) : path.resolve(out ?? '.');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const target = single ? out : path.join(dir, svc.exportFileName(f, true));
    fs.writeFileSync(target, f.bytes);
    console.log(`OK ${target} ${f.name} ${f.idCard}`);
  }
  return 0;
}
