// team_rules_all_ms (issue 5): every team structure rule over every team of the province on a date —
// the facts loaded in bulk as GET /api/teams/findings does, then the pure rules. Median of `runs`.
import type { Db } from '../src/db/database.js';
import { analyzeTeam } from '../src/domain/team-rules.js';
import { loadTeams, teamRuleSettings } from '../src/features/analysis/analysis.service.js';

export async function teamRules(db: Db, asOf: string, runs: number) {
  const samples: { loadMs: number; rulesMs: number; teams: number; findings: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const settings = await teamRuleSettings(db, asOf);
    const teams = await loadTeams(db, {}, asOf, settings.specialtyKeywords);
    const t1 = performance.now();
    let findings = 0;
    for (const t of teams) findings += analyzeTeam({ asOf, team: t.team, members: t.members, settings }).length;
    samples.push({ loadMs: t1 - t0, rulesMs: performance.now() - t1, teams: teams.length, findings });
  }
  samples.sort((a, b) => a.loadMs + a.rulesMs - (b.loadMs + b.rulesMs));
  const m = samples[Math.floor(samples.length / 2)]!;
  return { ...m, totalMs: m.loadMs + m.rulesMs };
}
