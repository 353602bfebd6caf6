// Business settings: every threshold a rule uses, with its default and the regulation it comes from.
// Values are versioned by effective date; an admin edits them (DESIGN.md practice 9; RULES.md §0).
import { z } from 'zod';

export interface SettingDef<T> {
  label: string;
  schema: z.ZodType<T>;
  default: T;
  source: string;
}

const def = <T>(d: SettingDef<T>) => d;
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
