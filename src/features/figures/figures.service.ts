// The report's figures for a period and a unit subtree, each with the names or teams behind it:
// promotions and chief appointments from the appointments begun in the period, 配备率 from the teams
// as they stood on the period's last day. Only what the actor's management authorities cover.
import { requireAccess, type Ctx } from '../../server/access.js';
import { validationError } from '../../server/errors.js';
import { appointmentFigures, complianceFigures, type AppointmentFacts, type Figure } from '../../domain/figures.js';
import { chunks, groupBy } from '../../domain/group.js';
import { getSetting } from '../settings/settings.service.js';
import { loadTeams, teamRuleSettings, unitInScope } from '../analysis/analysis.service.js';
import * as repo from './figures.repository.js';

async function chunked<T>(ids: readonly number[], load: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(ids, 5000)) out.push(...(await load(part)));
  return out;
}

export interface FiguresQuery {
  from: string;
  to: string;
  unitId?: number;
}

export async function reportFigures(ctx: Ctx, q: FiguresQuery): Promise<FiguresQuery & { unitName: string | null; figures: Figure[] }> {
  requireAccess(ctx.actor, 'stats:read');
  if (q.from > q.to) throw validationError([{ field: 'from', label: '开始日期', message: '开始日期不能晚于结束日期' }]);
  const unit = await unitInScope(ctx, q.unitId);
  const authorityIds = ctx.actor.visibleAuthorityIds;

  const on = new Date(`${q.to}T00:00:00Z`);
  const [rows, cohortBirthFrom, youngAgeBelow, ruleSettings] = await Promise.all([
    repo.appointmentsBegun(ctx.db, { from: q.from, to: q.to, unitPath: unit?.path, authorityIds }),
    getSetting(ctx.db, 'figures.cohortBirthFrom', on),
    getSetting(ctx.db, 'figures.youngAgeBelow', on),
    teamRuleSettings(ctx.db, q.to),
  ]);
  const cadreIds = [...new Set(rows.map((r) => r.cadreId))];
  const [earlier, tags, teams] = await Promise.all([
    chunked(cadreIds, (part) => repo.postsBegunBy(ctx.db, part, q.to)),
    chunked(cadreIds, (part) => repo.tagsOf(ctx.db, part)),
    // The figures read the teams' composition, not their members' families: the smallest load will do.
    loadTeams(ctx.db, { unitPath: unit?.path, authorityIds }, q.to, ruleSettings.specialtyKeywords, { relatives: 'kin' }),
  ]);
  const tagsBy = groupBy(tags, (t) => t.cadreId);
  const earlierBy = groupBy(earlier, (e) => e.cadreId);
  const facts: AppointmentFacts[] = rows.map((r) => ({
    ...r,
    isChief: r.isChief === 1,
    tags: (tagsBy.get(r.cadreId) ?? []).map((t) => t.tag),
    earlierLevels: (earlierBy.get(r.cadreId) ?? []).filter((e) => e.startDate < r.startDate).map((e) => e.levelCode),
  }));
  const settings = { cohortBirthFrom, youngAgeBelow, sevenDepartments: ruleSettings.sevenDepartments };
  return { ...q, unitName: unit?.name ?? null, figures: [...appointmentFigures(facts, settings), ...complianceFigures(teams, settings)] };
}
