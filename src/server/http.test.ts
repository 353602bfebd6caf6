// The remembered query validation (rememberingQueryValidator) answers as zod does: the same values for
// the same query, each query its own, errors every time, and nothing remembered for bodies.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rememberingQueryValidator } from './http.js';

const Query = z.object({
  q: z.string().max(4).optional(),
  page: z.coerce.number().int().min(1).default(1),
  sort: z.enum(['name', 'age']).default('name'),
});
const route = (httpPart: string) => ({ schema: Query, httpPart, method: 'GET', url: '/x' });
type Result = { value?: unknown; error?: unknown };

describe('rememberingQueryValidator', () => {
  it('gives what zod gives, for each query its own', () => {
    const check = rememberingQueryValidator(route('querystring')) as (d: unknown) => Result;
    const cases = [{}, { page: '2' }, { page: '3', sort: 'age' }, { q: '张三' }, { page: '2' }, {}];
    for (const c of cases) expect(check(c).value).toEqual(Query.parse(c));
    expect(check({ page: '2' }).value).toBe(check({ page: '2' }).value);
    expect(Object.isFrozen(check({ page: '2' }).value)).toBe(true);
  });

  it('refuses an invalid query every time', () => {
    const check = rememberingQueryValidator(route('querystring')) as (d: unknown) => Result;
    for (let i = 0; i < 2; i++) {
      expect(check({ page: '0' }).error).toBeDefined();
      expect(check({ page: '0' }).value).toBeUndefined();
      expect(check({ q: '太长的名字' }).error).toBeDefined();
    }
  });

  it('leaves bodies to zod alone (not frozen, not shared)', () => {
    const check = rememberingQueryValidator(route('body')) as (d: unknown) => Result;
    const a = check({ page: '2' }).value;
    expect(Object.isFrozen(a)).toBe(false);
    expect(check({ page: '2' }).value).not.toBe(a);
  });
});
