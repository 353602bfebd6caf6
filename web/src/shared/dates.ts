// Dates as the department writes them: months 1985.03, days 2023.06.01, instants in China time.
import dayjs, { type Dayjs } from 'dayjs';

/** 'YYYY-MM' (or 'YYYY-MM-DD') → 'YYYY.MM'; empty for nothing. */
export function fmtMonth(v: string | null | undefined): string {
  if (!v) return '';
  const m = /^(\d{4})-?(\d{2})/.exec(v);
  return m ? `${m[1]}.${m[2]}` : v;
}

/** 'YYYY-MM-DD' → 'YYYY.MM.DD'. */
export function fmtDate(v: string | null | undefined): string {
  if (!v) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : fmtMonth(v);
}

/** An ISO instant shown in China time (UTC+8, no daylight saving): 'YYYY.MM.DD HH:mm:ss'. */
export function fmtInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t + 8 * 3600_000).toISOString();
  return `${s.slice(0, 4)}.${s.slice(5, 7)}.${s.slice(8, 10)} ${s.slice(11, 19)}`;
}

/** Today's date in China as 'YYYY-MM-DD'. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole years from a birth date or month to a date (counted to the day when both have days). */
export function ageOn(birth: string | null | undefined, on: string = chinaToday()): number | null {
  if (!birth) return null;
  const b = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(birth);
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(on);
  if (!b || !d) return null;
  let age = Number(d[1]) - Number(b[1]);
  const bm = Number(b[2]);
  const dm = Number(d[2]);
  if (dm < bm || (dm === bm && b[3] !== undefined && Number(d[3]) < Number(b[3]))) age -= 1;
  return age;
}

/** Form helpers: API strings ↔ the dayjs values antd pickers hold. */
export const toDayjs = (v: string | null | undefined): Dayjs | null => (v ? dayjs(v.length === 7 ? `${v}-01` : v) : null);
export const monthOf = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM') : null);
export const dateOf = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** The display formats for antd pickers. */
export const MONTH_FORMAT = 'YYYY.MM';
export const DATE_FORMAT = 'YYYY.MM.DD';
