// Shared pieces for route files: the typed app, how a route declares its permission, and the use-case
// context built from a request.
import type { FastifyInstance, FastifyRequest, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Stamps } from '../db/data-versions.js';
import type { Dialect } from '../config.js';
import type { Actor, Ctx } from './access.js';
import { AppError } from './errors.js';
import type { Permission } from './permissions.js';

/** Every /api route declares one of these in `config.permission`; a test fails when one does not. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
    sessionId?: string;
    /** the database's stamps as read when the session was resolved (data-versions.ts) */
    stamps?: Stamps;
  }
}

export interface AppDeps {
  db: Db;
  dialect: Dialect;
  /** the clock; tests replace it to move time forward */
  now: () => Date;
  cookieSecure: boolean;
  /** folder of the built web app, served at / when present */
  webRoot?: string;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export function ctxOf(req: FastifyRequest, deps: AppDeps): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { db: deps.db, actor: req.actor, now: deps.now() };
}

/** The error body every route may answer with; named in the OpenAPI document. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), label: z.string().optional(), message: z.string(), row: z.number().optional() })).optional(),
    }),
  })
  .describe('错误');

export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** A page request: 1-based page number and page size, capped so no list loads a whole table. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/**
 * The zod validator, with a route's valid query strings remembered (at most 1,000, then forgotten at
 * once): a busy list asked again and again with the same query was validated anew each time (≈ 4 % of
 * a cached list request). Validation is a pure function of the parsed query, so the remembered value is
 * the one zod would give; it is frozen, shared by the requests that send that query.
 */
export function rememberingQueryValidator(route: {
  schema: unknown;
  httpPart?: string;
  method: string;
  url: string;
}): ReturnType<typeof validatorCompiler> {
  const check = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  if (route.httpPart !== 'querystring') return check;
  const valid = new Map<string, unknown>();
  return (data) => {
    const key = JSON.stringify(data);
    const hit = valid.get(key);
    if (hit !== undefined) return { value: hit };
    const result = check(data) as { value?: unknown; error?: unknown };
    if (result.error === undefined && result.value !== null && typeof result.value === 'object') {
      if (valid.size >= 1000) valid.clear();
      valid.set(key, Object.freeze(result.value));
    }
    return result as ReturnType<typeof check>;
  };
}
