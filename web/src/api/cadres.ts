// Cadre profiles and search (src/features/cadres/cadres.routes.ts) and a cadre's appointments.
import { api } from './client';

export const APPRAISAL_GRADES = ['优秀', '称职', '基本称职', '不称职', '不定等次'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const CADRE_STATUSES: Record<string, string> = { active: '在职', retired: '退休', left: '调离' };

export interface ResumeLine {
  /** 'segment' a dated line; 'note' a （其间：…） line under the segment before it */
  kind: 'segment' | 'note';
  startMonth: string | null;
  endMonth: string | null;
  text: string;
}

export interface RewardLine {
  kind: 'reward' | 'punishment';
  month: string;
  description: string;
  docNo: string;
}

export interface AppraisalLine {
  year: number;
  grade: AppraisalGrade;
}

export interface FamilyMember {
  /** the GB/T 4761 name (妻子, 女儿 …), not a code */
  relation: string;
  name: string;
  birthMonth: string | null;
  /** GB/T 4762 code */
  politicalStatus: string | null;
  workUnitPost: string;
}

export interface RankLine {
  rankCode: string;
  startDate: string;
  endDate: string | null;
  docNo: string;
}

/** The body of POST /api/cadres and PUT /api/cadres/:id (PUT adds version). */
export interface CadreInput {
  idCard: string;
  name: string;
  gender: string;
  birthMonth: string;
  ethnicCode: string;
  nativePlace: string;
  birthplace: string;
  politicalStatus: string;
  partyJoinMonth: string | null;
  otherParty: string | null;
  workStartMonth: string;
  healthCode: string;
  professionalTitle: string;
  specialty: string;
  ftEducation: string | null;
  ftDegree: string | null;
  ftEducationSchool: string;
  ftDegreeSchool: string;
  ipEducation: string | null;
  ipDegree: string | null;
  ipEducationSchool: string;
  ipDegreeSchool: string;
  currentPost: string;
  levelCode: string | null;
  /** 'YYYY-MM-DD' */
  levelSince: string | null;
  unitId: number | null;
  authorityId: number;
  status: 'active' | 'retired' | 'left';
  rewardsText: string;
  appraisalText: string;
  remarks: string;
  resume: ResumeLine[];
  rewards: RewardLine[];
  appraisals: AppraisalLine[];
  family: FamilyMember[];
  ranks: RankLine[];
  tags: string[];
}

export interface Cadre extends CadreInput {
  id: number;
  genderName: string;
  birthDate: string;
  age: number;
  ethnicName: string;
  politicalName: string;
  healthName: string;
  ftEducationName: string;
  ftDegreeName: string;
  ipEducationName: string;
  ipDegreeName: string;
  highestEducation: string | null;
  highestEducationName: string;
  levelName: string;
  rankCode: string | null;
  rankName: string;
  rankSince: string | null;
  unitName: string;
  authorityName: string;
  family: (FamilyMember & { politicalName: string })[];
  ranks: (RankLine & { rankName: string })[];
  hasPhoto: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A row of GET /api/cadres: codes only, named with the code tables (useCodeName). */
export interface CadreListItem {
  id: number;
  name: string;
  gender: string;
  birthDate: string;
  age: number;
  ethnicCode: string;
  politicalStatus: string;
  highestEducation: string | null;
  levelCode: string | null;
  rankCode: string | null;
  unitId: number | null;
  unitName: string;
  currentPost: string;
  authorityId: number;
  authorityName: string;
  status: string;
  tags: string[];
}

export interface CadreAppointment {
  appointmentId: number;
  postId: number;
  postTitle: string;
  levelCode: string;
  levelName: string;
  isChief: boolean;
  teamId: number;
  teamName: string;
  unitId: number;
  unitName: string;
  startDate: string;
  startDocNo: string;
  endDate: string | null;
  endDocNo: string | null;
  endReason: string | null;
  current: boolean;
}

/** GET /api/cadres parameters; the search page keeps the same names in its URL. */
export const SEARCH_PARAMS = [
  'q',
  'gender',
  'ageMin',
  'ageMax',
  'ageOn',
  'ethnic',
  'political',
  'education',
  'educationAtLeast',
  'level',
  'rank',
  'unitId',
  'specialty',
  'tag',
  'status',
  'authorityId',
  'sort',
  'order',
  'page',
  'pageSize',
] as const;
export type SearchParam = (typeof SEARCH_PARAMS)[number];
export type CadreQuery = Partial<Record<SearchParam, string>>;

export const cadresApi = {
  search: (q: CadreQuery, signal?: AbortSignal) => api.get<{ items: CadreListItem[]; total: number }>('/api/cadres', q, signal),
  tags: () => api.get<{ tag: string; count: number }[]>('/api/cadres/tags'),
  get: (id: number) => api.get<Cadre>(`/api/cadres/${id}`),
  create: (c: CadreInput) => api.post<Cadre>('/api/cadres', c),
  update: (id: number, c: CadreInput & { version: number }) => api.put<Cadre>(`/api/cadres/${id}`, c),
  uploadPhoto: (id: number, file: Blob) => api.putRaw<void>(`/api/cadres/${id}/photo`, file),
  removePhoto: (id: number) => api.del<void>(`/api/cadres/${id}/photo`),
  photoUrl: (id: number, version: number) => `/api/cadres/${id}/photo?v=${version}`,
  appointments: (id: number) => api.get<CadreAppointment[]>(`/api/cadres/${id}/appointments`),
};
