// Deployment settings: read from the environment once, validated at start (DESIGN.md practice 9).
// Business settings (thresholds, lockout, idle time) live in the database: see server/settings.ts.
import { z } from 'zod';
import path from 'node:path';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  // warn by default keeps the console readable; LOG_LEVEL=info logs every request.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Set to "1" behind a TLS-terminating proxy so the session cookie is marked Secure. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
});

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  dialect: Dialect;
  /** file path for sqlite, connection string for postgres */
  location: string;
}

export function databaseTarget(url: string | undefined): DatabaseTarget {
  if (!url || url.trim() === '') return { dialect: 'sqlite', location: path.resolve('data', 'ganbu.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  if (url.startsWith('file:')) return { dialect: 'sqlite', location: path.resolve(url.slice('file:'.length)) };
  if (url === ':memory:') return { dialect: 'sqlite', location: ':memory:' };
  throw new Error(`DATABASE_URL 格式无法识别：应为 postgres://… 或 file:路径（收到 “${url}”）`);
}

export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`环境变量配置有误：${issues}`);
  }
  return parsed.data;
}
