// Team structure analysis (班子结构研判): the rules of domain/team-rules.ts over facts given by the
// caller (what-if, other systems) or loaded for a stored team, with thresholds as in force on the date.
// Data scope as for units: a team whose unit's authority the actor cannot see answers 404.
import type { Db } from '../../db/database.js';
import { canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { todayOf } from '../../domain/dates.js';
import { analyzeTeam, type Finding, type MemberFacts, type TeamFacts, type TeamRuleSettings } from '../../domain/team-rules.js';
import { getSetting } from '../settings/settings.service.js';
import * as repo from './analysis.repository.js';

/** The rule thresholds in force on a date. */
export async function teamRuleSettings(db: Db, asOf: string): Promise<TeamRuleSettings> {
  const on = new Date(`${asOf}T00:00:00Z`);
  const [sevenDepartments, youngCadreAgeByLevel, termYears, maxConsecutiveTerms, levelTenureMaxYears] = await Promise.all([
    getSetting(db, 'teamRules.sevenDepartments', on),
    getSetting(db, 'teamRules.youngCadreAgeByLevel', on),
    getSetting(db, 'teamRules.termYears', on),
    getSetting(db, 'teamRules.maxConsecutiveTerms', on),
    getSetting(db, 'teamRules.levelTenureMaxYears', on),
  ]);
  return { sevenDepartments, youngCadreAgeByLevel, termYears, maxConsecutiveTerms, levelTenureMaxYears };
}

/** POST /api/teams/analyze: the rules over the caller's facts. */
export async function analyzeFacts(ctx: Ctx, input: { asOf: string; team: TeamFacts; members: MemberFacts[] }): Promise<{ findings: Finding[] }> {
  requireAccess(ctx.actor, 'unit:read');
  const settings = await teamRuleSettings(ctx.db, input.asOf);
  return { findings: analyzeTeam({ ...input, settings }) };
}

interface Tenure {
  postId: number;
  cadreId: number;
  startDate: string;
  endDate: string | null;
}

/**
 * Where a tenure began if re-appointments to the same post without a gap (one ending the day the
 * next starts) count as one: follow the chain back.
 */
export function unbrokenStart(current: Omit<Tenure, 'endDate'>, all: readonly Tenure[]): string {
  let start = current.startDate;
  for (;;) {
    const before = all.find((t) => t.postId === current.postId && t.cadreId === current.cadreId && t.endDate === start && t.startDate < start);
    if (!before) return start;
    start = before.startDate;
  }
}

/** GET /api/teams/:id/analysis: the stored team's facts on asOf, and the findings. */
export async function analyzeStoredTeam(ctx: Ctx, id: number, asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  const date = asOf ?? todayOf(ctx.now);
  const team = await repo.findTeamWithUnit(ctx.db, id);
  if (!team || !canSeeAuthority(ctx.actor, team.authorityId)) throw notFound('该班子');
  const pathIds = team.path.split('/').filter(Boolean).map(Number);
  const [place, posts, rows, tenures, settings] = await Promise.all([
    team.tier === 'county' ? repo.countyAreaName(ctx.db, pathIds) : Promise.resolve(undefined),
    repo.postsOfTeam(ctx.db, id),
    repo.membersOn(ctx.db, id, date),
    repo.tenuresOfTeam(ctx.db, id, date),
    teamRuleSettings(ctx.db, date),
  ]);

  const byLevel: Record<string, number> = {};
  for (const p of posts) byLevel[p.levelCode] = (byLevel[p.levelCode] ?? 0) + p.quota;
  const facts: TeamFacts = {
    kind: team.kind,
    unitKind: team.unitKind,
    unitName: team.unitName,
    tier: team.tier,
    ...(place && { place }),
    quota: {
      total: posts.reduce((s, p) => s + p.quota, 0),
      chief: posts.filter((p) => p.isChief === 1).reduce((s, p) => s + p.quota, 0),
      byLevel,
    },
  };

  // One member per cadre: a cadre holding two posts of the team counts once, as chief if either is.
  const members = new Map<number, MemberFacts>();
  for (const r of rows) {
    const known = members.get(r.cadreId);
    if (known) {
      known.isChief ||= r.isChief === 1;
      continue;
    }
    members.set(r.cadreId, {
      cadreId: r.cadreId,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      politicalStatus: r.politicalStatus,
      ethnicCode: r.ethnicCode,
      levelCode: r.postLevelCode,
      isChief: r.isChief === 1,
      postStartDate: unbrokenStart(r, tenures),
      levelSince: r.levelSince,
      nativePlace: r.nativePlace || null,
    });
  }
  const memberList = [...members.values()];
  const findings = analyzeTeam({ asOf: date, team: facts, members: memberList, settings });
  return { asOf: date, teamId: team.id, teamName: team.name, unitName: team.unitName, team: facts, members: memberList, findings };
}
