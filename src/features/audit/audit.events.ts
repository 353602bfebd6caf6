// The audit log's closed catalogue of events and the one pure function that builds a row
// (DESIGN.md practice 8, after Documenso's document-audit-logs).
import type { Actor } from '../../server/access.js';

export const AUDIT_EVENTS = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'cadre.read': '查阅干部档案',
  'cadre.create': '新建干部档案',
  'cadre.update': '修改干部档案',
  'cadre.export': '导出干部信息',
  'cadre.import': '导入干部信息',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'team.create': '新建班子',
  'team.update': '修改班子',
  'post.create': '新建职位',
  'post.update': '修改职位',
  'appointment.create': '任职',
  'appointment.end': '免职',
  'adjustment_plan.create': '新建模拟调配方案',
  'adjustment_plan.update': '修改模拟调配方案',
  'adjustment_plan.delete': '删除模拟调配方案',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.unlock': '解锁账号',
  'user.password_reset': '重置密码',
  'role.update': '修改角色权限',
  'settings.update': '修改业务参数',
  'analysis.create': '新建研判',
  'analysis.update': '修改研判',
  'analysis.follow_up': '研判跟进',
  'survey.create': '新建调研记录',
  'demo.reset': '重建演示数据',
  'pool.create': '新建干部库',
  'pool.update': '修改干部库',
  'pool.delete': '删除干部库',
  'pool.member_add': '干部入库',
  'pool.member_remove': '干部出库',
  'category.move': '调整四类干部清单',
  'category.review': '复核四类干部清单',
  'reserve.create': '列入正职人选后备库',
  'reserve.update': '修改正职后备人选',
  'reserve.outcome': '正职后备人选选用或退出',
  'young.promising_mark': '标记好苗子',
  'young.promising_withdraw': '撤销好苗子标记',
  'young.promising_link': '好苗子标记关联来源记录',
  'young.secondment_create': '登记双挂双任',
  'young.secondment_update': '修改双挂双任',
  'young.mentorship_create': '确定帮带导师',
  'young.mentorship_end': '结束导师帮带',
  'young.mentoring_record': '登记导师帮带记录',
} as const;

export type AuditEvent = keyof typeof AUDIT_EVENTS;

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntryInput {
  event: AuditEvent;
  actor: Pick<Actor, 'userId' | 'username' | 'ip'> | { userId: null; username: string; ip: string };
  at: Date;
  target?: { type: string; id: string | number };
  detail?: Record<string, unknown>;
  changes?: FieldChange[];
}

export interface AuditRow {
  at: string;
  userId: number | null;
  username: string;
  ip: string;
  event: AuditEvent;
  targetType: string | null;
  targetId: string | null;
  detail: string;
}

export function buildAuditRow(input: AuditEntryInput): AuditRow {
  const detail: Record<string, unknown> = { ...(input.detail ?? {}) };
  if (input.changes && input.changes.length > 0) detail.changes = input.changes;
  return {
    at: input.at.toISOString(),
    userId: input.actor.userId,
    username: input.actor.username,
    ip: input.actor.ip,
    event: input.event,
    targetType: input.target?.type ?? null,
    targetId: input.target ? String(input.target.id) : null,
    detail: JSON.stringify(detail),
  };
}

/** Field-by-field differences between two flat records, for the old and new values of a change. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, fields?: string[]): FieldChange[] {
  const keys = fields ?? [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (!(field in after)) continue;
    const o = before[field] ?? null;
    const n = after[field] ?? null;
    // most fields are unchanged scalars: no need to serialise them
    if (o === n) continue;
    if (JSON.stringify(o) !== JSON.stringify(n)) changes.push({ field, old: o, new: n });
  }
  return changes;
}
