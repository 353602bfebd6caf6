import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import { TEAM_KINDS, UNIT_KINDS, UNIT_TIER_CODES, UNIT_TIERS } from '../../domain/unit-kinds.js';
import * as svc from './units.service.js';
import * as appointments from './appointments.service.js';

registerFieldLabels(
  {
    name: '名称',
    kind: '类别',
    authorityId: '管理单位',
    startDate: '任职日期',
    endDate: '免职日期',
    tier: '层级',
    parentId: '上级单位',
    sortOrder: '排序号',
    unitId: '单位',
    teamId: '班子',
    title: '职位名称',
    levelCode: '职务层次',
    isChief: '正职',
    quota: '核定职数',
    cadreId: '干部',
    postId: '职位',
    startDocNo: '任职文号',
    endDocNo: '免职文号',
    endReason: '免职原因',
    asOf: '日期',
  },
  ['/api/units', '/api/teams', '/api/posts', '/api/appointments'],
);

const tags = ['单位'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const AsOfQuery = z.object({ asOf: date('统计日期（默认今天）：按该日在任的任职计算').optional() });
const Created = z.object({ id: z.number().describe('新记录编号') });
const text = (max: number, what: string) => z.string().trim().min(1, '必填').max(max).describe(what);
const version = z.number().int().describe('读取时的版本号（防止覆盖他人的修改）');
const sortOrder = z.number().int().min(0).max(1_000_000).describe('排序号（小的在前）');

// ---- response shapes ----

interface UnitNodeOut {
  id: number;
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  parentId: number | null;
  children: UnitNodeOut[];
}
const UnitNode: z.ZodType<UnitNodeOut> = z.lazy(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string().describe('单位类别'),
    tier: z.string().describe('层级：city 市直 / county 县(市、区) / township 乡镇(街道)'),
    authorityId: z.number().describe('管理单位（组织部）'),
    parentId: z.number().nullable(),
    children: z.array(UnitNode),
  }),
);

const Staffing = {
  quota: z.number().describe('核定职数'),
  filled: z.number().describe('实配（在任人数）'),
  vacant: z.number().describe('空缺（不为负）'),
  overQuota: z.number().describe('超职数配备人数'),
};

const Holder = z.object({
  appointmentId: z.number(),
  cadreId: z.number(),
  name: z.string(),
  gender: z.string().describe('性别代码：1 男，2 女'),
  birthDate: z.string(),
  startDate: z.string().describe('任职日期'),
  startDocNo: z.string().describe('任职文号'),
  endDate: z.string().nullable().describe('免职日期（查询日期之后免职时才有值）'),
});

const Post = z.object({
  id: z.number(),
  title: z.string().describe('职位名称'),
  levelCode: z.string().describe('职务层次代码（ZB09）'),
  levelName: z.string().describe('职务层次'),
  isChief: z.boolean().describe('是否正职'),
  ...Staffing,
  sortOrder: z.number(),
  version: z.number(),
  holders: z.array(Holder).describe('查询日期在任的干部'),
});

const Totals = z.object({
  ...Staffing,
  chiefVacant: z.boolean().describe('正职空缺'),
  byLevel: z.array(z.object({ levelCode: z.string(), levelName: z.string(), ...Staffing })).describe('按职务层次合计'),
});

const Team = z.object({
  id: z.number(),
  unitId: z.number(),
  name: z.string(),
  kind: z.string().describe('班子类别'),
  sortOrder: z.number(),
  version: z.number(),
  posts: z.array(Post),
  totals: Totals,
});

const UnitDetail = z.object({
  asOf: z.string().describe('统计日期'),
  unit: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    tier: z.string(),
    tierName: z.string(),
    authorityId: z.number(),
    authorityName: z.string(),
    parentId: z.number().nullable(),
    sortOrder: z.number(),
    version: z.number(),
  }),
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })).describe('上级单位（从顶层起），仅含可见的'),
  children: z
    .array(z.object({ id: z.number(), name: z.string(), kind: z.string(), tier: z.string(), authorityId: z.number() }))
    .describe('可见的下级单位'),
  teams: z.array(Team),
  totals: Totals.describe('全单位合计'),
});

const HistoryItem = z.object({
  appointmentId: z.number(),
  cadreId: z.number(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  startDate: z.string(),
  startDocNo: z.string(),
  endDate: z.string().nullable(),
  endDocNo: z.string().nullable(),
  endReason: z.string().nullable(),
});

const CadreAppointment = z.object({
  appointmentId: z.number(),
  postId: z.number(),
  postTitle: z.string(),
  levelCode: z.string(),
  levelName: z.string(),
  isChief: z.boolean(),
  teamId: z.number(),
  teamName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  startDate: z.string(),
  startDocNo: z.string(),
  endDate: z.string().nullable(),
  endDocNo: z.string().nullable(),
  endReason: z.string().nullable(),
  current: z.boolean().describe('今天是否在任'),
});

// ---- request bodies ----

const UnitBody = z.object({
  name: text(100, '单位名称'),
  kind: z.enum(UNIT_KINDS).describe('单位类别'),
  tier: z.enum(UNIT_TIER_CODES).describe('层级：city 市直 / county 县(市、区) / township 乡镇(街道)'),
  authorityId: z.number().int().describe('管理单位（组织部）：须在本部门的干部管理权限内'),
  parentId: z.number().int().nullable().optional().describe('上级单位；空为顶层'),
  sortOrder: sortOrder.optional(),
});

const TeamBody = z.object({
  unitId: z.number().int().describe('所属单位'),
  name: text(100, '班子名称，如“中共东湖区委领导班子”'),
  kind: z.enum(TEAM_KINDS).describe('班子类别'),
  sortOrder: sortOrder.optional(),
});

const PostBody = z.object({
  teamId: z.number().int().describe('所属班子'),
  title: text(100, '职位名称，如“副区长”'),
  levelCode: z.string().trim().min(1, '必填').max(8).describe('职务层次代码（ZB09），如 1A31 县处级正职'),
  isChief: z.boolean().describe('是否正职'),
  quota: z.number().int('应为整数').min(0, '不能为负数').max(99).describe('核定职数'),
  sortOrder: sortOrder.optional(),
});

export async function unitsRoutes(app: App, deps: AppDeps) {
  const noContent = { 204: z.null(), ...errorResponses };

  app.get(
    '/api/units/kinds',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '单位类别、层级和班子类别（下拉选项）',
        response: {
          200: z.object({
            unitKinds: z.array(z.string()),
            tiers: z.array(z.object({ code: z.string(), name: z.string() })),
            teamKinds: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      unitKinds: [...UNIT_KINDS],
      tiers: Object.entries(UNIT_TIERS).map(([code, name]) => ({ code, name })),
      teamKinds: [...TEAM_KINDS],
    }),
  );

  app.get(
    '/api/units/tree',
    {
      config: { permission: 'unit:read' },
      schema: { tags, summary: '单位树（本部门可见的单位）', response: { 200: z.array(UnitNode), ...errorResponses } },
    },
    async (req) => svc.unitTree(ctxOf(req, deps)),
  );

  app.get(
    '/api/units/:id',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '单位详情：上级路径、下级单位、班子、职位及配备情况（按日期）',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: UnitDetail, ...errorResponses },
      },
    },
    async (req) => svc.unitDetail(ctxOf(req, deps), req.params.id, req.query.asOf),
  );

  app.post(
    '/api/units',
    { config: { permission: 'unit:write' }, schema: { tags, summary: '新建单位', body: UnitBody, response: { 201: Created, ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await svc.createUnit(ctxOf(req, deps), req.body) }),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { permission: 'unit:write' },
      schema: { tags, summary: '修改单位（含调整上级单位）', params: IdParams, body: UnitBody.partial().extend({ version }), response: noContent },
    },
    async (req, reply) => {
      await svc.updateUnit(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/teams/:id',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '班子详情：职位、在任干部及职数配备（按日期）',
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: Team.extend({ asOf: z.string(), unitName: z.string() }), ...errorResponses },
      },
    },
    async (req) => svc.teamDetail(ctxOf(req, deps), req.params.id, req.query.asOf),
  );

  app.post(
    '/api/teams',
    { config: { permission: 'unit:write' }, schema: { tags, summary: '新建班子', body: TeamBody, response: { 201: Created, ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await svc.createTeam(ctxOf(req, deps), req.body) }),
  );

  app.patch(
    '/api/teams/:id',
    {
      config: { permission: 'unit:write' },
      schema: {
        tags,
        summary: '修改班子',
        params: IdParams,
        body: TeamBody.omit({ unitId: true }).partial().extend({ version }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.updateTeam(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/posts',
    { config: { permission: 'unit:write' }, schema: { tags, summary: '新建职位', body: PostBody, response: { 201: Created, ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await svc.createPost(ctxOf(req, deps), req.body) }),
  );

  app.patch(
    '/api/posts/:id',
    {
      config: { permission: 'unit:write' },
      schema: {
        tags,
        summary: '修改职位（核定职数不能少于现有在任人数）',
        params: IdParams,
        body: PostBody.omit({ teamId: true }).partial().extend({ version }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await svc.updatePost(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/posts/:id/history',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '职位任职历史（最新在前）',
        params: IdParams,
        response: {
          200: z.object({
            post: z.object({
              id: z.number(),
              title: z.string(),
              levelCode: z.string(),
              levelName: z.string(),
              isChief: z.boolean(),
              quota: z.number(),
              teamId: z.number(),
              teamName: z.string(),
              unitId: z.number(),
              unitName: z.string(),
            }),
            items: z.array(HistoryItem),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.postHistory(ctxOf(req, deps), req.params.id),
  );

  app.post(
    '/api/appointments',
    {
      config: { permission: 'appointment:write' },
      schema: {
        tags,
        summary: '任职：在核定职数内任命干部担任职位',
        body: z.object({
          cadreId: z.number().int().describe('干部'),
          postId: z.number().int().describe('职位'),
          startDate: date('任职日期：不晚于今天，不早于参加工作时间'),
          startDocNo: z.string().trim().max(100).default('').describe('任职文号'),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await appointments.createAppointment(ctxOf(req, deps), req.body) }),
  );

  app.post(
    '/api/appointments/:id/end',
    {
      config: { permission: 'appointment:write' },
      schema: {
        tags,
        summary: '免职：结束一条任职（免职日期当日起不再在任）',
        params: IdParams,
        body: z.object({
          endDate: date('免职日期：不早于任职日期，不晚于今天'),
          endDocNo: z.string().trim().max(100).default('').describe('免职文号'),
          endReason: z.string().trim().max(200).default('').describe('免职原因，如“工作调动”“退休”'),
        }),
        response: noContent,
      },
    },
    async (req, reply) => {
      await appointments.endAppointment(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cadres/:id/appointments',
    {
      config: { permission: 'cadre:read' },
      schema: { tags, summary: '干部的任职记录（最新在前）', params: IdParams, response: { 200: z.array(CadreAppointment), ...errorResponses } },
    },
    async (req) => appointments.cadreAppointments(ctxOf(req, deps), req.params.id),
  );
}
