// Pure rules of the pools and lists (issue 5, report part 二 “系统研判精准选”): category moves, review
// dates, reserve outcomes, and the report's figures over dated records. No IO, no clock: today is a
// parameter. RULES.md has no numbers for these (the report is the source); the review interval is a
// dated setting (pools.categoryReviewMonths).
import type { Problem } from '../../domain/teams.js';

/** 四类干部清单 (report part 二): the four lists, in the report's order. */
export const CATEGORIES = {
  promote_soon: '近期提拔',
  develop: '中期培养',
  watch: '长期关注',
  unfit: '不适宜担任现职',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as [Category, ...Category[]];

/** 正职人选后备库: how soon a candidate could take a chief post (local practice; no national numbers). */
export const READINESS = {
  now: '近期可用',
  one_two_years: '1–2年',
  later: '2年以上',
} as const;
export type Readiness = keyof typeof READINESS;
export const READINESS_CODES = Object.keys(READINESS) as [Readiness, ...Readiness[]];

export const RESERVE_STATUS = { active: '在库', used: '已使用', withdrawn: '已退出' } as const;

const problem = (field: string, message: string, kind: Problem['kind'] = 'validation'): Problem => ({ field, message, kind });

/** 'YYYY-MM-DD' plus whole months; a day past the target month's end clamps to it (29 Feb + 12 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Days from a to b (b − a), both 'YYYY-MM-DD'. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export type ReviewState = 'overdue' | 'due_soon' | 'ok';

/** A review is overdue the day after its due date; due soon from noticeDays before it, due day included. */
export function reviewState(reviewDue: string, today: string, noticeDays: number): ReviewState {
  const left = daysBetween(today, reviewDue);
  if (left < 0) return 'overdue';
  if (left <= noticeDays) return 'due_soon';
  return 'ok';
}

export interface CategoryMove {
  /** the new list, or null to take the cadre off the lists */
  category: Category | null;
  reason: string;
  date: string;
  reviewDue?: string | null;
}

/**
 * Problems with moving a cadre between the category lists. One category at a time with its history
 * (report part 二 “四类干部清单”): each move needs a reason, cannot predate the current stay, and a
 * move to the list the cadre is already on is no move.
 */
export function categoryMoveProblems(move: CategoryMove, current: { category: string; startDate: string } | undefined, today: string): Problem[] {
  const out: Problem[] = [];
  if (!move.reason.trim()) out.push(problem('reason', '调整清单必须填写理由'));
  if (move.date > today) out.push(problem('date', '不能晚于今天'));
  if (current && move.date < current.startDate) out.push(problem('date', `不能早于现列入清单的日期 ${current.startDate}`));
  if (move.reviewDue && move.reviewDue <= move.date) out.push(problem('reviewDue', '须晚于调整日期'));
  if (move.category === null && !current) out.push(problem('category', '该干部不在四类干部清单中', 'conflict'));
  if (move.category !== null && current?.category === move.category)
    out.push(problem('category', `该干部已在“${CATEGORIES[move.category]}”清单中`, 'conflict'));
  return out;
}

export interface OutcomeInput {
  outcome: 'used' | 'withdrawn';
  date: string;
  postId?: number | null;
  reason?: string | null;
}

/**
 * Problems with closing a reserve candidacy (正职人选后备库 “及时选用”): 'used' names one of the posts
 * the candidate was considered for; 'withdrawn' needs a reason; the date lies between entry and today.
 */
export function reserveOutcomeProblems(
  o: OutcomeInput,
  entry: { status: string; enteredOn: string; postIds: readonly number[] },
  today: string,
): Problem[] {
  const out: Problem[] = [];
  if (entry.status !== 'active')
    out.push(problem('outcome', `该人选已${RESERVE_STATUS[entry.status as keyof typeof RESERVE_STATUS] ?? '结束'}`, 'conflict'));
  if (o.date > today) out.push(problem('date', '不能晚于今天'));
  if (o.date < entry.enteredOn) out.push(problem('date', `不能早于入库日期 ${entry.enteredOn}`));
  if (o.outcome === 'used') {
    if (!o.postId) out.push(problem('postId', '选用时须选择任用的职位'));
    else if (!entry.postIds.includes(o.postId)) out.push(problem('postId', '须为该人选拟任的职位之一'));
  }
  if (o.outcome === 'withdrawn' && !o.reason?.trim()) out.push(problem('reason', '退出后备库必须填写原因'));
  return out;
}

/** Problems with a reserve entry: at least one post it is considered for, and an entry date not in the future. */
export function reserveEntryProblems(e: { postIds: readonly number[]; enteredOn: string }, today: string): Problem[] {
  const out: Problem[] = [];
  if (e.postIds.length === 0) out.push(problem('postIds', '至少选择一个拟任职位'));
  if (e.enteredOn > today) out.push(problem('enteredOn', '不能晚于今天'));
  return out;
}

// ---- the report's figures (report part 二): a number for a period, with the names behind it ----

export interface Period {
  /** first day, inclusive; null = since records began (the report's 累计) */
  from: string | null;
  /** last day, inclusive */
  to: string;
}

export const inPeriod = (date: string, p: Period) => (p.from === null || date >= p.from) && date <= p.to;

/**
 * The distinct cadres whose record's date falls in the period, in first-date order: 累计入库 counts
 * people, not memberships, so a cadre in two pools counts once.
 */
export function distinctCadresIn<T extends { cadreId: number; date: string }>(rows: readonly T[], p: Period): number[] {
  const first = new Map<number, string>();
  for (const r of rows) {
    if (!inPeriod(r.date, p)) continue;
    const seen = first.get(r.cadreId);
    if (seen === undefined || r.date < seen) first.set(r.cadreId, r.date);
  }
  return [...first.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0])).map(([id]) => id);
}
