// The report's figures (干部工作报告中的 "XX"): pure counts over appointments and teams, each with the
// people or teams behind it. Definitions follow the report (../shared/seed, part 二) and RULES.md; the
// cohort birth dates and age limits are dated settings (figures.*), passed in by the caller.
import { ageOn } from './dates.js';
import { isNonPartyDeputy, isSevenDepartment, type MemberFacts, type TeamFacts } from './team-rules.js';

/** Leadership levels (ZB09 1A01–1A42) by seniority: a smaller rank is a higher level. */
export function levelRank(code: string | null | undefined): number | undefined {
  return code && /^1A(0[12]|1[12]|2[12]|3[12]|4[12])$/.test(code) ? Number(code.slice(2)) : undefined;
}

/** One appointment of the period with what the figures need about the post and the cadre. */
export interface AppointmentFacts {
  appointmentId: number;
  cadreId: number;
  name: string;
  birthDate: string;
  tags: readonly string[];
  startDate: string;
  postTitle: string;
  postLevelCode: string;
  isChief: boolean;
  teamKind: string;
  unitKind: string;
  unitTier: string;
  unitName: string;
  /** levels of the cadre's posts begun before this one */
  earlierLevels: readonly string[];
  /** the cadre's current 职务层次 and since when */
  cadreLevelCode: string | null;
  cadreLevelSince: string | null;
}

/**
 * 提拔: the post is of a higher leadership level than every post the cadre held before; with no earlier
 * post on record, when the cadre reached the post's level on the appointment day (任职时间 = 任现职级时间).
 */
export function isPromotion(a: AppointmentFacts): boolean {
  const rank = levelRank(a.postLevelCode);
  if (rank === undefined) return false;
  const earlier = a.earlierLevels.map(levelRank).filter((r): r is number => r !== undefined);
  if (earlier.length > 0) return rank < Math.min(...earlier);
  return a.cadreLevelCode === a.postLevelCode && a.cadreLevelSince === a.startDate;
}

export interface FigureSettings {
  /** born on or after: 75后 for 正县级 (1A31), 80后 for 副县级 (1A32) */
  cohortBirthFrom: Record<string, string>;
  /** younger than: 32 for 正科级 (1A41), 27 for 副科级 (1A42), at the appointment date */
  youngAgeBelow: Record<string, number>;
  sevenDepartments: readonly string[];
}

export interface FigurePerson {
  cadreId: number;
  name: string;
  detail: string;
}

export interface FigureTeam {
  teamId: number;
  unitId: number;
  teamName: string;
  unitName: string;
  ok: boolean;
}

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: '人' | '%' | '个';
  numerator?: number;
  denominator?: number;
  people?: FigurePerson[];
  teams?: FigureTeam[];
  definition: string;
}

const person = (a: AppointmentFacts, extra = ''): FigurePerson => ({
  cadreId: a.cadreId,
  name: a.name,
  detail: `${a.startDate} 任${a.unitName}${a.postTitle}${extra}`,
});

const count = (key: string, label: string, list: AppointmentFacts[], definition: string, extra?: (a: AppointmentFacts) => string): Figure => ({
  key,
  label,
  value: list.length,
  unit: '人',
  people: list.map((a) => person(a, extra?.(a))),
  definition,
});

const percent = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

/** Figures over the appointments that began in the period. */
export function appointmentFigures(list: readonly AppointmentFacts[], s: FigureSettings): Figure[] {
  const promotions = list.filter(isPromotion);
  const countyOrDeptChief = list.filter(
    (a) =>
      a.isChief &&
      ((a.unitTier === 'county' && (a.unitKind === '党委' || a.unitKind === '政府')) || (a.unitTier === 'city' && a.unitKind === '部门')),
  );
  const congressChief = promotions.filter((a) => a.isChief && (a.unitKind === '人大' || a.unitKind === '政协'));
  const graduateTownshipChief = list.filter(
    (a) => a.isChief && a.unitTier === 'township' && (a.teamKind === '党委班子' || a.teamKind === '政府班子') && a.tags.includes('选调生'),
  );
  const county = promotions.filter((a) => a.postLevelCode === '1A31' || a.postLevelCode === '1A32');
  const young = county.filter((a) => a.birthDate >= (s.cohortBirthFrom[a.postLevelCode] ?? '9999'));
  const ageAt = (a: AppointmentFacts) => `（任职时 ${ageOn(a.birthDate, a.startDate)} 岁）`;
  const youngAt = (code: string) =>
    promotions.filter(
      (a) => a.postLevelCode === code && s.youngAgeBelow[code] !== undefined && ageOn(a.birthDate, a.startDate) < s.youngAgeBelow[code]!,
    );
  const born = (code: string) => (s.cohortBirthFrom[code] ?? '').slice(0, 4);
  return [
    count('promotions', '提拔任用领导干部', promotions, '任职的职务层次高于此前所任各职务（无此前任职记录的，以任职日即任现职务层次之日为准）'),
    count(
      'county-or-department-chiefs',
      '选任县(市、区)党政正职和市直部门正职',
      countyOrDeptChief,
      '期间开始任职的县(市、区)党委、政府正职和市直部门正职',
    ),
    count('congress-cppcc-chiefs', '提拔担任人大、政协正职', congressChief, '期间提拔担任人大常委会、政协正职'),
    count(
      'selected-graduate-township-chiefs',
      '选调生担任乡镇(街道)党政正职',
      graduateTownshipChief,
      '期间开始任职的乡镇(街道)党委、政府正职中带“选调生”标签者',
    ),
    {
      key: 'young-county-promotions-share',
      label: `提拔的县处级干部中${born('1A31').slice(2)}后正县级、${born('1A32').slice(2)}后副县级所占比例`,
      value: percent(young.length, county.length),
      unit: '%',
      numerator: young.length,
      denominator: county.length,
      people: young.map((a) => person(a, `（${a.birthDate.slice(0, 4)}年出生）`)),
      definition: `分母：期间提拔为县处级正职、副职的人数；分子：其中 ${s.cohortBirthFrom['1A31']} 以后出生的正县级和 ${s.cohortBirthFrom['1A32']} 以后出生的副县级`,
    },
    count(
      'young-section-chiefs',
      `提拔的 ${s.youngAgeBelow['1A41']} 岁以下正科级干部`,
      youngAt('1A41'),
      '期间提拔为乡科级正职且任职时未满规定年龄',
      ageAt,
    ),
    count(
      'young-section-deputies',
      `提拔的 ${s.youngAgeBelow['1A42']} 岁以下副科级干部`,
      youngAt('1A42'),
      '期间提拔为乡科级副职且任职时未满规定年龄',
      ageAt,
    ),
  ];
}

export interface TeamOnDate {
  teamId: number;
  unitId: number;
  teamName: string;
  unitName: string;
  team: TeamFacts;
  members: readonly MemberFacts[];
}

function rate(key: string, label: string, teams: readonly TeamOnDate[], ok: (t: TeamOnDate) => boolean, definition: string): Figure {
  const rows = teams.map((t) => ({ teamId: t.teamId, unitId: t.unitId, teamName: t.teamName, unitName: t.unitName, ok: ok(t) }));
  const n = rows.filter((r) => r.ok).length;
  return {
    key,
    label,
    value: percent(n, rows.length),
    unit: '%',
    numerator: n,
    denominator: rows.length,
    // failing teams first: they are what the department acts on
    teams: [...rows.filter((r) => !r.ok), ...rows.filter((r) => r.ok)],
    definition,
  };
}

/** 配备率 of women and non-Party deputies over the teams on a date (RULES.md §10). */
export function complianceFigures(teams: readonly TeamOnDate[], s: Pick<FigureSettings, 'sevenDepartments'>): Figure[] {
  const hasWoman = (t: TeamOnDate) => t.members.some((m) => m.gender === '2');
  const countyPartyGov = teams.filter((t) => t.team.tier === 'county' && (t.team.kind === '党委班子' || t.team.kind === '政府班子'));
  const seven = teams.filter((t) => isSevenDepartment(t.team, s.sevenDepartments));
  const courts = teams.filter(
    (t) =>
      (t.team.tier === 'city' || t.team.tier === 'county') &&
      (t.team.unitKind === '法院' || t.team.unitKind === '检察院' || t.team.kind === '法院班子' || t.team.kind === '检察院班子'),
  );
  return [
    rate(
      'woman-county-party-government',
      '县(市、区)党政领导班子配备女干部比例',
      countyPartyGov,
      hasWoman,
      '县(市、区)党委班子、政府班子中至少有 1 名女干部的比例',
    ),
    rate('woman-seven-departments', '七部门领导班子配备女干部比例', seven, hasWoman, '七部门（名单见参数设置）领导班子中至少有 1 名女干部的比例'),
    rate(
      'non-party-deputy-courts',
      '市、县法院和检察院党外副职配备率',
      courts,
      (t) => t.members.some(isNonPartyDeputy),
      '市、县(市、区)法院、检察院领导班子中至少有 1 名党外副职的比例',
    ),
  ];
}
