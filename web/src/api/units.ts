// Units, teams, posts and appointments (src/features/units/units.routes.ts).
import { api } from './client';

export interface UnitNode {
  id: number;
  name: string;
  kind: string;
  /** 'city' 市直 | 'county' 县(市、区) | 'township' 乡镇(街道) */
  tier: string;
  authorityId: number;
  parentId: number | null;
  children: UnitNode[];
}

export interface Staffing {
  quota: number;
  filled: number;
  vacant: number;
  overQuota: number;
}

export interface Totals extends Staffing {
  chiefVacant: boolean;
  byLevel: (Staffing & { levelCode: string; levelName: string })[];
}

export interface Holder {
  appointmentId: number;
  cadreId: number;
  name: string;
  gender: string;
  birthDate: string;
  startDate: string;
  startDocNo: string;
  endDate: string | null;
}

export interface Post extends Staffing {
  id: number;
  title: string;
  levelCode: string;
  levelName: string;
  isChief: boolean;
  sortOrder: number;
  version: number;
  holders: Holder[];
}

export interface Team {
  id: number;
  unitId: number;
  name: string;
  kind: string;
  sortOrder: number;
  version: number;
  posts: Post[];
  totals: Totals;
}

export interface UnitInfo {
  id: number;
  name: string;
  kind: string;
  tier: string;
  tierName: string;
  authorityId: number;
  authorityName: string;
  parentId: number | null;
  sortOrder: number;
  version: number;
}

export interface UnitDetail {
  asOf: string;
  unit: UnitInfo;
  ancestors: { id: number; name: string }[];
  children: { id: number; name: string; kind: string; tier: string; authorityId: number }[];
  teams: Team[];
  totals: Totals;
}

export interface UnitKinds {
  unitKinds: string[];
  tiers: { code: string; name: string }[];
  teamKinds: string[];
}

export interface PostHistory {
  post: {
    id: number;
    title: string;
    levelCode: string;
    levelName: string;
    isChief: boolean;
    quota: number;
    teamId: number;
    teamName: string;
    unitId: number;
    unitName: string;
  };
  items: {
    appointmentId: number;
    cadreId: number;
    name: string;
    gender: string;
    birthDate: string;
    startDate: string;
    startDocNo: string;
    endDate: string | null;
    endDocNo: string | null;
    endReason: string | null;
  }[];
}

export interface UnitInput {
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  parentId?: number | null;
  sortOrder?: number;
}

export interface TeamInput {
  unitId: number;
  name: string;
  kind: string;
  sortOrder?: number;
}

export interface PostInput {
  teamId: number;
  title: string;
  levelCode: string;
  isChief: boolean;
  quota: number;
  sortOrder?: number;
}

export interface AppointInput {
  cadreId: number;
  postId: number;
  startDate: string;
  startDocNo: string;
}

export interface EndInput {
  endDate: string;
  endDocNo: string;
  endReason: string;
}

export const unitsApi = {
  kinds: () => api.get<UnitKinds>('/api/units/kinds'),
  tree: () => api.get<UnitNode[]>('/api/units/tree'),
  unit: (id: number, asOf?: string) => api.get<UnitDetail>(`/api/units/${id}`, { asOf }),
  createUnit: (u: UnitInput) => api.post<{ id: number }>('/api/units', u),
  updateUnit: (id: number, u: Partial<UnitInput> & { version: number }) => api.patch<void>(`/api/units/${id}`, u),
  createTeam: (t: TeamInput) => api.post<{ id: number }>('/api/teams', t),
  updateTeam: (id: number, t: Partial<Omit<TeamInput, 'unitId'>> & { version: number }) => api.patch<void>(`/api/teams/${id}`, t),
  createPost: (p: PostInput) => api.post<{ id: number }>('/api/posts', p),
  updatePost: (id: number, p: Partial<Omit<PostInput, 'teamId'>> & { version: number }) => api.patch<void>(`/api/posts/${id}`, p),
  postHistory: (id: number) => api.get<PostHistory>(`/api/posts/${id}/history`),
  appoint: (a: AppointInput) => api.post<{ id: number }>('/api/appointments', a),
  endAppointment: (id: number, e: EndInput) => api.post<void>(`/api/appointments/${id}/end`, e),
};
