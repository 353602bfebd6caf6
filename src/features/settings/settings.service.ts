import { forgetSessions } from '../accounts/session-cache.js';
import type { Db } from '../../db/database.js';
import { requireAccess, type Ctx } from '../../server/access.js';
import { validationError } from '../../server/errors.js';
import { todayOf } from '../../domain/dates.js';
import { insertAudit } from '../audit/audit.repository.js';
import { buildAuditRow } from '../audit/audit.events.js';
import type { z } from 'zod';
import { RULE_LABELS } from '../../domain/team-rules.js';
import { SETTINGS, type SettingKey, type SettingValue } from './settings.catalog.js';
import { findEffective, listVersions, upsertVersion } from './settings.repository.js';

/**
 * Read a setting as in force on a date: an instant counts as its date in China (todayOf), so a
 * version effective from tomorrow does not apply between 00:00 and 08:00 Beijing time. Used by other
 * services to feed rules.
 */
export async function getSetting<K extends SettingKey>(db: Db, key: K, on: Date): Promise<SettingValue<K>> {
  const row = await findEffective(db, key, todayOf(on));
  if (!row) return SETTINGS[key].default as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value));
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function listSettings(ctx: Ctx) {
  requireAccess(ctx.actor, 'settings:manage');
  const versions = await listVersions(ctx.db);
  const today = todayOf(ctx.now);
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
    const mine = versions.filter((v) => v.key === key);
    const current = mine.find((v) => v.effectiveFrom <= today);
    return {
      key,
      label: SETTINGS[key].label,
      source: SETTINGS[key].source,
      default: SETTINGS[key].default as unknown,
      value: current ? (JSON.parse(current.value) as unknown) : (SETTINGS[key].default as unknown),
      versions: mine.map((v) => ({
        value: JSON.parse(v.value) as unknown,
        effectiveFrom: v.effectiveFrom,
        updatedBy: v.updatedBy,
        updatedAt: v.updatedAt,
      })),
    };
  });
}

// Names of the parts of structured settings, so a message says where in the value the problem is.
const PART_LABELS: Record<string, string> = {
  ...RULE_LABELS,
  enabled: '是否启用',
  appliesTo: '适用范围',
  tiers: '层级',
  teamKinds: '班子类别',
  unitKinds: '单位类别',
  sevenDepartments: '七部门',
  unitNameIncludes: '单位名称所含字样',
  specialties: '专长',
  label: '名称',
  fromYear: '起始年份',
  toYear: '截止年份',
};

/** One zod issue of a setting's value in Chinese: where in the value (规则 › 第1项 › 层级) and what is wrong. */
export function issueText(issue: z.core.$ZodIssue | undefined, value: unknown): string {
  if (!issue) return '取值无效';
  // zod does not keep the input in its issues: find what stood at the issue's path
  const at = issue.path.reduce<unknown>((v, p) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined), value);
  const where = issue.path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (PART_LABELS[String(p)] ?? String(p)))).join(' › ');
  let what = issue.message;
  if (issue.code === 'invalid_type' && at === undefined) what = '缺少此项';
  else if (issue.code === 'invalid_type' && issue.expected === 'record') what = '应为各项设置组成的对象';
  else if (issue.code === 'unrecognized_keys') what = `不认识的项：${issue.keys.join('、')}`;
  return where ? `${where}：${what}` : what;
}

export async function setSetting(ctx: Ctx, input: { key: string; value: unknown; effectiveFrom: string }) {
  requireAccess(ctx.actor, 'settings:manage');
  if (!(input.key in SETTINGS)) throw validationError([{ field: 'key', label: '参数', message: `没有名为 ${input.key} 的参数` }]);
  const key = input.key as SettingKey;
  const parsed = SETTINGS[key].schema.safeParse(input.value);
  if (!parsed.success)
    throw validationError([{ field: 'value', label: SETTINGS[key].label, message: issueText(parsed.error.issues[0], input.value) }]);
  const before = await getSetting(ctx.db, key, new Date(input.effectiveFrom));
  await ctx.db.transaction().execute(async (trx) => {
    await upsertVersion(trx, {
      key,
      value: JSON.stringify(parsed.data),
      effectiveFrom: input.effectiveFrom,
      source: SETTINGS[key].source,
      updatedBy: ctx.actor.username,
      updatedAt: ctx.now.toISOString(),
    });
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'settings.update',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'setting', id: key },
        detail: { effectiveFrom: input.effectiveFrom },
        changes: [{ field: key, old: before, new: parsed.data }],
      }),
    );
  });
  // The session idle timeout is held with resolved sessions.
  forgetSessions();
}
