// Pure rules of the young-cadre programme (report part 二 “着眼结构统筹选”: the “789” plan, 好苗子,
// “双挂双任” and “2+1” 导师帮带). No national numbers exist (RULES.md §10: young-cadre ages are local),
// so the cohorts and the number of mentors are dated settings (young.cohorts, young.mentorsPerCadre).
import type { Problem } from '../../domain/teams.js';

/** Where a 好苗子 was found: the survey (大调研), a team analysis (研判) or a recommendation (推荐). */
export const PROMISING_SOURCES = { survey: '大调研', analysis: '研判', recommendation: '推荐' } as const;
export type PromisingSource = keyof typeof PROMISING_SOURCES;
export const PROMISING_SOURCE_CODES = Object.keys(PROMISING_SOURCES) as [PromisingSource, ...PromisingSource[]];

export const DIRECTIONS = { city_to_county: '市派县挂', county_to_city: '县派市挂' } as const;
export type Direction = keyof typeof DIRECTIONS;

export interface Cohort {
  label: string;
  fromYear: number;
  toYear: number;
}

/** The cohort of a birth date ('YYYY-MM-DD'): by birth year, so 1979-12-31 is 70后 and 1980-01-01 is 80后. */
export function cohortOf(birthDate: string, cohorts: readonly Cohort[]): string | null {
  const y = Number(birthDate.slice(0, 4));
  return cohorts.find((c) => y >= c.fromYear && y <= c.toYear)?.label ?? null;
}

/** Problems in the cohort setting itself: a range that runs backwards or overlaps another. */
export function cohortProblems(cohorts: readonly Cohort[]): string[] {
  const out: string[] = [];
  cohorts.forEach((c, i) => {
    if (c.toYear < c.fromYear) out.push(`${c.label}：截止年份早于起始年份`);
    for (const d of cohorts.slice(i + 1)) if (c.fromYear <= d.toYear && d.fromYear <= c.toYear) out.push(`${c.label} 与 ${d.label} 的年份重叠`);
  });
  return out;
}

/** 'city' side or 'county' side of a unit tier: township units are on the county side. */
export const sideOf = (tier: string): 'city' | 'county' => (tier === 'city' ? 'city' : 'county');

export interface SecondmentFacts {
  startDate: string;
  endDate: string | null;
  homeUnitId: number;
  hostUnitId: number;
  homeTier: string;
  hostTier: string;
}

/**
 * Problems with a two-way secondment (双挂双任, report part 二: 市、县两级双向互派挂(任)职): it ends on
 * or after the day it starts, goes to another unit, and crosses between city and county.
 */
export function secondmentProblems(f: SecondmentFacts): Problem[] {
  const out: Problem[] = [];
  if (f.endDate && f.endDate < f.startDate) out.push({ field: 'endDate', message: `不能早于开始日期 ${f.startDate}`, kind: 'validation' });
  if (f.homeUnitId === f.hostUnitId) out.push({ field: 'hostUnitId', message: '不能与派出单位相同', kind: 'validation' });
  else if (sideOf(f.homeTier) === sideOf(f.hostTier))
    out.push({ field: 'hostUnitId', message: '双挂双任须在市、县两级之间互派（派出单位与挂职单位同属一级）', kind: 'validation' });
  return out;
}

export function directionOf(homeTier: string): Direction {
  return sideOf(homeTier) === 'city' ? 'city_to_county' : 'county_to_city';
}

/** Whether a dated stay covers a day (end inclusive: a secondment's last day is its end date). */
export const covers = (r: { startDate: string; endDate: string | null }, day: string) =>
  r.startDate <= day && (r.endDate === null || r.endDate >= day);

/**
 * Problems with giving a young cadre a mentor (“2+1”: two mentors for one young cadre): not oneself,
 * not the same mentor twice at once, and no more than the setting's number of current mentors.
 */
export function mentorProblems(
  f: { cadreId: number; mentorId: number; startDate: string; endDate?: string | null },
  current: readonly { mentorId: number; startDate: string; endDate: string | null }[],
  maxMentors: number,
): Problem[] {
  const out: Problem[] = [];
  if (f.mentorId === f.cadreId) out.push({ field: 'mentorId', message: '导师不能是本人', kind: 'validation' });
  if (f.endDate && f.endDate < f.startDate) out.push({ field: 'endDate', message: `不能早于开始日期 ${f.startDate}`, kind: 'validation' });
  const overlapping = current.filter((m) => m.endDate === null || m.endDate >= f.startDate);
  if (overlapping.some((m) => m.mentorId === f.mentorId)) out.push({ field: 'mentorId', message: '该导师已在帮带该干部', kind: 'conflict' });
  else if (overlapping.length >= maxMentors)
    out.push({ field: 'mentorId', message: `每名年轻干部最多配 ${maxMentors} 名导师（“2+1”导师帮带）`, kind: 'conflict' });
  return out;
}

/**
 * Problems with ending a “2+1” mentorship on a day: not one already over, not before it began, not in
 * the future (a plan is not a fact), and not before a mentoring record already written for it.
 */
export function mentorshipEndProblems(
  m: { startDate: string; endDate: string | null },
  date: string,
  today: string,
  lastRecord: string | null,
): Problem[] {
  if (m.endDate !== null && m.endDate <= today) return [{ field: 'date', message: `该帮带关系已于 ${m.endDate} 结束`, kind: 'conflict' }];
  const out: Problem[] = [];
  if (date < m.startDate) out.push({ field: 'date', message: `不能早于帮带开始日期 ${m.startDate}`, kind: 'validation' });
  else if (lastRecord !== null && date < lastRecord)
    out.push({ field: 'date', message: `已有 ${lastRecord} 的帮带记录，结束日期不能早于该日期`, kind: 'validation' });
  if (date > today) out.push({ field: 'date', message: '不能晚于今天', kind: 'validation' });
  return out;
}
