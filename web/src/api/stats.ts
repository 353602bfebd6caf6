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
