// 简历 (JianLi) text ↔ dated lines (shared/domain/LRMX.md §3). The text as written stays the
// authoritative copy: this reading is a best effort that never drops a line — a line it cannot read is
// returned as 'unparsed' with its line number — and reports breaks in continuity as warnings.
import { normalizeLineBreaks } from './rmb-record.js';

/** One line of 简历, as read. Months are 'YYYY-MM'; `line` is 1-based in the text. */
export type JianliItem =
  /** 'YYYY.MM--YYYY.MM  text'; end null for the current post ('YYYY.MM--' + 7 spaces) */
  | { kind: 'segment'; line: number; start: string; end: string | null; text: string }
  /** a （其间：…） line, kept whole; `segment` is the index in `items` of the segment it belongs to */
  | { kind: 'note'; line: number; start: string | null; end: string | null; text: string; segment: number | null }
  /** a membership line after the blank line that ends the 简历 (党委委员, 人大代表 …) */
  | { kind: 'trailing'; line: number; text: string }
  /** a line that is none of the above, kept verbatim */
  | { kind: 'unparsed'; line: number; text: string };

export type JianliWarningKind = 'unparsed' | 'bad-date' | 'gap' | 'overlap' | 'order' | 'open-not-last' | 'end-before-start' | 'orphan-note';

export interface JianliWarning {
  kind: JianliWarningKind;
  line: number;
  message: string;
}

export interface ParsedJianli {
  items: JianliItem[];
  warnings: JianliWarning[];
}

/** What formatJianli needs of a line (parsed items qualify). */
export type JianliLineInput =
  { kind: 'segment'; start: string; end: string | null; text: string } | { kind: 'note' | 'trailing' | 'unparsed'; text: string };

// ---- reading ----

/** Full-width digits and full stop become ASCII, one code unit for one, so positions stay the same. */
export const halfWidth = (s: string) => s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

// A date: 1998.06, 1998.6, 199806, 1998年6月, 1998/06. A dash: -- － — ～ – and their kin, or 至/到.
const DATE = String.raw`(\d{4})(?:(?:\.|/|年)(\d{1,2})月?|(\d{2}))`;
const DASH = String.raw`(?:[-－—–―‐‑−~～〜]{1,2}|至|到)`;
const SEGMENT = new RegExp(String.raw`^${DATE}[ \t\u3000]*${DASH}[ \t\u3000]*(?:${DATE}|(至今))?(?![\d.])[ \t\u3000]*(.*)$`);
const RANGE_IN_NOTE = new RegExp(String.raw`${DATE}(?:[ \t\u3000]*${DASH}[ \t\u3000]*(?:${DATE})?)?`);
const NOTE = /^[（(]|^[其期]间[：:]/;
const INDENTED = /^[ \t\u3000]{2,}\S/;

function month(year: string, m: string | undefined, compact: string | undefined): string | null {
  const mm = Number(m ?? compact);
  if (!(mm >= 1 && mm <= 12)) return null;
  return `${year}-${String(mm).padStart(2, '0')}`;
}

/** '1998-06' → '1998.06' */
export const dotted = (ym: string) => ym.replace('-', '.');

const isBlank = (s: string) => !s.trim();

/**
 * Read 简历 text. Accepts CRLF / LF / CR, dotted or undotted dates (199806), the dash variants
 * -- － — ～ – and 至, '至今' or spaces for the current post, （其间：…） notes (attached to the segment
 * before them), continuation lines indented under the text (joined to the line above), and membership
 * lines after a final blank line.
 */
export function parseJianli(text: string): ParsedJianli {
  const lines = normalizeLineBreaks(text).split('\n');
  const items: JianliItem[] = [];
  const warnings: JianliWarning[] = [];
  // matched once: the loop below takes the match of each line from here
  const segmentAt = lines.map((l) => SEGMENT.exec(halfWidth(l.trim())));
  const lastSegment = segmentAt.findLastIndex((m) => m !== null);
  // Membership lines start after the first blank line below the last segment.
  const blankAfter = lastSegment < 0 ? -1 : lines.findIndex((l, i) => i > lastSegment && isBlank(l));
  let lastDated: number | null = null;
  let previous: JianliItem | undefined;

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (isBlank(raw)) {
      previous = undefined;
      return;
    }
    const trimmed = raw.trim();
    if (blankAfter >= 0 && i > blankAfter) {
      items.push((previous = { kind: 'trailing', line, text: trimmed }));
      return;
    }
    const m = segmentAt[i];
    if (m) {
      const start = month(m[1], m[2], m[3]);
      const end = m[4] ? month(m[4], m[5], m[6]) : null;
      if (!start || (m[4] && !end)) {
        warnings.push({ kind: 'bad-date', line, message: `简历第${line}行的年月无效（月份应为 01–12），已原样保留` });
        items.push((previous = { kind: 'unparsed', line, text: trimmed }));
        return;
      }
      lastDated = items.length;
      items.push((previous = { kind: 'segment', line, start, end, text: trimmed.slice(trimmed.length - m[8].length).trim() }));
      return;
    }
    if (NOTE.test(trimmed)) {
      const r = RANGE_IN_NOTE.exec(halfWidth(trimmed));
      const start = r ? month(r[1], r[2], r[3]) : null;
      const end = r && r[4] ? month(r[4], r[5], r[6]) : null;
      if (lastDated === null) warnings.push({ kind: 'orphan-note', line, message: `简历第${line}行的其间说明之前没有简历段落` });
      items.push((previous = { kind: 'note', line, start, end, text: trimmed, segment: lastDated }));
      return;
    }
    if (INDENTED.test(raw) && previous && (previous.kind === 'segment' || previous.kind === 'note')) {
      // A wrapped line under the text of the line above (printed with an 18-character hanging indent).
      previous.text += trimmed;
      return;
    }
    warnings.push({ kind: 'unparsed', line, message: `简历第${line}行无法识别为“YYYY.MM--YYYY.MM  经历”格式，已原样保留` });
    items.push((previous = { kind: 'unparsed', line, text: trimmed }));
  });
  warnings.push(...continuityWarnings(items));
  warnings.sort((a, b) => a.line - b.line);
  return { items, warnings };
}

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/**
 * Segments follow each other without gaps: each starts in the month the one before ends (LRMX.md §3,
 * official rule "时间上要衔接"). Only the last may be open.
 */
export function continuityWarnings(items: readonly JianliItem[]): JianliWarning[] {
  const out: JianliWarning[] = [];
  const segments = items.filter((i) => i.kind === 'segment');
  segments.forEach((s, k) => {
    if (s.end && s.end < s.start)
      out.push({ kind: 'end-before-start', line: s.line, message: `简历第${s.line}行截止年月 ${dotted(s.end)} 早于起始年月 ${dotted(s.start)}` });
    const next = segments[k + 1];
    if (!next) return;
    if (s.end === null) {
      out.push({ kind: 'open-not-last', line: s.line, message: `简历第${s.line}行没有截止年月（至今），但其后还有第${next.line}行` });
      return;
    }
    if (next.start < s.start) {
      out.push({
        kind: 'order',
        line: next.line,
        message: `简历第${next.line}行起始年月 ${dotted(next.start)} 早于上一段（第${s.line}行）的起始年月 ${dotted(s.start)}，顺序有误`,
      });
    } else if (s.end < next.start) {
      const gap = monthIndex(next.start) - monthIndex(s.end);
      out.push({
        kind: 'gap',
        line: next.line,
        message: `简历第${s.line}行止于 ${dotted(s.end)}，第${next.line}行始于 ${dotted(next.start)}，中间空缺 ${gap} 个月`,
      });
    } else if (s.end > next.start) {
      const overlap = monthIndex(s.end) - monthIndex(next.start);
      out.push({
        kind: 'overlap',
        line: next.line,
        message: `简历第${s.line}行止于 ${dotted(s.end)}，第${next.line}行始于 ${dotted(next.start)}，重叠 ${overlap} 个月`,
      });
    }
  });
  return out;
}

// ---- writing ----

/** The 7 spaces that stand for the end date of the current post. */
export const OPEN_END = '       ';

/** One segment line in the official layout: 'YYYY.MM--YYYY.MM' (or 7 spaces), two spaces, the text. */
export function formatSegment(start: string, end: string | null, text: string): string {
  return `${dotted(start)}--${end ? dotted(end) : OPEN_END}  ${text}`;
}

/**
 * 简历 text in the official layout: one line per segment, notes and unparsed lines as they are,
 * membership lines after one blank line. Lines are joined with `eol` ('\n'; the .lrmx and .lrm
 * writers turn it into CRLF).
 */
export function formatJianli(items: readonly JianliLineInput[], eol = '\n'): string {
  const out: string[] = [];
  let trailing = false;
  for (const item of items) {
    if (item.kind === 'trailing' && !trailing) {
      trailing = true;
      if (out.length) out.push('');
    }
    out.push(item.kind === 'segment' ? formatSegment(item.start, item.end, item.text) : item.text);
  }
  return out.join(eol);
}
