// Team staffing (领导班子职数配备): who holds a post on a date, quotas against holders, and whether a
// new appointment or a removal may be recorded. Pure: the facts and the date come in as parameters.
// Source: 公务员法(2018) 第43条 — 任职须在规定的编制限额和职数内，并有相应的职位空缺.

/** A tenure: from startDate (inclusive) until endDate (exclusive); null endDate = still holding. */
export interface Tenure {
  startDate: string;
  endDate: string | null;
}

/** In force on `on` ('YYYY-MM-DD'): begun on or before that day and not yet ended on it. */
export function isInForce(a: Tenure, on: string): boolean {
  return a.startDate <= on && (a.endDate === null || a.endDate > on);
}

export function inForceOn<T extends Tenure>(list: readonly T[], on: string): T[] {
  return list.filter((a) => isInForce(a, on));
}

/** 核定 / 实配 / 空缺 / 超配 of one post or a sum of posts. */
export interface Staffing {
  quota: number;
  filled: number;
  /** seats still open; never negative */
  vacant: number;
  /** holders beyond the quota (recorded before a quota was lowered, or imported); 0 when within */
  overQuota: number;
}

export function staffing(quota: number, filled: number): Staffing {
  return { quota, filled, vacant: Math.max(quota - filled, 0), overQuota: Math.max(filled - quota, 0) };
}

export interface PostStaffing extends Staffing {
  levelCode: string;
  isChief: boolean;
}

export interface TeamTotals extends Staffing {
  /** per 职务层次, ordered by level code: quota is the sum of that level's posts' quotas */
  byLevel: (Staffing & { levelCode: string })[];
  /** a chief (正职) post has an open seat */
  chiefVacant: boolean;
}

function add(a: Staffing, b: Staffing): Staffing {
  return { quota: a.quota + b.quota, filled: a.filled + b.filled, vacant: a.vacant + b.vacant, overQuota: a.overQuota + b.overQuota };
}

const zero: Staffing = { quota: 0, filled: 0, vacant: 0, overQuota: 0 };

/**
 * A team's totals. Vacancies are summed post by post: a post held beyond its quota does not fill
 * another post's open seat, so vacant may exceed quota − filled.
 */
export function teamTotals(posts: readonly PostStaffing[]): TeamTotals {
  const levels = new Map<string, Staffing>();
  for (const p of posts) levels.set(p.levelCode, add(levels.get(p.levelCode) ?? zero, p));
  return {
    ...posts.reduce<Staffing>(add, zero),
    byLevel: [...levels.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([levelCode, s]) => ({ levelCode, ...s })),
    chiefVacant: hasChiefVacancy(posts),
  };
}

/** 正职空缺: a chief post of the team has fewer holders than its quota. */
export function hasChiefVacancy(posts: readonly Pick<PostStaffing, 'isChief' | 'vacant'>[]): boolean {
  return posts.some((p) => p.isChief && p.vacant > 0);
}

/**
 * Why a record may not be made: the field it concerns, whether it is bad input or a conflict, and a
 * message that reads after the field's label for validation ('任职日期：不能晚于今天') and alone for a conflict.
 */
export interface Problem {
  field: string;
  message: string;
  kind: 'validation' | 'conflict';
}

export interface AppointmentFacts {
  today: string;
  cadreId: number;
  startDate: string;
  cadre: { status: string; workStartMonth: string };
  quota: number;
  /** every appointment of the post, ended or not */
  postAppointments: readonly (Tenure & { cadreId: number })[];
}

const STATUS_NAMES: Record<string, string> = { retired: '已退休', left: '已调离' };

/**
 * Problems with appointing a cadre to a post from startDate. The new tenure is open-ended, so the
 * quota must hold on every day from startDate to today: the count only rises on a start date, so
 * those are the days to check.
 */
export function appointmentProblems(f: AppointmentFacts): Problem[] {
  const problems: Problem[] = [];
  if (f.cadre.status !== 'active') {
    problems.push({ field: 'cadreId', kind: 'validation', message: `${STATUS_NAMES[f.cadre.status] ?? '不在职'}，不能任职` });
  }
  if (f.startDate > f.today) problems.push({ field: 'startDate', kind: 'validation', message: '不能晚于今天' });
  if (f.startDate.slice(0, 7) < f.cadre.workStartMonth) {
    problems.push({ field: 'startDate', kind: 'validation', message: `早于参加工作时间（${f.cadre.workStartMonth.replace('-', '.')}）` });
  }
  if (problems.length) return problems;

  const same = f.postAppointments.find((a) => a.cadreId === f.cadreId && (a.endDate === null || a.endDate > f.startDate));
  if (same) {
    problems.push({ field: 'cadreId', kind: 'conflict', message: `该干部已任此职（${same.startDate} 起），不能重复任职` });
    return problems;
  }

  const days = [f.startDate, ...f.postAppointments.map((a) => a.startDate).filter((d) => d > f.startDate && d <= f.today)].sort();
  for (const day of days) {
    const filled = inForceOn(f.postAppointments, day).length;
    if (filled + 1 > f.quota) {
      const when = day === f.startDate ? '' : `${day} 起`;
      problems.push({ field: 'postId', kind: 'conflict', message: `该职位核定职数 ${f.quota} 名，${when}已配 ${filled} 名，不能超职数任职` });
      break;
    }
  }
  return problems;
}

export interface EndFacts {
  today: string;
  startDate: string;
  /** the end already recorded, if any */
  endedOn: string | null;
  endDate: string;
}

/** Problems with ending an appointment on endDate (exclusive: the last day held is the day before). */
export function endProblems(f: EndFacts): Problem[] {
  if (f.endedOn !== null) return [{ field: 'endDate', kind: 'conflict', message: `该任职已于 ${f.endedOn} 免职` }];
  const problems: Problem[] = [];
  if (f.endDate < f.startDate) problems.push({ field: 'endDate', kind: 'validation', message: `不能早于任职日期（${f.startDate}）` });
  if (f.endDate > f.today) problems.push({ field: 'endDate', kind: 'validation', message: '不能晚于今天' });
  return problems;
}

/** A post's quota may not go below the holders it has today: remove someone first. */
export function quotaChangeProblem(newQuota: number, filledToday: number): Problem | null {
  if (newQuota >= filledToday) return null;
  return { field: 'quota', kind: 'validation', message: `现已配 ${filledToday} 名，不能少于已配人数，请先办理免职` };
}
