import { describe, expect, it } from 'vitest';
import { addMonths, categoryMoveProblems, distinctCadresIn, reserveOutcomeProblems, reviewState, type CategoryMove } from './pools.rules.js';

const fields = (ps: { field: string; kind: string }[]) => ps.map((p) => `${p.field}:${p.kind}`);

describe('addMonths', () => {
  it.each([
    ['2025-03-15', 12, '2026-03-15'],
    ['2024-02-29', 12, '2025-02-28'], // leap day into a common year clamps to the month's end
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-06-01', 0, '2025-06-01'],
  ])('%s + %i months = %s', (d, m, want) => expect(addMonths(d, m)).toBe(want));
});

describe('reviewState', () => {
  it.each([
    ['2026-06-01', '2026-06-01', 30, 'due_soon'], // due today: not yet overdue
    ['2026-05-31', '2026-06-01', 30, 'overdue'], // the day after the due date
    ['2026-07-01', '2026-06-01', 30, 'due_soon'], // exactly noticeDays ahead
    ['2026-07-02', '2026-06-01', 30, 'ok'],
    ['2026-06-02', '2026-06-01', 0, 'ok'],
    ['2026-03-01', '2026-02-28', 0, 'ok'], // common year: 1 Mar is the next day
    ['2024-02-29', '2024-03-01', 30, 'overdue'],
  ] as const)('due %s on %s with %i days notice → %s', (due, today, notice, want) => expect(reviewState(due, today, notice)).toBe(want));
});

describe('categoryMoveProblems', () => {
  const today = '2026-06-01';
  const current = { category: 'develop', startDate: '2025-06-01' };
  const move = (o: Partial<CategoryMove>): CategoryMove => ({ category: 'promote_soon', reason: '实绩突出', date: today, ...o });
  it.each<[string, CategoryMove, typeof current | undefined, string[]]>([
    ['a good move', move({}), current, []],
    ['first listing', move({}), undefined, []],
    ['no reason', move({ reason: '' }), current, ['reason:validation']],
    ['blank reason', move({ reason: '   ' }), current, ['reason:validation']],
    ['in the future', move({ date: '2026-06-02' }), current, ['date:validation']],
    ['before the current stay', move({ date: '2025-05-31' }), current, ['date:validation']],
    ['on the current stay’s first day', move({ date: '2025-06-01' }), current, []],
    ['to the same list', move({ category: 'develop' }), current, ['category:conflict']],
    ['off the lists', move({ category: null }), current, []],
    ['off the lists when not on one', move({ category: null }), undefined, ['category:conflict']],
    ['review due on the move day', move({ reviewDue: today }), current, ['reviewDue:validation']],
    ['review due the next day', move({ reviewDue: '2026-06-02' }), current, []],
  ])('%s', (_name, m, cur, want) => expect(fields(categoryMoveProblems(m, cur, today))).toEqual(want));
});

describe('reserveOutcomeProblems', () => {
  const entry = { status: 'active', enteredOn: '2025-01-10', postIds: [7, 8] };
  it.each<[string, Parameters<typeof reserveOutcomeProblems>[0], typeof entry, string[]]>([
    ['used for a considered post', { outcome: 'used', date: '2026-05-01', postId: 8 }, entry, []],
    ['used without a post', { outcome: 'used', date: '2026-05-01' }, entry, ['postId:validation']],
    ['used for another post', { outcome: 'used', date: '2026-05-01', postId: 9 }, entry, ['postId:validation']],
    ['withdrawn with a reason', { outcome: 'withdrawn', date: '2026-05-01', reason: '身体原因' }, entry, []],
    ['withdrawn without a reason', { outcome: 'withdrawn', date: '2026-05-01', reason: ' ' }, entry, ['reason:validation']],
    ['on the entry day', { outcome: 'used', date: '2025-01-10', postId: 7 }, entry, []],
    ['before entry', { outcome: 'used', date: '2025-01-09', postId: 7 }, entry, ['date:validation']],
    ['after today', { outcome: 'used', date: '2026-06-02', postId: 7 }, entry, ['date:validation']],
    ['already used', { outcome: 'withdrawn', date: '2026-05-01', reason: 'x' }, { ...entry, status: 'used' }, ['outcome:conflict']],
  ])('%s', (_n, o, e, want) => expect(fields(reserveOutcomeProblems(o, e, '2026-06-01'))).toEqual(want));
});

describe('distinctCadresIn', () => {
  const rows = [
    { cadreId: 1, date: '2024-02-29' },
    { cadreId: 2, date: '2025-12-31' },
    { cadreId: 1, date: '2026-01-01' }, // a second pool: counted once
    { cadreId: 3, date: '2026-01-01' },
    { cadreId: 4, date: '2026-06-02' },
  ];
  it.each<[string, string | null, string, number[]]>([
    ['cumulative to a day', null, '2026-06-01', [1, 2, 3]],
    ['a year, both ends inclusive', '2026-01-01', '2026-12-31', [1, 3, 4]],
    ['the leap day alone', '2024-02-29', '2024-02-29', [1]],
    ['the day after the leap day', '2024-03-01', '2025-12-30', []],
    ['new year’s eve', '2025-12-31', '2025-12-31', [2]],
  ])('%s', (_n, from, to, want) => expect(distinctCadresIn(rows, { from, to })).toEqual(want));
});
