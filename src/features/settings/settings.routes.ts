import { z } from 'zod';
import { ctxOf, errorResponses, type App, type AppDeps } from '../../server/http.js';
import { listSettings, setSetting } from './settings.service.js';

export async function settingsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/settings',
    {
      config: { permission: 'settings:manage' },
      schema: { tags: ['参数'], summary: '业务参数及其版本', response: { 200: z.array(z.any()), ...errorResponses } },
    },
    async (req) => listSettings(ctxOf(req, deps)),
  );
  app.put(
    '/api/settings/:key',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['参数'],
        summary: '设置参数（自生效日期起）',
        params: z.object({ key: z.string() }),
        body: z.object({ value: z.unknown(), effectiveFrom: z.iso.date().describe('生效日期') }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await setSetting(ctxOf(req, deps), { key: req.params.key, value: req.body.value, effectiveFrom: req.body.effectiveFrom });
      return reply.status(204).send(null);
    },
  );
}
