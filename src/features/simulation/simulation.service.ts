// Team structure summaries and simulated adjustment (模拟调配): scratch plans that move cadres into and
// out of one team, evaluated side by side with the team as it is, without touching the appointments.
// Data scope as for units: a plan exists for an actor only if its team's unit is in an authority the
// actor sees (else 404); a candidate the actor cannot see cannot be moved in.
import { canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import { labelForPath } from '../../server/field-labels.js';
import { todayOf } from '../../domain/dates.js';
import { analyzeTeam, type Finding, type MemberFacts } from '../../domain/team-rules.js';
import { teamStructure, type TeamStructure } from '../../domain/team-structure.js';
import { resumeExperience, type HeldUnit } from '../../domain/resume-experience.js';
import { groupBy } from '../../domain/group.js';
import type { Problem } from '../../domain/teams.js';
import type { Db } from '../../db/database.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { cadreMemberFacts, loadTeams, teamRuleSettings, type LoadedTeam } from '../analysis/analysis.service.js';
import { codeName } from '../codes/codes.catalog.js';
import * as units from '../units/units.repository.js';
import * as repo from './simulation.repository.js';
import { applyMoves, compareFindings, moveProblems, type Move, type PlanPost } from './simulation.rules.js';

const URL = '/api/adjustment-plans';

function raise(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  throw validationError(
    problems.map((p) => {
      const path = p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const row = path.find((s): s is number => typeof s === 'number');
      return { field: p.field, label: labelForPath(path, URL), message: p.message, ...(row !== undefined && { row: row + 1 }) };
    }),
  );
}

const memberIdsOf = (members: readonly MemberFacts[]) => new Set(members.flatMap((m) => (m.cadreId === undefined ? [] : [m.cadreId])));

type Settings = Awaited<ReturnType<typeof teamRuleSettings>>;

const structureOf = (asOf: string, loaded: Pick<LoadedTeam, 'team'>, members: MemberFacts[], s: Settings): TeamStructure =>
  teamStructure({
    asOf,
    team: loaded.team,
    members,
    settings: { ...s, specialties: Object.keys(s.specialtyKeywords) },
  });

/**
 * Adds the 基层 / 市直 experience read from each member's 简历 (structure summaries only: the rules do
 * not read it, so loadTeams does not load 简历 for every team). Members holding the team's posts on
 * asOf also count its unit; a candidate moved in on a plan does not, the move being hypothetical.
 */
async function withExperience(db: Db, asOf: string, team: LoadedTeam['team'], members: MemberFacts[], holders: ReadonlySet<number>) {
  const ids = members.flatMap((m) => (m.cadreId === undefined ? [] : [m.cadreId]));
  const [lines, cityNames] = await Promise.all([repo.resumeLines(db, ids), repo.cityNames(db)]);
  const linesOf = groupBy(lines, (l) => l.cadreId);
  const held: HeldUnit[] = [{ name: team.unitName ?? '', kind: team.unitKind, tier: team.tier ?? '' }];
  return members.map((m) => {
    if (m.cadreId === undefined) return m;
    const own = linesOf.get(m.cadreId) ?? [];
    const holds = holders.has(m.cadreId);
    const experience = resumeExperience({ lines: own, asOf, cityNames, ...(holds && { held }) });
    // without a 简历, nothing found is not knowing: the member stays unread
    return own.length === 0 && experience.length === 0 ? m : { ...m, experience };
  });
}

/** A stored team on a date, only if the actor may see it. */
async function visibleLoadedTeam(ctx: Ctx, teamId: number, asOf: string, settings: Settings) {
  const [loaded] = await loadTeams(ctx.db, { teamIds: [teamId] }, asOf, settings.specialtyKeywords);
  if (!loaded || !canSeeAuthority(ctx.actor, loaded.authorityId)) throw notFound('该班子');
  return loaded;
}

/** GET /api/teams/:id/structure: the team's structure summary and findings on asOf (default today). */
export async function storedTeamStructure(ctx: Ctx, teamId: number, asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  const date = asOf ?? todayOf(ctx.now);
  const settings = await teamRuleSettings(ctx.db, date);
  const loaded = await visibleLoadedTeam(ctx, teamId, date, settings);
  const members = await withExperience(ctx.db, date, loaded.team, loaded.members, memberIdsOf(loaded.members));
  return {
    asOf: date,
    teamId,
    teamName: loaded.teamName,
    unitId: loaded.unitId,
    unitName: loaded.unitName,
    structure: structureOf(date, loaded, members, settings),
    findings: analyzeTeam({ asOf: date, team: loaded.team, members: loaded.members, settings }),
  };
}

// ---- plans ----

export interface PlanInput {
  teamId: number;
  name: string;
  asOf: string;
  note?: string;
  moves: Move[];
}

async function teamPosts(db: Db, teamId: number): Promise<(PlanPost & { quota: number })[]> {
  return units.postsOfTeams(db, [teamId]);
}

/** Check the moves against the team on asOf; bad input names the move and field. */
async function checkMoves(ctx: Ctx, teamId: number, asOf: string, moves: readonly Move[]) {
  const settings = await teamRuleSettings(ctx.db, asOf);
  const loaded = await visibleLoadedTeam(ctx, teamId, asOf, settings);
  const posts = await teamPosts(ctx.db, teamId);
  const incoming = moves.filter((m) => m.kind === 'in').map((m) => m.cadreId);
  const candidates = await cadreMemberFacts(ctx, incoming, asOf);
  const memberIds = new Set(loaded.members.flatMap((m) => (m.cadreId === undefined ? [] : [m.cadreId])));
  raise(moveProblems(moves, memberIds, posts, new Set(candidates.keys())));
  return { settings, loaded, posts, candidates };
}

const moveRows = (moves: readonly Move[]): repo.MoveRow[] =>
  moves.map((m) => ({ kind: m.kind, cadreId: m.cadreId, postId: m.kind === 'in' ? (m.postId ?? null) : null }));

async function visiblePlan(ctx: Ctx, id: number) {
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan || !canSeeAuthority(ctx.actor, plan.authorityId)) throw notFound('该调配方案');
  return plan;
}

export async function createPlan(ctx: Ctx, input: PlanInput): Promise<number> {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  await checkMoves(ctx, input.teamId, input.asOf, input.moves);
  const at = ctx.now.toISOString();
  const row = {
    teamId: input.teamId,
    name: input.name,
    asOf: input.asOf,
    note: input.note ?? '',
    authorId: ctx.actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  const moves = moveRows(input.moves);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertPlan(trx, row);
    await repo.replaceMoves(trx, id, moves);
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'adjustment_plan.create',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'adjustment_plan', id },
        detail: { ...row, moves },
      }),
    );
    return id;
  });
}

export async function updatePlan(ctx: Ctx, id: number, input: Omit<PlanInput, 'teamId'> & { version: number }) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  const plan = await visiblePlan(ctx, id);
  await checkMoves(ctx, plan.teamId, input.asOf, input.moves);
  const before = moveRows((await repo.movesOf(ctx.db, [id])).map((m) => ({ ...m, postId: m.postId })));
  const moves = moveRows(input.moves);
  const patch = { name: input.name, asOf: input.asOf, note: input.note ?? plan.note };
  const changes = diffFields({ name: plan.name, asOf: plan.asOf, note: plan.note, moves: before }, { ...patch, moves });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePlan(trx, id, input.version, { ...patch, updatedAt: ctx.now.toISOString() }))) throw new AppError('STALE_VERSION');
    await repo.replaceMoves(trx, id, moves);
    await insertAudit(
      trx,
      buildAuditRow({ event: 'adjustment_plan.update', actor: ctx.actor, at: ctx.now, target: { type: 'adjustment_plan', id }, changes }),
    );
  });
}

export async function deletePlan(ctx: Ctx, id: number, version: number) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  const plan = await visiblePlan(ctx, id);
  const moves = await repo.movesOf(ctx.db, [id]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deletePlan(trx, id, version))) throw new AppError('STALE_VERSION');
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'adjustment_plan.delete',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'adjustment_plan', id },
        detail: { teamId: plan.teamId, name: plan.name, asOf: plan.asOf, moves: moveRows(moves) },
      }),
    );
  });
}

const planOut = (p: NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>) => ({
  id: p.id,
  teamId: p.teamId,
  teamName: p.teamName,
  unitId: p.unitId,
  unitName: p.unitName,
  name: p.name,
  asOf: p.asOf,
  note: p.note,
  authorId: p.authorId,
  authorName: p.authorName,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  version: p.version,
});

export async function listPlans(ctx: Ctx, teamId?: number) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  const rows = await repo.listPlans(ctx.db, ctx.actor.visibleAuthorityIds, teamId);
  const moves = await repo.movesOf(ctx.db, rows.map((r) => r.id)); // prettier-ignore
  return {
    items: rows.map((r) => {
      const mine = moves.filter((m) => m.planId === r.id);
      return { ...planOut(r), movesIn: mine.filter((m) => m.kind === 'in').length, movesOut: mine.filter((m) => m.kind === 'out').length };
    }),
  };
}

/** A plan with its moves described (names, posts); a cadre the actor can no longer see shows no name. */
export async function getPlan(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  const plan = await visiblePlan(ctx, id);
  const [moves, posts] = await Promise.all([repo.movesOf(ctx.db, [id]), teamPosts(ctx.db, plan.teamId)]);
  const names = await repo.cadreNames(ctx.db, [...new Set(moves.map((m) => m.cadreId))]);
  return {
    ...planOut(plan),
    moves: moves.map((m) => {
      const c = names.find((n) => n.id === m.cadreId);
      const visible = c && canSeeAuthority(ctx.actor, c.authorityId);
      const post = posts.find((p) => p.id === m.postId);
      return {
        kind: m.kind,
        cadreId: m.cadreId,
        postId: m.postId,
        cadreName: visible ? c.name : '（无权查看）',
        postTitle: post?.title ?? null,
      };
    }),
  };
}

/** Current and planned structure and findings of a team under some moves, and what the plan changes. */
async function evaluate(ctx: Ctx, teamId: number, asOf: string, moves: readonly Move[]) {
  const settings = await teamRuleSettings(ctx.db, asOf);
  const loaded = await visibleLoadedTeam(ctx, teamId, asOf, settings);
  const posts = await teamPosts(ctx.db, teamId);
  const candidates = await cadreMemberFacts(ctx, moves.filter((m) => m.kind === 'in').map((m) => m.cadreId), asOf); // prettier-ignore
  const planned = applyMoves(loaded.members, moves, posts, candidates, asOf);
  const holders = memberIdsOf(loaded.members);
  const [currentRead, plannedRead] = await Promise.all([
    withExperience(ctx.db, asOf, loaded.team, loaded.members, holders),
    withExperience(ctx.db, asOf, loaded.team, planned, holders),
  ]);
  const side = (members: MemberFacts[], read: MemberFacts[]): { structure: TeamStructure; findings: Finding[] } => ({
    structure: structureOf(asOf, loaded, read, settings),
    findings: analyzeTeam({ asOf, team: loaded.team, members, settings }),
  });
  const current = side(loaded.members, currentRead);
  const plan = side(planned, plannedRead);
  // A move skipped by applyMoves (the member has since left, the post was removed, the cadre is out of scope).
  const memberIds = new Set(loaded.members.map((m) => m.cadreId));
  const plannedIds = new Set(planned.map((m) => m.cadreId));
  const warnings = moves.flatMap((m, i) =>
    m.kind === 'out' && !memberIds.has(m.cadreId)
      ? [`第${i + 1}项调整：该干部在 ${asOf} 已不是班子成员`]
      : m.kind === 'in' && !plannedIds.has(m.cadreId)
        ? [`第${i + 1}项调整：干部或职位已不可用，未计入`]
        : [],
  );
  return {
    asOf,
    teamId,
    teamName: loaded.teamName,
    unitId: loaded.unitId,
    unitName: loaded.unitName,
    posts: posts.map((p) => ({
      id: p.id,
      title: p.title,
      levelCode: p.levelCode,
      levelName: codeName('level', p.levelCode),
      isChief: p.isChief === 1,
      quota: p.quota,
    })),
    current,
    planned: plan,
    ...compareFindings(current.findings, plan.findings),
    warnings,
  };
}

/** GET /api/adjustment-plans/:id/evaluation?asOf=: the stored plan (on its own date unless asked). */
export async function evaluatePlan(ctx: Ctx, id: number, asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  const plan = await visiblePlan(ctx, id);
  const moves = (await repo.movesOf(ctx.db, [id])).map((m) => ({ kind: m.kind, cadreId: m.cadreId, postId: m.postId }));
  return { planId: id, planName: plan.name, ...(await evaluate(ctx, plan.teamId, asOf ?? plan.asOf, moves)) };
}

/** POST /api/adjustment-plans/evaluate: moves not yet saved, checked like a plan's, nothing written. */
export async function evaluateDraft(ctx: Ctx, input: { teamId: number; asOf: string; moves: Move[] }) {
  requireAccess(ctx.actor, 'unit:read');
  requireAccess(ctx.actor, 'cadre:read');
  await checkMoves(ctx, input.teamId, input.asOf, input.moves);
  return evaluate(ctx, input.teamId, input.asOf, input.moves);
}
