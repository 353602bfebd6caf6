// team_rules_all_ms (issue 5): every team structure rule over every team of the province on a date —
// the facts loaded in bulk as GET /api/teams/findings does, then the pure rules. Median of `runs`, with
// the process's CPU time of that run (user + system, all threads: on a shared machine wall time alone misleads).
import type { Db } from '../src/db/database.js';
import { analyzeTeam } from '../src/domain/team-rules.js';
import { loadTeams, teamRuleSettings } from '../src/features/analysis/analysis.service.js';

export async function teamRules(db: Db, asOf: string, runs: number) {
  const samples: { loadMs: number; rulesMs: number; cpuMs: number; teams: number; findings: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const settings = await teamRuleSettings(db, asOf);
    const teams = await loadTeams(db, {}, asOf, settings.specialtyKeywords, { relatives: 'kin' });
    const t1 = performance.now();
    let findings = 0;
    for (const t of teams) findings += analyzeTeam({ asOf, team: t.team, members: t.members, settings }).length;
    const rulesMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    samples.push({ loadMs: t1 - t0, rulesMs, cpuMs: (cpu.user + cpu.system) / 1000, teams: teams.length, findings });
  }
  samples.sort((a, b) => a.loadMs + a.rulesMs - (b.loadMs + b.rulesMs));
  const m = samples[Math.floor(samples.length / 2)]!;
  return { ...m, totalMs: m.loadMs + m.rulesMs };
}
