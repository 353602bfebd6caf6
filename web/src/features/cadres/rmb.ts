// Print rules of the 干部任免审批表 (shared/domain/LRMX.md §3, §5), as pure functions.
import type { Cadre, ResumeLine } from '../../api/cadres';
import { ageOn, fmtMonth } from '../../shared/dates';

/** A relative's age is left blank when the work text says the person has died (editor keyword list). */
export const DECEASED = ['去世', '死亡', '逝世', '已逝', '已故'];

export function familyAge(birthMonth: string | null, workUnitPost: string, today?: string): string {
  if (!birthMonth || DECEASED.some((k) => workUnitPost.includes(k))) return '';
  const a = ageOn(birthMonth, today);
  return a === null ? '' : String(a);
}

/** 'YYYY.MM--YYYY.MM' for a segment; the end of the current segment is seven spaces. */
export function resumeDates(r: ResumeLine): string {
  if (r.kind === 'note' || !r.startMonth) return '';
  return `${fmtMonth(r.startMonth)}--${r.endMonth ? fmtMonth(r.endMonth) : '       '}`;
}

/** 入党时间 as the form writes it: the month, the party name instead, or both ('2001.08；民建'). */
export function partyText(c: Pick<Cadre, 'partyJoinMonth' | 'otherParty'>): string {
  return [fmtMonth(c.partyJoinMonth), c.otherParty ?? ''].filter(Boolean).join('；');
}

/** 奖惩情况: the text as written, or one line per record, or 无. */
export function rewardsText(c: Pick<Cadre, 'rewardsText' | 'rewards'>): string {
  if (c.rewardsText.trim()) return c.rewardsText;
  if (c.rewards.length) return c.rewards.map((r) => `${fmtMonth(r.month)} ${r.description}${r.docNo ? `（${r.docNo}）` : ''}`).join('\n');
  return '无';
}

/** 年度考核结果: the text as written, or the recorded years. */
export function appraisalText(c: Pick<Cadre, 'appraisalText' | 'appraisals'>): string {
  if (c.appraisalText.trim()) return c.appraisalText;
  return [...c.appraisals]
    .sort((a, b) => a.year - b.year)
    .map((a) => `${a.year}年度考核${a.grade}`)
    .join('；');
}
