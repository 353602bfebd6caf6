// Team structure analysis over a unit subtree, the rule catalogue, and the report's figures
// (src/features/analysis, src/features/figures).
import { api } from './client';
import { RULE_LABELS } from '../../../src/domain/team-rules';

/** The rules' Chinese names, taken from the rules themselves so that every page and the server say the same. */
export const RULE_NAMES: Record<string, string> = RULE_LABELS;

export interface TeamRule {
  id: string;
  label: string;
  source: string;
}

export interface ScopeFinding {
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  rule: string;
  source: string;
  detail: string;
  members?: (number | string)[];
  memberNames: string[];
}

export interface ScopeFindings {
  asOf: string;
  unitName: string | null;
  teams: number;
  byRule: Record<string, number>;
  findings: ScopeFinding[];
}

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: '人' | '%' | '个';
  numerator?: number;
  denominator?: number;
  people?: { cadreId: number; name: string; detail: string }[];
  teams?: { teamId: number; unitId: number; teamName: string; unitName: string; ok: boolean }[];
  definition: string;
}

export interface Figures {
  from: string;
  to: string;
  unitName: string | null;
  figures: Figure[];
}

export const analysisApi = {
  rules: () => api.get<TeamRule[]>('/api/teams/rules'),
  findings: (q: { asOf?: string; unitId?: number; rule?: string }) => api.get<ScopeFindings>('/api/teams/findings', q),
  figures: (q: { from: string; to: string; unitId?: number }) => api.get<Figures>('/api/figures', q),
};
