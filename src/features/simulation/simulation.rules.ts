// Simulated adjustment (模拟调配): checking a plan's moves against the team and applying them to a
// scratch copy of its members; comparing the findings before and after. Pure.
import type { Finding, MemberFacts } from '../../domain/team-rules.js';
import type { Problem } from '../../domain/teams.js';

export interface Move {
  kind: 'in' | 'out';
  cadreId: number;
  /** the post of the team the cadre takes ('in' only) */
  postId?: number | null;
}

export interface PlanPost {
  id: number;
  title: string;
  levelCode: string;
  isChief: number;
}

/**
 * The problems of a plan's moves, each naming its field (moves.N.cadreId / moves.N.postId):
 * a cadre moved in twice, or moved in while a member who is not moved out, a post not of the team,
 * a cadre the actor cannot see; moving out someone who is not a member, or twice.
 */
export function moveProblems(
  moves: readonly Move[],
  memberIds: ReadonlySet<number>,
  posts: readonly PlanPost[],
  knownCadres: ReadonlySet<number>,
): Problem[] {
  const out: Problem[] = [];
  const bad = (i: number, field: 'cadreId' | 'postId', message: string) => out.push({ kind: 'validation', field: `moves.${i}.${field}`, message });
  const movedOut = new Set(moves.filter((m) => m.kind === 'out').map((m) => m.cadreId));
  const seenIn = new Set<number>();
  const seenOut = new Set<number>();
  moves.forEach((m, i) => {
    if (m.kind === 'out') {
      if (seenOut.has(m.cadreId)) bad(i, 'cadreId', '同一干部不能重复调出');
      else if (!memberIds.has(m.cadreId)) bad(i, 'cadreId', '不是该班子在任成员，不能调出');
      seenOut.add(m.cadreId);
      return;
    }
    if (!knownCadres.has(m.cadreId)) bad(i, 'cadreId', '未找到该干部，或不在本部门的干部管理权限内');
    else if (seenIn.has(m.cadreId)) bad(i, 'cadreId', '同一干部不能重复调入');
    else if (memberIds.has(m.cadreId) && !movedOut.has(m.cadreId)) bad(i, 'cadreId', '已是该班子成员；如需改任其他职位，请同时将其调出');
    seenIn.add(m.cadreId);
    if (m.postId === undefined || m.postId === null) bad(i, 'postId', '调入须选择职位');
    else if (!posts.some((p) => p.id === m.postId)) bad(i, 'postId', '该职位不属于此班子');
  });
  return out;
}

/**
 * The members after the moves: those moved out leave, those moved in join with the post's level and
 * chief flag, starting in the post on asOf (and at the level then, when the post's level is not theirs).
 * Moves that no longer fit (a member who has since left, a post since removed) are skipped.
 */
export function applyMoves(
  current: readonly MemberFacts[],
  moves: readonly Move[],
  posts: readonly PlanPost[],
  candidates: ReadonlyMap<number, MemberFacts>,
  asOf: string,
): MemberFacts[] {
  const out = new Set(moves.filter((m) => m.kind === 'out').map((m) => m.cadreId));
  const members = current.filter((m) => m.cadreId === undefined || !out.has(m.cadreId));
  const present = new Set(members.map((m) => m.cadreId));
  for (const m of moves) {
    if (m.kind !== 'in' || present.has(m.cadreId)) continue;
    const post = posts.find((p) => p.id === m.postId);
    const facts = candidates.get(m.cadreId) ?? current.find((c) => c.cadreId === m.cadreId);
    if (!post || !facts) continue;
    members.push({
      ...facts,
      levelCode: post.levelCode,
      isChief: post.isChief === 1,
      postStartDate: asOf,
      levelSince: facts.levelCode === post.levelCode ? facts.levelSince : asOf,
    });
    present.add(m.cadreId);
  }
  return members;
}

// Rules whose findings are about one member (or a pair): the same finding is the same members.
const PER_MEMBER = new Set(['term-limit', 'level-tenure-limit', 'avoidance-native-place', 'avoidance-kin']);

/**
 * What makes two findings "the same" before and after a plan: for a member's finding the rule and the
 * members; for an over-quota finding the level it is about; for a specialty gap the missing specialties;
 * for the other team-wide rules the rule alone (their details carry counts that a plan changes).
 */
export function findingKey(f: Finding): string {
  if (PER_MEMBER.has(f.rule)) return `${f.rule}|${(f.members ?? []).map(String).sort().join(',')}`;
  if (f.rule === 'over-quota') return `${f.rule}|${/职务层次 (\S+)/.exec(f.detail)?.[1] ?? 'total'}`;
  if (f.rule === 'specialty-gap') return `${f.rule}|${f.detail}`;
  return f.rule;
}

/** The findings a plan resolves (in current, not planned) and adds (in planned, not current). */
export function compareFindings(current: readonly Finding[], planned: readonly Finding[]): { resolved: Finding[]; added: Finding[] } {
  const before = new Set(current.map(findingKey));
  const after = new Set(planned.map(findingKey));
  return { resolved: current.filter((f) => !after.has(findingKey(f))), added: planned.filter((f) => !before.has(findingKey(f))) };
}
