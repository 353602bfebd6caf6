import { forgetSessions } from '../accounts/session-cache.js';
import type { Db } from '../../db/database.js';
import { requireAccess, type Ctx } from '../../server/access.js';
import { validationError } from '../../server/errors.js';
import { todayOf } from '../../domain/dates.js';
import { insertAudit } from '../audit/audit.repository.js';
import { buildAuditRow } from '../audit/audit.events.js';
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

export async function setSetting(ctx: Ctx, input: { key: string; value: unknown; effectiveFrom: string }) {
  requireAccess(ctx.actor, 'settings:manage');
  if (!(input.key in SETTINGS)) throw validationError([{ field: 'key', label: '参数', message: `没有名为 ${input.key} 的参数` }]);
  const key = input.key as SettingKey;
  const parsed = SETTINGS[key].schema.safeParse(input.value);
  if (!parsed.success)
    throw validationError([{ field: 'value', label: SETTINGS[key].label, message: parsed.error.issues[0]?.message ?? '取值无效' }]);
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
