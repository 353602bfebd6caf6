// The home page's overview: cadre structure and team staffing over the actor's visible scope. Each
// cadre figure carries the cadre-search parameters (GET /api/cadres) that list the people behind it.
import { canSeeAuthority, requireAccess, type Ctx } from '../../server/access.js';
import { notFound } from '../../server/errors.js';
import { findUnit } from '../units/units.repository.js';
import { todayOf } from '../../domain/dates.js';
import { codeName } from '../codes/codes.catalog.js';
import * as repo from './stats.repository.js';
import type { Db } from '../../db/database.js';
import { authorityCount } from '../cadres/cadres.repository.js';
import {
  AGE_BANDS,
  EDUCATION_TIERS,
  PYRAMID_BANDS,
  ageCounts,
  type AgeBand,
  averageAge,
  averageOfAges,
  bandCounts,
  birthRanges,
  monthDay,
  share,
} from './stats.rules.js';

export interface StatItem {
  key: string;
  label: string;
  count: number;
  /** share of the active cadres in scope, 0–1 (cadre figures only) */
  share?: number;
  /** query parameters for GET /api/cadres that list these cadres */
  filter?: Record<string, string>;
}

/** '中共东湖区委组织部' → '东湖区管干部'; the city's own → '市管干部'. */
function authorityLabel(a: { name: string; level: string }): string {
  if (a.level === 'city') return '市管干部';
  const m = /^中共(.+?)委组织部$/.exec(a.name);
  return m ? `${m[1]}管干部` : a.name;
}

/**
 * The active cadres' figures over a scope on a date from the counts the database keeps in step with
 * every write (migrations 0009 and 0015), plus the few cadres born in the date's month of the year
 * after its day: exact, never stale, without reading every cadre (issue 3). Same figures as
 * repo.cadreFigures and repo.cadresByLevel, which scan (stats-counts.test.ts compares them).
 */
export async function keptCadreFigures(db: Db, scope: repo.Scope, bands: readonly AgeBand[], on: string) {
  const [levels, births] = await Promise.all([repo.keptProfile(db, scope), repo.keptBirths(db, scope, on)]);
  const sum = (k: Exclude<keyof (typeof levels)[number], 'levelCode'>) => levels.reduce((s, l) => s + l[k], 0);
  const ages = ageCounts(births.months, births.later, on);
  const total = sum('total');
  const known = sum('graduate') + sum('bachelor') + sum('college') + sum('unknown');
  return {
    total,
    women: sum('women'),
    nonParty: sum('nonParty'),
    minority: sum('minority'),
    averageAge: averageOfAges(ages),
    bands: bandCounts(ages, bands),
    education: { graduate: sum('graduate'), bachelor: sum('bachelor'), college: sum('college'), secondary: total - known, unknown: sum('unknown') },
    byLevel: levels.map((l) => ({ levelCode: l.levelCode, count: l.total })),
  };
}

export async function overview(ctx: Ctx) {
  requireAccess(ctx.actor, 'stats:read');
  const today = todayOf(ctx.now);
  const authorityIds = ctx.actor.visibleAuthorityIds;
  const scope = { authorityIds, all: authorityIds.length === (await authorityCount(ctx.db)) };
  const ranges = birthRanges(AGE_BANDS, today);
  const [c, byAuthority, staffing] = await Promise.all([
    keptCadreFigures(ctx.db, scope, AGE_BANDS, today),
    repo.cadresByAuthority(ctx.db, authorityIds),
    repo.staffingFigures(ctx.db, scope, today),
  ]);
  const byLevel = c.byLevel;
  const active = { status: 'active' };
  const item = (key: string, label: string, count: number, filter?: Record<string, string>): StatItem => ({
    key,
    label,
    count,
    share: share(count, c.total),
    ...(filter && { filter: { ...active, ...filter } }),
  });

  const education = EDUCATION_TIERS.map((t) => item(t.key, t.label, c.education[t.key], { education: t.group ?? 'secondary' }));
  if (c.education.unknown > 0) education.push(item('unknown', '未填学历', c.education.unknown, { education: 'none' }));

  return {
    asOf: today,
    total: item('total', '在职干部', c.total, {}),
    averageAge: c.averageAge,
    byAuthority: byAuthority.map((a) => item(`authority${a.id}`, authorityLabel(a), a.count, { authorityId: String(a.id) })),
    byLevel: byLevel.map((l) =>
      l.levelCode === null
        ? item('none', '未定职务层次', l.count, { level: 'none' })
        : item(l.levelCode, codeName('level', l.levelCode) || l.levelCode, l.count, { level: l.levelCode }),
    ),
    structure: [
      item('women', '女干部', c.women, { gender: '2' }),
      item('nonParty', '党外干部', c.nonParty, { political: 'nonParty' }),
      item('minority', '少数民族干部', c.minority, { ethnic: 'minority' }),
    ],
    byAge: ranges.map((r) =>
      item(r.key, r.label, c.bands[r.key], {
        ...(r.min !== null && { ageMin: String(r.min) }),
        ...(r.max !== null && { ageMax: String(r.max) }),
        ageOn: today,
      }),
    ),
    byEducation: education,
    teams: [
      { key: 'units', label: '单位', count: staffing.units },
      { key: 'teams', label: '领导班子', count: staffing.teams },
      { key: 'quota', label: '核定职数', count: staffing.quota },
      { key: 'filled', label: '实配', count: staffing.filled },
      { key: 'vacant', label: '空缺', count: staffing.vacant },
      { key: 'overQuota', label: '超职数配备', count: staffing.overQuota },
      { key: 'chiefVacantTeams', label: '正职空缺的班子', count: staffing.chiefVacantTeams },
    ] satisfies StatItem[],
  };
}

/** A unit subtree the actor may see (its path), or the whole scope when no unit is given. */
async function subtree(ctx: Ctx, unitId: number | undefined) {
  if (unitId === undefined) return undefined;
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || !canSeeAuthority(ctx.actor, unit.authorityId)) throw notFound('该单位');
  return unit;
}

const levelName = (code: string | null) => (code === null ? '未定职务层次' : codeName('level', code) || code);

/**
 * The structure dashboard for a unit subtree (or the whole scope) on a date: age pyramid by gender,
 * gender, Party, education, 职务层次 and vacancies by level. Every count is a grouped SQL query; each
 * cadre figure carries the cadre-search parameters (unitId and ageOn included) that list its people.
 * The cadres counted are today's active cadres (their unit and status are current), aged on the date;
 * posts and holders are those on the date.
 */
const PEOPLE_NOTE =
  '非今天的统计日期：人员仍为今天在职的干部、按其现所在单位统计（干部的在职状态和所在单位未保存历史），年龄按统计日期计算；职位配备和空缺按统计日期的任职记录计算。';

export async function structure(ctx: Ctx, q: { unitId?: number; asOf?: string }) {
  requireAccess(ctx.actor, 'stats:read');
  const on = q.asOf ?? todayOf(ctx.now);
  const unit = await subtree(ctx, q.unitId);
  const scope = ctx.actor.visibleAuthorityIds;
  const path = unit?.path;
  const pyramidRanges = birthRanges(PYRAMID_BANDS, on);
  const [c, pyramid, byLevel, vacancies] = await Promise.all([
    repo.cadreFigures(ctx.db, scope, birthRanges(AGE_BANDS, on), monthDay(on), path),
    repo.agePyramid(ctx.db, scope, pyramidRanges, path),
    repo.cadresByLevel(ctx.db, scope, path),
    repo.vacanciesByLevel(ctx.db, scope, on, path),
  ]);
  const base: Record<string, string> = { status: 'active', ...(unit && { unitId: String(unit.id) }) };
  const item = (key: string, label: string, count: number, filter?: Record<string, string>): StatItem => ({
    key,
    label,
    count,
    share: share(count, c.total),
    ...(filter && { filter: { ...base, ...filter } }),
  });
  const ageFilter = (r: (typeof pyramidRanges)[number]) => ({
    ...(r.min !== null && { ageMin: String(r.min) }),
    ...(r.max !== null && { ageMax: String(r.max) }),
    ageOn: on,
  });
  const bandsOf = (gender: string) => pyramid.find((p) => p.gender === gender)?.bands ?? {};
  const men = bandsOf('1');
  const women = bandsOf('2');
  const education = EDUCATION_TIERS.map((t) => item(t.key, t.label, c.education[t.key], { education: t.group ?? 'secondary' }));
  if (c.education.unknown > 0) education.push(item('unknown', '未填学历', c.education.unknown, { education: 'none' }));
  return {
    asOf: on,
    // The cadres' status and unit are kept as they are today, not as history: on another date the
    // people are today's, in today's units; only ages and the posts' holders follow the date.
    peopleNote: on === todayOf(ctx.now) ? null : PEOPLE_NOTE,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    total: item('total', '在职干部', c.total, {}),
    averageAge: averageAge(c.total, c.sumBirthYears, c.birthdaysLater, on),
    agePyramid: pyramidRanges.map((r) => ({
      key: r.key,
      label: r.label,
      men: item(`${r.key}_men`, `${r.label} 男`, men[r.key] ?? 0, { ...ageFilter(r), gender: '1' }),
      women: item(`${r.key}_women`, `${r.label} 女`, women[r.key] ?? 0, { ...ageFilter(r), gender: '2' }),
    })),
    gender: [item('men', '男', c.total - c.women, { gender: '1' }), item('women', '女', c.women, { gender: '2' })],
    party: [
      item('party', '中共党员', c.total - c.nonParty, { political: 'party' }),
      item('nonParty', '党外干部', c.nonParty, { political: 'nonParty' }),
    ],
    education,
    byLevel: byLevel.map((l) => item(l.levelCode ?? 'none', levelName(l.levelCode), l.count, { level: l.levelCode ?? 'none' })),
    vacancies: vacancies.map((v) => ({
      key: v.levelCode,
      label: levelName(v.levelCode),
      levelCode: v.levelCode,
      quota: v.quota,
      filled: v.filled,
      vacant: v.vacant,
    })),
  };
}

/** The posts with a vacancy on a date in a unit subtree, optionally of one 职务层次: the names behind a vacancy figure. */
export async function vacantPosts(ctx: Ctx, q: { unitId?: number; asOf?: string; level?: string; limit: number }) {
  requireAccess(ctx.actor, 'stats:read');
  const on = q.asOf ?? todayOf(ctx.now);
  const unit = await subtree(ctx, q.unitId);
  const { items, total } = await repo.vacantPosts(ctx.db, ctx.actor.visibleAuthorityIds, on, {
    unitPath: unit?.path,
    levelCode: q.level,
    limit: q.limit,
  });
  return {
    asOf: on,
    total,
    items: items.map((p) => ({ ...p, isChief: p.isChief === 1, levelName: levelName(p.levelCode), vacant: p.quota - p.filled })),
  };
}
