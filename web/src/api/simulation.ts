// Team structure and simulated adjustment (src/features/simulation/simulation.routes.ts).
import { api } from './client';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Experience {
  kind: 'grassroots' | 'city';
  evidence: string;
  since: string | null;
}

export interface MemberLine {
  cadreId?: number;
  name: string;
  gender: string;
  age: number;
  isChief: boolean;
  levelCode: string | null;
  party: boolean;
  minority: boolean;
  educationTier: string;
  specialties: string[];
  tags: string[];
  /** 基层 / 市直 experience read from the 简历, with the line it rests on; null: no 简历 */
  experience: Experience[] | null;
  postYears: number | null;
  term: number | null;
  levelYears: number | null;
}

export interface TeamStructure {
  asOf: string;
  size: { members: number; quota: number; vacant: number; overQuota: number };
  chief: { quota: number; filled: number; vacant: number };
  byLevel: { levelCode: string; quota: number; filled: number; vacant: number; overQuota: number }[];
  age: {
    average: number | null;
    bands: Count[];
    youngest: { name: string; cadreId?: number; age: number } | null;
    band: string | null;
    youngLimit: number | null;
    young: number;
  };
  gender: { male: number; female: number };
  party: { party: number; nonParty: number };
  ethnicMinority: number;
  education: Count[];
  specialties: { name: string; count: number; needed: boolean }[];
  sources: Count[];
  experience: { read: number; counts: Count[] };
  tenure: { averagePostYears: number | null; pastOneTerm: number; averageLevelYears: number | null };
  members: MemberLine[];
}

export interface Finding {
  rule: string;
  source: string;
  detail: string;
  members?: (number | string)[];
}

export interface TeamStructureResult {
  asOf: string;
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  structure: TeamStructure;
  findings: Finding[];
}

export interface Move {
  kind: 'in' | 'out';
  cadreId: number;
  postId?: number | null;
}

export interface PlanSummary {
  id: number;
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  name: string;
  asOf: string;
  note: string;
  authorId: number;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Plan extends PlanSummary {
  moves: (Move & { postId: number | null; cadreName: string; postTitle: string | null })[];
}

export interface Side {
  structure: TeamStructure;
  findings: Finding[];
}

export interface Evaluation {
  asOf: string;
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  posts: { id: number; title: string; levelCode: string; levelName: string; isChief: boolean; quota: number }[];
  current: Side;
  planned: Side;
  resolved: Finding[];
  added: Finding[];
  warnings: string[];
}

export interface PlanInput {
  teamId: number;
  name: string;
  asOf: string;
  note?: string;
  moves: Move[];
}

export const simulationApi = {
  structure: (teamId: number, asOf?: string) => api.get<TeamStructureResult>(`/api/teams/${teamId}/structure`, { asOf }),
  plans: (teamId?: number) => api.get<{ items: (PlanSummary & { movesIn: number; movesOut: number })[] }>('/api/adjustment-plans', { teamId }),
  plan: (id: number) => api.get<Plan>(`/api/adjustment-plans/${id}`),
  create: (p: PlanInput) => api.post<{ id: number }>('/api/adjustment-plans', p),
  update: (id: number, p: Omit<PlanInput, 'teamId'> & { version: number }) => api.put<void>(`/api/adjustment-plans/${id}`, p),
  remove: (id: number, version: number) => api.del<void>(`/api/adjustment-plans/${id}?version=${version}`),
  evaluation: (id: number, asOf?: string) => api.get<Evaluation>(`/api/adjustment-plans/${id}/evaluation`, { asOf }),
  evaluate: (p: Omit<PlanInput, 'name' | 'note'>) => api.post<Evaluation>('/api/adjustment-plans/evaluate', p),
};
