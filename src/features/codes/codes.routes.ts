import { z } from 'zod';
import type { App, AppDeps } from '../../server/http.js';
import { errorResponses } from '../../server/http.js';
import { CODE_TABLES } from './codes.catalog.js';

const CodeTableOut = z.object({
  label: z.string().describe('代码表名称'),
  items: z.array(
    z.object({
      code: z.string().describe('代码'),
      name: z.string().describe('名称'),
      parent: z.string().optional().describe('上级代码（分层代码表）'),
      header: z.boolean().optional().describe('为 true 时是分组标题，不可选'),
    }),
  ),
});

export async function codesRoutes(app: App, _deps: AppDeps) {
  app.get(
    '/api/codes',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['代码'],
        summary: '全部代码表（性别、民族、政治面貌、学历、学位、健康状况、家庭关系、专业技术职务、职务层次、职级、行政区划）',
        response: { 200: z.record(z.string(), CodeTableOut), ...errorResponses },
      },
    },
    async (_req, reply) => {
      // The tables only change with a release; let the browser keep them for the session.
      reply.header('cache-control', 'private, max-age=3600');
      return CODE_TABLES;
    },
  );
}
