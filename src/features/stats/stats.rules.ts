// The home page's age bands and education tiers, and the average age from SQL sums. Pure.
import { latestBirthDateForAge } from '../../domain/dates.js';

/** An age band: whole years on the reference date, inclusive bounds, null = open. */
export interface AgeBand {
  key: string;
  label: string;
  min: number | null;
  max: number | null;
}

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
export function birthRanges(bands: readonly AgeBand[], on: string): BirthRange[] {
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

/**
 * Exact whole-year ages on `on` (domain/dates.ts ageOn) from counts per birth month 'YYYY-MM' plus,
 * for each birth year, how many of those born in `on`'s month of the year were born after its day
 * (`laterInMonth`, by year 'YYYY'). Everyone born in another month of the year has one age; those
 * born in `on`'s month split at the day. Returns age → count.
 */
export function ageCounts(months: readonly { birthMonth: string; n: number }[], laterInMonth: ReadonlyMap<string, number>, on: string) {
  const year = Number(on.slice(0, 4));
  const mm = on.slice(5, 7);
  const ages = new Map<number, number>();
  const add = (age: number, n: number) => n !== 0 && ages.set(age, (ages.get(age) ?? 0) + n);
  for (const { birthMonth, n } of months) {
    const y = birthMonth.slice(0, 4);
    const m = birthMonth.slice(5, 7);
    const age = year - Number(y);
    if (m < mm) add(age, n);
    else if (m > mm) add(age - 1, n);
    else {
      const later = laterInMonth.get(y) ?? 0;
      add(age, n - later);
      add(age - 1, later);
    }
  }
  return ages;
}

/** Cadres per band (inclusive bounds, null = open) from exact ages. */
export function bandCounts(ages: ReadonlyMap<number, number>, bands: readonly Omit<AgeBand, 'label'>[]) {
  const out: Record<string, number> = {};
  for (const b of bands) {
    let n = 0;
    for (const [age, c] of ages) if ((b.min === null || age >= b.min) && (b.max === null || age <= b.max)) n += c;
    out[b.key] = n;
  }
  return out;
}

/** Average whole-year age (one decimal, as averageAge) from exact ages. */
export function averageOfAges(ages: ReadonlyMap<number, number>): number | null {
  let count = 0;
  let sum = 0;
  for (const [age, n] of ages) {
    count += n;
    sum += age * n;
  }
  return count === 0 ? null : Math.round((sum / count) * 10) / 10;
}
