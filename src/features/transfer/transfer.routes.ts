// 任免审批表 import (background jobs with per-file results) and .lrmx export.
import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { AppError } from '../../server/errors.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import type { ZipEntry } from '../../io/zip.js';
import * as svc from './transfer.service.js';

registerFieldLabels(
  { files: '文件', file: '文件', cadreId: '对应干部', idCard: '身份证号', ids: '干部编号', authorityId: '管理权限', unitId: '工作单位' },
  ['/api/imports', '/api/exports'],
);

const Issue = z.object({
  field: z.string(),
  label: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']).optional(),
  row: z.number().optional(),
});

const Result = z.object({
  seq: z.number().describe('文件在任务中的序号（从 0 起）'),
  file: z.string().describe('文件名（压缩包内的文件为“压缩包名:路径”）'),
  status: z
    .enum(svc.IMPORT_STATUSES)
    .describe(
      'created 新建；updated 已覆盖；unchanged 无变化；error 未导入；needs-confirmation 已有此干部，待确认差异；ambiguous 无身份证号且对应到多名干部',
    ),
  name: z.string(),
  idCard: z.string(),
  message: z.string().optional().describe('原因或说明'),
  issues: z.array(Issue).optional().describe('逐项问题（含提示）'),
  diff: z
    .array(z.object({ field: z.string(), label: z.string(), old: z.string(), new: z.string() }))
    .optional()
    .describe('与库中干部的逐项差异'),
  cadreId: z.number().optional(),
  candidates: z
    .array(z.object({ cadreId: z.number(), idCard: z.string(), name: z.string(), currentPost: z.string(), unitName: z.string().nullable() }))
    .optional()
    .describe('ambiguous：姓名、出生年月相同的候选干部'),
});

const JobStatus = z.enum(['running', 'done', 'failed']);
const Counts = z.object({
  files: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  needsConfirmation: z.number(),
  ambiguous: z.number(),
  errors: z.number(),
});

const Job = z.object({
  id: z.number(),
  status: JobStatus,
  message: z.string().optional(),
  total: z.number().describe('文件总数'),
  done: z.number().describe('已处理的文件数'),
  authorityId: z.number(),
  unitId: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: Counts,
  page: z.number(),
  pageSize: z.number(),
  resultsTotal: z.number().describe('结果总数（按 status 筛选时为该状态的数目）'),
  results: z.array(Result).describe('本页结果（按文件序号）'),
});

const ResultQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).describe('每页结果数（至多 500）'),
  status: z.enum(svc.IMPORT_STATUSES).optional().describe('只看此状态的结果'),
});

const attachment = (name: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function transferRoutes(app: App, deps: AppDeps) {
  const tags = ['导入导出'];

  app.post(
    '/api/imports',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '导入任免审批表（multipart：一个或多个 .lrmx、.lrm + .pic 或 .zip；可选字段 authorityId、unitId）：后台执行，返回任务编号',
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ jobId: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 上传文件');
      const uploads: ZipEntry[] = [];
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') uploads.push({ name: part.filename || `文件${uploads.length + 1}`, bytes: new Uint8Array(await part.toBuffer()) });
        else fields[part.fieldname] = String(part.value);
      }
      const num = (field: string, label: string) => {
        const v = fields[field]?.trim();
        if (!v) return null;
        if (!/^\d+$/.test(v)) throw new AppError('VALIDATION', `${label}：应为编号`, [{ field, label, message: '应为编号' }]);
        return Number(v);
      };
      const ask = { authorityId: num('authorityId', '管理权限'), unitId: num('unitId', '工作单位') };
      return reply.status(202).send(await svc.startImportJob(ctxOf(req, deps), uploads, ask));
    },
  );

  app.get(
    '/api/imports',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '本人最近的导入任务',
        response: {
          200: z.array(
            z.object({
              id: z.number(),
              status: JobStatus,
              total: z.number(),
              done: z.number(),
              createdAt: z.string(),
              finishedAt: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listImportJobs(ctxOf(req, deps)),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '导入任务的进度、各状态数目和逐个文件的结果（分页；只限本人的任务）',
        params: IdParams,
        querystring: ResultQuery,
        response: { 200: Job, ...errorResponses },
      },
    },
    async (req) => svc.getImportJob(ctxOf(req, deps), req.params.id, req.query),
  );

  app.post(
    '/api/imports/:id/confirm',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '确认覆盖待确认的文件（逐个复核干部在比对后未被修改）',
        params: IdParams,
        body: z
          .object({
            files: z.array(z.string().min(1)).min(1).max(10000).optional().describe('要覆盖的文件（结果中的 file）'),
            all: z.literal(true).optional().describe('覆盖此任务全部待确认的文件'),
          })
          .refine((b) => (b.files === undefined) !== (b.all === undefined), { message: '请选择要覆盖的文件，或选择全部', path: ['files'] }),
        response: { 200: Job, ...errorResponses },
      },
    },
    async (req) => svc.confirmImport(ctxOf(req, deps), req.params.id, req.body.all ? 'all' : req.body.files!),
  );

  app.post(
    '/api/imports/:id/resolve',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '确定无身份证号文件对应的干部：选择候选干部（之后逐项比对、确认覆盖），或补录身份证号（无此人则新建）',
        params: IdParams,
        body: z
          .object({
            file: z.string().min(1).describe('结果中的 file'),
            cadreId: z.number().int().positive().optional().describe('选择的候选干部编号'),
            idCard: z.string().trim().min(1).max(18).optional().describe('补录的身份证号'),
          })
          .refine((b) => (b.cadreId === undefined) !== (b.idCard === undefined), {
            message: '请选择一名候选干部或填写身份证号（二者选一）',
            path: ['cadreId'],
          }),
        response: { 200: Job, ...errorResponses },
      },
    },
    async (req) => {
      const { file, cadreId, idCard } = req.body;
      return svc.resolveImport(ctxOf(req, deps), req.params.id, file, cadreId !== undefined ? { cadreId } : { idCard: idCard! });
    },
  );

  app.get(
    '/api/cadres/:id/export.lrmx',
    {
      config: { permission: 'cadre:export' },
      schema: {
        tags,
        summary: '导出任免审批表（.lrmx）',
        params: IdParams,
        response: { 200: z.any().describe('.lrmx 文件（UTF-8 XML）'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const [file] = await svc.exportLrmx(ctxOf(req, deps), [req.params.id]);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachment(svc.exportFileName(file, false), `cadre-${file.cadreId}.lrmx`))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  app.post(
    '/api/exports/lrmx',
    {
      config: { permission: 'cadre:export' },
      schema: {
        tags,
        summary: '批量导出任免审批表：一个 .zip，每人一个 .lrmx（姓名_身份证号.lrmx）',
        body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000).describe('干部编号') }),
        response: { 200: z.any().describe('.zip 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const files = await svc.exportLrmx(ctxOf(req, deps), req.body.ids);
      return reply
        .type('application/zip')
        .header('content-disposition', attachment('任免审批表.zip', 'lrmx.zip'))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(svc.zipExports(files)));
    },
  );
}
