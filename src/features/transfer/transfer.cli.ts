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
const isZip = (p: string) => /\.zip$/i.test(p);

/**
 * Files named on the command line, in groups read only when imported: each zip alone, the .lrmx, .lrm
 * and .pic of one folder together (an .lrm pairs with the .pic beside it), the loose files named
 * together. Folders are walked for .lrmx, .lrm, .pic and .zip.
 */
function collect(args: readonly string[]): { groups: string[][]; missing: string[] } {
  const groups: string[][] = [];
  const missing: string[] = [];
  const named: string[] = [];
  const walk = (dir: string) => {
    const here: string[] = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && isZip(e.name)) groups.push([p]);
      else if (e.isFile() && WANTED.test(e.name)) here.push(p);
    }
    groups.push(...inGroups(here));
  };
  for (const a of args) {
    const stat = fs.statSync(a, { throwIfNoEntry: false });
    if (!stat) missing.push(a);
    else if (stat.isDirectory()) walk(a);
    else if (isZip(a)) groups.push([a]);
    else named.push(a);
  }
  if (named.length) groups.push(named);
  return { groups, missing };
}

const baseName = (p: string) => p.replace(/\.[^./\\]+$/, '');

/**
 * One folder's files (sorted by name) in groups of at most `max`, never parting files of one base name
 * (an .lrm from its .pic): a folder of a million loose .lrmx is read ten thousand at a time.
 */
export function inGroups(paths: readonly string[], max = 10_000): string[][] {
  const out: string[][] = [];
  let group: string[] = [];
  for (const p of paths) {
    if (group.length >= max && baseName(group[group.length - 1]) !== baseName(p)) {
      out.push(group);
      group = [];
    }
    group.push(p);
  }
  if (group.length) out.push(group);
  return out;
}

const readGroup = (paths: readonly string[]) => (): ZipEntry[] => paths.map((p) => ({ name: p, bytes: fs.readFileSync(p) }));

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

  const { groups, missing } = collect(positionals);
  for (const m of missing) console.log(`ERROR ${m}: 文件或目录不存在`);
  const started = performance.now();
  const tty = process.stderr.isTTY;
  // The number of files is known group by group only: progress counts what is done.
  const progress = (done: number) => {
    if (tty && done % 10 === 0) process.stderr.write(`\r已处理 ${done} 个文件`);
    else if (!tty && done % 1000 === 0) process.stderr.write(`已处理 ${done} 个文件\n`);
  };

  let c: svc.ImportCounts;
  try {
    ({ counts: c } = await svc.importGroups(ctx, groups.map(readGroup), { authorityId, unitId, apply: values.update === true }, (r, done) => {
      console.log(line(r));
      progress(done);
    }));
  } catch (e) {
    if (e instanceof AppError) throw new Error(e.message);
    throw e;
  }
  if (tty && c.files >= 10) process.stderr.write(`\r已处理 ${c.files} 个文件\n`);
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
