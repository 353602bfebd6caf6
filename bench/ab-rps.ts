// A/B of api_rps on a shared, drifting machine: `npx tsx bench/ab-rps.ts --db URL --a DIR --b DIR
// [--rounds 4] [--seconds 5]`. Starts bench/server.ts of two source trees (e.g. main in a scratch copy and
// a branch) on the same database, signs in to each as the harness does, and alternates 5 s autocannon
// rounds (50 connections) of the cached list and /hello on each, so both see the same load; prints each
// side's totals divided by time, the ratio api / hello and the p99s. The database must be migrated
// already (run the harness with --reuse once).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/features/demo/demo.accounts.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    rounds: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
    path: { type: 'string', default: '/api/cadres?pageSize=20' },
  },
});
if (!args.db || !args.a || !args.b) throw new Error('--db, --a and --b are required');

async function start(dir: string): Promise<{ child: ChildProcess; base: string; headers: Record<string, string> }> {
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.join(process.env.BENCH_SERVER_PROF, path.basename(dir))] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(path.resolve(dir), 'bench/server.ts')], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: args.db },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ganbuke', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  return { child, base, headers: { authorization: `Bearer ${((await login.json()) as { token: string }).token}` } };
}

const sides = { a: await start(args.a), b: await start(args.b) };
const totals = { a: { api: 0, hello: 0, p99: [] as number[] }, b: { api: 0, hello: 0, p99: [] as number[] } };
const seconds = Number(args.seconds);
try {
  // warm-up, not counted: the first seconds of a server run cold code
  for (const s of Object.values(sides)) {
    await autocannon({ url: `${s.base}${args.path}`, connections: 50, duration: 2, headers: s.headers });
    await autocannon({ url: `${s.base}/hello`, connections: 50, duration: 2 });
  }
  for (let r = 0; r < Number(args.rounds); r++) {
    // the order alternates too, so neither side always runs after the other
    for (const k of r % 2 ? (['b', 'a'] as const) : (['a', 'b'] as const)) {
      const s = sides[k];
      const api = await autocannon({ url: `${s.base}${args.path}`, connections: 50, duration: seconds, headers: s.headers });
      const hello = await autocannon({ url: `${s.base}/hello`, connections: 50, duration: seconds });
      if (api.non2xx) throw new Error(`${k}: ${api.non2xx} answers not 2xx`);
      totals[k].api += api.requests.total;
      totals[k].hello += hello.requests.total;
      totals[k].p99.push(api.latency.p99);
      process.stderr.write(
        `round ${r + 1} ${k}: api ${Math.round(api.requests.average)} / hello ${Math.round(hello.requests.average)}, p99 ${api.latency.p99} ms\n`,
      );
    }
  }
} finally {
  for (const s of Object.values(sides)) s.child.kill('SIGTERM');
}
const time = Number(args.rounds) * seconds;
for (const k of ['a', 'b'] as const) {
  const t = totals[k];
  console.log(
    `${k} (${k === 'a' ? args.a : args.b}): api ${Math.round(t.api / time)} / hello ${Math.round(t.hello / time)} = ${(t.api / t.hello).toFixed(2)}, p99 ${Math.min(...t.p99)}–${Math.max(...t.p99)} ms`,
  );
}
