// `load_s` through the users' import path (issue 3): the province's cadres, as the demo generator builds
// them, written out as .lrmx files (one zip per city, what a department's export from the desktop editor
// looks like), then loaded into an empty province database by `ganbu import` itself, a child process
// run as a user runs it. Only that command is timed; making the files is the users' side of the work.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { zipSync } from 'fflate';
import type { Db } from '../src/db/database.js';
import { bundleFile } from '../src/features/demo/demo.files.js';
import { DEFAULT_ZIP_LIMITS } from '../src/io/zip.js';
import { peakRss } from './proc.js';
import { buildProvinceCity, createProvinceAuthorities, provincePlan, startProvince } from '../src/features/demo/demo.province.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The empty province (its departments, the 干部科 account, the root unit) in `db`, and the files of its
 * `n` cadres in `dir`: one zip per city, made once per (n, seed) and kept for the next run. Answers the
 * province department's id, which the import puts the new cadres under.
 */
export async function prepareImportLoad(
  db: Db,
  opts: { n: number; seed: number; dir: string; username: string; log: (s: string) => void },
): Promise<{ province: number; files: number }> {
  const plan = provincePlan(opts.n);
  const auth = await createProvinceAuthorities(db, plan, opts.username);
  const cur = await startProvince(db, auth.province);
  const done = path.join(opts.dir, 'files.json');
  if (fs.existsSync(done)) return { province: auth.province, files: (JSON.parse(fs.readFileSync(done, 'utf8')) as { files: number }).files };
  fs.rmSync(opts.dir, { recursive: true, force: true });
  fs.mkdirSync(opts.dir, { recursive: true });
  let files = 0;
  for (let c = 0; c < plan.cities; c++) {
    const city = buildProvinceCity(opts.seed, plan, c, auth.cities[c], cur);
    // zips of at most as many files as the import takes in one zip, as the import takes them
    for (let k = 0; k * DEFAULT_ZIP_LIMITS.maxEntries < city.bundles.length; k++) {
      const entries: Record<string, Uint8Array> = {};
      for (const b of city.bundles.slice(k * DEFAULT_ZIP_LIMITS.maxEntries, (k + 1) * DEFAULT_ZIP_LIMITS.maxEntries))
        entries[`${b.cadre.name}_${b.cadre.idCard}.lrmx`] = bundleFile(b);
      // level 1: the zips are the input, not the figure; a stronger level only makes them slower to make
      const name = `第${String(c + 1).padStart(2, '0')}市_${String(k + 1).padStart(2, '0')}.zip`;
      fs.writeFileSync(path.join(opts.dir, name), zipSync(entries, { level: 1 }));
    }
    files += city.bundles.length;
    opts.log(`  files of city ${c + 1}/${plan.cities}: ${files.toLocaleString()}`);
  }
  fs.writeFileSync(done, JSON.stringify({ files, n: opts.n, seed: opts.seed }));
  return { province: auth.province, files };
}

/** `ganbu import <dir> --authority <id>` on the database at `url`: seconds, the results, the command's peak RSS. */
export async function runImport(
  url: string,
  dir: string,
  authority: number,
  log: (s: string) => void,
): Promise<{ seconds: number; ok: number; failed: number; peakRssMb: number | null; summary: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/ganbu.mjs'), 'import', dir, '--authority', String(authority)], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The command's progress (every 1,000 files) shown every 100,000; anything else it says, as it is.
  readline.createInterface({ input: child.stderr }).on('line', (l) => {
    const done = /^已处理 (\d+) 个文件$/.exec(l.trim());
    if (!done || Number(done[1]) % 100_000 === 0) log(`  ${l.trim()} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  });
  let ok = 0;
  let failed = 0;
  let summary = '';
  let peakRssMb: number | null = null;
  const watch = setInterval(() => {
    try {
      peakRssMb = peakRss(child.pid!);
    } catch {
      // the process has just ended
    }
  }, 500);
  const lines = readline.createInterface({ input: child.stdout });
  lines.on('line', (l) => {
    if (l.startsWith('OK ')) ok++;
    else if (l.startsWith('共 ')) summary = l;
    else {
      failed++;
      if (failed <= 5) log(`  ${l}`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watch);
  if (code === null || code > 1) throw new Error(`ganbu import ended with ${code}`);
  return { seconds: (performance.now() - t0) / 1000, ok, failed, peakRssMb, summary };
}
