// Dates as the department writes them. Internally 'YYYY-MM-DD' and 'YYYY-MM'; shown as '1985.03'.
// Ages are always computed for a given date, never stored.

/** Whole years of age on `on` for someone born on `birthDate` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, on: string): number {
  // The years' difference, less one while on's 'MM-DD' sorts before the birth date's as text. Read
  // character by character: the team rules call this for every member of 30,000 teams, and slices of
  // the strings split from a bulk read are copies.
  return yearOf(on) - yearOf(birthDate) - (monthDayBefore(on, birthDate) ? 1 : 0);
}

const yearOf = (d: string) => ((d.charCodeAt(0) - 48) * 10 + d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + d.charCodeAt(3) - 48;

/** a.slice(5, 10) < b.slice(5, 10), without the slices */
function monthDayBefore(a: string, b: string): boolean {
  const endA = Math.min(a.length, 10);
  const endB = Math.min(b.length, 10);
  for (let i = 5; i < endA && i < endB; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0;
  }
  return endA < endB;
}

/**
 * Age as the 任免审批表 counts it: whole years to the month of the reference date (LRMX.md §5),
 * so a birthday later in the same month already counts.
 */
export function ageInMonths(birthMonth: string, onMonth: string): number {
  const [by, bm] = birthMonth.split('-').map(Number);
  const [y, m] = onMonth.split('-').map(Number);
  return y - by - (m < bm ? 1 : 0);
}

/** The latest birth date ('YYYY-MM-DD') of someone at least `age` years old on `on`. */
export function latestBirthDateForAge(age: number, on: string): string {
  const [y, m, d] = on.split('-').map(Number);
  // Born on 29 Feb: turns a year older on 1 Mar in common years, consistent with ageOn.
  return `${String(y - age).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** '1985-03' or '1985-03-12' → '1985.03' */
export function displayMonth(value: string | null | undefined): string {
  if (!value) return '';
  return value.slice(0, 7).replace('-', '.');
}

/** '1985-03-12' → '1985.03.12' */
export function displayDate(value: string | null | undefined): string {
  return value ? value.replaceAll('-', '.') : '';
}

export function isMonth(v: string): boolean {
  if (!/^\d{4}-\d{2}$/.test(v)) return false;
  const m = Number(v.slice(5));
  return m >= 1 && m <= 12;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Without building a Date: this runs for every date of every row of an import. */
export function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  // years before 100 were never dates here (Date.UTC reads them as 19xx)
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
}

export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  return String(y).padStart(4, '0') + date.slice(4);
}

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3_600_000;
/** the last day computed and the instants it spans (every request asks, mostly for the same day) */
let day = { from: 0, to: 0, date: '' };

/** Today's date in China (UTC+8, no daylight saving), where every user of Ganbu is. */
export function todayOf(now: Date): string {
  const t = now.getTime();
  if (t >= day.from && t < day.to) return day.date;
  const date = new Date(t + CHINA_MS).toISOString().slice(0, 10);
  const from = Math.floor((t + CHINA_MS) / DAY_MS) * DAY_MS - CHINA_MS;
  day = { from, to: from + DAY_MS, date };
  return date;
}
