// The home page's age bands and education tiers, and the average age from SQL sums. Pure.
import { latestBirthDateForAge } from '../../domain/dates.js';

/** Age bands of the home page, whole years on the reference date (inclusive bounds). */
export const AGE_BANDS = [
  { key: 'age35', label: '35岁及以下', min: null, max: 35 },
  { key: 'age36_40', label: '36—40岁', min: 36, max: 40 },
  { key: 'age41_45', label: '41—45岁', min: 41, max: 45 },
  { key: 'age46_50', label: '46—50岁', min: 46, max: 50 },
  { key: 'age51_55', label: '51—55岁', min: 51, max: 55 },
  { key: 'age56', label: '56岁及以上', min: 56, max: null },
] as const;

/** The age pyramid's five-year bands (whole years on the date, inclusive bounds). */
export const PYRAMID_BANDS = [
  { key: 'p30', label: '30岁及以下', min: null, max: 30 },
  { key: 'p31_35', label: '31—35岁', min: 31, max: 35 },
  { key: 'p36_40', label: '36—40岁', min: 36, max: 40 },
  { key: 'p41_45', label: '41—45岁', min: 41, max: 45 },
  { key: 'p46_50', label: '46—50岁', min: 46, max: 50 },
  { key: 'p51_55', label: '51—55岁', min: 51, max: 55 },
  { key: 'p56_60', label: '56—60岁', min: 56, max: 60 },
  { key: 'p61', label: '61岁及以上', min: 61, max: null },
] as const;

export interface BirthRange {
  key: string;
  label: string;
  min: number | null;
  max: number | null;
  /** born on or before this date: at least `min` years old */
  bornOnOrBefore: string | null;
  /** born after this date: at most `max` years old */
  bornAfter: string | null;
}

/** Birth-date bounds of each band on `on`, so SQL compares birth dates instead of computing ages. */
export function birthRanges(bands: readonly { key: string; label: string; min: number | null; max: number | null }[], on: string): BirthRange[] {
  return bands.map((b) => ({
    ...b,
    bornOnOrBefore: b.min === null ? null : latestBirthDateForAge(b.min, on),
    bornAfter: b.max === null ? null : latestBirthDateForAge(b.max + 1, on),
  }));
}

/**
 * Average whole-year age on `on` from three SQL sums: age = year(on) − birth year, less one for those
 * whose birthday ('MM-DD') falls after the day of `on` (domain/dates.ts ageOn). One decimal.
 */
export function averageAge(count: number, sumBirthYears: number, birthdaysLater: number, on: string): number | null {
  if (count === 0) return null;
  const total = count * Number(on.slice(0, 4)) - sumBirthYears - birthdaysLater;
  return Math.round((total / count) * 10) / 10;
}

/**
 * Education tiers of the highest 学历 (ZB64): 1x 研究生, 2x 大学(本科), 3 and 31–34 大专, the rest
 * 中专及以下. `group` is the ZB64 group code the cadre search can take as `education`.
 */
export const EDUCATION_TIERS = [
  { key: 'graduate', label: '研究生', group: '1' },
  { key: 'bachelor', label: '大学', group: '2' },
  { key: 'college', label: '大专', group: '3' },
  { key: 'secondary', label: '中专及以下', group: null },
] as const;

export const COLLEGE_CODES = ['3', '31', '32', '33', '34'];

/** 'YYYY-MM-DD' → 'MM-DD', the part of a date a birthday is compared on. */
export const monthDay = (date: string) => date.slice(5, 10);

export const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000);
