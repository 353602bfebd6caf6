import { z } from 'zod';
import { ctxOf, errorResponses, type App, type AppDeps } from '../../server/http.js';
import { overview } from './stats.service.js';

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

export async function statsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/stats/overview',
    {
      config: { permission: 'stats:read' },
      schema: { tags: ['统计'], summary: '首页统计：干部结构与班子职数配备（本部门管理范围）', response: { 200: Overview, ...errorResponses } },
    },
    async (req) => overview(ctxOf(req, deps)),
  );
}
