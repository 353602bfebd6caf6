import type { Generated } from 'kysely';

/** A cadre (干部): the fields of the 任免审批表 plus what the department keeps beside it. */
export interface CadreTable {
  id: Generated<number>;
  /** 18-character GB 11643 citizen ID, upper-case X; the natural key */
  idCard: string;
  name: string;
  /** full pinyin without tones or spaces, lower case ('zhangsan'), for name search */
  namePinyin: string;
  /** pinyin initials ('zs') */
  nameInitials: string;
  /** GB/T 2261.1 code: '1' 男, '2' 女 */
  gender: string;
  /** 'YYYY-MM-DD' from the ID number; ages are computed from it for a given date, never stored */
  birthDate: string;
  ethnicCode: string;
  /** 籍贯 / 出生地 as written on the form ('辽宁大连'); the ZB01 list is offered to choose from */
  nativePlace: string;
  birthplace: string;
  /** GB/T 4762 code */
  politicalStatus: string;
  /** 'YYYY-MM' or null (non-members) */
  partyJoinMonth: string | null;
  /** democratic party or 无党派 written on the form beside or instead of the date ('民建') */
  otherParty: string | null;
  /** 'YYYY-MM' */
  workStartMonth: string;
  /** GB 22613 code as used by the 任免表 */
  healthCode: string;
  professionalTitle: string;
  specialty: string;
  /** 全日制教育: ZB64 学历 code, GB/T 6864 学位 code, and the school of each */
  ftEducation: string | null;
  ftDegree: string | null;
  ftEducationSchool: string;
  ftDegreeSchool: string;
  /** 在职教育: same four */
  ipEducation: string | null;
  ipDegree: string | null;
  ipEducationSchool: string;
  ipDegreeSchool: string;
  /** the higher of the two 学历 codes, kept on save for search and statistics */
  highestEducation: string | null;
  /** 现任职务 as written on the form */
  currentPost: string;
  /** 职务层次, ZB09 code, and since when */
  levelCode: string | null;
  levelSince: string | null;
  /** current 职级 (local code, see domain/codes), kept in step with cadre_ranks */
  rankCode: string | null;
  rankSince: string | null;
  unitId: number | null;
  authorityId: number;
  /** 'active' | 'retired' | 'left' */
  status: string;
  /** 奖惩情况 and 年度考核结果 as written on the form */
  rewardsText: string;
  appraisalText: string;
  remarks: string;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

/** One line of the 简历: a dated segment, or a 其间 note attached to the segment before it. */
export interface CadreResumeTable {
  id: Generated<number>;
  cadreId: number;
  seq: number;
  /** 'YYYY-MM' */
  startMonth: string | null;
  /** 'YYYY-MM', null while current */
  endMonth: string | null;
  text: string;
  /** 'segment' | 'note' */
  kind: string;
}

export interface CadreRewardTable {
  id: Generated<number>;
  cadreId: number;
  seq: number;
  /** 'reward' | 'punishment' */
  kind: string;
  /** 'YYYY-MM' */
  month: string;
  description: string;
  docNo: string;
}

export interface CadreAppraisalTable {
  id: Generated<number>;
  cadreId: number;
  year: number;
  /** 优秀 / 称职 / 基本称职 / 不称职 / 不定等次 */
  grade: string;
}

export interface CadreFamilyTable {
  id: Generated<number>;
  cadreId: number;
  seq: number;
  /** GB/T 4761 name (丈夫, 女儿 …) */
  relation: string;
  name: string;
  /** 'YYYY-MM' */
  birthMonth: string | null;
  /** GB/T 4762 code */
  politicalStatus: string | null;
  workUnitPost: string;
}

export interface CadreRankTable {
  id: Generated<number>;
  cadreId: number;
  rankCode: string;
  startDate: string;
  endDate: string | null;
  docNo: string;
}

export interface CadreTagTable {
  cadreId: number;
  tag: string;
}

export interface CadrePhotoTable {
  cadreId: number;
  mime: string;
  data: Uint8Array;
}

/** Cadres per (authority, status), kept by triggers (migration 0009): the list's exact total without a count. */
export interface CadreCountTable {
  authorityId: number;
  status: string;
  n: number;
}

/**
 * Cadres per (authority, status, 职务层次, gender, highest 学历, political status, ethnic group), kept
 * by triggers (migration 0015): the home page's structure figures without a scan. NULL codes are ''.
 */
export interface CadreProfileCountTable {
  authorityId: number;
  status: string;
  levelCode: string;
  gender: string;
  highestEducation: string;
  politicalStatus: string;
  ethnicCode: string;
  n: number;
}

/** Cadres per (authority, status, birth month 'YYYY-MM'), kept by triggers (migration 0015): exact age bands. */
export interface CadreBirthCountTable {
  authorityId: number;
  status: string;
  birthMonth: string;
  n: number;
}

/** The two-character pieces of each cadre's name, kept by triggers (migration 0013): 汉字 substring search by index. */
export interface CadreNameGramTable {
  gram: string;
  cadreId: number;
}

/**
 * Each distinct 专长 text in use and how many cadres hold it, kept by triggers (migration 0018): the
 * 专长 search runs its LIKE over these few texts, then seeks them in the (status, specialty) index.
 */
export interface CadreSpecialtyTable {
  specialty: string;
  n: number;
}

/**
 * Cadres per (status, birth month 'YYYY-MM', gender, political status, highest 学历 ('' when none)) of
 * the whole province, kept by triggers (migration 0018): exact totals of broad searches with an age bound.
 */
export interface CadreBirthProfileCountTable {
  status: string;
  birthMonth: string;
  gender: string;
  politicalStatus: string;
  highestEducation: string;
  n: number;
}

/**
 * Cadres per (status, 职务层次, 职级, gender, political status, highest 学历, ethnic group) of the whole
 * province, NULL codes as '', kept by triggers (migration 0018): exact totals of coded conditions from
 * ≈ 4,000 rows.
 */
export interface CadreProvinceCountTable {
  status: string;
  levelCode: string;
  rankCode: string;
  gender: string;
  politicalStatus: string;
  highestEducation: string;
  ethnicCode: string;
  n: number;
}

/**
 * A 家庭成员 row (of member `memberId`) and a cadre with its name and birth month, kept by triggers
 * (migration 0020): the relatives who may be another cadre, for the team analysis' 任职回避.
 */
export interface FamilyNamesakeTable {
  familyId: number;
  memberId: number;
  cadreId: number;
}
