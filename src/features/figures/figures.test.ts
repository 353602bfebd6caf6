import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/support/db.js';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { authorityId } from '../../../test/support/factory.js';
import { TEAM_RULE_IDS } from '../../domain/team-rules.js';

interface FigureOut {
  key: string;
  value: number;
  unit: string;
  numerator?: number;
  denominator?: number;
  people?: { cadreId: number; name: string; detail: string }[];
  teams?: { teamId: number; ok: boolean }[];
}

describe.each(dialects)('team findings and report figures over the demo city on %s', (dialect) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await testApp(dialect, { demoScale: 0.1 });
  });
  afterAll(async () => h?.close());

  it('finds every structure rule somewhere in the demo city, each on a team in scope', async () => {
    const ganbuke = await h.as('ganbuke');
    const res = await h.app.inject({ url: '/api/teams/findings?asOf=2026-06-01', headers: ganbuke });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { teams: number; byRule: Record<string, number>; findings: { rule: string; teamId: number; memberNames: string[] }[] };
    for (const id of TEAM_RULE_IDS) expect(body.byRule[id], id).toBeGreaterThan(0);
    expect(body.findings.length).toBe(Object.values(body.byRule).reduce((s, n) => s + n, 0));
    const kin = body.findings.find((f) => f.rule === 'avoidance-kin')!;
    expect(kin.memberNames).toHaveLength(2);

    const only = await h.app.inject({ url: '/api/teams/findings?asOf=2026-06-01&rule=term-limit', headers: ganbuke });
    expect((only.json() as { findings: { rule: string }[] }).findings.every((f) => f.rule === 'term-limit')).toBe(true);
  });

  it('limits findings to the county department’s own teams and refuses units outside it', async () => {
    const donghu = await h.as('donghu');
    const donghuAuth = await authorityId(h.t.db, '中共东湖区委组织部');
    const res = await h.app.inject({ url: '/api/teams/findings?asOf=2026-06-01', headers: donghu });
    const own = await h.t.db
      .selectFrom('teams')
      .innerJoin('units', 'units.id', 'teams.unitId')
      .select('teams.id')
      .where('units.authorityId', '=', donghuAuth)
      .execute();
    const body = res.json() as { teams: number; findings: { teamId: number }[] };
    expect(body.teams).toBe(own.length);
    const ids = new Set(own.map((t) => t.id));
    expect(body.findings.every((f) => ids.has(f.teamId))).toBe(true);
    const cityUnit = await h.t.db.selectFrom('units').select('id').where('authorityId', '!=', donghuAuth).executeTakeFirstOrThrow();
    expect((await h.app.inject({ url: `/api/teams/findings?unitId=${cityUnit.id}`, headers: donghu })).statusCode).toBe(404);
    expect((await h.app.inject({ url: `/api/figures?from=2025-01-01&to=2026-06-01&unitId=${cityUnit.id}`, headers: donghu })).statusCode).toBe(404);
  });

  it('computes the report figures with the names behind each number', async () => {
    const ganbuke = await h.as('ganbuke');
    const res = await h.app.inject({ url: '/api/figures?from=2021-06-01&to=2026-06-01', headers: ganbuke });
    expect(res.statusCode, res.body).toBe(200);
    const figures = (res.json() as { figures: FigureOut[] }).figures;
    const by = new Map(figures.map((f) => [f.key, f]));
    for (const f of figures) {
      if (f.unit === '人') expect(f.people!.length, f.key).toBe(f.value);
      if (f.teams) expect(f.teams.filter((t) => t.ok).length, f.key).toBe(f.numerator);
    }
    expect(by.get('promotions')!.value).toBeGreaterThan(0);

    // county Party/government and city department chiefs who began in the period, counted in SQL
    const chiefs = await h.t.db
      .selectFrom('appointments')
      .innerJoin('posts', 'posts.id', 'appointments.postId')
      .innerJoin('teams', 'teams.id', 'posts.teamId')
      .innerJoin('units', 'units.id', 'teams.unitId')
      .select('appointments.cadreId')
      .where('posts.isChief', '=', 1)
      .where('appointments.startDate', '>=', '2021-06-01')
      .where('appointments.startDate', '<=', '2026-06-01')
      .where((eb) =>
        eb.or([
          eb.and([eb('units.tier', '=', 'county'), eb('units.kind', 'in', ['党委', '政府'])]),
          eb.and([eb('units.tier', '=', 'city'), eb('units.kind', '=', '部门')]),
        ]),
      )
      .execute();
    expect(
      by
        .get('county-or-department-chiefs')!
        .people!.map((p) => p.cadreId)
        .sort(),
    ).toEqual(chiefs.map((c) => c.cadreId).sort());
    const women = by.get('woman-county-party-government')!;
    expect(women.denominator).toBeGreaterThan(0);
    const courts = by.get('non-party-deputy-courts')!;
    // the demo plants a 检察院 without a non-Party deputy
    expect(courts.teams!.some((t) => !t.ok)).toBe(true);
  });

  it('answers a reversed period with a Chinese message naming the field, and refuses the auditor', async () => {
    const ganbuke = await h.as('ganbuke');
    const res = await h.app.inject({ url: '/api/figures?from=2026-06-01&to=2025-06-01', headers: ganbuke });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('开始日期');
    const bad = await h.app.inject({ url: '/api/figures?from=2026-13-01&to=2025-06-01', headers: ganbuke });
    expect(bad.json().error.message).toContain('开始日期');
    expect((await h.app.inject({ url: '/api/figures?from=2025-01-01&to=2025-06-01', headers: await h.as('auditor') })).statusCode).toBe(403);
  });
});
