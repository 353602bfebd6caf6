import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId, cadreInput, cadreRow, idCardFor, insertUnit } from '../../../test/support/factory.js';
import { sql } from 'kysely';
import { nameKeys } from '../../domain/pinyin.js';
import { rosterPage, sortKey, type RosterCursor } from './documents.repository.js';

type Json = Record<string, unknown>;

/** A multipart/form-data body with one file field. */
function multipart(filename: string, data: Buffer) {
  const boundary = '----ganbu' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function sheetOf(data: Buffer, index = 0) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return { wb, ws: wb.worksheets[index] };
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
};

describe.each(dialects)('documents on %s', (dialect) => {
  let h: TestApp;
  let city: number;
  let unit: number;

  beforeAll(async () => {
    h = await testApp(dialect);
    city = await authorityId(h.t.db, '中共青川市委组织部');
    unit = await insertUnit(h.t.db, { name: '青川市发展和改革委员会', authorityId: city });
  });
  afterAll(async () => h?.close());

  const get = async (user: string, url: string) => h.app.inject({ method: 'GET', url, headers: await h.as(user) });
  const create = async (o: Parameters<typeof cadreInput>[0] = {}) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cadres',
      headers: await h.as('ganbuke'),
      payload: cadreInput({ authorityId: city, unitId: unit, ...o }) as unknown as Json,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; idCard: string; version: number };
  };
  const upload = async (kind: string, data: Buffer, dryRun: 0 | 1, user = 'ganbuke') => {
    const { payload, contentType } = multipart(`${kind}.xlsx`, data);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/imports/excel/${kind}?dryRun=${dryRun}`,
      headers: { ...(await h.as(user)), 'content-type': contentType },
      payload,
    });
    return {
      status: res.statusCode,
      body: res.json() as Json & { token: string; errors: Json[]; created: number; updated: number; invalid: number },
    };
  };

  it('exports the 任免审批表 as Word, audited as an export, for cadre:export only', async () => {
    const c = await create({
      name: '王文书',
      family: [
        { relation: '妻子', name: '李四', birthDate: undefined, birthMonth: '1986-05', politicalStatus: '01', workUnitPost: '青川市第一中学教师' },
        { relation: '父亲', name: '王大山', birthMonth: '1958-01', politicalStatus: '13', workUnitPost: '青川市某厂职工（已故）' },
      ] as never,
    });
    const res = await get('ganbuke', `/api/cadres/${c.id}/export.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('王文书'));
    const xml = strFromU8(unzipSync(res.rawPayload)['word/document.xml']);
    expect(xml).toContain('干部任免审批表');
    expect(xml).toContain('王文书');
    expect(xml).toContain('1985.03（41岁）'); // born 1985-03, clock 2026-06
    expect(xml).toContain('>40<'); // the wife, born 1986-05
    expect(xml).not.toContain('>68<'); // the father is 已故: no age
    const audit = await h.t.db
      .selectFrom('auditLog')
      .select(['event', 'detail', 'targetId'])
      .where('event', '=', 'cadre.export')
      .where('targetId', '=', String(c.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ format: 'docx', name: '王文书' });

    expect((await get('jiwei', `/api/cadres/${c.id}/export.docx`)).statusCode).toBe(403);
    expect((await get('donghu', `/api/cadres/${c.id}/export.docx`)).statusCode).toBe(404);
  });

  it('exports a roster of a search with the chosen columns in their order', async () => {
    await create({ name: '花名甲', birthDate: '1980-01-15' });
    await create({ name: '花名乙', birthDate: '1990-07-01', gender: '2' });
    const cols = await get('leader', '/api/exports/roster/columns');
    expect(cols.statusCode).toBe(200);
    expect(cols.json()).toContainEqual({ key: 'idCard', label: '身份证号', default: true });

    const res = await get('leader', `/api/exports/roster.xlsx?columns=age,name,gender,unit&q=${encodeURIComponent('花名')}&sort=birthDate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-total-count']).toBe('2');
    const { ws } = await sheetOf(res.rawPayload);
    expect(rowsOf(ws)).toEqual([
      ['年龄', '姓名', '性别', '工作单位'],
      [46, '花名甲', '男', '青川市发展和改革委员会'],
      [35, '花名乙', '女', '青川市发展和改革委员会'],
    ]);
    const bad = await get('leader', '/api/exports/roster.xlsx?columns=name,salary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('salary');
    // The search's own conditions: the same checks and messages as GET /api/cadres.
    for (const q of ['gender=9', 'ageMin=50&ageMax=40']) {
      const [roster, search] = await Promise.all([get('leader', `/api/exports/roster.xlsx?${q}`), get('leader', `/api/cadres?${q}`)]);
      expect(roster.statusCode).toBe(400);
      expect(roster.json()).toEqual(search.json());
    }
    expect((await get('jiwei', '/api/exports/roster.xlsx')).statusCode).toBe(403);
    const audits = await h.t.db.selectFrom('auditLog').select('detail').where('event', '=', 'cadre.export').execute();
    expect(audits.map((a) => JSON.parse(a.detail))).toContainEqual(expect.objectContaining({ format: 'xlsx', kind: 'roster', total: 2 }));
  });

  it('generates templates with Chinese headers and code lists', async () => {
    const res = await get('ganbuke', '/api/templates/cadres.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const { wb, ws } = await sheetOf(res.rawPayload);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['身份证号＊', '姓名＊', '性别＊', '民族＊']);
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    expect(wb.getWorksheet('代码表')?.getCell('A2').value).toBe('男');
    expect((await get('leader', '/api/templates/cadres.xlsx')).statusCode).toBe(403);
    expect((await get('ganbuke', '/api/templates/nothing.xlsx')).statusCode).toBe(400);
  });

  it('imports cadres from the template: a dry run reporting every bad cell, then the valid rows on confirm', async () => {
    const existing = await create({ name: '旧干部' });
    const tpl = await get('ganbuke', '/api/templates/cadres.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    const header = (ws.getRow(1).values as string[]).slice(1).map((s) => s.replace('＊', ''));
    const put = (row: number, values: Record<string, string>) => {
      for (const [label, v] of Object.entries(values)) ws.getRow(row).getCell(header.indexOf(label) + 1).value = v;
    };
    const newId = idCardFor('1988-04-02', '2');
    put(2, {
      身份证号: newId,
      姓名: '新干部',
      性别: '女',
      民族: '汉族',
      政治面貌: '中共党员',
      入党时间: '2010.06',
      参加工作时间: '201007',
      健康状况: '健康',
      全日制学历: '大学',
      现任职务: '青川市发展和改革委员会科员',
    });
    put(3, { 身份证号: existing.idCard, 现任职务: '青川市发展和改革委员会主任', 职务层次: '1A22' });
    put(4, {
      身份证号: idCardFor('1979-02-02'),
      姓名: '错误甲',
      性别: '男性的',
      民族: '汉族',
      政治面貌: '群众',
      参加工作时间: '2001.13',
      健康状况: '健康',
    });
    put(5, { 身份证号: '110105194912310021', 姓名: '错误乙' });
    put(6, { 身份证号: newId, 姓名: '重复' });
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const dry = await upload('cadres', data, 1);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 5, valid: 2, invalid: 3, created: 0, updated: 0 });
    const at = (row: number) => dry.body.errors.filter((e) => e.row === row);
    expect(at(4).map((e) => e.columnLabel)).toEqual(expect.arrayContaining(['性别', '参加工作时间']));
    expect(at(5)[0]).toMatchObject({ column: 'A', columnLabel: '身份证号' });
    expect(at(6)[0].message).toContain('与第2行重复');
    expect(await h.t.db.selectFrom('cadres').select('id').where('idCard', '=', newId).executeTakeFirst()).toBeUndefined();

    const errs = await get('ganbuke', `/api/imports/excel/${dry.body.token}/errors.xlsx`);
    expect(errs.statusCode).toBe(200);
    const back = await sheetOf(errs.rawPayload);
    const lastCol = back.ws.getRow(1).cellCount;
    expect(back.ws.getRow(1).getCell(lastCol).value).toBe('错误');
    expect(String(back.ws.getRow(4).getCell(lastCol).value)).toContain('性别');
    expect(back.ws.getRow(2).getCell(lastCol).value).toBeNull();
    expect((await get('leader', `/api/imports/excel/${dry.body.token}/errors.xlsx`)).statusCode).toBe(403);

    const done = await upload('cadres', data, 0);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 1, updated: 1, invalid: 3 });
    const made = await h.t.db.selectFrom('cadres').selectAll().where('idCard', '=', newId).executeTakeFirstOrThrow();
    expect(made).toMatchObject({
      name: '新干部',
      gender: '2',
      politicalStatus: '01',
      partyJoinMonth: '2010-06',
      ftEducation: '21',
      authorityId: city,
    });
    const upd = await get('ganbuke', `/api/cadres/${existing.id}`);
    expect(upd.json()).toMatchObject({ currentPost: '青川市发展和改革委员会主任', levelCode: '1A22', name: '旧干部', version: 2 });
    expect((upd.json() as { resume: unknown[] }).resume.length).toBe(4); // lists kept
  });

  it('confirms with what changed since the dry run checked again: no stale overwrite, a new owner of an ID number seen', async () => {
    const a = await create({ name: '先查后改' });
    const tpl = await get('ganbuke', '/api/templates/cadres.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    const header = (ws.getRow(1).values as string[]).slice(1).map((s) => s.replace('＊', ''));
    const put = (row: number, values: Record<string, string>) => {
      for (const [label, v] of Object.entries(values)) ws.getRow(row).getCell(header.indexOf(label) + 1).value = v;
    };
    const laterId = idCardFor('1990-05-06', '1');
    put(2, { 身份证号: a.idCard, 现任职务: '导入的职务' });
    put(3, {
      身份证号: laterId,
      姓名: '后建干部',
      性别: '男',
      民族: '汉族',
      政治面貌: '中共党员',
      入党时间: '2015.06',
      参加工作时间: '2012.07',
      健康状况: '健康',
    });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload('cadres', data, 1);
    expect(dry.body, JSON.stringify(dry.body)).toMatchObject({ valid: 2, invalid: 0 });

    // between the dry run and the confirm: the first cadre saved by somebody, the second created
    const now = await get('ganbuke', `/api/cadres/${a.id}`);
    const edited = { ...(now.json() as Json), remarks: '别人改的备注', currentPost: '别人改的职务', version: 1 };
    const saved = await h.app.inject({ method: 'PUT', url: `/api/cadres/${a.id}`, headers: await h.as('ganbuke'), payload: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    const b = await create({ name: '后建干部', idCard: laterId, birthDate: '1990-05-06' });

    const done = await upload('cadres', data, 0);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body, JSON.stringify(done.body.errors)).toMatchObject({ created: 0, updated: 2, invalid: 0 });
    expect((await get('ganbuke', `/api/cadres/${a.id}`)).json()).toMatchObject({ currentPost: '导入的职务', remarks: '别人改的备注', version: 3 });
    expect((await get('ganbuke', `/api/cadres/${b.id}`)).json()).toMatchObject({ name: '后建干部', version: 2 });
    const audit = await h.t.db
      .selectFrom('auditLog')
      .select('detail')
      .where('event', '=', 'cadre.update')
      .where('targetId', '=', String(a.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail).changes).toEqual([{ field: 'currentPost', old: '别人改的职务', new: '导入的职务' }]);
  });

  it('keeps the uploaded workbook in the database: another server process serves its error workbook and confirms it, once, within its authority', async () => {
    const c = await create({ name: '异地确认' });
    const tpl = await get('ganbuke', '/api/templates/cadres.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    const header = (ws.getRow(1).values as string[]).slice(1).map((s) => s.replace('＊', ''));
    const put = (row: number, values: Record<string, string>) => {
      for (const [label, v] of Object.entries(values)) ws.getRow(row).getCell(header.indexOf(label) + 1).value = v;
    };
    put(2, { 身份证号: c.idCard, 备注: '由第二个进程确认' });
    put(3, { 身份证号: '110105194912310021', 姓名: '错误乙' });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload('cadres', data, 1);
    expect(dry.body, JSON.stringify(dry.body)).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    const { token } = dry.body;
    const stored = await h.t.db.selectFrom('excelUploads').selectAll().where('token', '=', token).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.data).equals(data)).toBe(true);
    expect(stored).toMatchObject({ kind: 'cadres', fileName: 'cadres.xlsx', rows: 2, confirmedAt: null, authorityId: city });

    // a second server: the app's modules loaded afresh (nothing in memory shared with the first), on the same database
    vi.resetModules();
    const { buildApp } = await import('../../server/app.js');
    const second = await buildApp({ db: h.t.db, dialect, now: () => h.clock.now, cookieSecure: false });
    try {
      const via = async (user: string, method: 'GET' | 'POST', url: string) =>
        second.inject({ method, url, headers: await h.as(user), ...(method === 'POST' && { payload: {} }) });
      const errs = await via('ganbuke', 'GET', `/api/imports/excel/${token}/errors.xlsx`);
      expect(errs.statusCode, errs.body).toBe(200);
      const back = await sheetOf(errs.rawPayload);
      const lastCol = back.ws.getRow(1).cellCount;
      expect(String(back.ws.getRow(3).getCell(lastCol).value)).toContain('身份证号');
      // another authority's account (with cadre:write) neither sees nor confirms it
      expect((await via('donghu', 'GET', `/api/imports/excel/${token}/errors.xlsx`)).statusCode).toBe(404);
      expect((await via('donghu', 'POST', `/api/imports/excel/${token}/confirm`)).statusCode).toBe(404);
      expect((await via('leader', 'POST', `/api/imports/excel/${token}/confirm`)).statusCode).toBe(403);
      expect((await via('ganbuke', 'POST', `/api/imports/excel/${'0'.repeat(32)}/confirm`)).statusCode).toBe(404);
      // a token that is not one: refused with the field named, before anything is looked up
      const malformed = await via('ganbuke', 'POST', '/api/imports/excel/not-a-token/confirm');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body).toContain('导入编号');

      const done = await via('ganbuke', 'POST', `/api/imports/excel/${token}/confirm`);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ token, dryRun: false, rows: 2, created: 0, updated: 1, invalid: 1 });
      expect((await get('ganbuke', `/api/cadres/${c.id}`)).json()).toMatchObject({ remarks: '由第二个进程确认', version: 2 });
      const audit = await h.t.db
        .selectFrom('auditLog')
        .select('detail')
        .where('event', '=', 'cadre.update')
        .where('targetId', '=', String(c.id))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ source: 'excel', kind: 'cadres', file: 'cadres.xlsx' });
      // once: a second confirm, through either server, writes nothing
      const again = await h.app.inject({ method: 'POST', url: `/api/imports/excel/${token}/confirm`, headers: await h.as('ganbuke'), payload: {} });
      expect(again.statusCode, again.body).toBe(409);
      expect((await get('ganbuke', `/api/cadres/${c.id}`)).json()).toMatchObject({ version: 2 });
      expect((await h.t.db.selectFrom('excelUploads').select('confirmedAt').where('token', '=', token).executeTakeFirstOrThrow()).confirmedAt).toBe(
        h.clock.now.toISOString(),
      );
      const exports = await h.t.db
        .selectFrom('auditLog')
        .select('detail')
        .where('event', '=', 'cadre.export')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(exports.detail)).toMatchObject({ kind: 'import-errors', file: 'cadres.xlsx' });
    } finally {
      await second.close();
    }
  });

  it('confirms a workbook of several blocks all or nothing: a write failing in the last block leaves the earlier ones unwritten', async () => {
    // 2,100 rows: three blocks of the import (1,000 rows each), the writes of one sent while the next is prepared
    const rows = Array.from({ length: 2100 }, () => cadreRow({ idCard: idCardFor('1980-01-01'), partyJoinMonth: '2005-07', authorityId: city }));
    for (let i = 0; i < rows.length; i += 500)
      await h.t.db
        .insertInto('cadres')
        .values(rows.slice(i, i + 500))
        .execute();
    const tpl = await get('ganbuke', '/api/templates/cadres.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    const header = (ws.getRow(1).values as string[]).slice(1).map((s) => s.replace('＊', ''));
    const [idCol, remarksCol] = [header.indexOf('身份证号') + 1, header.indexOf('备注') + 1];
    rows.forEach((r, i) => {
      ws.getRow(i + 2).getCell(idCol).value = r.idCard;
      ws.getRow(i + 2).getCell(remarksCol).value = `分块 ${i}`;
    });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload('cadres', data, 1);
    expect(dry.body, JSON.stringify(dry.body.errors.slice(0, 3))).toMatchObject({ rows: 2100, valid: 2100, invalid: 0 });

    // the last row's update refused by the database, in the third block
    const last = rows[2099].idCard;
    if (dialect === 'postgres') {
      await sql`create function refuse_last() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(h.t.db);
      await sql`create trigger refuse_last before update on cadres for each row when (new.id_card = ${sql.lit(last)}) execute function refuse_last()`.execute(
        h.t.db,
      );
    } else
      await sql`create trigger refuse_last before update on cadres when new.id_card = ${sql.lit(last)} begin select raise(abort, 'refused'); end`.execute(
        h.t.db,
      );
    const versions = async () =>
      (await h.t.db.selectFrom('cadres').select(['version', 'remarks']).where('idCard', 'in', [rows[0].idCard, rows[1500].idCard]).execute()).map(
        (r) => r.version,
      );
    try {
      const failed = await h.app.inject({
        method: 'POST',
        url: `/api/imports/excel/${dry.body.token}/confirm`,
        headers: await h.as('ganbuke'),
        payload: {},
      });
      expect(failed.statusCode).toBe(500);
      expect(await versions()).toEqual([1, 1]);
      expect(
        (await h.t.db.selectFrom('excelUploads').select('confirmedAt').where('token', '=', dry.body.token).executeTakeFirstOrThrow()).confirmedAt,
      ).toBeNull();
    } finally {
      await sql`drop trigger refuse_last${sql.raw(dialect === 'postgres' ? ' on cadres' : '')}`.execute(h.t.db);
    }
    const done = await h.app.inject({
      method: 'POST',
      url: `/api/imports/excel/${dry.body.token}/confirm`,
      headers: await h.as('ganbuke'),
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ updated: 2100, invalid: 0 });
    expect(await versions()).toEqual([2, 2]);
    expect((await h.t.db.selectFrom('cadres').select('remarks').where('idCard', '=', last).executeTakeFirstOrThrow()).remarks).toBe('分块 2099');
    // the later tests page through every cadre of this database: not through these
    for (let i = 0; i < rows.length; i += 500)
      await h.t.db
        .deleteFrom('cadres')
        .where(
          'idCard',
          'in',
          rows.slice(i, i + 500).map((r) => r.idCard),
        )
        .execute();
  });

  it('deletes uploaded workbooks past the import retention when a new upload starts', async () => {
    const tpl = await get('ganbuke', '/api/templates/cadres.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    ws.getRow(2).getCell(1).value = '110105194912310021';
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const old = await upload('cadres', data, 1);
    const kept = await upload('cadres', data, 1);
    // the first uploaded 31 days ago (the default retention is 30 days), the second 29
    const ago = (days: number) => new Date(h.clock.now.getTime() - days * 86_400_000).toISOString();
    await h.t.db
      .updateTable('excelUploads')
      .set({ createdAt: ago(31) })
      .where('token', '=', old.body.token)
      .execute();
    await h.t.db
      .updateTable('excelUploads')
      .set({ createdAt: ago(29) })
      .where('token', '=', kept.body.token)
      .execute();
    expect((await get('ganbuke', `/api/imports/excel/${old.body.token}/errors.xlsx`)).statusCode).toBe(404);
    expect((await get('ganbuke', `/api/imports/excel/${kept.body.token}/errors.xlsx`)).statusCode).toBe(200);
    const tokens = async () => (await h.t.db.selectFrom('excelUploads').select('token').execute()).map((r) => r.token);
    expect(await tokens()).toContain(old.body.token);
    const fresh = await upload('cadres', data, 1);
    expect(fresh.status).toBe(200);
    expect(await tokens()).not.toContain(old.body.token);
    expect(await tokens()).toEqual(expect.arrayContaining([kept.body.token, fresh.body.token]));
  });

  it('imports appraisals per cadre and year', async () => {
    const c = await create({ name: '考核人' });
    const tpl = await get('ganbuke', '/api/templates/appraisals.xlsx');
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    ws.addRow([c.idCard, '考核人', 2025, '优秀']);
    ws.addRow([c.idCard, '考核人', '2024', '称职']);
    ws.addRow([c.idCard, '别人', 2023, '称职']);
    ws.addRow([c.idCard, '', 2022, '良好']);
    const res = await upload('appraisals', Buffer.from(await wb.xlsx.writeBuffer()), 0);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rows: 4, invalid: 2, updated: 1 });
    const profile = (await get('ganbuke', `/api/cadres/${c.id}`)).json() as { appraisals: Json[] };
    expect(profile.appraisals).toEqual([
      { year: 2023, grade: '称职' },
      { year: 2024, grade: '称职' },
      { year: 2025, grade: '优秀' },
    ]);
  });

  it("imports appointments by names through the appointments' rules (quota, cadre in office), every bad cell reported", async () => {
    const post = async (url: string, body: Json) => {
      const res = await h.app.inject({ method: 'POST', url, headers: await h.as('ganbuke'), payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: number }).id;
    };
    const team = await post('/api/teams', { unitId: unit, name: '市发改委领导班子', kind: '部门班子' });
    await post('/api/posts', { teamId: team, title: '主任', levelCode: '1A31', isChief: true, quota: 1 });
    await post('/api/posts', { teamId: team, title: '副主任', levelCode: '1A32', isChief: false, quota: 2 });
    const a = await create({ name: '任甲' });
    const b = await create({ name: '任乙' });
    const c = await create({ name: '任丙' });
    const tpl = await get('ganbuke', '/api/templates/appointments.xlsx');
    expect(tpl.statusCode).toBe(200);
    const { wb, ws } = await sheetOf(tpl.rawPayload);
    expect(rowsOf(ws)[0]).toEqual(['身份证号＊', '姓名', '单位＊', '班子', '职务＊', '任职时间＊', '任职文号']);
    ws.addRow([a.idCard, '任甲', '青川市发展和改革委员会', '', '主任', '2024.03.15', '青组〔2024〕1号']);
    ws.addRow([b.idCard, '任乙', '青川市发展和改革委员会', '市发改委领导班子', '副主任', '2024.04.01', '']);
    ws.addRow([c.idCard, '任丙', '青川市发展和改革委员会', '', '主任', '2024.05.01', '']); // quota 1 taken by the row above
    ws.addRow([c.idCard, '别人', '没有的单位', '', '', '2024.13.01', '']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload('appointments', data, 1);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 4, valid: 2, invalid: 2, created: 0 });
    const errs = (dry.body as unknown as { errors: { row: number; column?: string; message: string }[] }).errors;
    expect(errs.filter((e) => e.row === 4).map((e) => e.column)).toEqual(['E']);
    expect(errs.find((e) => e.row === 4)!.message).toMatch(/^职务：.*职数/);
    expect(errs.filter((e) => e.row === 5).map((e) => e.column)).toEqual(['B', 'C', 'F']);
    const appointments = async (id: number) => (await get('ganbuke', `/api/cadres/${id}/appointments`)).json() as Json[];
    expect(await appointments(a.id)).toEqual([]);

    const done = await upload('appointments', data, 0);
    expect(done.body).toMatchObject({ rows: 4, valid: 2, created: 2 });
    expect(await appointments(a.id)).toEqual([
      expect.objectContaining({ postTitle: '主任', startDate: '2024-03-15', startDocNo: '青组〔2024〕1号' }),
    ]);
    expect(await appointments(b.id)).toEqual([expect.objectContaining({ postTitle: '副主任' })]);
    expect(await appointments(c.id)).toEqual([]);
    // the same sheet again: the 主任 post is now full in the database too
    const again = await upload('appointments', data, 1);
    expect((again.body as unknown as { errors: { row: number }[] }).errors.some((e) => e.row === 2)).toBe(true);
  });

  it('pages the roster by keyset: every order gives the rows of one query, each once, ties included', async () => {
    for (let i = 0; i < 8; i++) await create({ name: '同名', birthDate: `1980-0${1 + (i % 2)}-01` });
    const f = { authorityIds: (await h.t.db.selectFrom('authorities').select('id').execute()).map((a) => a.id) };
    for (const sort of ['name', 'pinyin', 'birthDate', 'workStart'] as const)
      for (const order of ['asc', 'desc'] as const) {
        const all = (await rosterPage(h.t.db, f, sort, order, null, 100_000)).map((r) => r.id);
        expect(all.length).toBeGreaterThan(7);
        const paged: number[] = [];
        let cursor: RosterCursor | null = null;
        for (;;) {
          const rows = await rosterPage(h.t.db, f, sort, order, cursor, 3);
          paged.push(...rows.map((r) => r.id));
          if (rows.length < 3) break;
          const last = rows[rows.length - 1];
          cursor = { key: sortKey(last, sort), id: last.id, read: paged.length };
        }
        expect(paged, `${sort} ${order}`).toEqual(all);
      }
  });

  it('streams a roster of 100,000 cadres', { timeout: 600_000 }, async () => {
    const auth = await authorityId(h.t.db, '中共东湖区委组织部');
    const N = 100_000;
    const t0 = performance.now();
    const batch = dialect === 'sqlite' ? 500 : 1000;
    const base = cadreInput();
    const now = new Date().toISOString();
    for (let i = 0; i < N; i += batch) {
      const rows = Array.from({ length: Math.min(batch, N - i) }, (_, j) => {
        const n = i + j;
        const name = `测试${String.fromCharCode(0x4e00 + (n % 2000))}${String.fromCharCode(0x4e00 + Math.floor(n / 2000))}`;
        const birthDate = `${1960 + (n % 35)}-0${1 + (n % 9)}-1${n % 10}`;
        return {
          idCard: `T${String(n).padStart(17, '0')}`,
          name,
          ...nameKeys(name),
          gender: n % 2 ? '1' : '2',
          birthDate,
          ethnicCode: '01',
          nativePlace: '安徽合肥',
          birthplace: '安徽合肥',
          politicalStatus: '01',
          partyJoinMonth: '2000-01',
          otherParty: null,
          workStartMonth: '2001-07',
          healthCode: '1',
          professionalTitle: '',
          specialty: base.specialty,
          ftEducation: '21',
          ftDegree: '402',
          ftEducationSchool: base.ftEducationSchool,
          ftDegreeSchool: '',
          ipEducation: null,
          ipDegree: null,
          ipEducationSchool: '',
          ipDegreeSchool: '',
          highestEducation: '21',
          currentPost: '东湖区某局科员',
          levelCode: null,
          levelSince: null,
          rankCode: null,
          rankSince: null,
          unitId: null,
          authorityId: auth,
          status: 'active',
          rewardsText: '',
          appraisalText: '',
          remarks: '',
          createdAt: now,
          updatedAt: now,
        };
      });
      await h.t.db.insertInto('cadres').values(rows).execute();
    }
    const inserted = (performance.now() - t0) / 1000;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t1 = performance.now();
    const res = await get(
      'donghu',
      '/api/exports/roster.xlsx?columns=name,gender,birthMonth,age,idCard,ethnic,political,ftEducation,currentPost,authority',
    );
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(timer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe(String(N));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader((await import('node:stream')).Readable.from([res.rawPayload]), {});
    let rows = 0;
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    expect(rows).toBe(N + 1);
    console.log(
      `[${dialect}] excel_export_100k_s=${seconds.toFixed(2)} peak_rss_mb=${(peak / 1048576).toFixed(0)} bytes=${res.rawPayload.length} (insert ${inserted.toFixed(1)} s)`,
    );
  });
});
