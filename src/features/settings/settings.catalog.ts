// Business settings: every threshold a rule uses, with its default and the regulation it comes from.
// Values are versioned by effective date; an admin edits them (DESIGN.md practice 9; RULES.md §0).
import { z } from 'zod';
import {
  DEFAULT_APPLICABILITY,
  DEFAULT_SPECIALTY_KEYWORDS,
  DEFAULT_SPECIALTY_NEEDS,
  TEAM_RULE_IDS,
  type SpecialtyNeed,
} from '../../domain/team-rules.js';
import { TEAM_KINDS, UNIT_KINDS, UNIT_TIER_CODES } from '../../domain/unit-kinds.js';
import { cohortProblems } from '../young/young.rules.js';

export interface SettingDef<T> {
  label: string;
  schema: z.ZodType<T>;
  default: T;
  source: string;
}

const def = <T>(d: SettingDef<T>) => d;
const words = z.array(z.string().trim().min(1, '不能为空').max(50)).max(50, '不能多于 50 项');
const TeamSelector = z.strictObject({
  tiers: z.array(z.enum(UNIT_TIER_CODES, '层级应为 city、county 或 township')).optional(),
  teamKinds: z.array(z.enum(TEAM_KINDS, '不是已知的班子类别')).optional(),
  unitKinds: z.array(z.enum(UNIT_KINDS, '不是已知的单位类别')).optional(),
  sevenDepartments: z.boolean('须为是或否').optional(),
  unitNameIncludes: words.optional(),
});
const selectors = z.array(TeamSelector).max(20, '不能多于 20 项');
const minutes = z
  .number('须为数字')
  .int('须为整数')
  .min(1, '不能小于 1')
  .max(24 * 60, '不能大于 1440');

export const SETTINGS = {
  'auth.sessionIdleMinutes': def({
    label: '会话空闲超时（分钟）',
    schema: minutes,
    default: 30,
    source: '等级保护基本要求：登录失败处理与会话超时（本系统默认 30 分钟）',
  }),
  'auth.maxFailedLogins': def({
    label: '连续登录失败锁定次数',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(100, '不能大于 100'),
    default: 5,
    source: '等级保护基本要求：登录失败处理（本系统默认 5 次）',
  }),
  'auth.lockMinutes': def({
    label: '账号锁定时长（分钟）',
    schema: minutes,
    default: 15,
    source: '等级保护基本要求：登录失败处理（本系统默认 15 分钟）',
  }),
  'cadre.minWorkAge': def({
    label: '参加工作最低年龄（周岁）',
    schema: z.number('须为数字').int('须为整数').min(14, '不能小于 14').max(25, '不能大于 25'),
    default: 16,
    source: '《劳动法》第15条：禁止用人单位招用未满十六周岁的未成年人',
  }),
  'teamRules.sevenDepartments': def({
    label: '班子研判：须配备女干部的七部门（单位名称所含字样）',
    schema: z.array(z.string().trim().min(1, '不能为空').max(50)).max(50, '不能多于 50 项'),
    default: ['组织部', '宣传部', '统战部', '教育', '卫生健康', '民政', '人力资源和社会保障'],
    source: '本地规定：七部门领导班子至少配备1名女干部（名单以本地文件为准，RULES.md §10）',
  }),
  'teamRules.youngCadreAgeByLevel': def({
    label: '班子研判：年轻干部年龄（按层级，周岁及以下）',
    schema: z.object({
      乡科: z.number('须为数字').int('须为整数').min(20).max(60),
      县处: z.number('须为数字').int('须为整数').min(20).max(60),
      厅局: z.number('须为数字').int('须为整数').min(20).max(60),
    }),
    default: { 乡科: 35, 县处: 40, 厅局: 45 },
    source: '年轻干部年龄无全国统一标准，常用参照：乡镇 35 岁、县处级 40 岁、市厅级 45 岁（RULES.md §10）',
  }),
  'teamRules.termYears': def({
    label: '班子研判：领导职务每个任期（年）',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(10, '不能大于 10'),
    default: 5,
    source: '《党政领导干部职务任期暂行规定》(2006) 第3条：每个任期为5年（RULES.md §1.5）',
  }),
  'teamRules.maxConsecutiveTerms': def({
    label: '班子研判：同一职位最多连续任期数',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(5, '不能大于 5'),
    default: 2,
    source: '《党政领导干部职务任期暂行规定》(2006) 第6条：同一职位连续任职达到两个任期的不再提名（RULES.md §1.5）',
  }),
  'teamRules.levelTenureMaxYears': def({
    label: '班子研判：同一层次领导职务累计任职上限（年）',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(40, '不能大于 40'),
    default: 15,
    source: '《党政领导干部职务任期暂行规定》(2006) 第7条：同一层次领导职务累计任职15年（RULES.md §1.5）',
  }),
  'teamRules.applicability': def({
    label: '班子研判：各规则是否启用及适用的班子（层级、班子类别、单位类别、七部门、单位名称所含字样）',
    schema: z.record(z.enum(TEAM_RULE_IDS), z.strictObject({ enabled: z.boolean('须为是或否'), appliesTo: selectors })),
    default: DEFAULT_APPLICABILITY,
    source: '各规则依据见规则表（src/domain/team-rules.ts）；适用范围为本地设定',
  }),
  'teamRules.specialtyNeeds': def<SpecialtyNeed[]>({
    label: '班子研判：各类班子须具备的专长',
    schema: z.array(z.strictObject({ appliesTo: selectors, specialties: words })).max(100, '不能多于 100 项'),
    default: DEFAULT_SPECIALTY_NEEDS,
    source: '精准选人、优化班子专业结构（本地设定，RULES.md §10）',
  }),
  'teamRules.specialtyKeywords': def<Record<string, string[]>>({
    label: '班子研判：据“熟悉专业有何专长”认定专长的字样',
    schema: z.record(z.string().trim().min(1).max(20), words),
    default: DEFAULT_SPECIALTY_KEYWORDS,
    source: '本系统：专长认定字样（本地设定）',
  }),
  'figures.cohortBirthFrom': def<Record<string, string>>({
    label: '报告数据：年轻干部出生日期起点（按职务层次：1A31 正县级 75后，1A32 副县级 80后）',
    schema: z.record(z.string().regex(/^1A\d{2}$/, '应为职务层次代码'), z.iso.date('应为有效日期（YYYY-MM-DD）')),
    default: { '1A31': '1975-01-01', '1A32': '1980-01-01' },
    source: '干部工作报告（二、精准选人）：提拔75后正县级、80后副县级干部占比',
  }),
  'figures.youngAgeBelow': def<Record<string, number>>({
    label: '报告数据：提拔年轻干部的年龄上限（不含，按职务层次：1A41 正科级 32 岁，1A42 副科级 27 岁）',
    schema: z.record(z.string().regex(/^1A\d{2}$/, '应为职务层次代码'), z.number('须为数字').int('须为整数').min(18).max(60)),
    default: { '1A41': 32, '1A42': 27 },
    source: '干部工作报告（二、精准选人）：提拔32岁以下正科级、27岁以下副科级干部',
  }),
  'pools.categoryReviewMonths': def({
    label: '四类干部清单：复核周期（月）',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(60, '不能大于 60'),
    default: 12,
    source: '本地做法：四类干部清单动态管理、定期复核（周期未见全国规定，默认 12 个月，待确认）',
  }),
  'pools.reviewNoticeDays': def({
    label: '四类干部清单：复核到期提前提醒（天）',
    schema: z.number('须为数字').int('须为整数').min(0, '不能小于 0').max(365, '不能大于 365'),
    default: 30,
    source: '本系统默认：到期前 30 天列入提醒',
  }),
  'young.cohorts': def({
    label: '年轻干部：“789”计划出生年代段',
    schema: z
      .array(
        z.object({
          label: z.string().trim().min(1, '不能为空').max(20),
          fromYear: z.number('须为数字').int('须为整数').min(1900).max(2100),
          toYear: z.number('须为数字').int('须为整数').min(1900).max(2100),
        }),
      )
      .min(1, '至少一项')
      .max(10, '不能多于 10 项')
      .superRefine((v, ctx) => {
        for (const message of cohortProblems(v)) ctx.addIssue({ code: 'custom', message });
      }),
    default: [
      { label: '70后', fromYear: 1970, toYear: 1979 },
      { label: '80后', fromYear: 1980, toYear: 1989 },
      { label: '90后', fromYear: 1990, toYear: 1999 },
    ],
    source: '本地做法：“789”培养选拔计划按 70后、80后、90后 分段（年轻干部年龄无全国统一标准，RULES.md §10）',
  }),
  'young.mentorsPerCadre': def({
    label: '年轻干部：“2+1”导师帮带每人导师数',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(5, '不能大于 5'),
    default: 2,
    source: '本地做法：“2+1”导师帮带，每名年轻干部配 2 名导师',
  }),
  'import.retentionDays': def({
    label: '导入任务结果保留天数（含待确认文件的内容）',
    schema: z.number('须为数字').int('须为整数').min(1, '不能小于 1').max(3650, '不能大于 3650'),
    default: 30,
    source: '本系统默认：导入任务及其逐个文件的结果保留 30 天，之后自动删除（上传的文件内容不长期留存）',
  }),
  'system.demoData': def({
    label: '演示数据（界面显示“演示数据”标识）',
    schema: z.boolean('须为是或否'),
    default: false,
    source: '本系统：演示城市为虚构数据',
  }),
} satisfies Record<string, SettingDef<unknown>>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'];
