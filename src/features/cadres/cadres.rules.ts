// Validation of a cadre profile: pure rules over the submitted data and the facts the service loads.
// Every rule returns why it fails, as issues naming the field; all issues are collected at once.
import { parseIdCard } from '../../domain/idcard.js';
import { ageInMonths, displayDate, displayMonth } from '../../domain/dates.js';
import { CODE_TABLES, codeByName, codeName, isCode, type CodeTable } from '../codes/codes.catalog.js';
import type { FieldIssue } from '../../server/errors.js';

export const APPRAISAL_GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const;
export const CADRE_STATUSES = ['active', 'retired', 'left'] as const;

export interface ResumeLine {
  /** 'segment': a dated career line; 'note': a （其间：…） line or a remark under the segment before it */
  kind: 'segment' | 'note';
  startMonth: string | null;
  endMonth: string | null;
  text: string;
}

export interface RewardEntry {
  kind: 'reward' | 'punishment';
  month: string;
  description: string;
  docNo: string;
}

export interface AppraisalEntry {
  year: number;
  grade: (typeof APPRAISAL_GRADES)[number];
}

export interface FamilyMember {
  /** GB/T 4761 name (妻子, 女儿 …) */
  relation: string;
  name: string;
  birthMonth: string | null;
  /** GB/T 4762 code */
  politicalStatus: string | null;
  workUnitPost: string;
}

export interface RankEntry {
  rankCode: string;
  startDate: string;
  endDate: string | null;
  docNo: string;
}

/** A whole profile as submitted: months 'YYYY-MM', dates 'YYYY-MM-DD', codes as codes. */
export interface CadreInput {
  idCard: string;
  name: string;
  gender: string;
  birthMonth: string;
  ethnicCode: string;
  nativePlace: string;
  birthplace: string;
  politicalStatus: string;
  partyJoinMonth: string | null;
  otherParty: string | null;
  workStartMonth: string;
  healthCode: string;
  professionalTitle: string;
  specialty: string;
  ftEducation: string | null;
  ftDegree: string | null;
  ftEducationSchool: string;
  ftDegreeSchool: string;
  ipEducation: string | null;
  ipDegree: string | null;
  ipEducationSchool: string;
  ipDegreeSchool: string;
  currentPost: string;
  levelCode: string | null;
  levelSince: string | null;
  unitId: number | null;
  authorityId: number;
  status: (typeof CADRE_STATUSES)[number];
  rewardsText: string;
  appraisalText: string;
  remarks: string;
  resume: ResumeLine[];
  rewards: RewardEntry[];
  appraisals: AppraisalEntry[];
  family: FamilyMember[];
  ranks: RankEntry[];
  tags: string[];
}

/** What the service looks up before the rules run. */
export interface CadreFacts {
  /** today in China, 'YYYY-MM-DD' */
  today: string;
  /** setting cadre.minWorkAge */
  minWorkAge: number;
  visibleAuthorityIds: readonly number[];
  /** the authority of input.unitId; undefined when the unit does not exist */
  unitAuthorityId: number | undefined;
  /** the id of another cadre already holding this ID number */
  idCardOwner: number | undefined;
  /** the cadre being updated (undefined on create) */
  selfId: number | undefined;
}

// ---- labels ----

const LIST_LABELS = {
  resume: ['简历', { kind: '类别', startMonth: '起始年月', endMonth: '截止年月', text: '内容' }],
  rewards: ['奖惩记录', { kind: '类别', month: '年月', description: '内容', docNo: '文号' }],
  appraisals: ['年度考核', { year: '年度', grade: '等次' }],
  family: ['家庭成员', { relation: '称谓', name: '姓名', birthMonth: '出生年月', politicalStatus: '政治面貌', workUnitPost: '工作单位及职务' }],
  ranks: ['职级任职', { rankCode: '职级', startDate: '起始日期', endDate: '截止日期', docNo: '文号' }],
  tags: ['标签', {}],
} as const satisfies Record<string, readonly [string, Record<string, string>]>;

export const CADRE_LABELS: Record<keyof CadreInput, string> = {
  idCard: '身份证号',
  name: '姓名',
  gender: '性别',
  birthMonth: '出生年月',
  ethnicCode: '民族',
  nativePlace: '籍贯',
  birthplace: '出生地',
  politicalStatus: '政治面貌',
  partyJoinMonth: '入党时间',
  otherParty: '民主党派',
  workStartMonth: '参加工作时间',
  healthCode: '健康状况',
  professionalTitle: '专业技术职务',
  specialty: '熟悉专业有何专长',
  ftEducation: '全日制教育 学历',
  ftDegree: '全日制教育 学位',
  ftEducationSchool: '全日制教育 学历毕业院校系及专业',
  ftDegreeSchool: '全日制教育 学位毕业院校系及专业',
  ipEducation: '在职教育 学历',
  ipDegree: '在职教育 学位',
  ipEducationSchool: '在职教育 学历毕业院校系及专业',
  ipDegreeSchool: '在职教育 学位毕业院校系及专业',
  currentPost: '现任职务',
  levelCode: '职务层次',
  levelSince: '任现职务层次时间',
  unitId: '工作单位',
  authorityId: '管理权限',
  status: '状态',
  rewardsText: '奖惩情况',
  appraisalText: '年度考核结果',
  remarks: '备注',
  resume: LIST_LABELS.resume[0],
  rewards: LIST_LABELS.rewards[0],
  appraisals: LIST_LABELS.appraisals[0],
  family: LIST_LABELS.family[0],
  ranks: LIST_LABELS.ranks[0],
  tags: LIST_LABELS.tags[0],
};

/** Every field name of the profile and its lists with its Chinese label, flat (for zod errors). */
export const ALL_CADRE_LABELS: Record<string, string> = Object.assign({}, ...Object.values(LIST_LABELS).map(([, fields]) => fields), CADRE_LABELS);

/** '家庭成员 第3行 出生年月' for 'family', 2, 'birthMonth'. */
export function cadreLabel(field: string, row?: number, sub?: string): string {
  const list = LIST_LABELS[field as keyof typeof LIST_LABELS];
  if (list && row !== undefined) {
    const subLabel = sub ? ((list[1] as Record<string, string>)[sub] ?? sub) : '';
    return `${list[0]} 第${row + 1}行${subLabel ? ` ${subLabel}` : ''}`;
  }
  return CADRE_LABELS[field as keyof CadreInput] ?? field;
}

function issue(message: string, field: string, row?: number, sub?: string): FieldIssue {
  return { field: [field, row, sub].filter((p) => p !== undefined).join('.'), label: cadreLabel(field, row, sub), message };
}

// ---- the rules ----

/** Length in characters as the 任免表 counts them (a rare character outside the BMP is one). */
const chars = (s: string) => [...s].length;

/**
 * Maximum lengths of the 任免审批表 fields (任免表编辑器 V3.0 EditInfo.xml, lrmx_fields.csv).
 * remarks, resume text, reward text, document numbers and tags are local limits.
 */
export const MAX_LENGTHS = {
  name: 18,
  nativePlace: 18,
  birthplace: 18,
  otherParty: 18,
  professionalTitle: 90,
  specialty: 110,
  ftEducationSchool: 90,
  ftDegreeSchool: 90,
  ipEducationSchool: 90,
  ipDegreeSchool: 90,
  currentPost: 324,
  rewardsText: 552,
  appraisalText: 414,
  remarks: 1000,
  'resume.text': 300,
  'rewards.description': 552,
  'rewards.docNo': 60,
  'family.relation': 18,
  'family.name': 18,
  'family.workUnitPost': 124,
  'ranks.docNo': 60,
  tags: 20,
} as const;

/** MAX_LENGTHS as [field, sub-field, max], split once (this runs for every row of an import). */
const LENGTH_LIMITS = Object.entries(MAX_LENGTHS).map(([key, max]) => {
  const [field, sub] = key.split('.');
  return [field, sub as string | undefined, max] as const;
});

export function lengthIssues(input: CadreInput): FieldIssue[] {
  const out: FieldIssue[] = [];
  const check = (value: string | null, max: number, field: string, row?: number, sub?: string) => {
    // length in UTF-16 units ≥ characters: most values need no count of characters at all
    if (value && value.length > max && chars(value) > max) out.push(issue(`不超过 ${max} 个字（现 ${chars(value)} 个）`, field, row, sub));
  };
  for (const [field, sub, max] of LENGTH_LIMITS) {
    const value = input[field as keyof CadreInput];
    if (Array.isArray(value)) {
      value.forEach((item: unknown, row) => check(sub ? ((item as Record<string, string>)[sub] ?? null) : (item as string), max, field, row, sub));
    } else check(value as string | null, max, field);
  }
  return out;
}

const CODED_FIELDS: [keyof CadreInput, CodeTable][] = [
  ['gender', 'gender'],
  ['ethnicCode', 'ethnic'],
  ['politicalStatus', 'political'],
  ['healthCode', 'health'],
  ['ftEducation', 'education'],
  ['ipEducation', 'education'],
  ['ftDegree', 'degree'],
  ['ipDegree', 'degree'],
  ['levelCode', 'level'],
];

const unknownCode = (table: CodeTable, code: string) => `代码 ${code} 不在${CODE_TABLES[table].label}代码表中（或只是分组标题）`;

/** Codes must be selectable codes of their national table (DESIGN.md: store codes, show names). */
export function codeIssues(input: CadreInput): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const [field, table] of CODED_FIELDS) {
    const code = input[field] as string | null;
    if (code !== null && !isCode(table, code)) out.push(issue(unknownCode(table, code), field));
  }
  input.ranks.forEach((r, i) => {
    if (!isCode('rank', r.rankCode)) out.push(issue(unknownCode('rank', r.rankCode), 'ranks', i, 'rankCode'));
  });
  input.family.forEach((f, i) => {
    // 称谓 is stored as the GB/T 4761 name, as the 任免表 writes it (LRMX.md §2 #27).
    if (!codeByName('relation', f.relation)) out.push(issue(`“${f.relation}”不是 GB/T 4761 家庭关系名称`, 'family', i, 'relation'));
    if (f.politicalStatus !== null && !isCode('political', f.politicalStatus))
      out.push(issue(unknownCode('political', f.politicalStatus), 'family', i, 'politicalStatus'));
  });
  return out;
}

/**
 * The citizen ID (GB 11643) must be valid and unique, and the form's 出生年月 and 性别 must agree with it
 * (the ID is the matching key of imports, LRMX.md §2 #32).
 */
export function idCardIssues(
  input: Pick<CadreInput, 'idCard' | 'birthMonth' | 'gender'>,
  today: string,
  idCardOwner?: number,
  selfId?: number,
): FieldIssue[] {
  const parsed = parseIdCard(input.idCard, today);
  if (!parsed.ok) return [issue(parsed.reason, 'idCard')];
  const out: FieldIssue[] = [];
  if (idCardOwner !== undefined && idCardOwner !== selfId) out.push(issue('该身份证号已存在', 'idCard'));
  if (input.birthMonth !== parsed.birthDate.slice(0, 7))
    out.push(issue(`出生年月 ${displayMonth(input.birthMonth)} 与身份证号中的出生日期 ${displayDate(parsed.birthDate)} 不一致`, 'birthMonth'));
  if (isCode('gender', input.gender) && input.gender !== parsed.gender)
    out.push(issue(`性别 ${codeName('gender', input.gender)} 与身份证号中的性别 ${codeName('gender', parsed.gender)} 不一致`, 'gender'));
  return out;
}

/** Every dated field of the profile, with where it is, so date rules can run over all of them alike. */
function datedFields(input: CadreInput) {
  const out: { value: string; kind: 'month' | 'date'; field: string; row?: number; sub?: string; ownLife: boolean }[] = [];
  const add = (value: string | null, kind: 'month' | 'date', field: string, row?: number, sub?: string, ownLife = true) => {
    if (value) out.push({ value, kind, field, row, sub, ownLife });
  };
  add(input.partyJoinMonth, 'month', 'partyJoinMonth');
  add(input.workStartMonth, 'month', 'workStartMonth');
  add(input.levelSince, 'date', 'levelSince');
  input.resume.forEach((r, i) => {
    add(r.startMonth, 'month', 'resume', i, 'startMonth');
    add(r.endMonth, 'month', 'resume', i, 'endMonth');
  });
  input.rewards.forEach((r, i) => add(r.month, 'month', 'rewards', i, 'month'));
  input.ranks.forEach((r, i) => {
    add(r.startDate, 'date', 'ranks', i, 'startDate');
    add(r.endDate, 'date', 'ranks', i, 'endDate');
  });
  // Relatives may be older than the cadre: only "not in the future" applies to them.
  input.family.forEach((f, i) => add(f.birthMonth, 'month', 'family', i, 'birthMonth', false));
  return out;
}

/** No date lies in the future or, for the cadre's own life, before the birth month. */
export function dateIssues(input: CadreInput, birthMonth: string, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  const thisMonth = today.slice(0, 7);
  for (const d of datedFields(input)) {
    const future = d.kind === 'month' ? d.value > thisMonth : d.value > today;
    if (future) out.push(issue(d.kind === 'month' ? '不能晚于本月' : '不能晚于今天', d.field, d.row, d.sub));
    else if (d.ownLife && d.value.slice(0, 7) < birthMonth) out.push(issue(`不能早于出生年月 ${displayMonth(birthMonth)}`, d.field, d.row, d.sub));
  }
  input.appraisals.forEach((a, i) => {
    if (a.year > Number(today.slice(0, 4))) out.push(issue('不能晚于今年', 'appraisals', i, 'year'));
  });
  return out;
}

/** Joining the Party requires being 18 (党章 第一条). */
export const PARTY_MIN_AGE = 18;

/**
 * Ages at milestones, counted to the month as the 任免表 does: work start not before cadre.minWorkAge
 * (劳动法 第15条, default 16), joining the Party not before 18 (党章 第一条; RULES.md §8.4).
 */
export function milestoneIssues(input: Pick<CadreInput, 'workStartMonth' | 'partyJoinMonth'>, birthMonth: string, minWorkAge: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  const born = `（出生年月 ${displayMonth(birthMonth)}）`;
  if (input.workStartMonth >= birthMonth && ageInMonths(birthMonth, input.workStartMonth) < minWorkAge)
    out.push(issue(`参加工作时未满 ${minWorkAge} 周岁${born}`, 'workStartMonth'));
  if (input.partyJoinMonth && input.partyJoinMonth >= birthMonth && ageInMonths(birthMonth, input.partyJoinMonth) < PARTY_MIN_AGE)
    out.push(issue(`入党时未满 ${PARTY_MIN_AGE} 周岁${born}`, 'partyJoinMonth'));
  return out;
}

/** GB/T 4762 中共党员 and 中共预备党员: the Party members; everyone else is 党外. */
export const PARTY_CODES = ['01', '02'];

/**
 * 入党时间 goes with 政治面貌: a CPC member or probationary member has a join month; anyone else has
 * none (democratic parties and 无党派 are written as names, LRMX.md §2 #7).
 */
export function partyIssues(input: Pick<CadreInput, 'politicalStatus' | 'partyJoinMonth'>): FieldIssue[] {
  const member = PARTY_CODES.includes(input.politicalStatus);
  if (member && !input.partyJoinMonth) return [issue('中共党员、预备党员须填写入党时间', 'partyJoinMonth')];
  if (!member && input.partyJoinMonth) return [issue('政治面貌不是中共党员或预备党员，不应填写入党时间', 'partyJoinMonth')];
  return [];
}

/** 简历 lines (LRMX.md §3): a segment has a start month; an end month, when given, is not before it. */
export function resumeIssues(resume: ResumeLine[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  resume.forEach((r, i) => {
    if (r.kind === 'segment' && !r.startMonth) out.push(issue('简历段落须填写起始年月', 'resume', i, 'startMonth'));
    if (r.startMonth && r.endMonth && r.endMonth < r.startMonth)
      out.push(issue(`截止年月 ${displayMonth(r.endMonth)} 早于起始年月 ${displayMonth(r.startMonth)}`, 'resume', i, 'endMonth'));
  });
  return out;
}

/**
 * 职级 history: each entry ends on or after it starts, and entries do not overlap, so at most one is
 * open (《公务员职务与职级并行规定》: one 职级 at a time). An end date equal to the next start is a handover.
 */
export function rankIssues(ranks: RankEntry[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const END = '9999-12-31';
  ranks.forEach((r, i) => {
    if (r.endDate && r.endDate < r.startDate)
      out.push(issue(`截止日期 ${displayDate(r.endDate)} 早于起始日期 ${displayDate(r.startDate)}`, 'ranks', i, 'endDate'));
  });
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = ranks[j];
      const b = ranks[i];
      if (a.startDate < (b.endDate ?? END) && b.startDate < (a.endDate ?? END)) {
        out.push(issue(`与第${j + 1}行的任职时间重叠`, 'ranks', i, 'startDate'));
        break;
      }
    }
  }
  return out;
}

/** One appraisal per year (the table has one row per cadre and year). */
export function appraisalIssues(appraisals: AppraisalEntry[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  appraisals.forEach((a, i) => {
    const first = appraisals.findIndex((b) => b.year === a.year);
    if (first < i) out.push(issue(`与第${first + 1}行的年度重复`, 'appraisals', i, 'year'));
  });
  return out;
}

/** 职务层次时间 only with a 职务层次; tags are not blank. */
export function miscIssues(input: CadreInput): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (input.levelSince && !input.levelCode) out.push(issue('填写了任现职务层次时间，但未选择职务层次', 'levelCode'));
  input.tags.forEach((t, i) => {
    if (!t.trim()) out.push(issue('标签不能为空', 'tags', i));
  });
  return out;
}

/**
 * Data scope (干部管理权限): a profile may only be placed under an authority and in a unit the actor
 * manages (ARCHITECTURE.md, scope by management authority).
 */
export function scopeIssues(
  input: Pick<CadreInput, 'authorityId' | 'unitId'>,
  facts: Pick<CadreFacts, 'visibleAuthorityIds' | 'unitAuthorityId'>,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (!facts.visibleAuthorityIds.includes(input.authorityId)) out.push(issue('不在您的干部管理权限范围内', 'authorityId'));
  if (input.unitId !== null && (facts.unitAuthorityId === undefined || !facts.visibleAuthorityIds.includes(facts.unitAuthorityId)))
    out.push(issue('单位不存在或不在您的管理范围内', 'unitId'));
  return out;
}

/** Every rule at once; an empty list means the profile may be saved. */
export function cadreIssues(input: CadreInput, facts: CadreFacts): FieldIssue[] {
  const id = idCardIssues(input, facts.today, facts.idCardOwner, facts.selfId);
  const parsed = parseIdCard(input.idCard, facts.today);
  // Dates are checked against the birth month on the ID when it is valid, else against the form's.
  const birthMonth = parsed.ok ? parsed.birthDate.slice(0, 7) : input.birthMonth;
  const issues = [
    ...id,
    ...codeIssues(input),
    ...lengthIssues(input),
    ...dateIssues(input, birthMonth, facts.today),
    ...milestoneIssues(input, birthMonth, facts.minWorkAge),
    ...partyIssues(input),
    ...resumeIssues(input.resume),
    ...rankIssues(input.ranks),
    ...appraisalIssues(input.appraisals),
    ...miscIssues(input),
    ...scopeIssues(input, facts),
  ];
  return issues.sort(byFormOrder);
}

const FORM_ORDER = Object.keys(CADRE_LABELS);

/** Issues in the order the form shows its fields, rows in order within a list. */
function byFormOrder(a: FieldIssue, b: FieldIssue): number {
  const [fa, ra] = a.field.split('.');
  const [fb, rb] = b.field.split('.');
  return FORM_ORDER.indexOf(fa) - FORM_ORDER.indexOf(fb) || Number(ra ?? -1) - Number(rb ?? -1);
}
