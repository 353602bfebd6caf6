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
  'system.demoData': def({
    label: '演示数据（界面显示“演示数据”标识）',
    schema: z.boolean('须为是或否'),
    default: false,
    source: '本系统：演示城市为虚构数据',
  }),
} satisfies Record<string, SettingDef<unknown>>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'];
