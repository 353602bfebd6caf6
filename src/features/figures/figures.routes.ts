import { z } from 'zod';
import { ctxOf, errorResponses, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import * as svc from './figures.service.js';

registerFieldLabels({ from: '开始日期', to: '结束日期', unitId: '单位' }, ['/api/figures']);

const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);

const Figure = z.object({
  key: z.string().describe('指标键（稳定）'),
  label: z.string().describe('指标名称'),
  value: z.number().describe('数值：人数、个数或百分比'),
  unit: z.enum(['人', '%', '个']),
  numerator: z.number().optional().describe('比例的分子'),
  denominator: z.number().optional().describe('比例的分母'),
  people: z
    .array(z.object({ cadreId: z.number(), name: z.string(), detail: z.string() }))
    .optional()
    .describe('数字背后的干部'),
  teams: z
    .array(z.object({ teamId: z.number(), unitId: z.number(), teamName: z.string(), unitName: z.string(), ok: z.boolean().describe('是否达到要求') }))
    .optional()
    .describe('数字背后的班子（未达到要求的在前）'),
  definition: z.string().describe('口径'),
});

export async function figuresRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/figures',
    {
      config: { permission: 'stats:read' },
      schema: {
        tags: ['统计'],
        summary: '报告数据：任意期间、单位范围的选人用人数据，附每个数字背后的名单',
        querystring: z.object({
          from: date('开始日期（含）'),
          to: date('结束日期（含）；配备率按该日的班子计算'),
          unitId: z.coerce.number('须为数字').int().positive().optional().describe('单位（含下属单位）；缺省为管理范围内全部'),
        }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            unitId: z.number().optional(),
            unitName: z.string().nullable(),
            figures: z.array(Figure),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.reportFigures(ctxOf(req, deps), req.query),
  );
}
