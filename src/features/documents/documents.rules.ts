// Pure rules of the documents feature: the roster (花名册) column catalogue, and the Excel import
// kinds (their columns, and how a row's cells become profile fields, codes given as names or codes).
import type { Selectable } from 'kysely';
import { ageOn, displayDate, displayMonth } from '../../domain/dates.js';
import { CODE_TABLES, codeByName, codeName, isCode, type CodeItem, type CodeTable } from '../codes/codes.catalog.js';
import { parseRmbDate } from '../../io/rmb-mapping.js';
import type { TemplateColumn } from '../../io/excel-import.js';
import { APPRAISAL_GRADES, CADRE_STATUSES, type CadreInput } from '../cadres/cadres.rules.js';
import type { CadreTable } from '../cadres/cadres.table.js';

// ---- roster ----

/** A cadre as the roster query reads it: the stored columns a roster column shows, and two names. */
export type RosterRow = Omit<
  Selectable<CadreTable>,
  | 'nameInitials'
  | 'ftDegreeSchool'
  | 'ipDegreeSchool'
  | 'unitId'
  | 'authorityId'
  | 'rewardsText'
  | 'appraisalText'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & { unitName: string | null; authorityName: string };

export interface RosterContext {
  /** the date ages are counted to, 'YYYY-MM-DD' */
  ageOn: string;
  tags: (id: number) => string[];
}

export interface RosterColumnDef {
  key: string;
  label: string;
  width: number;
  value: (r: RosterRow, c: RosterContext) => string | number | null;
}

const STATUS_NAMES: Record<string, string> = { active: '在职', retired: '退休', left: '调离' };

/** Every column a roster may have, in the default order. */
export const ROSTER_COLUMNS: readonly RosterColumnDef[] = [
  { key: 'name', label: '姓名', width: 10, value: (r) => r.name },
  { key: 'gender', label: '性别', width: 6, value: (r) => codeName('gender', r.gender) },
  { key: 'birthMonth', label: '出生年月', width: 10, value: (r) => displayMonth(r.birthDate) },
  { key: 'age', label: '年龄', width: 6, value: (r, c) => ageOn(r.birthDate, c.ageOn) },
  { key: 'idCard', label: '身份证号', width: 21, value: (r) => r.idCard },
  { key: 'ethnic', label: '民族', width: 8, value: (r) => codeName('ethnic', r.ethnicCode) },
  { key: 'nativePlace', label: '籍贯', width: 12, value: (r) => r.nativePlace },
  { key: 'birthplace', label: '出生地', width: 12, value: (r) => r.birthplace },
  { key: 'political', label: '政治面貌', width: 10, value: (r) => codeName('political', r.politicalStatus) },
  {
    key: 'partyJoinMonth',
    label: '入党时间',
    width: 10,
    value: (r) => [displayMonth(r.partyJoinMonth), r.otherParty ?? ''].filter(Boolean).join('；'),
  },
  { key: 'workStartMonth', label: '参加工作时间', width: 12, value: (r) => displayMonth(r.workStartMonth) },
  { key: 'health', label: '健康状况', width: 8, value: (r) => codeName('health', r.healthCode) },
  { key: 'professionalTitle', label: '专业技术职务', width: 14, value: (r) => r.professionalTitle },
  { key: 'specialty', label: '熟悉专业有何专长', width: 20, value: (r) => r.specialty },
  { key: 'ftEducation', label: '全日制学历', width: 10, value: (r) => codeName('education', r.ftEducation) },
  { key: 'ftDegree', label: '全日制学位', width: 10, value: (r) => codeName('degree', r.ftDegree) },
  { key: 'ftSchool', label: '全日制毕业院校系及专业', width: 28, value: (r) => r.ftEducationSchool },
  { key: 'ipEducation', label: '在职学历', width: 10, value: (r) => codeName('education', r.ipEducation) },
  { key: 'ipDegree', label: '在职学位', width: 10, value: (r) => codeName('degree', r.ipDegree) },
  { key: 'ipSchool', label: '在职毕业院校系及专业', width: 28, value: (r) => r.ipEducationSchool },
  { key: 'highestEducation', label: '最高学历', width: 10, value: (r) => codeName('education', r.highestEducation) },
  { key: 'unit', label: '工作单位', width: 24, value: (r) => r.unitName ?? '' },
  { key: 'currentPost', label: '现任职务', width: 30, value: (r) => r.currentPost },
  { key: 'level', label: '职务层次', width: 14, value: (r) => codeName('level', r.levelCode) },
  { key: 'levelSince', label: '任现职务层次时间', width: 14, value: (r) => displayDate(r.levelSince) },
  { key: 'rank', label: '职级', width: 12, value: (r) => codeName('rank', r.rankCode) },
  { key: 'rankSince', label: '任现职级时间', width: 14, value: (r) => displayDate(r.rankSince) },
  { key: 'authority', label: '管理权限', width: 20, value: (r) => r.authorityName },
  { key: 'status', label: '状态', width: 6, value: (r) => STATUS_NAMES[r.status] ?? r.status },
  { key: 'tags', label: '标签', width: 16, value: (r, c) => c.tags(r.id).join('、') },
  { key: 'remarks', label: '备注', width: 20, value: (r) => r.remarks },
];

export const DEFAULT_ROSTER_COLUMNS = [
  'name',
  'gender',
  'birthMonth',
  'age',
  'ethnic',
  'political',
  'highestEducation',
  'unit',
  'currentPost',
  'level',
];

/** The chosen columns in their order; unknown keys named. */
export function pickColumns(keys: readonly string[]): { columns: RosterColumnDef[]; unknown: string[] } {
  const byKey = new Map(ROSTER_COLUMNS.map((c) => [c.key, c]));
  const columns: RosterColumnDef[] = [];
  const unknown: string[] = [];
  for (const k of keys) {
    const c = byKey.get(k);
    if (c) columns.push(c);
    else unknown.push(k);
  }
  return { columns, unknown };
}

// ---- import kinds ----

export const IMPORT_KINDS = { cadres: '干部基本信息', appointments: '任职记录', appraisals: '年度考核' } as const;
export type ImportKind = keyof typeof IMPORT_KINDS;

/** A column of an import kind: its template look, and the field it fills. */
export interface ImportColumn extends TemplateColumn {
  field: string;
  /** the code table whose names (or codes) the cell holds */
  table?: CodeTable;
  kind?: 'month' | 'date' | 'year' | 'id' | 'text' | 'enum';
  values?: readonly string[];
}

const names = (table: CodeTable) => (CODE_TABLES[table].items as CodeItem[]).filter((i) => !i.header).map((i) => i.name);
const code = (field: string, label: string, table: CodeTable, required = false): ImportColumn => ({
  field,
  label,
  table,
  required,
  options: table === 'level' || table === 'place' ? undefined : names(table),
  width: 12,
});
const month = (field: string, label: string, required = false): ImportColumn => ({
  field,
  label,
  kind: 'month',
  required,
  text: true,
  note: '年月，如 1985.03 或 198503',
});
const text = (field: string, label: string, width = 16, required = false): ImportColumn => ({
  field,
  label,
  kind: 'text',
  width,
  required,
  text: true,
});

export const STATUS_LABELS = { 在职: 'active', 退休: 'retired', 调离: 'left' } as const satisfies Record<string, (typeof CADRE_STATUSES)[number]>;

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  cadres: [
    { field: 'idCard', label: '身份证号', kind: 'id', required: true, text: true, width: 21, note: '18 位身份证号；已有的干部按身份证号更新' },
    text('name', '姓名', 10, true),
    code('gender', '性别', 'gender', true),
    code('ethnicCode', '民族', 'ethnic', true),
    text('nativePlace', '籍贯', 12),
    text('birthplace', '出生地', 12),
    code('politicalStatus', '政治面貌', 'political', true),
    month('partyJoinMonth', '入党时间'),
    text('otherParty', '民主党派', 10),
    month('workStartMonth', '参加工作时间', true),
    code('healthCode', '健康状况', 'health', true),
    text('professionalTitle', '专业技术职务'),
    text('specialty', '熟悉专业有何专长', 20),
    code('ftEducation', '全日制学历', 'education'),
    code('ftDegree', '全日制学位', 'degree'),
    text('ftEducationSchool', '全日制学历毕业院校系及专业', 28),
    text('ftDegreeSchool', '全日制学位毕业院校系及专业', 28),
    code('ipEducation', '在职学历', 'education'),
    code('ipDegree', '在职学位', 'degree'),
    text('ipEducationSchool', '在职学历毕业院校系及专业', 28),
    text('ipDegreeSchool', '在职学位毕业院校系及专业', 28),
    text('currentPost', '现任职务', 30),
    { ...code('levelCode', '职务层次', 'level'), note: '职务层次名称或 ZB09 代码' },
    { field: 'levelSince', label: '任现职务层次时间', kind: 'date', text: true, note: '日期，如 2020.06.01' },
    { field: 'status', label: '状态', kind: 'enum', values: Object.keys(STATUS_LABELS), options: Object.keys(STATUS_LABELS), width: 8 },
    text('rewardsText', '奖惩情况', 30),
    text('appraisalText', '年度考核结果', 30),
    text('remarks', '备注', 20),
  ],
  appointments: [
    { field: 'idCard', label: '身份证号', kind: 'id', required: true, text: true, width: 21 },
    text('name', '姓名', 10),
    text('unit', '单位', 28, true),
    { ...text('team', '班子', 20), note: '单位内同名职务多于一个时必填' },
    text('post', '职务', 20, true),
    { field: 'startDate', label: '任职时间', kind: 'date', required: true, text: true, note: '日期，如 2024.03.15' },
    text('startDocNo', '任职文号', 20),
  ],
  appraisals: [
    { field: 'idCard', label: '身份证号', kind: 'id', required: true, text: true, width: 21 },
    text('name', '姓名', 10),
    { field: 'year', label: '年度', kind: 'year', required: true, width: 8 },
    { field: 'grade', label: '等次', kind: 'enum', required: true, values: APPRAISAL_GRADES, options: APPRAISAL_GRADES, width: 12 },
  ],
};

export const IMPORT_INSTRUCTIONS: Record<ImportKind, string> = {
  cadres: [
    '干部基本信息导入模板',
    '1. 第一行为表头，请勿修改；带＊的列必填。',
    '2. 身份证号为匹配键：已有干部（在您的管理范围内）按身份证号更新所填各项，未填的列保持原值；没有的新建。',
    '3. 性别、民族、政治面貌、健康状况、学历、学位、职务层次可选下拉名称，也可填代码。',
    '4. 年月写作 1985.03 或 198503；日期写作 2020.06.01。出生年月取自身份证号。',
    '5. 新建的干部归入您所在的管理权限；简历、家庭成员等在档案中维护。',
  ].join('\n'),
  appointments: [
    '任职记录导入模板',
    '1. 每行一名干部任一个职务；带＊的列必填。',
    '2. 单位、班子、职务填名称（与“单位班子”中的名称一致）；单位内有同名职务时须填班子。',
    '3. 任职时间写作 2024.03.15；不能晚于今天。职数已满、干部不在职等按任职的规则逐行报告。',
    '4. 免职请在“单位班子”中办理。',
  ].join('\n'),
  appraisals: [
    '年度考核导入模板',
    '1. 每行一名干部一个年度；同一干部同一年度已有结果的，以本表为准。',
    '2. 等次：优秀、称职、基本称职、不称职、不定等次。',
    '3. 姓名如填写，须与身份证号对应的干部一致。',
  ].join('\n'),
};

/** A code from a cell holding its name or the code itself. */
export function codeFromCell(table: CodeTable, raw: string): string | undefined {
  const byName = codeByName(table, raw);
  if (byName && isCode(table, byName)) return byName;
  return isCode(table, raw) ? raw : undefined;
}

/** A cell's month ('1985.03', '198503', '1985-03', a date cell) as 'YYYY-MM'. */
export function monthFromCell(raw: string): string | undefined {
  return parseRmbDate(raw)?.month;
}

/** A cell's date ('2020.06.01', '20200601', a date cell) as 'YYYY-MM-DD'. */
export function dateFromCell(raw: string): string | undefined {
  return parseRmbDate(raw)?.date ?? undefined;
}

export interface CellProblem {
  col: number;
  message: string;
}

/**
 * One row of a cadres sheet → the profile fields it sets (blank cells set nothing), and the problems
 * of cells that cannot be read at all (a name not in its code table, a date that is not a date).
 * `cols` maps each import column to its index in the sheet.
 */
export function readCadreCells(
  cells: readonly string[],
  cols: ReadonlyMap<ImportColumn, number>,
): { fields: Partial<CadreInput>; problems: CellProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const [c, i] of cols) {
    const raw = (cells[i] ?? '').trim();
    if (!raw) continue;
    if (c.table) {
      const v = codeFromCell(c.table, raw);
      if (v === undefined) problems.push({ col: i, message: `${c.label}“${raw}”不是${CODE_TABLES[c.table].label}中的名称或代码` });
      else fields[c.field] = v;
    } else if (c.kind === 'month') {
      const v = monthFromCell(raw);
      if (!v) problems.push({ col: i, message: `${c.label}“${raw}”不是有效的年月（如 1985.03）` });
      else fields[c.field] = v;
    } else if (c.kind === 'date') {
      const v = dateFromCell(raw);
      if (!v) problems.push({ col: i, message: `${c.label}“${raw}”不是有效的日期（如 2020.06.01）` });
      else fields[c.field] = v;
    } else if (c.field === 'status') {
      const v = STATUS_LABELS[raw as keyof typeof STATUS_LABELS] ?? (CADRE_STATUSES as readonly string[]).find((s) => s === raw);
      if (!v) problems.push({ col: i, message: `${c.label}“${raw}”应为 在职、退休 或 调离` });
      else fields[c.field] = v;
    } else fields[c.field] = c.kind === 'id' ? raw.replace(/\s+/g, '').toUpperCase() : raw;
  }
  return { fields: fields as Partial<CadreInput>, problems };
}
