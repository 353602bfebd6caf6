// Assembles the HTTP app: plugins, the authentication hook, the single error handler, every feature's
// routes, the OpenAPI document and the built web app. See ARCHITECTURE.md for how a request flows.
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, ErrorCodes, defaultMessages, type ErrorBody, type FieldIssue } from './errors.js';
import { labelForPath } from './field-labels.js';
import type { App, AppDeps, RouteAccess } from './http.js';
import { accountsRoutes, SESSION_COOKIE } from '../features/accounts/accounts.routes.js';
import { resolveSession } from '../features/accounts/accounts.service.js';
import { auditRoutes } from '../features/audit/audit.routes.js';
import { settingsRoutes } from '../features/settings/settings.routes.js';
import { unitsRoutes } from '../features/units/units.routes.js';
import { analysisRoutes } from '../features/analysis/analysis.routes.js';
import { simulationRoutes } from '../features/simulation/simulation.routes.js';
import { analysisRecordsRoutes } from '../features/analysis-records/analysis-records.routes.js';
import { cadresRoutes } from '../features/cadres/cadres.routes.js';
import { codesRoutes } from '../features/codes/codes.routes.js';
import { statsRoutes } from '../features/stats/stats.routes.js';
import { documentsRoutes } from '../features/documents/documents.routes.js';
import { transferRoutes } from '../features/transfer/transfer.routes.js';
import { figuresRoutes } from '../features/figures/figures.routes.js';
import { poolsRoutes } from '../features/pools/pools.routes.js';
import { youngRoutes } from '../features/young/young.routes.js';

z.config(z.locales.zhCN());

export interface RouteRecord {
  method: string;
  url: string;
  permission: RouteAccess | undefined;
}

export async function buildApp(deps: AppDeps, opts: { logger?: boolean | object } = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  /** every route as declared, for the test that no /api route goes without a permission */
  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) routes.push({ method: m, url: r.url, permission: r.config?.permission });
  });
  app.decorate('declaredRoutes', routes);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1000 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ganbu 干部管理平台 API',
        version: '0.1.0',
        description: '组织部干部队伍建设管理平台的接口。登录后以 Cookie 或 Bearer 令牌访问。',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Authentication and the route's declared permission, before any handler runs.
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.permission;
    // Unknown routes fall through to the 404 handler without asking who is calling.
    if (!req.url.startsWith('/api/') || access === 'public' || req.is404) return;
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const { actor, sessionId, stamps } = await resolveSession(deps.db, deps.now(), token, req.ip);
    req.actor = actor;
    req.sessionId = sessionId;
    req.stamps = stamps;
    if (access === undefined) throw new AppError('FORBIDDEN', '该接口未声明权限');
    if (access !== 'authenticated' && !actor.permissions.has(access)) throw new AppError('FORBIDDEN');
  });

  app.setErrorHandler((err, req, reply) => {
    let body: ErrorBody;
    let status: number;
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...(err.issues.length && { issues: err.issues }) } };
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: FieldIssue[] = err.validation.map((v) => {
        const p = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        const label = labelForPath(p, req.routeOptions.url);
        const raw = v.message ?? '取值无效';
        const message = /实际接收 undefined/.test(raw) ? '必填' : raw;
        return { field: p.join('.') || String(err.validationContext), label, message };
      });
      const first = issues[0];
      status = 400;
      body = {
        error: {
          code: 'VALIDATION',
          message: first
            ? `${first.label}：${first.message}` + (issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '')
            : defaultMessages.VALIDATION,
          issues,
        },
      };
    } else if ((err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err as { statusCode?: number }).statusCode === 400) {
      status = 400;
      body = { error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } };
    } else if ((err as { statusCode?: number }).statusCode === 413) {
      status = 413;
      body = { error: { code: 'VALIDATION', message: '上传内容超过大小限制' } };
    } else if ((err as { statusCode?: number }).statusCode === 415) {
      status = 415;
      body = { error: { code: 'VALIDATION', message: '不支持的请求内容类型' } };
    } else {
      if (isResponseSerializationError(err)) req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      else req.log.error({ err }, 'unhandled error');
      status = 500;
      body = { error: { code: 'INTERNAL', message: defaultMessages.INTERNAL } };
    }
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !deps.webRoot || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: defaultMessages.NOT_FOUND } } satisfies ErrorBody);
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.db.selectFrom('authorities').select('id').limit(1).execute();
      return { status: 'ok' as const, database: deps.dialect };
    },
  );
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await accountsRoutes(app, deps);
  await auditRoutes(app, deps);
  await settingsRoutes(app, deps);
  await codesRoutes(app, deps);
  await unitsRoutes(app, deps);
  await analysisRoutes(app, deps);
  await simulationRoutes(app, deps);
  await analysisRecordsRoutes(app, deps);
  await cadresRoutes(app, deps);
  await statsRoutes(app, deps);
  await documentsRoutes(app, deps);
  await transferRoutes(app, deps);
  await figuresRoutes(app, deps);
  await poolsRoutes(app, deps);
  await youngRoutes(app, deps);

  if (deps.webRoot && fs.existsSync(path.join(deps.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: deps.webRoot, prefix: '/', wildcard: false, index: 'index.html' });
  }

  return app;
}

export function declaredRoutes(app: App): RouteRecord[] {
  return (app as unknown as { declaredRoutes: RouteRecord[] }).declaredRoutes;
}

export { ErrorCodes };
