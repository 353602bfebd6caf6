// The profile form's values (pickers hold dayjs) and their conversion to and from the API body.
import type { Dayjs } from 'dayjs';
import type { AppraisalGrade, Cadre, CadreInput } from '../../api/cadres';
import { dateOf, monthOf, toDayjs } from '../../shared/dates';

type M = Dayjs | null;

export interface CadreFormValues {
  idCard: string;
  name: string;
  gender?: string;
  birthMonth: M;
  ethnicCode?: string;
  nativePlace: string;
  birthplace: string;
  politicalStatus?: string;
  partyJoinMonth: M;
  otherParty: string;
  workStartMonth: M;
  healthCode?: string;
  professionalTitle: string;
  specialty: string;
  ftEducation?: string | null;
  ftDegree?: string | null;
  ftEducationSchool: string;
  ftDegreeSchool: string;
  ipEducation?: string | null;
  ipDegree?: string | null;
  ipEducationSchool: string;
  ipDegreeSchool: string;
  currentPost: string;
  levelCode?: string | null;
  levelSince: M;
  unitId?: number | null;
  authorityId?: number;
  status: CadreInput['status'];
  rewardsText: string;
  appraisalText: string;
  remarks: string;
  resume: { kind: 'segment' | 'note'; startMonth: M; endMonth: M; text: string }[];
  rewards: { kind: 'reward' | 'punishment'; month: M; description: string; docNo: string }[];
  appraisals: { year?: number; grade?: AppraisalGrade }[];
  family: { relation?: string; name: string; birthMonth: M; politicalStatus?: string | null; workUnitPost: string }[];
  ranks: { rankCode?: string; startDate: M; endDate: M; docNo: string }[];
  tags: string[];
}

export function emptyForm(authorityId: number | undefined): CadreFormValues {
  return {
    idCard: '',
    name: '',
    birthMonth: null,
    ethnicCode: '01',
    nativePlace: '',
    birthplace: '',
    partyJoinMonth: null,
    otherParty: '',
    workStartMonth: null,
    healthCode: '1',
    professionalTitle: '',
    specialty: '',
    ftEducationSchool: '',
    ftDegreeSchool: '',
    ipEducationSchool: '',
    ipDegreeSchool: '',
    currentPost: '',
    levelSince: null,
    authorityId,
    status: 'active',
    rewardsText: '',
    appraisalText: '',
    remarks: '',
    resume: [],
    rewards: [],
    appraisals: [],
    family: [],
    ranks: [],
    tags: [],
  };
}

export function toForm(c: Cadre): CadreFormValues {
  return {
    idCard: c.idCard,
    name: c.name,
    gender: c.gender || undefined,
    birthMonth: toDayjs(c.birthMonth),
    ethnicCode: c.ethnicCode || undefined,
    nativePlace: c.nativePlace,
    birthplace: c.birthplace,
    politicalStatus: c.politicalStatus || undefined,
    partyJoinMonth: toDayjs(c.partyJoinMonth),
    otherParty: c.otherParty ?? '',
    workStartMonth: toDayjs(c.workStartMonth),
    healthCode: c.healthCode || undefined,
    professionalTitle: c.professionalTitle,
    specialty: c.specialty,
    ftEducation: c.ftEducation,
    ftDegree: c.ftDegree,
    ftEducationSchool: c.ftEducationSchool,
    ftDegreeSchool: c.ftDegreeSchool,
    ipEducation: c.ipEducation,
    ipDegree: c.ipDegree,
    ipEducationSchool: c.ipEducationSchool,
    ipDegreeSchool: c.ipDegreeSchool,
    currentPost: c.currentPost,
    levelCode: c.levelCode,
    levelSince: toDayjs(c.levelSince),
    unitId: c.unitId,
    authorityId: c.authorityId,
    status: c.status,
    rewardsText: c.rewardsText,
    appraisalText: c.appraisalText,
    remarks: c.remarks,
    resume: c.resume.map((r) => ({ kind: r.kind, startMonth: toDayjs(r.startMonth), endMonth: toDayjs(r.endMonth), text: r.text })),
    rewards: c.rewards.map((r) => ({ kind: r.kind, month: toDayjs(r.month), description: r.description, docNo: r.docNo })),
    appraisals: c.appraisals.map((a) => ({ year: a.year, grade: a.grade })),
    family: c.family.map((f) => ({
      relation: f.relation,
      name: f.name,
      birthMonth: toDayjs(f.birthMonth),
      politicalStatus: f.politicalStatus,
      workUnitPost: f.workUnitPost,
    })),
    ranks: c.ranks.map((r) => ({ rankCode: r.rankCode, startDate: toDayjs(r.startDate), endDate: toDayjs(r.endDate), docNo: r.docNo })),
    tags: c.tags,
  };
}

const t = (s: string | null | undefined) => (s ?? '').trim();

/** Form values → the API body. Required values left empty are sent empty: the server names them. */
export function fromForm(v: CadreFormValues): CadreInput {
  return {
    idCard: t(v.idCard).toUpperCase(),
    name: t(v.name),
    gender: v.gender ?? '',
    birthMonth: monthOf(v.birthMonth) ?? '',
    ethnicCode: v.ethnicCode ?? '',
    nativePlace: t(v.nativePlace),
    birthplace: t(v.birthplace),
    politicalStatus: v.politicalStatus ?? '',
    partyJoinMonth: monthOf(v.partyJoinMonth),
    otherParty: t(v.otherParty) || null,
    workStartMonth: monthOf(v.workStartMonth) ?? '',
    healthCode: v.healthCode ?? '',
    professionalTitle: t(v.professionalTitle),
    specialty: t(v.specialty),
    ftEducation: v.ftEducation ?? null,
    ftDegree: v.ftDegree ?? null,
    ftEducationSchool: t(v.ftEducationSchool),
    ftDegreeSchool: t(v.ftDegreeSchool),
    ipEducation: v.ipEducation ?? null,
    ipDegree: v.ipDegree ?? null,
    ipEducationSchool: t(v.ipEducationSchool),
    ipDegreeSchool: t(v.ipDegreeSchool),
    currentPost: t(v.currentPost),
    levelCode: v.levelCode ?? null,
    levelSince: dateOf(v.levelSince),
    unitId: v.unitId ?? null,
    authorityId: v.authorityId ?? 0,
    status: v.status ?? 'active',
    rewardsText: t(v.rewardsText),
    appraisalText: t(v.appraisalText),
    remarks: t(v.remarks),
    resume: (v.resume ?? []).map((r) => ({
      kind: r.kind ?? 'segment',
      startMonth: monthOf(r.startMonth),
      endMonth: monthOf(r.endMonth),
      text: t(r.text),
    })),
    rewards: (v.rewards ?? []).map((r) => ({
      kind: r.kind ?? 'reward',
      month: monthOf(r.month) ?? '',
      description: t(r.description),
      docNo: t(r.docNo),
    })),
    appraisals: (v.appraisals ?? []).map((a) => ({ year: a.year ?? 0, grade: a.grade ?? ('' as AppraisalGrade) })),
    family: (v.family ?? []).map((f) => ({
      relation: t(f.relation),
      name: t(f.name),
      birthMonth: monthOf(f.birthMonth),
      politicalStatus: f.politicalStatus ?? null,
      workUnitPost: t(f.workUnitPost),
    })),
    ranks: (v.ranks ?? []).map((r) => ({
      rankCode: r.rankCode ?? '',
      startDate: dateOf(r.startDate) ?? '',
      endDate: dateOf(r.endDate),
      docNo: t(r.docNo),
    })),
    tags: (v.tags ?? []).map((x) => x.trim()).filter(Boolean),
  };
}

/** Birth month and gender from a citizen ID (GB 11643), when it has the shape of one. */
export function fromIdCard(id: string): { birthMonth: string; gender: string } | null {
  const s = id.trim().toUpperCase();
  const m18 = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dX]$/.exec(s);
  const m15 = /^\d{6}(\d{2})(\d{2})(\d{2})\d{2}(\d)$/.exec(s);
  const m = m18 ?? m15;
  if (!m) return null;
  const year = m18 ? m[1] : `19${m[1]}`;
  const month = m[2];
  if (Number(month) < 1 || Number(month) > 12) return null;
  return { birthMonth: `${year}-${month}`, gender: Number(m[4]) % 2 === 1 ? '1' : '2' };
}
