// Pools and lists, the chief reserve pool, young cadres and the report figures
// (src/features/pools/pools.routes.ts, src/features/young/young.routes.ts).
import { api } from './client';

export const CATEGORIES: Record<string, string> = { promote_soon: '近期提拔', develop: '中期培养', watch: '长期关注', unfit: '不适宜担任现职' };
export const READINESS: Record<string, string> = { now: '近期可用', one_two_years: '1–2年', later: '2年以上' };
export const PROMISING_SOURCES: Record<string, string> = { survey: '大调研', analysis: '研判', recommendation: '推荐' };

export interface Pool {
  id: number;
  name: string;
  sortOrder: number;
  version: number;
  members: number | null;
}

interface Person {
  cadreId: number;
  name: string;
  unitName: string | null;
  currentPost?: string;
  birthDate?: string;
  gender?: string;
}

export interface Membership extends Person {
  id: number;
  poolId: number;
  reason: string;
  addedOn: string;
  addedBy: string;
  removedOn: string | null;
  removedBy: string | null;
  removalReason: string | null;
  poolName?: string;
}

export type ReviewState = 'overdue' | 'due_soon' | 'ok' | null;

export interface CategoryEntry extends Person {
  id: number;
  category: string;
  categoryName: string;
  reason: string;
  startDate: string;
  endDate: string | null;
  reviewDue: string;
  lastReviewedOn: string | null;
  reviewNote: string | null;
  decidedBy: string;
  reviewState: ReviewState;
}

export interface Reviews {
  today: string;
  noticeDays: number;
  overdue: number;
  dueSoon: number;
  entries: CategoryEntry[];
}

export interface ReserveEntry extends Person {
  id: number;
  readiness: string;
  readinessName: string;
  enteredOn: string;
  note: string;
  status: 'active' | 'used' | 'withdrawn';
  statusName: string;
  outcomeOn: string | null;
  outcomePostId: number | null;
  outcomeReason: string | null;
  version: number;
  posts: { postId: number; title: string; unitName: string; isChief: boolean }[];
  appointedTo?: { postId: number; startDate: string } | null;
}

export interface ChiefPost {
  id: number;
  title: string;
  levelCode: string;
  unitName: string;
}

export interface Cohort {
  label: string;
  fromYear: number;
  toYear: number;
  cadres: number;
  promising: number;
}

export interface Promising extends Person {
  id: number;
  source: string;
  sourceName: string;
  markedOn: string;
  note: string;
  withdrawnOn: string | null;
  /** the survey or 研判 record the mark came from, when the user may open it */
  sourceRecord: { kind: 'survey' | 'analysis'; id: number; label: string } | null;
  age?: number;
  cohort?: string | null;
}

/** A 好苗子 mark as a survey or 研判 record lists it. */
export interface RecordMark {
  id: number;
  cadreId: number;
  name: string;
  markedOn: string;
  withdrawnOn: string | null;
}

export interface Secondment {
  id: number;
  cadreId: number;
  name: string;
  homeUnitId: number;
  hostUnitId: number;
  homeUnitName: string;
  hostUnitName: string;
  direction: string;
  directionName: string;
  hostPost: string;
  startDate: string;
  endDate: string | null;
  current: boolean;
}

export interface Mentorship {
  id: number;
  cadreId: number;
  name: string;
  unitName: string | null;
  mentorId: number;
  mentorName: string;
  mentorPost: string;
  startDate: string;
  endDate: string | null;
  records: number;
  current: boolean;
}

export interface MentoringRecord {
  id: number;
  date: string;
  content: string;
  createdBy: string;
}

export interface Figure {
  key: string;
  label: string;
  value: number;
  cadreIds: number[];
  cadres: { id: number; name: string; unitName: string | null; currentPost: string }[];
}

export interface PoolStatus {
  memberships: Membership[];
  categories: CategoryEntry[];
  reserve: ReserveEntry[];
  young: { cohort: string | null; promising: Promising[]; secondments: Secondment[]; mentors: Mentorship[] };
}

export const poolsApi = {
  pools: (unitId?: number) => api.get<Pool[]>('/api/specialty-pools', { unitId }),
  createPool: (p: { name: string; sortOrder?: number }) => api.post<{ id: number }>('/api/specialty-pools', p),
  updatePool: (id: number, p: { name?: string; sortOrder?: number; version: number }) => api.patch<void>(`/api/specialty-pools/${id}`, p),
  deletePool: (id: number) => api.del<void>(`/api/specialty-pools/${id}`),
  members: (poolId: number, includeRemoved: boolean) =>
    api.get<{ pool: Pool; members: Membership[] }>(`/api/specialty-pools/${poolId}/members`, { includeRemoved }),
  addMember: (m: { poolId: number; cadreId: number; reason: string; addedOn?: string }) => api.post<{ id: number }>('/api/pool-memberships', m),
  removeMember: (id: number, m: { reason: string; removedOn?: string }) => api.post<void>(`/api/pool-memberships/${id}/remove`, m),
  categories: (category?: string) =>
    api.get<{ counts: { category: string; name: string; count: number }[]; entries: CategoryEntry[] }>('/api/category-lists', { category }),
  reviews: () => api.get<Reviews>('/api/category-lists/reviews'),
  moveCategory: (cadreId: number, m: { category: string | null; reason: string; date?: string; reviewDue?: string | null }) =>
    api.post<{ id: number | null; reviewDue: string | null }>(`/api/cadres/${cadreId}/category`, m),
  review: (entryId: number, r: { note: string; date?: string; nextDue?: string }) => api.post<void>(`/api/category-entries/${entryId}/review`, r),
  reserve: (status?: string) => api.get<ReserveEntry[]>('/api/chief-reserve', { status }),
  chiefPosts: (q: string) => api.get<ChiefPost[]>('/api/chief-reserve/posts', { q }),
  addReserve: (r: { cadreId: number; readiness: string; postIds: number[]; enteredOn?: string; note?: string }) =>
    api.post<{ id: number }>('/api/chief-reserve', r),
  updateReserve: (id: number, r: { readiness?: string; postIds?: number[]; note?: string; version: number }) =>
    api.patch<void>(`/api/chief-reserve/${id}`, r),
  outcome: (id: number, o: { outcome: 'used' | 'withdrawn'; date?: string; postId?: number; reason?: string; version: number }) =>
    api.post<void>(`/api/chief-reserve/${id}/outcome`, o),
  status: (cadreId: number) => api.get<PoolStatus>(`/api/cadres/${cadreId}/pool-status`),
  figures: (q: { from?: string; to?: string; unitId?: number }) =>
    api.get<{ from: string | null; to: string; unitId: number | null; figures: Figure[] }>('/api/figures/pools', q),
};

export const youngApi = {
  cohorts: (unitId?: number) => api.get<Cohort[]>('/api/young/cohorts', { unitId }),
  promising: (includeWithdrawn = false) => api.get<Promising[]>('/api/young/promising', { includeWithdrawn }),
  markPromising: (p: { cadreId: number; source: string; markedOn?: string; note?: string; sourceSurveyId?: number; sourceAnalysisId?: number }) =>
    api.post<{ id: number }>('/api/young/promising', p),
  withdrawPromising: (id: number) => api.post<void>(`/api/young/promising/${id}/withdraw`, {}),
  secondments: () => api.get<Secondment[]>('/api/young/secondments'),
  addSecondment: (s: { cadreId: number; homeUnitId?: number; hostUnitId: number; hostPost?: string; startDate: string; endDate?: string | null }) =>
    api.post<{ id: number }>('/api/young/secondments', s),
  updateSecondment: (id: number, s: { homeUnitId?: number; hostUnitId?: number; hostPost?: string; startDate?: string; endDate?: string | null }) =>
    api.patch<void>(`/api/young/secondments/${id}`, s),
  mentorships: () => api.get<Mentorship[]>('/api/young/mentorships'),
  endMentorship: (id: number, e: { date?: string }) => api.post<void>(`/api/young/mentorships/${id}/end`, e),
  addMentor: (m: { cadreId: number; mentorId: number; startDate?: string }) => api.post<{ id: number }>('/api/young/mentorships', m),
  records: (id: number) => api.get<MentoringRecord[]>(`/api/young/mentorships/${id}/records`),
  addRecord: (id: number, r: { date: string; content: string }) => api.post<{ id: number }>(`/api/young/mentorships/${id}/records`, r),
};
