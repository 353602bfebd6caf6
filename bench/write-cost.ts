// What the triggers of a migration cost the writes to cadres: `npx tsx bench/write-cost.ts [--rows 50000]
// [--rounds 3] [--without 0018_search_p95]`. Two in-memory SQLite databases with the demo departments,
// one migrated to the latest, one with the migration named by --without rolled back (its `down`); then
// in alternating rounds, bulk inserts of new cadres in chunks of 500 (insertCadres, as the .lrmx import
// and the Excel import's new rows write), a bulk update of 专长, birth date and 学历 (updateCadres, as the
// Excel import writes) and a delete of them. Process CPU per row (user + system), median of the rounds.
import { parseArgs } from 'node:util';
import { databaseTarget } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createDemo } from '../src/features/demo/demo.service.js';
import { insertCadres, updateCadres, type CadreRow } from '../src/features/cadres/cadres.repository.js';
import { cadreRow } from '../test/support/factory.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '3' },
    without: { type: 'string', default: '0018_search_p95' },
  },
});
const N = Number(args.rows);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function setUp(without: boolean) {
  const opened = openDatabase(databaseTarget(':memory:'));
  await migrateToLatest(opened.db);
  await createDemo(opened.db, { seed: 7, scale: 0 });
  if (without) {
    const m = (await import(`../src/db/migrations/${args.without}.js`)) as { down(db: unknown): Promise<void> };
    await m.down(opened.db);
  }
  const { id } = await opened.db.selectFrom('authorities').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  return { ...opened, authority: id };
}

const SPECIALTIES = ['经济管理', '基层治理', '乡村振兴', '法律', '党建工作', '文字综合', '财务', '农业农村工作'];
let serial = 0;
async function round(d: Awaited<ReturnType<typeof setUp>>) {
  const rows = Array.from({ length: N }, (_, i) => {
    serial++;
    return cadreRow({
      authorityId: d.authority,
      idCard: `wc${String(serial).padStart(12, '0')}`,
      gender: i % 3 ? '1' : '2',
      birthDate: `19${60 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      politicalStatus: i % 9 ? '01' : '13',
      highestEducation: i % 4 ? '21' : '11',
      specialty: SPECIALTIES[i % SPECIALTIES.length],
    }) as CadreRow;
  });
  let t = cpu();
  const ids = await d.db.transaction().execute((tx) => insertCadres(tx, rows));
  const insert = (cpu() - t) / N;
  t = cpu();
  await d.db.transaction().execute((tx) =>
    updateCadres(
      tx,
      ids.map((id, i) => ({
        id,
        version: 1,
        row: { specialty: SPECIALTIES[(i + 3) % SPECIALTIES.length], birthDate: '1985-06-15', highestEducation: '23' },
      })),
    ),
  );
  const update = (cpu() - t) / N;
  t = cpu();
  for (let i = 0; i < ids.length; i += 500)
    await d.db
      .deleteFrom('cadres')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  const del = (cpu() - t) / N;
  return { insert, update, del };
}

const before = await setUp(true);
const after = await setUp(false);
const out = { before: [] as { insert: number; update: number; del: number }[], after: [] as { insert: number; update: number; del: number }[] };
for (let r = 0; r < Number(args.rounds); r++) {
  out.before.push(await round(before));
  out.after.push(await round(after));
}
const us = (xs: number[]) => `${(median(xs) * 1000).toFixed(1)} µs`;
for (const k of ['before', 'after'] as const) {
  const rs = out[k];
  process.stdout.write(
    `${k === 'before' ? `without ${args.without}` : 'latest'}: insert ${us(rs.map((r) => r.insert))}, update ${us(rs.map((r) => r.update))}, delete ${us(rs.map((r) => r.del))} CPU per cadre (median of ${rs.length})\n`,
  );
}
await before.close();
await after.close();
