import { z } from 'zod';
import { ctxOf, errorResponses, type App, type AppDeps } from '../../server/http.js';
import { overview, structure, vacantPosts } from './stats.service.js';

const Item = z.object({
  key: z.string().describe('指标键'),
  label: z.string().describe('指标名称'),
  count: z.number().describe('人数或个数'),
  share: z.number().optional().describe('占在职干部总数的比例（0–1）'),
  filter: z.record(z.string(), z.string()).optional().describe('列出这些干部的查询参数（GET /api/cadres）'),
});

const Overview = z.object({
  asOf: z.string().describe('统计日期（今天）'),
  total: Item.describe('在职干部总数'),
  averageAge: z.number().nullable().describe('平均年龄（周岁，一位小数）'),
  byAuthority: z.array(Item).describe('按管理权限：市管、各县(市、区)管'),
  byLevel: z.array(Item).describe('按职务层次'),
  structure: z.array(Item).describe('女干部、党外干部、少数民族干部'),
  byAge: z.array(Item).describe('按年龄段'),
  byEducation: z.array(Item).describe('按最高学历'),
  teams: z.array(Item).describe('单位、班子、职数配备'),
});

const StructureQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('单位编号：统计该单位及其下级单位（默认管理范围内全部）'),
  asOf: z.iso.date('应为有效日期（YYYY-MM-DD）').optional().describe('统计日期（默认今天）：年龄按该日计算，职位配备按该日在任'),
});

const Structure = z.object({
  asOf: z.string(),
  peopleNote: z.string().nullable().describe('统计日期不是今天时的说明：人员及其单位为今天的，未保存历史'),
  unit: z.object({ id: z.number(), name: z.string() }).nullable().describe('所选单位（null 为管理范围内全部）'),
  total: Item,
  averageAge: z.number().nullable(),
  agePyramid: z.array(z.object({ key: z.string(), label: z.string(), men: Item, women: Item })).describe('年龄金字塔：各年龄段男、女人数'),
  gender: z.array(Item),
  party: z.array(Item).describe('中共党员（含预备党员）与党外干部'),
  education: z.array(Item),
  byLevel: z.array(Item).describe('按职务层次'),
  vacancies: z
    .array(z.object({ key: z.string(), label: z.string(), levelCode: z.string(), quota: z.number(), filled: z.number(), vacant: z.number() }))
    .describe('按职位的职务层次：核定职数、实配、空缺'),
});

export async function statsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/stats/structure',
    {
      config: { permission: 'stats:read' },
      schema: {
        tags: ['统计'],
        summary: '干部结构分析：所选单位（含下级）按日期的年龄、性别、党派、学历、职务层次和职位空缺',
        querystring: StructureQuery,
        response: { 200: Structure, ...errorResponses },
      },
    },
    async (req) => structure(ctxOf(req, deps), req.query),
  );

  app.get(
    '/api/stats/vacancies',
    {
      config: { permission: 'stats:read' },
      schema: {
        tags: ['统计'],
        summary: '有空缺的职位（所选单位含下级，按日期；可按职务层次）',
        querystring: StructureQuery.extend({
          level: z.string().max(8).optional().describe('职位的职务层次代码'),
          limit: z.coerce.number().int().min(1).max(1000).default(500).describe('最多返回条数'),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            total: z.number(),
            items: z.array(
              z.object({
                id: z.number(),
                teamId: z.number(),
                unitId: z.number(),
                title: z.string(),
                levelCode: z.string(),
                levelName: z.string(),
                isChief: z.boolean(),
                quota: z.number(),
                filled: z.number(),
                vacant: z.number(),
                teamName: z.string(),
                unitName: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => vacantPosts(ctxOf(req, deps), req.query),
  );

  app.get(
    '/api/stats/overview',
    {
      config: { permission: 'stats:read' },
      schema: { tags: ['统计'], summary: '首页统计：干部结构与班子职数配备（本部门管理范围）', response: { 200: Overview, ...errorResponses } },
    },
    async (req) => overview(ctxOf(req, deps)),
  );
}
