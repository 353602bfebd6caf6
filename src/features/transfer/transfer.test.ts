import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreInput, insertUnit } from '../../../test/support/factory.js';
import { checkCharacter } from '../../domain/idcard.js';
import { readZip } from '../../io/zip.js';
import { importGroups, systemActor, waitForImportJobs } from './transfer.service.js';
import { inGroups } from './transfer.cli.js';

type Json = Record<string, unknown>;
interface Result {
  file: string;
  status: string;
  name: string;
  idCard: string;
  message?: string;
  issues?: { field: string; label?: string; message: string }[];
  diff?: { field: string; label: string; old: string; new: string }[];
  cadreId?: number;
  candidates?: { cadreId: number; idCard: string; name: string }[];
}
interface Job {
  id: number;
  status: string;
  total: number;
  done: number;
  results: Result[];
  counts: Json;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE = fs.readFileSync(path.join(root, 'assets/lrmx/SYNTHETIC_fictional_example.lrmx'));
const SAMPLE_TEXT = SAMPLE.toString('utf8');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/lrmx', name));

/** A valid ID for a fictional person born on `birth` (YYYYMMDD). */
const idFor = (birth: string, seq = '013') => {
  const body = `340102${birth}${seq}`;
  return body + checkCharacter(body);
};

/** The shared sample with elements replaced (by name) and a fresh ID number unless given. */
function variant(patch: Record<string, string>, opts: { keepId?: boolean } = {}): Buffer {
  let xml = SAMPLE_TEXT;
  const all = opts.keepId ? patch : { ShenFenZheng: patch.ShenFenZheng ?? idFor('19491231', '024'), ...patch };
  for (const [el, value] of Object.entries(all)) {
    const re = new RegExp(`<${el}>[\\s\\S]*?</${el}>`);
    if (!re.test(xml)) throw new Error(`no <${el}> in the sample`);
    xml = xml.replace(re, `<${el}>${value}</${el}>`);
  }
  return Buffer.from(xml, 'utf8');
}

function multipart(files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}) {
  const boundary = `----ganbu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` + 'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dialects)('任免审批表 import and export on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let unit: number;

  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    unit = await insertUnit(h.t.db, { name: '青川市发展和改革委员会', authorityId: city });
  });
  afterAll(async () => {
    await waitForImportJobs();
    await h?.close();
  });

  const api = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await h.app.inject({ method, url, headers: await h.as(user), payload: payload as Json });
    return {
      status: res.statusCode,
      body: (res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : null) as Json,
      raw: res.rawPayload,
      res,
    };
  };

  /** Upload, wait for the job to finish, answer the job. */
  const upload = async (files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}, user = 'ganbuke'): Promise<Job> => {
    const mp = multipart(files, fields);
    const res = await h.app.inject({ method: 'POST', url: '/api/imports', headers: { ...(await h.as(user)), ...mp.headers }, payload: mp.payload });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: number };
    for (;;) {
      const job = await api(user, 'GET', `/api/imports/${jobId}`);
      expect(job.status, JSON.stringify(job.body)).toBe(200);
      const j = job.body as unknown as Job;
      if (j.status !== 'running') return j;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const cadreCount = async () =>
    Number(
      (
        await h.t.db
          .selectFrom('cadres')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const profile = async (id: number) => (await api('ganbuke', 'GET', `/api/cadres/${id}`)).body;

  let sampleId: number;

  it('imports the shared sample, exports it, and the export imports as unchanged with every field equal', async () => {
    const job = await upload([{ name: '测试甲.lrmx', bytes: SAMPLE }], { unitId: String(unit) });
    expect(job).toMatchObject({ status: 'done', total: 1, done: 1 });
    expect(job.results).toEqual([expect.objectContaining({ file: '测试甲.lrmx', status: 'created', name: '测试甲', idCard: '11010519491231002X' })]);
    sampleId = job.results[0].cadreId!;
    const before = await profile(sampleId);
    expect(before).toMatchObject({
      name: '测试甲',
      gender: '2',
      birthMonth: '1949-12',
      authorityId: city,
      unitId: unit,
      currentPost: '某某市某某局副局长',
    });

    const exported = await api('ganbuke', 'GET', `/api/cadres/${sampleId}/export.lrmx`);
    expect(exported.status).toBe(200);
    expect(exported.res.headers['content-disposition']).toContain(encodeURIComponent('测试甲.lrmx'));
    const text = exported.raw.toString('utf8');
    // every element, in template order, the proposal and version kept
    expect(text.indexOf('<NiRenZhiWu>某某市某某局局长</NiRenZhiWu>')).toBeGreaterThan(text.indexOf('<XianRenZhiWu>'));
    expect(text).toContain('<JiSuanNianLingShiJian>20240601</JiSuanNianLingShiJian>');
    expect(text).toContain('<Version>3.2.1.16</Version>');
    expect(text).toContain('1998.06--         某某市某某局副局长</JianLi>');

    const again = await upload([{ name: 'export.lrmx', bytes: exported.raw }]);
    expect(again.results).toEqual([expect.objectContaining({ status: 'unchanged', cadreId: sampleId, idCard: '11010519491231002X' })]);
    const after = await profile(sampleId);
    expect(after).toEqual(before);
    // and exporting again gives the same bytes
    const second = await api('ganbuke', 'GET', `/api/cadres/${sampleId}/export.lrmx`);
    expect(second.raw.equals(exported.raw)).toBe(true);

    const events = await h.t.db
      .selectFrom('auditLog')
      .select(['event', 'username', 'detail'])
      .where('event', 'in', ['cadre.import', 'cadre.export', 'cadre.create'])
      .execute();
    expect(events.filter((e) => e.event === 'cadre.import')).toHaveLength(2);
    expect(events.filter((e) => e.event === 'cadre.export')).toHaveLength(2);
    expect(events.find((e) => e.event === 'cadre.create')).toMatchObject({ username: 'ganbuke' });
    expect(JSON.parse(events.find((e) => e.event === 'cadre.create')!.detail)).toMatchObject({ source: 'import', file: '测试甲.lrmx' });
  });

  it('a file for an existing cadre shows the differences and writes nothing until confirmed', async () => {
    const before = await profile(sampleId);
    const changed = variant({ XianRenZhiWu: '某某市某某局局长', NiRenZhiWu: '' }, { keepId: true });
    const job = await upload([{ name: '改.lrmx', bytes: changed }]);
    const r = job.results[0];
    expect(r).toMatchObject({ status: 'needs-confirmation', cadreId: sampleId, name: '测试甲' });
    expect(r.diff).toEqual([
      { field: 'currentPost', label: '现任职务', old: '某某市某某局副局长', new: '某某市某某局局长' },
      { field: 'proposal.NiRenZhiWu', label: '拟任职务', old: '某某市某某局局长', new: '' },
    ]);
    expect(await profile(sampleId)).toEqual(before);

    // someone else's job is not found; a file that needs no confirmation is refused
    expect((await api('donghu', 'GET', `/api/imports/${job.id}`)).status).toBe(404);
    expect((await api('ganbuke', 'POST', `/api/imports/${job.id}/confirm`, { files: ['别的.lrmx'] })).status).toBe(400);

    const confirmed = await api('ganbuke', 'POST', `/api/imports/${job.id}/confirm`, { files: ['改.lrmx'] });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((confirmed.body as unknown as Job).results[0]).toMatchObject({ status: 'updated' });
    const after = await profile(sampleId);
    expect(after).toMatchObject({ currentPost: '某某市某某局局长', version: (before.version as number) + 1, unitId: unit });
    const exported = (await api('ganbuke', 'GET', `/api/cadres/${sampleId}/export.lrmx`)).raw.toString('utf8');
    expect(exported).toContain('<NiRenZhiWu></NiRenZhiWu>');
  });

  it('a confirmation re-checks that the cadre has not been saved since', async () => {
    const job = await upload([{ name: '再改.lrmx', bytes: variant({ XianRenZhiWu: '某某市某某局一级调研员' }, { keepId: true }) }]);
    expect(job.results[0].status).toBe('needs-confirmation');
    const p = await profile(sampleId);
    const { id: _id, ...rest } = p;
    const body = Object.fromEntries(
      Object.entries(rest).filter(([k]) => !/Name$|^(age|birthDate|highestEducation|rankCode|rankSince|hasPhoto|createdAt|updatedAt)$/.test(k)),
    );
    const saved = await api('ganbuke', 'PUT', `/api/cadres/${sampleId}`, { ...body, remarks: '期间有人修改' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const confirmed = await api('ganbuke', 'POST', `/api/imports/${job.id}/confirm`, { files: ['再改.lrmx'] });
    expect((confirmed.body as unknown as Job).results[0]).toMatchObject({ status: 'error', message: expect.stringContaining('已被修改') });
    expect(await profile(sampleId)).toMatchObject({ currentPost: '某某市某某局局长', remarks: '期间有人修改' });
  });

  it('bad files are rejected with the field named, nothing of them written, and the others go on', async () => {
    const before = await cadreCount();
    const good = variant({ XingMing: '测试戊', ShenFenZheng: idFor('19491231', '026') });
    const badId = '11010519491231002' + (checkCharacter('11010519491231002') === '1' ? '2' : '1');
    const bomb = zipSync({ 'bomb.lrmx': new Uint8Array(17 * 1024 * 1024) }, { level: 9 });
    const cases: [string, Uint8Array, RegExp][] = [
      ['billion.lrmx', fixture('bad_billion_laughs.lrmx'), /DTD|实体/],
      ['root.lrmx', fixture('bad_wrong_root.lrmx'), /根元素/],
      ['unclosed.lrmx', fixture('bad_unclosed.lrmx'), /XML/],
      ['id.lrmx', variant({ ShenFenZheng: badId }), /^身份证号：/],
      ['long.lrmx', variant({ XingMing: '测'.repeat(19) }), /^姓名：.*18/],
      ['date.lrmx', variant({ ChuShengNianYue: '194913' }), /^出生年月：/],
      ['photo.lrmx', variant({ ZhaoPian: Buffer.from('not an image at all').toString('base64') }), /^照片：/],
      ['mismatch.lrmx', variant({ ChuShengNianYue: '195001' }), /^出生年月：.*身份证号/],
      ['code.lrmx', variant({ MinZu: '火星族' }), /^民族：/],
      ['big.lrmx', Buffer.concat([SAMPLE, Buffer.alloc(17 * 1024 * 1024, 0x20)]), /文件过大/],
      ['bomb.zip', bomb, /超过单个文件上限|压缩炸弹/],
    ];
    const job = await upload([...cases.map(([name, bytes]) => ({ name, bytes })), { name: 'good.lrmx', bytes: good }]);
    for (const [name, , reason] of cases) {
      const r = job.results.find((x) => x.file === name);
      expect(r, name).toMatchObject({ status: 'error' });
      expect(r!.message, name).toMatch(reason);
    }
    expect(job.results.find((x) => x.file === 'good.lrmx')).toMatchObject({ status: 'created', name: '测试戊' });
    expect(await cadreCount()).toBe(before + 1);
    expect(job.counts).toMatchObject({ files: cases.length + 1, created: 1, errors: cases.length });
  });

  it('when a chunk of new cadres fails to be written together, its files go in one by one and only the failing one is reported', async () => {
    const first = await upload([{ name: 'victim.lrmx', bytes: variant({ XingMing: '原有', ShenFenZheng: idFor('19491204', '026') }) }]);
    expect(first.results[0]).toMatchObject({ status: 'created' });
    const before = await cadreCount();
    // Stands for another user taking the ID number of “抢号” between the chunk's check and its write.
    const victim = (await h.t.db.selectFrom('cadres').select(['id', 'idCard']).orderBy('id').executeTakeFirstOrThrow()) as {
      id: number;
      idCard: string;
    };
    if (dialect === 'sqlite')
      await sql`create trigger steal_id before insert on cadres when new.name = '抢号' begin update cadres set id_card = new.id_card where id = ${sql.lit(victim.id)}; end`.execute(
        h.t.db,
      );
    else {
      await sql
        .raw(
          `create function steal_id() returns trigger language plpgsql as $$ begin update cadres set id_card = new.id_card where id = ${victim.id}; return new; end $$`,
        )
        .execute(h.t.db);
      await sql`create trigger steal_id before insert on cadres for each row when (new.name = '抢号') execute function steal_id()`.execute(h.t.db);
    }
    try {
      const twice = variant({ XingMing: '后到', ShenFenZheng: idFor('19491203', '026') });
      const job = await upload([
        { name: 'a.lrmx', bytes: variant({ XingMing: '先来', ShenFenZheng: idFor('19491201', '026') }) },
        { name: 'b.lrmx', bytes: variant({ XingMing: '抢号', ShenFenZheng: idFor('19491202', '026') }) },
        { name: 'c.lrmx', bytes: twice },
        // the same ID number twice in one chunk: the second file is compared with what the first wrote
        { name: 'd.lrmx', bytes: twice },
      ]);
      expect(job.results.map((r) => [r.file, r.status])).toEqual([
        ['a.lrmx', 'created'],
        ['b.lrmx', 'error'],
        ['c.lrmx', 'created'],
        ['d.lrmx', 'unchanged'],
      ]);
      expect(job.results[1].message).toMatch(/该身份证号已存在/);
      expect(await cadreCount()).toBe(before + 2);
      // nothing of the failed file stays, not even what its trigger did
      expect(await h.t.db.selectFrom('cadres').select('idCard').where('id', '=', victim.id).executeTakeFirstOrThrow()).toEqual({
        idCard: victim.idCard,
      });
      const audited = await h.t.db
        .selectFrom('auditLog')
        .select('detail')
        .where('event', '=', 'cadre.create')
        .where('detail', 'like', '%抢号%')
        .execute();
      expect(audited).toEqual([]);
    } finally {
      await sql`drop trigger steal_id${dialect === 'sqlite' ? sql`` : sql` on cadres`}`.execute(h.t.db);
      if (dialect !== 'sqlite') await sql`drop function steal_id()`.execute(h.t.db);
    }
  });

  it('an .lrm without 身份证号 is matched by 姓名 + 出生年月: one → confirmation, several → ambiguous, none → reported', async () => {
    const lrm = fixture('fictional_legacy.lrm');
    const pic = fixture('fictional_legacy.pic');
    const none = await upload([
      { name: '周八.lrm', bytes: lrm },
      { name: '周八.pic', bytes: pic },
    ]);
    expect(none.results).toEqual([expect.objectContaining({ status: 'error', message: expect.stringMatching(/^身份证号：.*没有身份证号/) })]);

    const zhou = await api('ganbuke', 'POST', '/api/cadres', cadreInput({ name: '周八', birthDate: '1990-05-20', gender: '2', authorityId: city }));
    expect(zhou.status, JSON.stringify(zhou.body)).toBe(201);
    const one = await upload([
      { name: '周八.lrm', bytes: lrm },
      { name: '周八.pic', bytes: pic },
    ]);
    expect(one.results[0]).toMatchObject({
      status: 'needs-confirmation',
      cadreId: zhou.body.id,
      idCard: zhou.body.idCard,
      message: expect.stringContaining('姓名和出生年月'),
    });
    expect(one.results[0].diff!.map((d) => d.field)).toEqual(expect.arrayContaining(['currentPost', 'resume', 'photo']));
    const confirmed = await api('ganbuke', 'POST', `/api/imports/${one.id}/confirm`, { files: ['周八.lrm'] });
    expect((confirmed.body as unknown as Job).results[0].status).toBe('updated');
    expect(await profile(zhou.body.id as number)).toMatchObject({
      hasPhoto: true,
      idCard: zhou.body.idCard,
      levelCode: '1A32',
      tags: expect.arrayContaining(['经济', '年轻干部']),
    });

    const other = await api('ganbuke', 'POST', '/api/cadres', cadreInput({ name: '周八', birthDate: '1990-05-02', gender: '2', authorityId: city }));
    expect(other.status).toBe(201);
    const two = await upload([{ name: '周八.lrm', bytes: lrm }]);
    expect(two.results[0]).toMatchObject({ status: 'ambiguous', message: expect.stringContaining('有 2 名') });
    expect(two.results[0].candidates!.map((c) => c.cadreId).sort()).toEqual([zhou.body.id, other.body.id].sort());

    // The user decides: a cadre not among the candidates is refused, the file stays to be resolved.
    const resolve = (jobId: number, body: Json) => api('ganbuke', 'POST', `/api/imports/${jobId}/resolve`, { file: '周八.lrm', ...body });
    const wrong = await resolve(two.id, { cadreId: sampleId });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('候选干部');
    expect((await resolve(two.id, { cadreId: other.body.id, idCard: idFor('19900515', '022') })).status).toBe(400);
    // one candidate chosen → the differences with that cadre, confirmed as any other
    const chosen = (await resolve(two.id, { cadreId: other.body.id })).body as unknown as Job;
    expect(chosen.results[0]).toMatchObject({ status: 'needs-confirmation', cadreId: other.body.id, idCard: other.body.idCard });
    expect(chosen.counts).toMatchObject({ ambiguous: 0, needsConfirmation: 1 });
    expect((await resolve(two.id, { cadreId: other.body.id })).status).toBe(400);
    const applied = (await api('ganbuke', 'POST', `/api/imports/${two.id}/confirm`, { files: ['周八.lrm'] })).body as unknown as Job;
    expect(applied.results[0].status).toBe('updated');
    expect(await profile(other.body.id as number)).toMatchObject({ currentPost: (await profile(zhou.body.id as number)).currentPost });

    // or a 身份证号 the file lacks: a bad one is refused; a new one creates the cadre
    const three = await upload([{ name: '周八.lrm', bytes: lrm }]);
    expect(three.results[0].status).toBe('ambiguous');
    const bad = await resolve(three.id, { idCard: '340102199005150000' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('身份证号');
    const newId = idFor('19900515', '022');
    const created = (await resolve(three.id, { idCard: newId })).body as unknown as Job;
    expect(created.results[0]).toMatchObject({ status: 'created', idCard: newId, name: '周八' });
    expect(await profile(created.results[0].cadreId!)).toMatchObject({ idCard: newId, birthDate: '1990-05-15', hasPhoto: false });
  });

  it('sends results a page at a time, confirms all pending files at once, and deletes jobs past their retention', async () => {
    const files = [
      { name: 'p1.lrmx', bytes: variant({ XianRenZhiWu: '某某市某某局调研员' }, { keepId: true }) },
      { name: 'p2.lrmx', bytes: Buffer.from('<Person>') },
      { name: 'p3.lrmx', bytes: Buffer.from('not xml') },
    ];
    const job = await upload(files);
    expect(job.counts).toMatchObject({ files: 3, needsConfirmation: 1, errors: 2 });
    const page = async (q: string) => (await api('ganbuke', 'GET', `/api/imports/${job.id}?${q}`)).body as unknown as Job & { resultsTotal: number };
    const first = await page('pageSize=2');
    expect(first.results.map((r) => r.file)).toEqual(['p1.lrmx', 'p2.lrmx']);
    expect(first.resultsTotal).toBe(3);
    expect((await page('pageSize=2&page=2')).results.map((r) => r.file)).toEqual(['p3.lrmx']);
    const errors = await page('status=error');
    expect(errors.resultsTotal).toBe(2);
    expect(errors.results.map((r) => r.status)).toEqual(['error', 'error']);
    expect((await api('ganbuke', 'GET', `/api/imports/${job.id}?pageSize=501`)).status).toBe(400);

    expect((await api('ganbuke', 'POST', `/api/imports/${job.id}/confirm`, {})).status).toBe(400);
    const all = (await api('ganbuke', 'POST', `/api/imports/${job.id}/confirm`, { all: true })).body as unknown as Job;
    expect(all.counts).toMatchObject({ updated: 1, needsConfirmation: 0 });
    expect(await profile(sampleId)).toMatchObject({ currentPost: '某某市某某局调研员' });

    // 40 days old: deleted when the next job starts (the default keeps 30 days); 10 days old: kept
    const daysAgo = (d: number) => new Date(h.clock.now.getTime() - d * 86_400_000).toISOString();
    const kept = await upload([{ name: 'k.lrmx', bytes: Buffer.from('x') }]);
    await h.t.db
      .updateTable('importJobs')
      .set({ createdAt: daysAgo(40) })
      .where('id', '=', job.id)
      .execute();
    await h.t.db
      .updateTable('importJobs')
      .set({ createdAt: daysAgo(10) })
      .where('id', '=', kept.id)
      .execute();
    await upload([{ name: 'n.lrmx', bytes: Buffer.from('x') }]);
    expect((await api('ganbuke', 'GET', `/api/imports/${job.id}`)).status).toBe(404);
    expect(await h.t.db.selectFrom('importJobFiles').select('id').where('jobId', '=', job.id).execute()).toEqual([]);
    expect((await api('ganbuke', 'GET', `/api/imports/${kept.id}`)).status).toBe(200);
  });

  it('needs cadre:write to import and cadre:export to export; a county sees only its own', async () => {
    const mp = multipart([{ name: 'a.lrmx', bytes: SAMPLE }]);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...(await h.as('leader')), ...mp.headers },
      payload: mp.payload,
    });
    expect(res.statusCode).toBe(403);
    expect((await api('jiwei', 'GET', `/api/cadres/${sampleId}/export.lrmx`)).status).toBe(403);
    expect((await api('donghu', 'GET', `/api/cadres/${sampleId}/export.lrmx`)).status).toBe(404);
    // a county department importing a city cadre's file: not in its scope
    const job = await upload([{ name: 'a.lrmx', bytes: SAMPLE }], {}, 'donghu');
    expect(job.results[0]).toMatchObject({ status: 'error', message: expect.stringContaining('管理权限') });
  });

  it('exports many as one zip of .lrmx files', async () => {
    const ids = (await h.t.db.selectFrom('cadres').select('id').orderBy('id').execute()).map((r) => r.id);
    const res = await api('ganbuke', 'POST', '/api/exports/lrmx', { ids });
    expect(res.status).toBe(200);
    expect(res.res.headers['content-type']).toBe('application/zip');
    const zip = readZip(res.raw);
    if (!zip.ok) throw new Error(zip.message);
    expect(zip.entries).toHaveLength(ids.length);
    expect(zip.entries.map((e) => e.name)).toContain('测试甲_11010519491231002X.lrmx');
    // and the zip imports back, every file unchanged
    const job = await upload([{ name: 'all.zip', bytes: res.raw }]);
    expect(job.results.filter((r) => r.status !== 'unchanged')).toEqual([]);
  });

  it('the command line reads its groups one at a time, reports each file as its chunk is written, and audits once', async () => {
    const actor = await systemActor(h.t.db, city);
    const ctx = { db: h.t.db, actor, now: h.clock.now };
    const events: string[] = [];
    const group = (name: string, entries: { name: string; bytes: Uint8Array }[]) => () => {
      events.push(`read ${name}`);
      return entries;
    };
    const zip = zipSync({
      '一.lrmx': variant({ XingMing: '分组甲', ShenFenZheng: idFor('19491101', '048'), ChuShengNianYue: '194911' }),
      '二.lrmx': variant({ XingMing: '分组乙', ShenFenZheng: idFor('19491001', '036'), ChuShengNianYue: '194910' }),
    });
    const legacy = [
      { name: '旧/fictional_legacy.lrm', bytes: fixture('fictional_legacy.lrm') },
      { name: '旧/fictional_legacy.pic', bytes: fixture('fictional_legacy.pic') },
    ];
    const { counts } = await importGroups(
      ctx,
      [group('zip', [{ name: '批.zip', bytes: zip }]), group('legacy', legacy)],
      { authorityId: city, apply: false },
      (r, done) => events.push(`${done} ${r.file} ${r.status}${r.message ? ` ${r.message}` : ''}`),
    );
    // the second group is read only after the first one's results are out
    expect(events.slice(0, 4)).toEqual(['read zip', '1 批.zip:一.lrmx created', '2 批.zip:二.lrmx created', 'read legacy']);
    // an .lrm pairs with the .pic of its own group (three results, not four); it has no 身份证号, so it is
    // matched by 姓名 + 出生年月: nobody (on its own) or several (after the other tests of this file)
    expect(events.slice(4)).toEqual([expect.stringMatching(/^3 旧\/fictional_legacy\.lrm (error|ambiguous) .*文件中没有身份证号/)]);
    expect(counts).toMatchObject({ files: 3, created: 2 });
    expect(counts.errors + counts.ambiguous).toBe(1);
    const audits = await sql<{ detail: string }>`select detail from audit_log where event = 'cadre.import' order by id desc limit 1`.execute(h.t.db);
    expect(JSON.parse(audits.rows[0].detail)).toMatchObject({ via: 'cli', files: 3, created: 2 });
    expect(JSON.parse(audits.rows[0].detail).cadres).toHaveLength(2);
  });

  it('a zip of 1,000 generated files imports (lrmx_import_per_s)', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1000; i++) {
      const birth = `${1930 + (i % 20)}0${1 + (i % 9)}1${i % 10}`;
      const id = idFor(birth, String(100 + (i % 400) * 2).padStart(3, '0'));
      files[`第${Math.floor(i / 100)}批/批量${i}.lrmx`] = variant({ XingMing: `批量${i}`, ShenFenZheng: id, ChuShengNianYue: birth.slice(0, 6) });
    }
    const zip = zipSync(files, { level: 6 });
    const before = await cadreCount();
    const t = performance.now();
    const job = await upload([{ name: '批量.zip', bytes: zip }], { unitId: String(unit) });
    const seconds = (performance.now() - t) / 1000;
    const failed = job.results.filter((r) => r.status !== 'created');
    expect(failed.slice(0, 3)).toEqual([]);
    expect(job).toMatchObject({ status: 'done', total: 1000, done: 1000 });
    expect(await cadreCount()).toBe(before + 1000);
    console.log(`[${dialect}] lrmx_import_per_s = ${(1000 / seconds).toFixed(0)} (1,000 files in ${seconds.toFixed(2)} s)`);
  }, 120_000);
});

describe('ganbu import: a folder read in groups', () => {
  it('splits a folder into groups of at most the limit, an .lrm never parted from its .pic', () => {
    expect(inGroups(['a.lrmx', 'b.lrmx', 'c.lrmx', 'd.lrmx', 'e.lrmx'], 2)).toEqual([['a.lrmx', 'b.lrmx'], ['c.lrmx', 'd.lrmx'], ['e.lrmx']]);
    expect(inGroups(['a.lrmx', 'b.lrm', 'b.pic', 'c.lrmx'], 2)).toEqual([['a.lrmx', 'b.lrm', 'b.pic'], ['c.lrmx']]);
    expect(inGroups(['x/一.lrm', 'x/一.pic'], 1)).toEqual([['x/一.lrm', 'x/一.pic']]);
    expect(inGroups([], 2)).toEqual([]);
  });
});

describe('ganbu import / export on the command line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ganbu-cli-'));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.db')}` };
  const ganbu = (...args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/ganbu.mjs'), ...args], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout.trim().split('\n'), err: r.stderr };
  };
  const write = (name: string, bytes: Uint8Array) => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
    return name;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports, reports each file, and exits 0 only when every file went in', () => {
    expect(ganbu('demo', '--scale', '0').code).toBe(0);
    const a = write('in/测试甲.lrmx', SAMPLE);
    const bad = write('in/坏.lrmx', fixture('bad_wrong_root.lrmx'));
    const first = ganbu('import', 'in');
    expect(first.code).toBe(1);
    expect(first.out.slice(0, 2).sort()).toEqual([
      `ERROR ${bad}: 任免审批表文件：根元素应为 <Person>（任免审批表），实际为 <RenMianBiao>`,
      `OK ${a} 测试甲 11010519491231002X created`,
    ]);
    expect(first.out[2]).toMatch(/^共 2 个文件：新建 1，更新 0，无变化 0，待确认 0，失败 1/);
    fs.rmSync(path.join(dir, bad));

    const same = ganbu('import', a);
    expect(same.code).toBe(0);
    expect(same.out[0]).toBe(`OK ${a} 测试甲 11010519491231002X unchanged`);

    const changed = write('changed.lrmx', variant({ XianRenZhiWu: '某某市某某局局长' }, { keepId: true }));
    const diff = ganbu('import', changed);
    expect(diff.code).toBe(1);
    expect(diff.out[0]).toBe(`DIFF ${changed} 测试甲 11010519491231002X 1 处不同（加 --update 覆盖）`);
    const upd = ganbu('import', changed, '--update');
    expect(upd.code).toBe(0);
    expect(upd.out[0]).toBe(`OK ${changed} 测试甲 11010519491231002X updated`);
  }, 120_000);

  it('exports .lrmx files, one per cadre or one zip, that import back unchanged', () => {
    const one = ganbu('export', 'lrmx', '11010519491231002X', '-o', 'out/one.lrmx');
    expect(one.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out/one.lrmx'), 'utf8')).toContain('<XianRenZhiWu>某某市某某局局长</XianRenZhiWu>');
    const zipped = ganbu('export', 'lrmx', '11010519491231002X', '-o', 'out/all.zip');
    expect(zipped.out).toEqual(['OK out/all.zip 1 人']);
    const back = ganbu('import', 'out/all.zip', 'out/one.lrmx');
    expect(back.code).toBe(0);
    expect(back.out.slice(0, 2)).toEqual([
      'OK out/all.zip:测试甲_11010519491231002X.lrmx 测试甲 11010519491231002X unchanged',
      'OK out/one.lrmx 测试甲 11010519491231002X unchanged',
    ]);
    const missing = ganbu('export', 'lrmx', '110105194912310001');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('110105194912310001');
    const audit = spawnSync(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path.join(dir, 'cli.db'))});console.log(JSON.stringify(d.prepare("select event, username from audit_log where event in ('cadre.import','cadre.export')").all()))`,
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const rows = JSON.parse(audit.stdout) as { event: string; username: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.username === 'ganbu-cli')).toBe(true);
  }, 120_000);

  it('writes every line to a pipe read slowly (`ganbu import … | tee log`), the summary last', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1_500; i++) files[`慢读/第${i}个.lrmx`] = Buffer.from('<Person>');
    write('慢读.zip', zipSync(files, { level: 1 }));
    const own = { ...env, DATABASE_URL: `file:${path.join(dir, 'pipe.db')}` };
    expect(spawnSync(process.execPath, [path.join(root, 'bin/ganbu.mjs'), 'demo', '--scale', '0'], { cwd: dir, env: own }).status).toBe(0);
    // 1,500 lines of ≈ 150 bytes: more than a pipe holds (64 kB) before its reader wakes
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${path.join(root, 'bin/ganbu.mjs')}" import 慢读.zip 2>/dev/null | (sleep 2; cat)`], {
      cwd: dir,
      env: own,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1_501);
    expect(lines[1_500]).toMatch(/^共 1500 个文件：新建 0，更新 0，无变化 0，待确认 0，失败 1500/);
  }, 60_000);
});
