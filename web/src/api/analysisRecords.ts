import type { RecordMark } from './pools';
// 研判 records and 大调研 (src/features/analysis-records/analysis-records.routes.ts).
import { api } from './client';

export interface Option {
  value: string;
  label: string;
}

export interface AnalysisOptions {
  kinds: Option[];
  statuses: Option[];
  shortfallKinds: string[];
  shortfallAreas: string[];
  subjects: Option[];
  ratingDimensions: { cadre: Option[]; team: Option[] };
  ratingGrades: string[];
  recommendationKinds: (Option & { subject: 'team' | 'cadre' | null })[];
  cadreLists: string[];
}

export interface Shortfall {
  kind: string;
  area: string;
  description: string;
  teamId?: number | null;
}

export interface AnalysisListItem {
  id: number;
  kind: string;
  kindName: string;
  title: string;
  asOf: string;
  authorityId: number;
  authorityName: string;
  scopeLabel: string;
  status: string;
  statusName: string;
  createdByName: string;
  createdAt: string;
  teamCount: number;
  findingCount: number;
}

export interface Finding {
  rule: string;
  source: string;
  detail: string;
  members?: (number | string)[];
}

export interface SnapshotMember {
  cadreId?: number;
  name: string;
  gender: string;
  birthDate: string;
  politicalStatus: string;
  levelCode?: string | null;
  isChief: boolean;
}

export interface AnalysisItem {
  id: number;
  teamId: number;
  postId: number | null;
  teamName: string;
  unitName: string;
  postTitle: string | null;
  findingCount: number;
  members: SnapshotMember[];
  findings: Finding[];
}

export interface FollowUp {
  id: number;
  date: string;
  note: string;
  status: string;
  statusName: string;
  createdByName: string;
  createdAt: string;
}

export interface AnalysisDetail extends Omit<AnalysisListItem, 'teamCount' | 'findingCount'> {
  participants: string[];
  judgement: string;
  shortfalls: Shortfall[];
  suggestions: string;
  updatedAt: string;
  version: number;
  items: AnalysisItem[];
  followUps: FollowUp[];
  /** 好苗子 marked from this record */
  promising: RecordMark[];
}

export interface AnalysisInput {
  kind: string;
  title?: string;
  asOf: string;
  scope: { all?: true; unitIds?: number[]; teamIds?: number[]; postId?: number };
  participants: string[];
  judgement?: string;
  shortfalls?: Shortfall[];
  suggestions?: string;
}

export interface SurveyItem {
  id: number;
  subject: string;
  subjectName: string;
  teamId: number | null;
  cadreId: number | null;
  teamName: string | null;
  unitName: string | null;
  cadreName: string | null;
  cadrePost: string | null;
  date: string;
  surveyors: string;
  assessment: string;
  ratings: { key: string; label: string; grade: string }[];
  recommendations: { kind: string; label: string; detail: string }[];
  /** 好苗子 marked from this survey */
  promising: RecordMark[];
  createdByName: string;
  createdAt: string;
}

export interface SurveyInput {
  subject: 'team' | 'cadre';
  teamId?: number;
  cadreId?: number;
  date: string;
  surveyors: string;
  assessment: string;
  ratings: Record<string, string>;
  recommendations: { kind: string; detail: string }[];
}

type Q = Record<string, string | number | undefined>;

export const analysisApi = {
  options: () => api.get<AnalysisOptions>('/api/analysis-records/options'),
  list: (q: Q) => api.get<{ items: AnalysisListItem[]; total: number }>('/api/analysis-records', q),
  get: (id: number) => api.get<AnalysisDetail>(`/api/analysis-records/${id}`),
  create: (body: AnalysisInput) => api.post<{ id: number }>('/api/analysis-records', body),
  update: (
    id: number,
    body: Partial<Pick<AnalysisDetail, 'title' | 'participants' | 'judgement' | 'shortfalls' | 'suggestions'>> & { version: number },
  ) => api.patch<void>(`/api/analysis-records/${id}`, body),
  followUp: (id: number, body: { date: string; note: string; status: string; version: number }) =>
    api.post<{ id: number }>(`/api/analysis-records/${id}/follow-ups`, body),
  surveys: (q: Q) => api.get<{ items: SurveyItem[]; total: number }>('/api/surveys', q),
  createSurvey: (body: SurveyInput) => api.post<{ id: number }>('/api/surveys', body),
};
