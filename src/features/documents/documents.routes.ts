import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import { AppError } from '../../server/errors.js';
import { SearchConditionsQuery } from '../cadres/cadres.routes.js';
import { IMPORT_KINDS, ROSTER_COLUMNS, type ImportKind } from './documents.rules.js';
import * as svc from './documents.service.js';

registerFieldLabels({ columns: '列', kind: '类别', dryRun: '试导入', token: '导入编号' }, ['/api/exports', '/api/imports', '/api/templates']);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** attachment; with an ASCII fallback name and the real (Chinese) one in RFC 5987 form */
const attachment = (filename: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** The search conditions of GET /api/cadres (without paging), and the roster's columns. */
const RosterQuery = SearchConditionsQuery.extend({
  columns: z
    .string()
    .max(1000)
    .optional()
    .describe(`列（逗号分隔，按此顺序），可选：${ROSTER_COLUMNS.map((c) => c.key).join(',')}`),
});

const Kind = z.object({
  kind: z
    .enum(Object.keys(IMPORT_KINDS) as [ImportKind, ...ImportKind[]])
    .describe('cadres 干部基本信息；appointments 任职记录；appraisals 年度考核'),
});

const ImportReport = z.object({
  token: z.string().describe('导入编号：下载错误工作簿、确认导入用'),
  kind: z.string(),
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().optional(), columnLabel: z.string().optional(), message: z.string() })),
});

const Token = z.object({ token: z.string().regex(/^[0-9a-f]{32}$/, '导入编号无效') });

const File = z.any().describe('文件字节');

export async function documentsRoutes(app: App, deps: AppDeps) {
  const tags = ['文书与导入导出'];

  app.get(
    '/api/cadres/:id/export.docx',
    {
      config: { permission: 'cadre:export' },
      schema: { tags, summary: '干部任免审批表（Word，A4 两页）', params: IdParams, response: { 200: File, ...errorResponses } },
    },
    async (req, reply) => {
      const doc = await svc.exportCadreDocx(ctxOf(req, deps), req.params.id);
      return reply
        .type(DOCX)
        .header('content-disposition', attachment(doc.filename, `rmb-${req.params.id}.docx`))
        .send(doc.data);
    },
  );

  app.get(
    '/api/exports/roster/columns',
    {
      config: { permission: 'cadre:export' },
      schema: {
        tags,
        summary: '花名册可选的列',
        response: { 200: z.array(z.object({ key: z.string(), label: z.string(), default: z.boolean() })), ...errorResponses },
      },
    },
    async () => ROSTER_COLUMNS.map((c, i) => ({ key: c.key, label: c.label, default: i < 10 })),
  );

  app.get(
    '/api/exports/roster.xlsx',
    {
      config: { permission: 'cadre:export' },
      schema: {
        tags,
        summary: '导出花名册（Excel，查询条件同干部查询，列按所选顺序）',
        querystring: RosterQuery,
        response: { 200: File, ...errorResponses },
      },
    },
    async (req, reply) => {
      const roster = await svc.prepareRoster(ctxOf(req, deps), req.query);
      const stream = new PassThrough();
      roster.write(stream).catch((err: unknown) => {
        req.log.error({ err }, 'roster export failed');
        stream.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(roster.filename, 'roster.xlsx'))
        .header('x-total-count', String(roster.total))
        .send(stream);
    },
  );

  app.get(
    '/api/templates/:kind.xlsx',
    {
      config: { permission: 'cadre:write' },
      schema: { tags, summary: '导入模板（Excel）', params: Kind, response: { 200: File, ...errorResponses } },
    },
    async (req, reply) => {
      const t = await svc.template(ctxOf(req, deps), req.params.kind);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(t.filename, `${req.params.kind}-template.xlsx`))
        .send(t.data);
    },
  );

  app.post(
    '/api/imports/excel/:kind',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '从 Excel 模板导入（multipart 文件）；dryRun=1 只检查，dryRun=0 确认导入全部有效行（一个事务）',
        params: Kind,
        querystring: z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).default('1').describe('1 试导入（默认），0 确认导入') }),
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传 Excel 文件');
      const file = await req.file();
      if (!file) throw new AppError('VALIDATION', '没有收到文件');
      const data = await file.toBuffer();
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return svc.importExcel(ctx, req.params.kind, data, dryRun, file.filename);
    },
  );

  app.post(
    '/api/imports/excel/:token/confirm',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '确认导入试导入时上传的工作簿（按导入编号，不必再次上传；重新检查后写入全部有效行，一个事务，只能确认一次）',
        params: Token,
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (req) => svc.confirmUpload(ctxOf(req, deps), req.params.token),
  );

  app.get(
    '/api/imports/excel/:token/errors.xlsx',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '导入的工作簿加“错误”列（改正后可重新上传）',
        params: Token,
        response: { 200: File, ...errorResponses },
      },
    },
    async (req, reply) => {
      const w = await svc.errorsWorkbook(ctxOf(req, deps), req.params.token);
      return reply.type(XLSX).header('content-disposition', attachment(w.filename, 'errors.xlsx')).send(w.data);
    },
  );
}
