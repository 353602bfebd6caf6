import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import { TEAM_RULE_IDS } from '../../domain/team-rules.js';
import * as svc from './simulation.service.js';

registerFieldLabels(
  {
    teamId: '班子',
    name: '方案名称',
    asOf: '调配日期',
    note: '说明',
    moves: '调整',
    kind: '调整方式',
    cadreId: '干部',
    postId: '职位',
  },
  ['/api/adjustment-plans'],
);
registerFieldLabels({ asOf: '研判日期' }, ['/api/teams/:id/structure']);

const tags = ['模拟调配'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const id = (what: string) => z.number('须为数字').int('应为整数').positive('应为正整数').describe(what);

const Move = z
  .object({
    kind: z.enum(['in', 'out'], '应为 in（调入）或 out（调出）').describe('in 调入（须给职位） / out 调出（在任成员）'),
    cadreId: id('干部编号'),
    postId: id('调入的职位（本班子的职位）').nullable().optional(),
  })
  .describe('一项调整');
const Moves = z.array(Move).max(50, '一个方案最多 50 项调整').describe('调整（按顺序）');
const PlanBody = z.object({
  teamId: id('班子编号'),
  name: z.string().trim().min(1, '必填').max(50, '不能超过 50 个字').describe('方案名称'),
  asOf: date('调配日期：按该日的在任成员、年龄和参数计算'),
  note: z.string().trim().max(500, '不能超过 500 个字').optional().describe('说明'),
  moves: Moves,
});

const Count = z.object({ key: z.string(), label: z.string(), count: z.number() });
const Structure = z
  .object({
    asOf: z.string(),
    size: z.object({ members: z.number(), quota: z.number(), vacant: z.number(), overQuota: z.number() }).describe('成员数、核定职数、空缺、超配'),
    chief: z.object({ quota: z.number(), filled: z.number(), vacant: z.number() }).describe('正职'),
    byLevel: z
      .array(z.object({ levelCode: z.string(), quota: z.number(), filled: z.number(), vacant: z.number(), overQuota: z.number() }))
      .describe('按职务层次的职数与空缺'),
    age: z.object({
      average: z.number().nullable().describe('平均年龄'),
      bands: z.array(Count).describe('年龄段'),
      youngest: z.object({ name: z.string(), cadreId: z.number().optional(), age: z.number() }).nullable().describe('最年轻的成员'),
      band: z.string().nullable().describe('班子层级（乡科/县处/厅局）'),
      youngLimit: z.number().nullable().describe('该层级年轻干部年龄'),
      young: z.number().describe('年轻干部人数（不超过该年龄）'),
    }),
    gender: z.object({ male: z.number(), female: z.number() }),
    party: z.object({ party: z.number().describe('中共党员（含预备党员）'), nonParty: z.number().describe('党外') }),
    ethnicMinority: z.number().describe('少数民族'),
    education: z.array(Count).describe('最高学历：研究生/大学/大专/中专及以下'),
    specialties: z.array(z.object({ name: z.string(), count: z.number(), needed: z.boolean().describe('本单位需要') })).describe('专业结构'),
    sources: z.array(Count).describe('来源（标签：选调生、退役军人……）'),
    experience: z
      .object({
        read: z.number().describe('可判断的成员数：有简历，或现任职务单位即为乡镇街道、市直'),
        counts: z.array(Count).describe('基层经历、市直经历的人数'),
      })
      .describe('来源（据简历）：简历文字中有乡镇、街道、村、社区任职的为基层经历，有市直部门或单位任职的为市直经历；另计现任职务所在单位'),
    tenure: z.object({
      averagePostYears: z.number().nullable().describe('平均任现职年限'),
      pastOneTerm: z.number().describe('任现职满一个任期的人数'),
      averageLevelYears: z.number().nullable().describe('平均任现职级年限'),
    }),
    members: z.array(
      z.object({
        cadreId: z.number().optional(),
        name: z.string(),
        gender: z.string(),
        age: z.number(),
        isChief: z.boolean(),
        levelCode: z.string().nullable(),
        party: z.boolean(),
        minority: z.boolean(),
        educationTier: z.string(),
        specialties: z.array(z.string()),
        tags: z.array(z.string()),
        experience: z
          .array(z.object({ kind: z.enum(['grassroots', 'city']), evidence: z.string().describe('依据的简历行'), since: z.string().nullable() }))
          .nullable()
          .describe('据简历的基层、市直经历（null：无简历）'),
        postYears: z.number().nullable(),
        term: z.number().nullable().describe('第几个任期'),
        levelYears: z.number().nullable(),
      }),
    ),
  })
  .describe('班子结构');
const Finding = z.object({
  rule: z.enum(TEAM_RULE_IDS),
  source: z.string(),
  detail: z.string(),
  members: z.array(z.union([z.number(), z.string()])).optional(),
});
const Side = z.object({ structure: Structure, findings: z.array(Finding) });
const Evaluation = z.object({
  asOf: z.string(),
  teamId: z.number(),
  teamName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  posts: z.array(
    z.object({ id: z.number(), title: z.string(), levelCode: z.string(), levelName: z.string(), isChief: z.boolean(), quota: z.number() }),
  ),
  current: Side.describe('现状'),
  planned: Side.describe('按方案调整后'),
  resolved: z.array(Finding).describe('方案消除的问题'),
  added: z.array(Finding).describe('方案新出现的问题'),
  warnings: z.array(z.string()).describe('已不适用、未计入的调整'),
});
const PlanSummary = z.object({
  id: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  asOf: z.string(),
  note: z.string(),
  authorId: z.number(),
  authorName: z.string().describe('创建人'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export async function simulationRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/teams/:id/structure',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '班子结构：职数与空缺、年龄、性别、党派、民族、学历、专业、来源、任职年限，以及研判结论',
        params: IdParams,
        querystring: z.object({ asOf: date('研判日期（默认今天）').optional() }),
        response: {
          200: z.object({
            asOf: z.string(),
            teamId: z.number(),
            teamName: z.string(),
            unitId: z.number(),
            unitName: z.string(),
            structure: Structure,
            findings: z.array(Finding),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.storedTeamStructure(ctxOf(req, deps), req.params.id, req.query.asOf),
  );

  app.get(
    '/api/adjustment-plans',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '模拟调配方案列表（可按班子筛选）',
        querystring: z.object({ teamId: z.coerce.number().int().positive().optional().describe('班子编号') }),
        response: { 200: z.object({ items: z.array(PlanSummary.extend({ movesIn: z.number(), movesOut: z.number() })) }), ...errorResponses },
      },
    },
    async (req) => svc.listPlans(ctxOf(req, deps), req.query.teamId),
  );

  app.post(
    '/api/adjustment-plans/evaluate',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '试算：未保存的调整与现状对比（不写入任何数据）',
        body: PlanBody.pick({ teamId: true, asOf: true, moves: true }),
        response: { 200: Evaluation, ...errorResponses },
      },
    },
    async (req) => svc.evaluateDraft(ctxOf(req, deps), req.body),
  );

  app.post(
    '/api/adjustment-plans',
    {
      config: { permission: 'cadre:read' },
      schema: { tags, summary: '新建模拟调配方案', body: PlanBody, response: { 201: z.object({ id: z.number() }), ...errorResponses } },
    },
    async (req, reply) => {
      const newId = await svc.createPlan(ctxOf(req, deps), req.body);
      return reply.status(201).send({ id: newId });
    },
  );

  app.get(
    '/api/adjustment-plans/:id',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '模拟调配方案及其调整',
        params: IdParams,
        response: {
          200: PlanSummary.extend({
            moves: z.array(
              z.object({
                kind: z.enum(['in', 'out']),
                cadreId: z.number(),
                postId: z.number().nullable(),
                cadreName: z.string(),
                postTitle: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.getPlan(ctxOf(req, deps), req.params.id),
  );

  app.put(
    '/api/adjustment-plans/:id',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '修改模拟调配方案（整体替换调整）',
        params: IdParams,
        body: PlanBody.omit({ teamId: true }).extend({ version: z.number().int().describe('读取时的版本号') }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.updatePlan(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/adjustment-plans/:id',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '删除模拟调配方案',
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().describe('读取时的版本号') }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.deletePlan(ctxOf(req, deps), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/adjustment-plans/:id/evaluation',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '方案与现状并列：结构、空缺、研判结论（含回避情形），消除与新增的问题',
        params: IdParams,
        querystring: z.object({ asOf: date('对比日期（默认方案的调配日期）').optional() }),
        response: { 200: Evaluation.extend({ planId: z.number(), planName: z.string() }), ...errorResponses },
      },
    },
    async (req) => svc.evaluatePlan(ctxOf(req, deps), req.params.id, req.query.asOf),
  );
}
