// The home page's overview: cadre structure and team staffing over the actor's visible scope. Each
// cadre figure carries the cadre-search parameters (GET /api/cadres) that list the people behind it.
import { requireAccess, type Ctx } from '../../server/access.js';
import { todayOf } from '../../domain/dates.js';
import { codeName } from '../codes/codes.catalog.js';
import * as repo from './stats.repository.js';
import { AGE_BANDS, EDUCATION_TIERS, averageAge, birthRanges, monthDay, share } from './stats.rules.js';

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

export async function overview(ctx: Ctx) {
  requireAccess(ctx.actor, 'stats:read');
  const today = todayOf(ctx.now);
  const scope = ctx.actor.visibleAuthorityIds;
  const ranges = birthRanges(AGE_BANDS, today);
  const [c, byAuthority, byLevel, staffing] = await Promise.all([
    repo.cadreFigures(ctx.db, scope, ranges, monthDay(today)),
    repo.cadresByAuthority(ctx.db, scope),
    repo.cadresByLevel(ctx.db, scope),
    repo.staffingFigures(ctx.db, scope, today),
  ]);
  const active = { status: 'active' };
  const item = (key: string, label: string, count: number, filter?: Record<string, string>): StatItem => ({
    key,
    label,
    count,
    share: share(count, c.total),
    ...(filter && { filter: { ...active, ...filter } }),
  });

  const education = EDUCATION_TIERS.map((t) => item(t.key, t.label, c.education[t.key], t.group ? { education: t.group } : undefined));
  if (c.education.unknown > 0) education.push(item('unknown', '未填学历', c.education.unknown));

  return {
    asOf: today,
    total: item('total', '在职干部', c.total, {}),
    averageAge: averageAge(c.total, c.sumBirthYears, c.birthdaysLater, today),
    byAuthority: byAuthority.map((a) => item(`authority${a.id}`, authorityLabel(a), a.count, { authorityId: String(a.id) })),
    byLevel: byLevel.map((l) =>
      l.levelCode === null
        ? item('none', '未定职务层次', l.count)
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
