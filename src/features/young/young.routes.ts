import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import * as svc from './young.service.js';
import { PROMISING_SOURCE_CODES, PROMISING_SOURCES } from './young.rules.js';

registerFieldLabels(
  {
    cadreId: '干部',
    source: '来源',
    markedOn: '标记日期',
    note: '备注',
    homeUnitId: '派出单位',
    hostUnitId: '挂职单位',
    hostPost: '挂任职务',
    startDate: '开始日期',
    endDate: '结束日期',
    mentorId: '导师',
    date: '日期',
    content: '帮带内容',
    unitId: '单位',
    includeWithdrawn: '含已撤销',
    sourceSurveyId: '来源调研记录',
    sourceAnalysisId: '来源研判记录',
  },
  ['/api/young'],
);

const tags = ['年轻干部'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const Created = z.object({ id: z.number().describe('新记录编号') });
const noContent = { 204: z.null(), ...errorResponses };
const UnitQuery = z.object({ unitId: z.coerce.number().int().positive().optional().describe('单位：只含其下级单位（含本单位）的干部') });
const Loose = (shape: z.ZodRawShape, what: string) => z.array(z.looseObject(shape)).describe(what);

export async function youngRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/young/cohorts',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '“789”计划各年代段的在职干部数和好苗子数（年代段为业务参数）',
        querystring: UnitQuery,
        response: {
          200: z.array(z.object({ label: z.string(), fromYear: z.number(), toYear: z.number(), cadres: z.number(), promising: z.number() })),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.cohorts(ctxOf(req, deps), req.query.unitId),
  );

  app.get(
    '/api/young/promising',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '好苗子名单（来源、标记日期、年代段）',
        querystring: UnitQuery.extend({ includeWithdrawn: z.stringbool().optional() }),
        response: {
          200: Loose(
            {
              id: z.number(),
              cadreId: z.number(),
              name: z.string(),
              source: z.string(),
              sourceName: z.string(),
              markedOn: z.string(),
              sourceRecord: z
                .object({ kind: z.enum(['survey', 'analysis']), id: z.number(), label: z.string() })
                .nullable()
                .describe('来源记录（大调研或研判）；无权查看或手工标记时为 null'),
            },
            '好苗子',
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listPromising(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/young/promising',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '标记好苗子（可关联来源的大调研或研判记录；已有手工标记时改为关联该记录）',
        body: z.object({
          cadreId: z.number().int(),
          source: z.enum(PROMISING_SOURCE_CODES).describe(
            `来源：${Object.entries(PROMISING_SOURCES)
              .map(([k, v]) => `${k} ${v}`)
              .join('，')}`,
          ),
          markedOn: date('标记日期（默认为来源记录的日期，无来源记录时为今天）').optional(),
          note: z.string().trim().max(500).optional(),
          sourceSurveyId: z.number().int().positive().optional().describe('来源调研记录（含“好苗子”建议的干部调研），来源须为 survey'),
          sourceAnalysisId: z.number().int().positive().optional().describe('来源研判记录，来源须为 analysis'),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.markPromising(ctxOf(req, deps), req.body) }),
  );
  app.post(
    '/api/young/promising/:id/withdraw',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '撤销好苗子标记（保留历史）',
        params: IdParams,
        body: z.object({ date: date('撤销日期（默认今天）').optional() }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.withdrawPromising(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/young/secondments',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '双挂双任：市、县两级双向互派挂（任）职',
        querystring: UnitQuery,
        response: {
          200: Loose(
            {
              id: z.number(),
              cadreId: z.number(),
              name: z.string(),
              homeUnitName: z.string(),
              hostUnitName: z.string(),
              direction: z.string(),
              startDate: z.string(),
            },
            '挂职记录',
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listSecondments(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/young/secondments',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '登记双挂双任（方向按两端单位层级确定）',
        body: z.object({
          cadreId: z.number().int(),
          homeUnitId: z.number().int().optional().describe('派出单位（默认干部所在单位）'),
          hostUnitId: z.number().int().describe('挂职单位'),
          hostPost: z.string().trim().max(100).optional(),
          startDate: date('开始日期'),
          endDate: date('结束日期').nullable().optional(),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addSecondment(ctxOf(req, deps), req.body) }),
  );

  app.patch(
    '/api/young/secondments/:id',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '修改双挂双任（两端单位、挂任职务、起止日期；方向随派出单位层级重定）',
        params: IdParams,
        body: z.object({
          homeUnitId: z.number().int().optional().describe('派出单位'),
          hostUnitId: z.number().int().optional().describe('挂职单位'),
          hostPost: z.string().trim().max(100).optional(),
          startDate: date('开始日期').optional(),
          endDate: date('结束日期（null 为至今）').nullable().optional(),
        }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.updateSecondment(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/young/mentorships',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '“2+1”导师帮带：年轻干部和导师',
        querystring: UnitQuery,
        response: {
          200: Loose(
            { id: z.number(), cadreId: z.number(), name: z.string(), mentorId: z.number(), mentorName: z.string(), records: z.number() },
            '帮带关系',
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listMentorships(ctxOf(req, deps), req.query),
  );
  app.post(
    '/api/young/mentorships',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '为年轻干部确定导师',
        body: z.object({
          cadreId: z.number().int().describe('年轻干部'),
          mentorId: z.number().int().describe('导师'),
          startDate: date('开始日期（默认今天）').optional(),
          endDate: date('结束日期').nullable().optional(),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addMentor(ctxOf(req, deps), req.body) }),
  );
  app.post(
    '/api/young/mentorships/:id/end',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '结束导师帮带（保留帮带记录）',
        params: IdParams,
        body: z.object({ date: date('结束日期（默认今天）').optional() }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.endMentorship(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/young/mentorships/:id/records',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '导师帮带记录',
        params: IdParams,
        response: { 200: z.array(z.object({ id: z.number(), date: z.string(), content: z.string(), createdBy: z.string() })), ...errorResponses },
      },
    },
    async (req) => svc.mentoringRecords(ctxOf(req, deps), req.params.id),
  );
  app.post(
    '/api/young/mentorships/:id/records',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '登记导师帮带记录',
        params: IdParams,
        body: z.object({ date: date('日期'), content: z.string().trim().max(2000, '不能超过 2000 个字').describe('帮带内容') }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addMentoringRecord(ctxOf(req, deps), req.params.id, req.body) }),
  );
}
