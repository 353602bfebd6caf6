import { z } from 'zod';
import { ctxOf, errorResponses, PageQuery, type App, type AppDeps } from '../../server/http.js';
import { searchAuditLog } from './audit.service.js';
import { AUDIT_EVENTS } from './audit.events.js';

export async function auditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['审计'],
        summary: '查询审计日志',
        querystring: PageQuery.extend({
          event: z.enum(Object.keys(AUDIT_EVENTS) as [keyof typeof AUDIT_EVENTS]).optional(),
          username: z.string().max(64).optional(),
          targetType: z.string().max(32).optional(),
          targetId: z.string().max(64).optional(),
          from: z.iso.date().optional().describe('起始日期（含）'),
          to: z.iso.date().optional().describe('截止日期（含）'),
        }),
        response: {
          200: z.object({
            total: z.number(),
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                userId: z.number().nullable(),
                username: z.string(),
                ip: z.string(),
                event: z.string(),
                eventName: z.string(),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                detail: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const q = req.query;
      // 'to' is inclusive for users: everything before the next day.
      const to = q.to ? new Date(Date.parse(q.to) + 86_400_000).toISOString().slice(0, 10) : undefined;
      return searchAuditLog(ctxOf(req, deps), { ...q, to });
    },
  );

  app.get(
    '/api/audit/events',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['审计'], summary: '审计事件目录', response: { 200: z.record(z.string(), z.string()) } },
    },
    async () => AUDIT_EVENTS,
  );
}
