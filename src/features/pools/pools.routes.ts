import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import * as svc from './pools.service.js';
import { cadreYoungStatus } from '../young/young.service.js';
import { CATEGORIES, CATEGORY_CODES, READINESS, READINESS_CODES } from './pools.rules.js';

registerFieldLabels(
  {
    name: '名称',
    sortOrder: '排序号',
    poolId: '干部库',
    cadreId: '干部',
    reason: '理由',
    addedOn: '入库日期',
    removedOn: '出库日期',
    category: '清单类别',
    date: '日期',
    reviewDue: '复核日期',
    nextDue: '下次复核日期',
    note: '备注',
    readiness: '成熟度',
    postIds: '拟任职位',
    postId: '任用职位',
    enteredOn: '入库日期',
    outcome: '结果',
    includeRemoved: '含已出库',
    status: '状态',
    unitId: '单位',
    from: '起始日期',
    to: '截止日期',
  },
  ['/api/specialty-pools', '/api/pool-memberships', '/api/category-lists', '/api/category-entries', '/api/chief-reserve', '/api/figures/pools'],
);
// Only the category move lives under /api/cadres/: its own few fields, so the profile's labels stay.
registerFieldLabels({ category: '清单类别', reason: '调整理由', date: '调整日期', reviewDue: '复核日期' }, ['/api/cadres/']);

const tags = ['干部库与清单'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const text = (max: number, what: string) => z.string().trim().min(1, '必填').max(max, `不能超过 ${max} 个字`).describe(what);
const Created = z.object({ id: z.number().describe('新记录编号') });
const version = z.number().int().describe('读取时的版本号（防止覆盖他人的修改）');
const noContent = { 204: z.null(), ...errorResponses };
const UnitQuery = z.object({ unitId: z.coerce.number().int().positive().optional().describe('单位：只统计其下级单位（含本单位）的干部') });
const Loose = (shape: z.ZodRawShape, what: string) => z.array(z.looseObject(shape)).describe(what);

const PoolOut = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  version: z.number(),
  members: z.number().nullable().describe('本部门可见的现有人数（无查阅权限时为空）'),
});

const FigureOut = z.object({
  key: z.string().describe('指标：pool_entries 累计入库 / promising 重点掌握好苗子 / two_way_secondments 双向互派挂（任）职'),
  label: z.string(),
  value: z.number().describe('人数（每人只计一次）'),
  cadreIds: z.array(z.number()),
  cadres: z
    .array(z.object({ id: z.number(), name: z.string(), unitName: z.string().nullable(), currentPost: z.string() }))
    .describe('数字背后的名单'),
});

export async function poolsRoutes(app: App, deps: AppDeps) {
  // ---- the set of pools ----
  app.get(
    '/api/specialty-pools',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '五类干部库（库的设置及可见的现有人数）',
        querystring: UnitQuery,
        response: { 200: z.array(PoolOut), ...errorResponses },
      },
    },
    async (req) => svc.listPools(ctxOf(req, deps), req.query.unitId),
  );
  app.post(
    '/api/specialty-pools',
    {
      config: { permission: 'pool:manage' },
      schema: {
        tags,
        summary: '新建干部库',
        body: z.object({ name: text(30, '库名，如“党建”'), sortOrder: z.number().int().min(0).max(10_000).optional() }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.createPool(ctxOf(req, deps), req.body) }),
  );
  app.patch(
    '/api/specialty-pools/:id',
    {
      config: { permission: 'pool:manage' },
      schema: {
        tags,
        summary: '修改干部库（改名、排序）',
        params: IdParams,
        body: z.object({ name: text(30, '库名').optional(), sortOrder: z.number().int().min(0).max(10_000).optional(), version }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.updatePool(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/specialty-pools/:id',
    {
      config: { permission: 'pool:manage' },
      schema: { tags, summary: '删除干部库（已有入库记录的库不能删除）', params: IdParams, response: noContent },
    },
    async (req, reply) => {
      await svc.deletePool(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- memberships ----
  app.get(
    '/api/specialty-pools/:id/members',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '库内干部（含入库理由、入库人、日期；可含已出库的历史）',
        params: IdParams,
        querystring: z.object({ includeRemoved: z.stringbool().optional() }),
        response: {
          200: z.object({
            pool: z.looseObject({ id: z.number(), name: z.string() }),
            members: Loose(
              { id: z.number(), cadreId: z.number(), name: z.string(), reason: z.string(), addedOn: z.string(), addedBy: z.string() },
              '入库记录',
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.poolMembers(ctxOf(req, deps), req.params.id, req.query.includeRemoved ?? false),
  );
  app.post(
    '/api/pool-memberships',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '干部入库',
        body: z.object({
          poolId: z.number().int().describe('干部库'),
          cadreId: z.number().int().describe('干部'),
          reason: text(500, '入库理由'),
          addedOn: date('入库日期（默认今天）').optional(),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addMember(ctxOf(req, deps), req.body) }),
  );
  app.post(
    '/api/pool-memberships/:id/remove',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '干部出库（保留历史）',
        params: IdParams,
        body: z.object({ reason: text(500, '出库理由'), removedOn: date('出库日期（默认今天）').optional() }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.removeMember(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- category lists ----
  const Entry = {
    id: z.number(),
    cadreId: z.number(),
    category: z.string(),
    categoryName: z.string(),
    reason: z.string(),
    startDate: z.string(),
    reviewDue: z.string(),
  };
  app.get(
    '/api/category-lists',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '四类干部清单：各类人数和现列入的干部',
        querystring: UnitQuery.extend({
          category: z
            .enum(CATEGORY_CODES)
            .optional()
            .describe(
              `清单类别：${Object.entries(CATEGORIES)
                .map(([k, v]) => `${k} ${v}`)
                .join('，')}`,
            ),
        }),
        response: {
          200: z.object({
            counts: z.array(z.object({ category: z.string(), name: z.string(), count: z.number() })),
            entries: Loose(Entry, '清单记录'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listCategory(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/category-lists/reviews',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '复核提醒：已逾期和即将到期的四类干部清单复核',
        response: {
          200: z.object({
            today: z.string(),
            noticeDays: z.number(),
            overdue: z.number(),
            dueSoon: z.number(),
            entries: Loose(Entry, '需复核的清单记录'),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.dueReviews(ctxOf(req, deps)),
  );
  app.post(
    '/api/cadres/:id/category',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '调整干部所在清单（必须填写理由；category 为空即移出清单）',
        params: IdParams,
        body: z.object({
          category: z.enum(CATEGORY_CODES).nullable().describe('新的清单类别；null 为移出四类干部清单'),
          reason: z.string().trim().max(500, '不能超过 500 个字').describe('调整理由（必填）'),
          date: date('调整日期（默认今天）').optional(),
          reviewDue: date('复核日期（默认按复核周期推算）').nullable().optional(),
        }),
        response: { 200: z.object({ id: z.number().nullable(), reviewDue: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => svc.moveCategory(ctxOf(req, deps), req.params.id, req.body),
  );
  app.post(
    '/api/category-entries/:id/review',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '复核清单记录（维持原类别，推算下次复核日期）',
        params: IdParams,
        body: z.object({
          note: z.string().trim().max(500, '不能超过 500 个字').describe('复核意见（必填）'),
          date: date('复核日期（默认今天）').optional(),
          nextDue: date('下次复核日期（默认按复核周期推算）').optional(),
        }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.reviewCategory(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- chief reserve pool ----
  app.get(
    '/api/chief-reserve',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '正职人选后备库',
        querystring: z.object({
          status: z.enum(['active', 'used', 'withdrawn']).optional().describe('active 在库 / used 已使用 / withdrawn 已退出'),
        }),
        response: {
          200: Loose(
            {
              id: z.number(),
              cadreId: z.number(),
              name: z.string(),
              readiness: z.string(),
              readinessName: z.string(),
              status: z.string(),
              version: z.number(),
            },
            '后备人选及拟任职位',
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.listReserve(ctxOf(req, deps), req.query),
  );
  app.get(
    '/api/chief-reserve/posts',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '可选的正职职位（按职位名称或单位名称查找，至多 50 个）',
        querystring: z.object({ q: z.string().max(50).default('') }),
        response: { 200: z.array(z.object({ id: z.number(), title: z.string(), levelCode: z.string(), unitName: z.string() })), ...errorResponses },
      },
    },
    async (req) => svc.chiefPosts(ctxOf(req, deps), req.query.q),
  );
  const readiness = z.enum(READINESS_CODES).describe(
    `成熟度：${Object.entries(READINESS)
      .map(([k, v]) => `${k} ${v}`)
      .join('，')}`,
  );
  app.post(
    '/api/chief-reserve',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '列入正职人选后备库',
        body: z.object({
          cadreId: z.number().int(),
          readiness,
          postIds: z.array(z.number().int()).max(20).describe('拟任的正职职位'),
          enteredOn: date('入库日期（默认今天）').optional(),
          note: z.string().trim().max(500).optional(),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addReserve(ctxOf(req, deps), req.body) }),
  );
  app.patch(
    '/api/chief-reserve/:id',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '修改后备人选的成熟度、拟任职位或备注',
        params: IdParams,
        body: z.object({
          readiness: readiness.optional(),
          postIds: z.array(z.number().int()).max(20).optional(),
          note: z.string().trim().max(500).optional(),
          version,
        }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.updateReserve(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/chief-reserve/:id/outcome',
    {
      config: { permission: 'pool:write' },
      schema: {
        tags,
        summary: '后备人选的结果：used 已选用（任拟任职位之一）/ withdrawn 退出（须填原因）',
        params: IdParams,
        body: z.object({
          outcome: z.enum(['used', 'withdrawn']),
          date: date('日期（默认今天）').optional(),
          postId: z.number().int().optional(),
          reason: z.string().trim().max(500).optional(),
          version,
        }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.reserveOutcome(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- one cadre ----
  app.get(
    '/api/cadres/:id/pool-status',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags,
        summary: '干部的入库、清单、后备和年轻干部情况（档案页面板）',
        params: IdParams,
        response: {
          200: z.looseObject({
            memberships: z.array(z.unknown()),
            categories: z.array(z.unknown()),
            reserve: z.array(z.unknown()),
            young: z.unknown(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const ctx = ctxOf(req, deps);
      const status = await svc.cadrePoolStatus(ctx, req.params.id);
      return { ...status, young: await cadreYoungStatus(ctx, req.params.id) };
    },
  );

  // ---- the report's figures ----
  app.get(
    '/api/figures/pools',
    {
      config: { permission: 'pool:read' },
      schema: {
        tags: ['报告数据'],
        summary: '报告数据：累计入库、重点掌握好苗子、双向互派挂（任）职，各附名单',
        querystring: UnitQuery.extend({
          from: date('起始日期（含；空为自有记录起累计）').optional(),
          to: date('截止日期（含；默认今天）').optional(),
        }),
        response: {
          200: z.object({ from: z.string().nullable(), to: z.string(), unitId: z.number().nullable(), figures: z.array(FigureOut) }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.poolFigures(ctxOf(req, deps), req.query),
  );
}
