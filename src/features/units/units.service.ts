// Units (a tree), their leadership teams and the teams' posts, with staffing as of any date.
// Data scope: a unit, and its teams and posts, exist for an actor only if the unit's authority is
// one the actor sees (干部管理权限); anything else answers 404.
import { requireAccess, canSeeAuthority, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import { labelForPath } from '../../server/field-labels.js';
import { todayOf } from '../../domain/dates.js';
import { quotaChangeProblem, staffing, teamTotals, type Problem } from '../../domain/teams.js';
import { UNIT_TIERS } from '../../domain/unit-kinds.js';
import type { Db } from '../../db/database.js';
import { buildAuditRow, diffFields } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { codeName, isCode } from '../codes/codes.catalog.js';
import * as repo from './units.repository.js';

/** Labels of this feature's fields whose names other features label differently. */
const LABELS: Record<string, string> = { name: '名称', kind: '类别', authorityId: '管理单位', startDate: '任职日期', endDate: '免职日期' };
const labelOf = (field: string) => LABELS[field] ?? labelForPath([field], '/api/units');

/** Throw the problems a rule found: a conflict as 409, bad input as 400, each naming its field. */
export function raise(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const issues = problems.map((p) => ({ field: p.field, label: labelOf(p.field), message: p.message }));
  const conflict = problems.find((p) => p.kind === 'conflict');
  if (conflict) throw new AppError('CONFLICT', conflict.message, issues);
  throw validationError(issues);
}

const invalid = (field: string, message: string) => validationError([{ field, label: labelOf(field), message }]);

/** A unit the actor may see, or 404. */
async function visibleUnit(ctx: Ctx, db: Db, id: number, what = '该单位') {
  const unit = await repo.findUnit(db, id);
  if (!unit || !canSeeAuthority(ctx.actor, unit.authorityId)) throw notFound(what);
  return unit;
}

async function visibleTeam(ctx: Ctx, db: Db, id: number) {
  const team = await repo.findTeam(db, id);
  if (!team || !canSeeAuthority(ctx.actor, team.authorityId)) throw notFound('该班子');
  return team;
}

export async function visiblePost(ctx: Ctx, db: Db, id: number) {
  const post = await repo.findPost(db, id);
  if (!post || !canSeeAuthority(ctx.actor, post.authorityId)) throw notFound('该职位');
  return post;
}

// ---- reading ----

export interface UnitNode {
  id: number;
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  parentId: number | null;
  children: UnitNode[];
}

/** The visible units as a tree; a unit whose parent the actor cannot see is a root. */
export async function unitTree(ctx: Ctx): Promise<UnitNode[]> {
  requireAccess(ctx.actor, 'unit:read');
  const rows = await repo.listUnits(ctx.db, ctx.actor.visibleAuthorityIds);
  const nodes = new Map<number, UnitNode>(
    rows.map((u) => [u.id, { id: u.id, name: u.name, kind: u.kind, tier: u.tier, authorityId: u.authorityId, parentId: u.parentId, children: [] }]),
  );
  const roots: UnitNode[] = [];
  // rows come ordered by sortOrder, name, so each children list is too
  for (const u of rows) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Teams with their posts, holders and totals, all as of `asOf`. */
async function staffTeams(db: Db, teams: Awaited<ReturnType<typeof repo.teamsOfUnit>>, asOf: string) {
  const posts = await repo.postsOfTeams(db, teams.map((t) => t.id)); // prettier-ignore
  const holders = await repo.holdersOn(db, posts.map((p) => p.id), asOf); // prettier-ignore
  return teams.map((team) => {
    const staffed = posts
      .filter((p) => p.teamId === team.id)
      .map((p) => {
        const held = holders.filter((h) => h.postId === p.id).map(({ postId: _postId, ...h }) => h);
        return {
          id: p.id,
          title: p.title,
          levelCode: p.levelCode,
          levelName: codeName('level', p.levelCode),
          isChief: p.isChief === 1,
          ...staffing(p.quota, held.length),
          sortOrder: p.sortOrder,
          version: p.version,
          holders: held,
        };
      });
    return {
      id: team.id,
      unitId: team.unitId,
      name: team.name,
      kind: team.kind,
      sortOrder: team.sortOrder,
      version: team.version,
      posts: staffed,
      totals: totalsOf(staffed),
    };
  });
}

function totalsOf(posts: Parameters<typeof teamTotals>[0]) {
  const t = teamTotals(posts);
  return { ...t, byLevel: t.byLevel.map((l) => ({ ...l, levelName: codeName('level', l.levelCode) })) };
}

const idsOfPath = (path: string) => path.split('/').filter(Boolean).map(Number);

export async function unitDetail(ctx: Ctx, id: number, asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  const date = asOf ?? todayOf(ctx.now);
  const unit = await visibleUnit(ctx, ctx.db, id);
  const ancestorIds = idsOfPath(unit.path).filter((a) => a !== id);
  const [ancestorRows, children, teamRows] = await Promise.all([
    repo.unitsByIds(ctx.db, ancestorIds),
    repo.childUnits(ctx.db, id, ctx.actor.visibleAuthorityIds),
    repo.teamsOfUnit(ctx.db, id),
  ]);
  // root first, and only those the actor may open
  const ancestors = ancestorIds.flatMap((a) => {
    const row = ancestorRows.find((r) => r.id === a);
    return row && canSeeAuthority(ctx.actor, row.authorityId) ? [{ id: row.id, name: row.name }] : [];
  });
  const teams = await staffTeams(ctx.db, teamRows, date);
  return {
    asOf: date,
    unit: {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      tier: unit.tier,
      tierName: UNIT_TIERS[unit.tier as keyof typeof UNIT_TIERS] ?? unit.tier,
      authorityId: unit.authorityId,
      authorityName: unit.authorityName,
      parentId: unit.parentId,
      sortOrder: unit.sortOrder,
      version: unit.version,
    },
    ancestors,
    children,
    teams,
    totals: totalsOf(teams.flatMap((t) => t.posts)),
  };
}

export async function teamDetail(ctx: Ctx, id: number, asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  const date = asOf ?? todayOf(ctx.now);
  const team = await visibleTeam(ctx, ctx.db, id);
  const [staffed] = await staffTeams(ctx.db, [team], date);
  return { asOf: date, unitName: team.unitName, ...staffed };
}

export async function postHistory(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'unit:read');
  const post = await visiblePost(ctx, ctx.db, id);
  const items = await repo.postHistory(ctx.db, id);
  return {
    post: {
      id: post.id,
      title: post.title,
      levelCode: post.levelCode,
      levelName: codeName('level', post.levelCode),
      isChief: post.isChief === 1,
      quota: post.quota,
      teamId: post.teamId,
      teamName: post.teamName,
      unitId: post.unitId,
      unitName: post.unitName,
    },
    items,
  };
}

// ---- units ----

export interface UnitInput {
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  parentId?: number | null;
  sortOrder?: number;
}

function checkAuthority(ctx: Ctx, authorityId: number) {
  if (!canSeeAuthority(ctx.actor, authorityId)) throw invalid('authorityId', '不在本部门的干部管理权限内');
}

export async function createUnit(ctx: Ctx, input: UnitInput): Promise<number> {
  requireAccess(ctx.actor, 'unit:write');
  checkAuthority(ctx, input.authorityId);
  const parentId = input.parentId ?? null;
  const parent = parentId === null ? null : await visibleUnit(ctx, ctx.db, parentId, '上级单位');
  if (await repo.unitNameTaken(ctx.db, parentId, input.name)) throw invalid('name', '同一上级单位下已有同名单位');
  const row = { name: input.name, kind: input.kind, tier: input.tier, authorityId: input.authorityId, parentId, sortOrder: input.sortOrder ?? 0 };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertUnit(trx, row, parent?.path ?? '/');
    await insertAudit(trx, buildAuditRow({ event: 'unit.create', actor: ctx.actor, at: ctx.now, target: { type: 'unit', id }, detail: row }));
    return id;
  });
}

export async function updateUnit(ctx: Ctx, id: number, input: Partial<UnitInput> & { version: number }) {
  requireAccess(ctx.actor, 'unit:write');
  const unit = await visibleUnit(ctx, ctx.db, id);
  if (input.authorityId !== undefined) checkAuthority(ctx, input.authorityId);
  const { version, ...patch } = input;
  let newPath = unit.path;
  if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
    const parent = patch.parentId === null ? null : await visibleUnit(ctx, ctx.db, patch.parentId, '上级单位');
    if (parent && parent.path.startsWith(unit.path)) throw invalid('parentId', '不能移到本单位或其下级单位之下');
    newPath = `${parent?.path ?? '/'}${id}/`;
  }
  const name = patch.name ?? unit.name;
  const parentId = patch.parentId !== undefined ? patch.parentId : unit.parentId;
  if ((name !== unit.name || parentId !== unit.parentId) && (await repo.unitNameTaken(ctx.db, parentId, name, id))) {
    throw invalid('name', '同一上级单位下已有同名单位');
  }
  const changes = diffFields(unit, patch);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateUnit(trx, id, version, patch))) throw new AppError('STALE_VERSION');
    if (newPath !== unit.path) await repo.rewritePaths(trx, unit.path, newPath);
    await insertAudit(trx, buildAuditRow({ event: 'unit.update', actor: ctx.actor, at: ctx.now, target: { type: 'unit', id }, changes }));
  });
}

// ---- teams ----

export interface TeamInput {
  unitId: number;
  name: string;
  kind: string;
  sortOrder?: number;
}

export async function createTeam(ctx: Ctx, input: TeamInput): Promise<number> {
  requireAccess(ctx.actor, 'unit:write');
  await visibleUnit(ctx, ctx.db, input.unitId);
  if (await repo.teamNameTaken(ctx.db, input.unitId, input.name)) throw invalid('name', '该单位已有同名班子');
  const row = { unitId: input.unitId, name: input.name, kind: input.kind, sortOrder: input.sortOrder ?? 0 };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertTeam(trx, row);
    await insertAudit(trx, buildAuditRow({ event: 'team.create', actor: ctx.actor, at: ctx.now, target: { type: 'team', id }, detail: row }));
    return id;
  });
}

export async function updateTeam(ctx: Ctx, id: number, input: Partial<Omit<TeamInput, 'unitId'>> & { version: number }) {
  requireAccess(ctx.actor, 'unit:write');
  const team = await visibleTeam(ctx, ctx.db, id);
  const { version, ...patch } = input;
  if (patch.name !== undefined && patch.name !== team.name && (await repo.teamNameTaken(ctx.db, team.unitId, patch.name, id))) {
    throw invalid('name', '该单位已有同名班子');
  }
  const changes = diffFields(team, patch);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTeam(trx, id, version, patch))) throw new AppError('STALE_VERSION');
    await insertAudit(trx, buildAuditRow({ event: 'team.update', actor: ctx.actor, at: ctx.now, target: { type: 'team', id }, changes }));
  });
}

// ---- posts ----

export interface PostInput {
  teamId: number;
  title: string;
  levelCode: string;
  isChief: boolean;
  quota: number;
  sortOrder?: number;
}

function checkLevel(levelCode: string | undefined) {
  if (levelCode !== undefined && !isCode('level', levelCode)) throw invalid('levelCode', '不是有效的职务层次代码（ZB09）');
}

export async function createPost(ctx: Ctx, input: PostInput): Promise<number> {
  requireAccess(ctx.actor, 'unit:write');
  await visibleTeam(ctx, ctx.db, input.teamId);
  checkLevel(input.levelCode);
  if (await repo.postTitleTaken(ctx.db, input.teamId, input.title)) throw invalid('title', '该班子已有同名职位');
  const row = {
    teamId: input.teamId,
    title: input.title,
    levelCode: input.levelCode,
    isChief: input.isChief ? 1 : 0,
    quota: input.quota,
    sortOrder: input.sortOrder ?? 0,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertPost(trx, row);
    await insertAudit(trx, buildAuditRow({ event: 'post.create', actor: ctx.actor, at: ctx.now, target: { type: 'post', id }, detail: row }));
    return id;
  });
}

export async function updatePost(ctx: Ctx, id: number, input: Partial<Omit<PostInput, 'teamId'>> & { version: number }) {
  requireAccess(ctx.actor, 'unit:write');
  const post = await visiblePost(ctx, ctx.db, id);
  checkLevel(input.levelCode);
  const { version, isChief, ...rest } = input;
  const patch = { ...rest, ...(isChief !== undefined && { isChief: isChief ? 1 : 0 }) };
  if (patch.title !== undefined && patch.title !== post.title && (await repo.postTitleTaken(ctx.db, post.teamId, patch.title, id))) {
    throw invalid('title', '该班子已有同名职位');
  }
  const changes = diffFields(post, patch);
  await ctx.db.transaction().execute(async (trx) => {
    // The update takes the post's lock first, so no appointment slips in between count and change.
    if (!(await repo.updatePost(trx, id, version, patch))) throw new AppError('STALE_VERSION');
    if (patch.quota !== undefined && patch.quota < post.quota) {
      const problem = quotaChangeProblem(patch.quota, await repo.countHoldersOn(trx, id, todayOf(ctx.now)));
      if (problem) raise([problem]);
    }
    await insertAudit(trx, buildAuditRow({ event: 'post.update', actor: ctx.actor, at: ctx.now, target: { type: 'post', id }, changes }));
  });
}
