// Team structure analysis (班子结构研判): the rules of domain/team-rules.ts over facts given by the
// caller (what-if, other systems) or loaded for stored teams, with thresholds as in force on the date.
// Data scope as for units: a team whose unit's authority the actor cannot see answers 404.
import type { Db } from '../../db/database.js';
import { canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { todayOf } from '../../domain/dates.js';
import {
  analyzeTeam,
  specialtiesOf,
  TEAM_RULE_IDS,
  type TeamRuleId,
  type Finding,
  type MemberFacts,
  type PersonFacts,
  type RelativeFacts,
  type TeamFacts,
  type TeamRuleSettings,
} from '../../domain/team-rules.js';
import { chunks, groupBy } from '../../domain/group.js';
import { getSetting } from '../settings/settings.service.js';
import { findUnit } from '../units/units.repository.js';
import * as repo from './analysis.repository.js';

/** The rule thresholds in force on a date, and the keywords that show a member's specialty. */
export async function teamRuleSettings(db: Db, asOf: string): Promise<TeamRuleSettings & { specialtyKeywords: Record<string, string[]> }> {
  const on = new Date(`${asOf}T00:00:00Z`);
  const [
    sevenDepartments,
    youngCadreAgeByLevel,
    termYears,
    maxConsecutiveTerms,
    levelTenureMaxYears,
    applicability,
    specialtyNeeds,
    specialtyKeywords,
  ] = await Promise.all([
    getSetting(db, 'teamRules.sevenDepartments', on),
    getSetting(db, 'teamRules.youngCadreAgeByLevel', on),
    getSetting(db, 'teamRules.termYears', on),
    getSetting(db, 'teamRules.maxConsecutiveTerms', on),
    getSetting(db, 'teamRules.levelTenureMaxYears', on),
    getSetting(db, 'teamRules.applicability', on),
    getSetting(db, 'teamRules.specialtyNeeds', on),
    getSetting(db, 'teamRules.specialtyKeywords', on),
  ]);
  return {
    sevenDepartments,
    youngCadreAgeByLevel,
    termYears,
    maxConsecutiveTerms,
    levelTenureMaxYears,
    applicability,
    specialtyNeeds,
    specialtyKeywords,
  };
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

const tenureKey = (postId: number, cadreId: number) => `${postId}:${cadreId}`;

/**
 * Where a tenure began if re-appointments to the same post without a gap (one ending the day the
 * next starts) count as one: follow the chain back. `earlier` holds the ended tenures by post and cadre.
 */
export function unbrokenStart(current: Omit<Tenure, 'endDate'>, earlier: ReadonlyMap<string, readonly Tenure[]>): string {
  const chain = earlier.get(tenureKey(current.postId, current.cadreId)) ?? [];
  let start = current.startDate;
  for (;;) {
    const before = chain.find((t) => t.endDate === start && t.startDate < start);
    if (!before) return start;
    start = before.startDate;
  }
}

/** A stored team with its facts and members on a date, ready for the rules. */
export interface LoadedTeam {
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  authorityId: number;
  team: TeamFacts;
  members: MemberFacts[];
}

const CHUNK = 5000;

export interface LoadTeamsOptions {
  /**
   * 'all' (the default): every member's 家庭成员 as on the form — for one team's analysis, scratch plans
   * and the snapshot of a 研判 record. 'kin': only the relatives who can denote another member or a
   * supervisor (kinOfMembers), which is all the rule avoidance-kin reads: the findings are the same,
   * and a whole province needs not read 616,000 family rows. For reports over many teams.
   */
  relatives?: 'all' | 'kin';
}

/** Every team of the scope with its facts on `asOf`, loaded with a fixed number of queries. */
export async function loadTeams(
  db: Db,
  scope: repo.TeamScope,
  asOf: string,
  specialtyKeywords: Record<string, readonly string[]>,
  options: LoadTeamsOptions = {},
): Promise<LoadedTeam[]> {
  return assembleIndexed(await readTeams(db, scope, asOf, options), specialtyKeywords);
}

/** What loadTeams reads: one value per query. */
export interface TeamReads {
  teams: Awaited<ReturnType<typeof repo.teamsWithUnits>>;
  areas: Awaited<ReturnType<typeof repo.countyAreas>>;
  posts: Awaited<ReturnType<typeof repo.postsOfTeams>>;
  rows: Awaited<ReturnType<typeof repo.membersOfTeams>>;
  tenures: Awaited<ReturnType<typeof repo.tenuresOfTeams>>;
  family: Awaited<ReturnType<typeof repo.familyOfMembers>>;
  tags: Awaited<ReturnType<typeof repo.tagsOfMembers>>;
  above: Awaited<ReturnType<typeof repo.membersOfUnits>>;
}
type MemberRow = TeamReads['rows'][number];
type PostRow = TeamReads['posts'][number];

// Each read indexed on its own, so that readTeams can index it as soon as it arrives, while the longest
// read (the members) is still on its way.
const indexAreas = (areas: TeamReads['areas']) => new Map(areas.map((a) => [a.id, a.name]));
/** the posts by team, chiefs first and then in the posts' order, and by id */
function indexPosts(posts: TeamReads['posts']) {
  const byTeam = groupBy(posts, (p) => p.teamId);
  for (const list of byTeam.values()) list.sort((a, b) => b.isChief - a.isChief || a.sortOrder - b.sortOrder);
  return { byTeam, byId: new Map(posts.map((p) => [p.id, p])) };
}
const indexTenures = (tenures: TeamReads['tenures']) => groupBy(tenures, (t) => tenureKey(t.postId, t.cadreId));
const indexFamily = (family: TeamReads['family']) => groupBy(family, (f) => f.cadreId);
function indexTags(tags: TeamReads['tags']) {
  const tagsOf = new Map<number, string[]>();
  for (const { cadreId, tag } of tags) {
    const list = tagsOf.get(cadreId);
    if (list) list.push(tag);
    else tagsOf.set(cadreId, [tag]);
  }
  return tagsOf;
}
const indexAbove = (above: TeamReads['above']) => groupBy(above, (a) => a.unitId);

/** The reads of loadTeams, each indexed as it arrives. */
export async function readTeams(db: Db, scope: repo.TeamScope, asOf: string, options: LoadTeamsOptions = {}): Promise<TeamIndexes> {
  const teamsRead = repo.teamsWithUnits(db, scope);
  const [teams, areaName, posts, rows, earlier, relatives, tagsOf, aboveByUnit] = await Promise.all([
    teamsRead,
    repo.countyAreas(db).then(indexAreas),
    repo.postsOfTeams(db, scope).then(indexPosts),
    repo.membersOfTeams(db, scope, asOf),
    repo.tenuresOfTeams(db, scope, asOf).then(indexTenures),
    (options.relatives === 'kin' ? repo.kinOfMembers(db, scope, asOf) : repo.familyOfMembers(db, scope, asOf)).then(indexFamily),
    repo.tagsOfMembers(db, scope, asOf).then(indexTags),
    teamsRead.then((t) => membersAbove(db, t, asOf)).then(indexAbove),
  ]);
  return { teams, areaName, posts, rows, earlier, relatives, tagsOf, aboveByUnit };
}

/** Who holds a post of a team of the units directly above the teams' units on `asOf`. */
async function membersAbove(db: Db, teams: TeamReads['teams'], asOf: string) {
  const parentIds = [...new Set(teams.map((t) => t.parentId).filter((p): p is number => p !== null))];
  const above: TeamReads['above'] = [];
  for (const part of chunks(parentIds, CHUNK)) above.push(...(await repo.membersOfUnits(db, part, asOf)));
  return above;
}

type TeamIndexes = ReturnType<typeof indexReads>;
function indexReads(r: TeamReads) {
  return {
    teams: r.teams,
    areaName: indexAreas(r.areas),
    posts: indexPosts(r.posts),
    rows: r.rows,
    earlier: indexTenures(r.tenures),
    relatives: indexFamily(r.family),
    tagsOf: indexTags(r.tags),
    aboveByUnit: indexAbove(r.above),
  };
}

/**
 * The members' rows of each team in the order the rules and the forms show them: chiefs first, then by
 * the posts' order, then by start and appointment. Rows are bucketed by post and taken in the order of
 * the team's posts (a comparison sort of 148,550 rows, or of each team's, spent 0.2–0.35 s in map
 * lookups); rows of posts that tie are merged and sorted by start. A row whose post the posts read did
 * not see is left out: on PostgreSQL the reads are separate snapshots, so a post created between them is
 * as if read a moment earlier.
 */
function membersInOrder(postsOfTeam: ReadonlyMap<number, readonly PostRow[]>, rows: readonly MemberRow[]): Map<number, MemberRow[]> {
  const rowsOfPost = groupBy(rows, (r) => r.postId);
  const byTeam = new Map<number, MemberRow[]>();
  const byStart = (a: MemberRow, b: MemberRow) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0) || a.id - b.id;
  for (const [teamId, teamPosts] of postsOfTeam) {
    const out: MemberRow[] = [];
    for (let i = 0; i < teamPosts.length;) {
      // the posts from i to j tie on (chief, order): their rows are sorted together
      let j = i + 1;
      while (j < teamPosts.length && teamPosts[j]!.isChief === teamPosts[i]!.isChief && teamPosts[j]!.sortOrder === teamPosts[i]!.sortOrder) j++;
      const from = out.length;
      for (let k = i; k < j; k++) for (const r of rowsOfPost.get(teamPosts[k]!.id) ?? []) out.push(r);
      if (out.length - from > 1) out.splice(from, out.length - from, ...out.slice(from).sort(byStart));
      i = j;
    }
    if (out.length > 0) byTeam.set(teamId, out);
  }
  return byTeam;
}

const NONE: string[] = [];

/**
 * The teams' facts from what readTeams read (pure). The members' facts are read-only: the lists of
 * specialties and tags of members who share them are the same arrays (148,550 copies were a tenth of
 * the assembly's time and garbage).
 */
export function assembleTeams(reads: TeamReads, specialtyKeywords: Record<string, readonly string[]>): LoadedTeam[] {
  return assembleIndexed(indexReads(reads), specialtyKeywords);
}

function assembleIndexed(reads: TeamIndexes, specialtyKeywords: Record<string, readonly string[]>): LoadedTeam[] {
  const { teams, areaName, posts, rows, earlier, relatives, tagsOf, aboveByUnit } = reads;
  const postsByTeam = posts.byTeam;
  const postOf = posts.byId;
  const rowsByTeam = membersInOrder(postsByTeam, rows);
  // The county a unit sits in: the nearest 地区 of tier county on its path ('/1/5/9/'), read from the end.
  const placeOf = (path: string) => {
    for (let end = path.length - 1; end > 0;) {
      const start = path.lastIndexOf('/', end - 1);
      const name = areaName.get(Number(path.slice(start + 1, end)));
      if (name) return name;
      end = start;
    }
    return undefined;
  };
  // Specialty texts repeat: one keyword scan per distinct text.
  const specialtiesByText = new Map<string, string[]>();
  const specialties = (text: string) => {
    let found = specialtiesByText.get(text);
    if (!found) specialtiesByText.set(text, (found = specialtiesOf(text, specialtyKeywords)));
    return found;
  };

  return teams.map((t) => {
    const teamPosts = postsByTeam.get(t.id) ?? [];
    const byLevel: Record<string, number> = {};
    let total = 0;
    let chief = 0;
    for (const p of teamPosts) {
      byLevel[p.levelCode] = (byLevel[p.levelCode] ?? 0) + p.quota;
      total += p.quota;
      if (p.isChief === 1) chief += p.quota;
    }
    const place = t.tier === 'county' || t.tier === 'township' ? placeOf(t.path) : undefined;
    // The holders above, once each (a cadre may hold several posts there); most units have none.
    const supervisors: PersonFacts[] = [];
    const above = t.parentId !== null ? aboveByUnit.get(t.parentId) : undefined;
    if (above) {
      const seen = new Set<number>();
      for (const a of above) {
        if (seen.has(a.cadreId)) continue;
        seen.add(a.cadreId);
        supervisors.push({ cadreId: a.cadreId, name: a.name, birthDate: a.birthDate });
      }
    }
    const team: TeamFacts = {
      kind: t.kind,
      unitKind: t.unitKind,
      unitName: t.unitName,
      tier: t.tier,
      ...(place && { place }),
      quota: { total, chief, byLevel },
      ...(supervisors.length > 0 && { supervisors }),
    };

    // One member per cadre: a cadre holding two posts of the team counts once, as chief if either is
    // (a team has a handful of members: a scan finds the earlier one).
    const members: MemberFacts[] = [];
    for (const r of rowsByTeam.get(t.id) ?? []) {
      const post = postOf.get(r.postId)!;
      let known: MemberFacts | undefined;
      for (const m of members) if (m.cadreId === r.cadreId) known = m;
      if (known) {
        known.isChief ||= post.isChief === 1;
        continue;
      }
      const family = relatives.get(r.cadreId);
      const member: MemberFacts = {
        cadreId: r.cadreId,
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate,
        politicalStatus: r.politicalStatus,
        ethnicCode: r.ethnicCode,
        levelCode: post.levelCode,
        isChief: post.isChief === 1,
        levelSince: r.levelSince,
        nativePlace: r.nativePlace || null,
        specialties: r.specialty ? specialties(r.specialty) : NONE,
        education: r.highestEducation,
        tags: tagsOf.get(r.cadreId) ?? NONE,
        postStartDate: earlier.size > 0 ? unbrokenStart(r, earlier) : r.startDate,
      };
      // Assigned, not spread into the literal: 148,550 literals with a spread cost twice as much.
      if (family) member.relatives = family.map((f) => ({ relation: f.relation, name: f.name, birthMonth: f.birthMonth }));
      members.push(member);
    }
    return {
      teamId: t.id,
      teamName: t.name,
      unitId: t.unitId,
      unitName: t.unitName,
      unitPath: t.path,
      authorityId: t.authorityId,
      team,
      members,
    };
  });
}

type CadreRow = Awaited<ReturnType<typeof repo.cadresForFacts>>['cadres'][number];
type FamilyRow = Awaited<ReturnType<typeof repo.cadresForFacts>>['family'][number];

/** A cadre's facts as the rules read them, before any post is given (levelCode: the cadre's own). */
function cadreFacts(
  c: Omit<CadreRow, 'authorityId'>,
  family: readonly FamilyRow[] | undefined,
  tags: readonly { tag: string }[] | undefined,
  specialtyKeywords: Record<string, readonly string[]>,
): MemberFacts {
  const relatives: RelativeFacts[] = (family ?? []).map((f) => ({ relation: f.relation, name: f.name, birthMonth: f.birthMonth }));
  return {
    cadreId: c.id,
    name: c.name,
    gender: c.gender,
    birthDate: c.birthDate,
    politicalStatus: c.politicalStatus,
    ethnicCode: c.ethnicCode,
    levelCode: c.levelCode,
    isChief: false,
    levelSince: c.levelSince,
    nativePlace: c.nativePlace || null,
    specialties: specialtiesOf(c.specialty, specialtyKeywords),
    education: c.highestEducation,
    tags: (tags ?? []).map((t) => t.tag),
    ...(relatives.length > 0 && { relatives }),
  };
}

/**
 * The facts of cadres who are not (yet) members, e.g. candidates moved into a team on a scratch plan;
 * only those the actor may see. The caller sets isChief, levelCode and postStartDate for the post.
 */
export async function cadreMemberFacts(ctx: Ctx, cadreIds: readonly number[], asOf: string): Promise<Map<number, MemberFacts>> {
  const { specialtyKeywords } = await teamRuleSettings(ctx.db, asOf);
  const { cadres, family, tags } = await repo.cadresForFacts(ctx.db, cadreIds);
  const familyOf = groupBy(family, (f) => f.cadreId);
  const tagsOf = groupBy(tags, (t) => t.cadreId);
  const out = new Map<number, MemberFacts>();
  for (const c of cadres)
    if (canSeeAuthority(ctx.actor, c.authorityId)) out.set(c.id, cadreFacts(c, familyOf.get(c.id), tagsOf.get(c.id), specialtyKeywords));
  return out;
}

/** Stored teams' facts on asOf with their findings, in the order asked; teams out of scope are left out. */
export async function analyzeStoredTeams(ctx: Ctx, ids: readonly number[], asOf?: string) {
  requireAccess(ctx.actor, 'unit:read');
  const date = asOf ?? todayOf(ctx.now);
  const settings = await teamRuleSettings(ctx.db, date);
  const loaded: LoadedTeam[] = [];
  for (const part of chunks(ids, CHUNK)) loaded.push(...(await loadTeams(ctx.db, { teamIds: part }, date, settings.specialtyKeywords)));
  const byId = new Map(loaded.filter((t) => canSeeAuthority(ctx.actor, t.authorityId)).map((t) => [t.teamId, t]));
  return ids
    .map((id) => byId.get(id))
    .filter((t): t is LoadedTeam => t !== undefined)
    .map((t) => ({
      asOf: date,
      teamId: t.teamId,
      teamName: t.teamName,
      unitName: t.unitName,
      team: t.team,
      members: t.members,
      findings: analyzeTeam({ asOf: date, team: t.team, members: t.members, settings }),
    }));
}

/** GET /api/teams/:id/analysis: the stored team's facts on asOf, and the findings. */
export async function analyzeStoredTeam(ctx: Ctx, id: number, asOf?: string) {
  const [one] = await analyzeStoredTeams(ctx, [id], asOf);
  if (!one) throw notFound('该班子');
  return one;
}

/** The unit a report is limited to, when given: 404 when missing or outside the actor's scope. */
export async function unitInScope(ctx: Ctx, unitId: number | undefined) {
  if (unitId === undefined) return undefined;
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || !canSeeAuthority(ctx.actor, unit.authorityId)) throw notFound('该单位');
  return unit;
}

/** GET /api/teams/findings: every finding over the teams of a unit subtree (default: all in scope) on a date. */
export async function findingsInScope(ctx: Ctx, q: { asOf?: string; unitId?: number; rule?: TeamRuleId }) {
  requireAccess(ctx.actor, 'unit:read');
  const date = q.asOf ?? todayOf(ctx.now);
  const unit = await unitInScope(ctx, q.unitId);
  const settings = await teamRuleSettings(ctx.db, date);
  const teams = await loadTeams(ctx.db, { unitPath: unit?.path, authorityIds: ctx.actor.visibleAuthorityIds }, date, settings.specialtyKeywords, {
    relatives: 'kin',
  });
  const byRule = Object.fromEntries(TEAM_RULE_IDS.map((id) => [id, 0])) as Record<TeamRuleId, number>;
  const findings = teams.flatMap((t) => {
    const names = new Map(t.members.map((m) => [m.cadreId, m.name]));
    return analyzeTeam({ asOf: date, team: t.team, members: t.members, settings }).map((f) => {
      byRule[f.rule]++;
      return {
        teamId: t.teamId,
        teamName: t.teamName,
        unitId: t.unitId,
        unitName: t.unitName,
        ...f,
        memberNames: (f.members ?? []).map((m) => (typeof m === 'number' ? (names.get(m) ?? String(m)) : m)),
      };
    });
  });
  return {
    asOf: date,
    unitName: unit?.name ?? null,
    teams: teams.length,
    byRule,
    findings: q.rule ? findings.filter((f) => f.rule === q.rule) : findings,
  };
}
