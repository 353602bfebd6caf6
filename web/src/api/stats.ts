// The home page's figures (src/features/stats/stats.routes.ts).
import { api } from './client';

/** A figure; `filter` holds the GET /api/cadres parameters that list the cadres behind it. */
export interface StatItem {
  key: string;
  label: string;
  count: number;
  /** share of the active cadres in scope, 0–1 */
  share?: number;
  filter?: Record<string, string>;
}

export interface StatsOverview {
  asOf: string;
  total: StatItem;
  averageAge: number | null;
  byAuthority: StatItem[];
  byLevel: StatItem[];
  structure: StatItem[];
  byAge: StatItem[];
  byEducation: StatItem[];
  teams: StatItem[];
}

export const statsApi = {
  overview: () => api.get<StatsOverview>('/api/stats/overview'),
};

/** GET /api/stats/structure: a unit subtree (or the whole scope) on a date. */
export interface StructureStats {
  /** set when asOf is not today: the people are today's, in today's units */
  peopleNote: string | null;
  asOf: string;
  unit: { id: number; name: string } | null;
  total: StatItem;
  averageAge: number | null;
  agePyramid: { key: string; label: string; men: StatItem; women: StatItem }[];
  gender: StatItem[];
  party: StatItem[];
  education: StatItem[];
  byLevel: StatItem[];
  vacancies: { key: string; label: string; levelCode: string; quota: number; filled: number; vacant: number }[];
}

export interface VacantPost {
  id: number;
  teamId: number;
  unitId: number;
  title: string;
  levelCode: string;
  levelName: string;
  isChief: boolean;
  quota: number;
  filled: number;
  vacant: number;
  teamName: string;
  unitName: string;
}

export const structureApi = {
  structure: (q: { unitId?: number; asOf?: string }) => api.get<StructureStats>('/api/stats/structure', q),
  vacancies: (q: { unitId?: number; asOf?: string; level?: string }) =>
    api.get<{ asOf: string; total: number; items: VacantPost[] }>('/api/stats/vacancies', q),
};
