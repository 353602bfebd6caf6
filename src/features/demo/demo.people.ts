// One fictional cadre's whole profile, consistent with itself: ID number from birth date and gender,
// schooling and work start from the birth year, a career of consecutive 简历 lines climbing to the
// current post, 职级 history from 2019's 职务职级并行, family, appraisals and what follows from them.
import type { Insertable } from 'kysely';
import { checkCharacter } from '../../domain/idcard.js';
import { nameKeys } from '../../domain/pinyin.js';
import { Random, WeightedTable } from '../../domain/random.js';
import { CODE_TABLES, codeName, educationTier } from '../codes/codes.catalog.js';
import type {
  CadreTable,
  CadreResumeTable,
  CadreFamilyTable,
  CadreAppraisalTable,
  CadreRankTable,
  CadreRewardTable,
  CadreTagTable,
} from '../cadres/cadres.table.js';
import {
  APPRAISAL_YEARS,
  AS_OF,
  COLLEGES,
  CREATED_AT,
  FIRMS,
  GENERAL_SPECIALTIES,
  HONOURS,
  IN_SERVICE_MASTERS,
  LAST_DAY,
  MAJORS,
  PARTY_SCHOOL,
  PARTY_SCHOOL_MAJORS,
  PROFESSIONAL_TITLES,
  PUNISHMENTS,
  RANKS_BEGIN,
  SECONDARY_SCHOOLS,
  SPOUSE_JOBS,
  TOWNSHIP_OFFICES,
  UNIVERSITIES,
  VILLAGE_ROOTS,
  WOMEN_HONOURS,
  CITY_SECTIONS,
  type MajorDef,
} from './demo.catalog.js';
import { drawName, drawSurname } from './demo.names.js';
import { nameInYear, type Area, type AreaDepartment, type Township, type UnitInfo } from './demo.structure.js';

export type CadreRow = Insertable<CadreTable> & { id: number };

export interface CadreBundle {
  cadre: CadreRow;
  resume: Insertable<CadreResumeTable>[];
  family: Insertable<CadreFamilyTable>[];
  appraisals: Insertable<CadreAppraisalTable>[];
  ranks: Insertable<CadreRankTable>[];
  rewards: Insertable<CadreRewardTable>[];
  tags: Insertable<CadreTagTable>[];
  /** for a post holder: the appointment's start date and document number */
  appointment: { startDate: string; docNo: string } | null;
}

/**
 * What the structure asks for: a leader for a seat, a 科长/副科长 of a city department's section, or a
 * non-leading staff member (科员 … 调研员) whose 职级 follows from years of service.
 */
export interface PersonSpec {
  unit: UnitInfo;
  authorityId: number;
  role: 'leader' | 'section' | 'staff' | 'researcher';
  /** 职务层次 for leaders and sections */
  levelCode: string | null;
  /** 现任职务 for leaders and sections; staff get unit + 职级 */
  currentPost: string;
  isChief: boolean;
  female: boolean;
  nonParty: boolean;
  /** month of the 换届 the seat is usually filled at */
  cycle: string | null;
  /** the authority manages the cadre from the city (县处级 and above) */
  cityManaged: boolean;
}

// ---- months as integers (year * 12 + month - 1) ----

const mi = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const ms = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const dotted = (i: number) => ms(i).replace('-', '.');
const yearOf = (i: number) => Math.floor(i / 12);
const LAST = mi(LAST_DAY);
const BEGIN = mi(RANKS_BEGIN);
const AS_OF_YEAR = Number(AS_OF.slice(0, 4));

/** 职务层次 from low to high; resume lines climb this ladder. */
const LADDER = ['1A50', '1A42', '1A41', '1A32', '1A31', '1A22', '1A21'];
/** Years of work before one usually reaches a level (2019 条例 第8条 and common practice). */
const MIN_YEARS: Record<string, number> = { '1A50': 0, '1A42': 3, '1A41': 6, '1A32': 10, '1A31': 13, '1A22': 17, '1A21': 20 };
/** Age span of holders of each level: min, mode, max. */
const LEVEL_AGE: Record<string, [number, number, number]> = {
  '1A21': [50, 55, 59],
  '1A22': [46, 53, 59],
  '1A31': [45, 52, 58],
  '1A32': [38, 48, 56],
  '1A41': [32, 44, 55],
  '1A42': [27, 38, 50],
};
/** Share of women by level: fewer higher up. */
const FEMALE: Record<string, number> = {
  '1A21': 0.06,
  '1A22': 0.12,
  '1A31': 0.12,
  '1A32': 0.16,
  '1A41': 0.2,
  '1A42': 0.26,
  staff: 0.29,
  researcher: 0.18,
};
/** The lowest 职级 a leadership level carries (2019 规定 第9条), as ZJ number (1 = 一级巡视员). */
const LEVEL_RANK: Record<string, number> = { '1A21': 1, '1A22': 2, '1A31': 4, '1A32': 6, '1A41': 8, '1A42': 10, '1A50': 11 };

/** nameKeys is pure and names repeat often in a big population: remember them (bounded). */
const NAME_KEYS = new Map<string, { namePinyin: string; nameInitials: string }>();
function cachedNameKeys(name: string) {
  let k = NAME_KEYS.get(name);
  if (!k) {
    if (NAME_KEYS.size >= 200_000) NAME_KEYS.clear();
    k = nameKeys(name);
    NAME_KEYS.set(name, k);
  }
  return k;
}

const rankCode = (n: number) => `ZJ${String(n).padStart(2, '0')}`;
const rankName = (n: number) => codeName('rank', rankCode(n));

const POLITICAL_SHORT = new Map(CODE_TABLES.political.items.map((i) => [i.code, i.name]));
const DEMOCRATIC = new WeightedTable<string>([
  ['05', 20],
  ['06', 20],
  ['07', 15],
  ['08', 15],
  ['10', 15],
  ['04', 5],
  ['09', 3],
  ['12', 7],
]);
const ETHNIC = new WeightedTable<string>([
  ['01', 960],
  ['03', 22],
  ['11', 8],
  ['02', 5],
  ['08', 2],
  ['06', 1],
  ['04', 1],
  ['05', 1],
]);
/** Anhui address codes of the ZB01 list: 县 codes mostly, the odd prefecture (…00) code. */
const PLACES = new WeightedTable<{ code: string; name: string }>(
  CODE_TABLES.place.items
    .filter((p) => p.code.startsWith('34') && p.code !== '340000')
    .map((p) => [{ code: p.code, name: p.name }, p.code.endsWith('00') ? 0.3 : 1]),
);
const spouseJobs = new WeightedTable(SPOUSE_JOBS);

interface Segment {
  start: number;
  text: string;
}

interface Note {
  /** month the note's period starts, to place it under the segment of that time */
  at: number;
  text: string;
}

interface Education {
  ft: string;
  ftDegree: string | null;
  ftSchool: string;
  study: Segment[];
  /** month work starts (end of full-time study, or enlistment) */
  ws: number;
  major: MajorDef | null;
}

export class PeopleFactory {
  private readonly city: Area;
  private readonly counties: Area[];

  constructor(
    private readonly seed: Random,
    areas: Area[],
    private readonly usedIds = new Set<string>(),
  ) {
    this.city = areas.find((a) => a.isCity)!;
    this.counties = areas.filter((a) => !a.isCity);
  }

  build(id: number, spec: PersonSpec): CadreBundle {
    return new PersonBuilder(this.seed.fork(id), id, spec, this.city, this.counties, this.usedIds).build();
  }
}

class PersonBuilder {
  private readonly r: Random;
  private gender: '1' | '2' = '1';
  private birthIdx = 0;
  private birthDate = '';
  private age = 0;
  private veteran = false;
  private surname = '';
  /** years of service at which the old titles 副主任科员 and 主任科员 were reached */
  private t1 = 3;
  private t2 = 9;
  /** staff: the section of a city organ or the township office they work in ('' for none) */
  private officeSuffix = '';
  /** the county an early career was spent in (usually the cadre's own) */
  private origin: Area | null = null;
  private selected = false;
  private readonly notes: Note[] = [];
  private readonly tags = new Set<string>();

  constructor(
    rng: Random,
    private readonly id: number,
    private readonly spec: PersonSpec,
    private readonly city: Area,
    private readonly counties: Area[],
    private readonly usedIds: Set<string>,
  ) {
    this.r = rng;
  }

  build(): CadreBundle {
    const { spec, r } = this;
    const leaderLike = spec.role === 'leader' || spec.role === 'section';
    const level = spec.levelCode;
    const senior = spec.cityManaged || spec.role === 'researcher';

    // Gender and age.
    const pFemale = leaderLike && level ? FEMALE[level] : FEMALE[spec.role === 'researcher' ? 'researcher' : 'staff'];
    this.gender = spec.female || r.chance(pFemale) ? '2' : '1';
    const span = leaderLike && level ? LEVEL_AGE[level] : spec.role === 'researcher' ? ([47, 54, 59] as const) : this.staffAgeSpan();
    // Women retire at 55 (县处级 at 60, RULES.md §9): keep those below 县处级 under 55.
    const maxAge = this.gender === '2' ? (senior ? 57 : 54) : 59;
    const hi = Math.min(span[2], maxAge);
    const lo = Math.min(span[0], hi);
    this.age = Math.round(r.triangular(lo, Math.min(Math.max(span[1], lo), hi), hi + 0.49));
    this.age = Math.max(lo, Math.min(hi, this.age));
    this.birthDate = this.drawBirthDate(this.age);
    this.birthIdx = mi(this.birthDate);
    const birthYear = Number(this.birthDate.slice(0, 4));

    const place = PLACES.draw(r);
    const idCard = this.drawIdCard(place.code);
    const nativePlace = r.chance(0.82) ? place.name : PLACES.draw(r).name;
    this.surname = drawSurname(r);
    const name = drawName(r, this.gender, birthYear, this.surname);

    // Schooling and work start; veterans (退役军人) start work by enlisting.
    this.veteran = this.gender === '1' && this.age >= 30 && r.chance(leaderLike ? 0.05 : 0.04);
    const edu = this.education(birthYear, senior || (leaderLike && level !== null && level <= '1A41'));
    const ws = edu.ws;
    const yearsWorked = (LAST - ws) / 12;
    this.selected =
      !this.veteran &&
      edu.ws >= mi('2006-07') &&
      (edu.ft === '21' || edu.ft === '11') &&
      r.chance(leaderLike ? (this.age <= 40 ? 0.3 : 0.08) : this.age <= 35 ? 0.1 : 0.04);
    if (this.veteran) this.tags.add('退役军人');
    if (this.selected) this.tags.add('选调生');

    // Post, level and 职级.
    let levelSince: number | null = null;
    let postStart: number | null = null;
    let ranks: { n: number; start: number }[];
    let levelCode = level;
    let currentPost = spec.currentPost;
    if (leaderLike && level) {
      ({ levelSince, postStart } = this.leaderDates(level, ws));
      ranks = this.leaderRanks(level, ws, levelSince, edu.ft === '11');
    } else {
      this.t1 = 3 + r.int(0, 2);
      this.t2 = this.t1 + 5 + r.int(0, 4);
      this.officeSuffix = this.unitOffice(spec.unit);
      ranks = this.staffRanks(ws, edu.ft === '11', spec.role === 'researcher');
      const last = ranks[ranks.length - 1];
      levelCode = !last ? '1A98' : last.n >= 11 ? '1A50' : null;
      currentPost = `${spec.unit.label}${this.officeSuffix}${last ? rankName(last.n) : '科员'}`;
    }

    // In-service education (在职教育) and its 其间 note.
    const ip = this.inService(edu, ws, leaderLike, level);

    const political = this.political(leaderLike);
    const partyJoin = this.partyJoin(political, edu, ws, levelSince);

    // Tags with their own resume notes.
    if (yearsWorked > 4 && this.age >= 28 && this.age <= 55 && r.chance(0.04)) this.villageSecretary(ws);
    if (yearsWorked > 8 && this.age >= 35 && this.age <= 55 && r.chance(0.006)) this.xinjiang(ws);

    const segments =
      leaderLike && level ? this.leaderCareer(level, edu, levelSince!, postStart!, currentPost) : this.staffCareer(edu, ranks, currentPost);
    const resume = this.resumeRows(segments);

    const { appraisals, rewards, punished } = this.merit(ws, leaderLike);
    const young =
      leaderLike && level ? this.age <= ({ '1A42': 35, '1A41': 38, '1A32': 42, '1A31': 46 } as Record<string, number>)[level] : this.age <= 30;
    const lastGrade = appraisals[appraisals.length - 1]?.grade;
    if (!punished && young && r.chance(leaderLike ? 0.6 : lastGrade === '优秀' ? 0.3 : 0.02)) this.tags.add('好苗子');

    const highest = ip && educationTier(ip.code) < educationTier(edu.ft) ? ip.code : edu.ft;
    const keys = cachedNameKeys(name);
    const lastRank = ranks[ranks.length - 1];
    const authDoc = this.docPrefix();
    const cadre: CadreRow = {
      id: this.id,
      idCard,
      name,
      namePinyin: keys.namePinyin,
      nameInitials: keys.nameInitials,
      gender: this.gender,
      birthDate: this.birthDate,
      ethnicCode: ETHNIC.draw(r),
      nativePlace,
      birthplace: place.name,
      politicalStatus: political,
      partyJoinMonth: partyJoin,
      otherParty: ['01', '02', '03', '13'].includes(political) ? null : (POLITICAL_SHORT.get(political) ?? null),
      workStartMonth: ms(ws),
      healthCode: '1',
      professionalTitle: this.professionalTitle(),
      specialty: this.specialty(edu.major, leaderLike),
      ftEducation: edu.ft,
      ftDegree: edu.ftDegree,
      ftEducationSchool: edu.ftSchool,
      ftDegreeSchool: edu.ftDegree ? edu.ftSchool : '',
      ipEducation: ip?.code ?? null,
      ipDegree: ip?.degree ?? null,
      ipEducationSchool: ip?.school ?? '',
      ipDegreeSchool: ip?.degree ? ip.school : '',
      highestEducation: highest,
      currentPost,
      levelCode,
      levelSince: levelSince !== null ? this.dayOf(levelSince, levelSince === postStart ? 'post' : 'level') : null,
      rankCode: lastRank ? rankCode(lastRank.n) : null,
      rankSince: lastRank ? this.dayOf(lastRank.start, 'rank') : null,
      unitId: spec.unit.id,
      authorityId: spec.authorityId,
      status: 'active',
      rewardsText: rewards.length ? rewards.map((x) => x.description).join('；') + '。' : '无',
      appraisalText: appraisalText(appraisals),
      remarks: '',
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    };
    return {
      cadre,
      resume,
      family: this.family(spec.unit.area),
      appraisals: appraisals.map((a) => ({ cadreId: this.id, year: a.year, grade: a.grade })),
      ranks: ranks.map((x, i) => ({
        cadreId: this.id,
        rankCode: rankCode(x.n),
        startDate: this.dayOf(x.start, 'rank'),
        endDate: i + 1 < ranks.length ? this.dayOf(ranks[i + 1].start, 'rank') : null,
        docNo: `${authDoc}组〔${yearOf(x.start)}〕${this.r.int(3, 160)}号`,
      })),
      rewards: rewards.map((x, i) => ({
        cadreId: this.id,
        seq: i + 1,
        kind: x.kind,
        month: ms(x.month),
        description: x.description,
        docNo: x.docNo,
      })),
      tags: [...this.tags].sort().map((tag) => ({ cadreId: this.id, tag })),
      appointment:
        spec.role === 'leader' && postStart !== null
          ? { startDate: this.dayOf(postStart, 'post'), docNo: `${authDoc}组干〔${yearOf(postStart)}〕${this.r.int(1, 120)}号` }
          : null,
    };
  }

  // ---- person ----

  private staffAgeSpan(): [number, number, number] {
    return this.r.chance(0.58) ? [22, 29, 45] : [33, 48, 59];
  }

  /** A birth date giving exactly `age` whole years on AS_OF. */
  private drawBirthDate(age: number): string {
    const y = AS_OF_YEAR - age;
    const from = Date.UTC(y - 1, 5, 2);
    const to = Date.UTC(y, 5, 1);
    const t = from + this.r.int(0, Math.round((to - from) / 86_400_000)) * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }

  /** GB 11643: address code, birth date, sequence (odd for men), check character; unique. */
  private drawIdCard(code: string): string {
    const birth = this.birthDate.replaceAll('-', '');
    for (;;) {
      const seq = this.r.int(0, 499) * 2 + (this.gender === '1' ? 1 : 0);
      const body = `${code}${birth}${String(seq).padStart(3, '0')}`;
      const id = body + checkCharacter(body);
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private education(birthYear: number, senior: boolean): Education {
    const { r } = this;
    const bm = Number(this.birthDate.slice(5, 7));
    // September of the year one is 18 (a year later or earlier for some).
    let y = birthYear + (bm <= 8 ? 18 : 19);
    const shift = r.next();
    if (shift < 0.15) y += 1;
    else if (shift < 0.22) y -= 1;

    if (this.veteran) {
      const enlist = mi(`${y}-12`) - 12 * r.int(0, 1);
      return { ft: r.chance(0.7) ? '37' : '35', ftDegree: null, ftSchool: '', study: [], ws: enlist, major: null };
    }
    const p =
      birthYear >= 1990
        ? [0.22, 0.72, 0.06, 0]
        : birthYear >= 1980
          ? [0.12, 0.7, 0.16, 0.02]
          : birthYear >= 1970
            ? [0.05, 0.55, 0.3, 0.1]
            : [0.02, 0.4, 0.35, 0.23];
    if (senior) {
      p[0] *= 1.6;
      p[1] *= 1.15;
    }
    const codes = ['11', '21', '31', '35'];
    let ft = r.weighted(codes.map((c, i) => [c, p[i]] as const));
    const years = (code: string, major: MajorDef | null) => (code === '11' ? 7 : code === '21' ? (major?.major === '临床医学' ? 5 : 4) : 3);
    const major = r.pick(MAJORS);
    // Someone who cannot have finished this schooling by now went shorter.
    const order = ['11', '21', '31', '35'];
    while (ft !== '35' && mi(`${y + years(ft, major)}-07`) > LAST - 1) ft = order[order.indexOf(ft) + 1];
    if (ft === '35') y -= 3;
    const start = mi(`${y}-09`);
    const end = mi(`${y + years(ft, major)}-07`);
    const univ = r.pick(UNIVERSITIES);
    const bachelor = `${univ}${major.college}${major.major}专业`;
    if (ft === '21') {
      const degree = r.chance(0.93) ? major.bachelor : null;
      return { ft, ftDegree: degree, ftSchool: bachelor, study: [{ start, text: `在${bachelor}学习` }], ws: end, major };
    }
    if (ft === '11') {
      const mid = start + 46;
      const masterEnd = r.chance(0.3) ? end - 12 : end;
      const master = `${r.pick(UNIVERSITIES.slice(0, 8))}${major.college}${major.major}专业`;
      return {
        ft,
        ftDegree: r.chance(0.95) ? major.master : null,
        ftSchool: master,
        study: [
          { start, text: `在${bachelor}学习` },
          { start: mid, text: `在${master}硕士研究生学习` },
        ],
        ws: masterEnd,
        major,
      };
    }
    if (ft === '31') {
      const school = `${r.pick(COLLEGES)}${r.pick(['行政管理', '会计', '经济管理', '法律事务', '计算机应用技术', '文秘', '农业经济管理'])}专业`;
      return { ft, ftDegree: null, ftSchool: school, study: [{ start, text: `在${school}学习` }], ws: end, major: null };
    }
    const school = `${r.pick(SECONDARY_SCHOOLS)}${r.pick(['财会', '农学', '文秘', '计算机应用', '农业机械'])}专业`;
    return { ft: '35', ftDegree: null, ftSchool: school, study: [{ start, text: `在${school}学习` }], ws: end, major: null };
  }

  private inService(
    edu: Education,
    ws: number,
    leaderLike: boolean,
    level: string | null,
  ): { code: string; degree: string | null; school: string } | null {
    const { r } = this;
    const senior = level !== null && level <= '1A32';
    let code: string | null = null;
    if (edu.ft === '35' || edu.ft === '37' || edu.ft === '31') {
      if (r.chance(0.85))
        code = r.weighted([
          ['23', 4],
          ['21', 4.5],
          ['31', edu.ft === '31' ? 0 : 1.5],
        ]);
    } else if (edu.ft === '21') {
      const p = leaderLike ? (senior ? 0.45 : 0.22) : 0.07;
      if (r.chance(p)) code = r.chance(0.55) ? '11' : '1B';
    } else if (r.chance(leaderLike ? 0.08 : 0.02)) code = '1B';
    if (!code) return null;
    const length = code === '11' ? 30 : code === '21' ? r.int(30, 36) : 26;
    const earliest = ws + 24;
    // In-service degrees are taken before 45 or so.
    const latest = Math.min(LAST - length - 1, this.birthIdx + 45 * 12);
    if (earliest > latest) return null;
    const start = mi(`${yearOf(r.int(earliest, latest))}-09`);
    if (start < earliest || start + length > LAST - 1) return null;
    const end = start + length - (length % 12 === 0 ? 2 : 0);
    let school: string;
    let degree: string | null = null;
    let kind: string;
    if (code === '11') {
      const [deg, college, major] = r.pick(IN_SERVICE_MASTERS);
      school = `${r.pick(UNIVERSITIES.slice(0, 8))}${college}${major}专业`;
      degree = deg;
      kind = '在职研究生';
    } else if (code === '21') {
      const m = r.pick(MAJORS.filter((x) => ['法学', '行政管理', '汉语言文学', '经济学', '会计学'].includes(x.major)));
      school = `${r.pick(UNIVERSITIES)}${m.major}专业`;
      degree = r.chance(0.3) ? m.bachelor : null;
      kind = '在职大学';
    } else if (code === '31') {
      school = `${r.pick(COLLEGES)}${r.pick(['行政管理', '法律事务', '经济管理'])}专业`;
      kind = '在职大专';
    } else {
      school = `${PARTY_SCHOOL}${r.pick(PARTY_SCHOOL_MAJORS)}专业`;
      kind = code === '23' ? '在职大学' : '在职研究生';
    }
    const degreeName = degree ? `，获${codeName('degree', degree).replace(/专业$/, '')}学位` : '';
    this.notes.push({ at: start, text: `（其间：${dotted(start)}--${dotted(end)}在${school}${kind}学习${degreeName}）` });
    return { code, degree, school };
  }

  private political(leaderLike: boolean): string {
    const { r, spec } = this;
    if (spec.nonParty) return DEMOCRATIC.draw(r);
    if (leaderLike) {
      const p = spec.unit.kind === '事业' ? 0.9 : 0.975;
      return r.chance(p) ? '01' : DEMOCRATIC.draw(r);
    }
    if (this.age < 28) {
      const c = r.weighted([
        ['01', 45],
        ['02', 8],
        ['03', 27],
        ['13', 15],
        ['dem', 5],
      ]);
      return c === 'dem' ? DEMOCRATIC.draw(r) : c;
    }
    const c = r.weighted([
      ['01', 90],
      ['02', 0.5],
      ['13', 6],
      ['dem', 3.5],
    ]);
    return c === 'dem' ? DEMOCRATIC.draw(r) : c;
  }

  /** 入党时间: at 18 or later (党章 第一条), in college or in the first years of work. */
  private partyJoin(political: string, edu: Education, ws: number, levelSince: number | null): string | null {
    const { r } = this;
    if (political !== '01' && political !== '02') return null;
    const earliest = this.birthIdx + 18 * 12 + 1;
    if (political === '02') return ms(Math.max(earliest, LAST - r.int(1, 11)));
    let latest = LAST - 12;
    if (levelSince !== null) latest = Math.min(latest, levelSince - 6);
    let at: number;
    const study = edu.study.length ? edu.study[0].start : null;
    if (study !== null && (edu.ft === '21' || edu.ft === '11') && r.chance(0.45)) at = study + r.int(12, ws - study - 2);
    else if (this.veteran) at = ws + r.int(12, 36);
    else at = ws + Math.round(r.triangular(6, 30, 180));
    at = Math.min(at, latest);
    at = Math.max(at, earliest);
    return ms(Math.min(at, LAST - 1));
  }

  // ---- career ----

  /** When the cadre took the current post, and the current level (levelSince ≤ postStart). */
  private leaderDates(level: string, ws: number): { levelSince: number; postStart: number } {
    const { r, spec } = this;
    let post: number;
    if (spec.cycle && spec.role === 'leader' && r.chance(0.5)) post = mi(spec.cycle);
    else post = LAST - Math.round(r.triangular(1, 30, 100));
    let since = r.chance(0.5) ? post : post - Math.round(r.triangular(6, 24, 72));
    const floor = ws + MIN_YEARS[level] * 12;
    if (since < floor) since = floor;
    if (post < since) post = since;
    if (post > LAST) post = since = Math.max(ws + 6, LAST - r.int(1, 6));
    return { levelSince: since, postStart: post };
  }

  /**
   * 职级 of a leader: 套转 on 2019-06-01 to the rank of the level then held, the level's rank when
   * promoted later, and sometimes a rank step within the level after two years or more.
   */
  private leaderRanks(level: string, ws: number, levelSince: number, graduate: boolean): { n: number; start: number }[] {
    const { r } = this;
    const out: { n: number; start: number }[] = [];
    const lvl = LADDER.indexOf(level);
    if (ws < BEGIN) {
      const then = levelSince <= BEGIN ? level : LADDER[Math.max(0, lvl - 1)];
      const n0 = then === '1A50' && BEGIN - ws < 24 ? 12 : LEVEL_RANK[then];
      out.push({ n: n0, start: BEGIN });
    } else if (ws + 12 <= LAST) out.push({ n: graduate ? 11 : 12, start: ws + 12 });
    const base = LEVEL_RANK[level];
    const last = out[out.length - 1];
    if (!last) {
      out.push({ n: base, start: Math.max(levelSince, BEGIN) });
    } else if (last.n > base) {
      const at = Math.max(levelSince, last.start + 12);
      if (at <= LAST) out.push({ n: base, start: at });
    }
    const top = out[out.length - 1];
    const stepFloor: Record<string, number> = { '1A22': 1, '1A31': 3, '1A32': 5, '1A41': 7, '1A42': 9 };
    if (stepFloor[level] !== undefined && top.n > stepFloor[level] && top.start + 24 <= LAST && r.chance(0.45)) {
      out.push({ n: top.n - 1, start: top.start + 24 + r.int(0, LAST - top.start - 24) });
    }
    return out;
  }

  /**
   * 职级 of non-leading staff, simulated: 套转 on 2019-06-01 by years of service (or 二级科员 after
   * the probation year of a newer civil servant), then a step every two years or more for some.
   */
  private staffRanks(ws: number, graduate: boolean, researcher: boolean): { n: number; start: number }[] {
    const { r, spec } = this;
    const out: { n: number; start: number }[] = [];
    // County organs: 一级主任科员 at most for county-managed staff; 调研员 are city-managed.
    const cap = researcher ? (spec.unit.area.isCity ? 3 : 4) : 7;
    if (ws < BEGIN) {
      // 套转 by the old title held then: 科员 → 一级科员, 副主任科员 → 四级主任科员, 主任科员 → 三级 or
      // 二级 (一级) 主任科员 by years in it, 副调研员 / 调研员 → 四级 / 三级 / 二级调研员.
      const yos = (BEGIN - ws) / 12;
      const n = researcher
        ? r.weighted([
            [6, 6],
            [5, 3],
            [4, 1],
          ])
        : yos < 1
          ? 12
          : yos < this.t1
            ? 11
            : yos < this.t2
              ? 10
              : yos - this.t2 < 6
                ? 9
                : yos - this.t2 < 14 || r.chance(0.5)
                  ? 8
                  : 7;
      out.push({ n: Math.max(n, cap), start: BEGIN });
    } else if (ws + 12 <= LAST) out.push({ n: graduate ? 11 : 12, start: ws + 12 });
    else return out;
    // Steps above 四级主任科员 depend on quotas (职数): fewer of them.
    while (out.length < 3) {
      const top = out[out.length - 1];
      const at = top.start + 24 + r.int(0, 10);
      const p = researcher ? 0.4 : ws >= BEGIN ? 0.8 : top.n > 9 ? 0.65 : top.n > 8 ? 0.35 : 0.22;
      if (top.n <= cap || at > LAST || !r.chance(p)) break;
      out.push({ n: top.n - 1, start: at });
    }
    return out;
  }

  /** 简历 of a leader: schooling, then posts climbing the ladder to the current level, then the current post. */
  private leaderCareer(level: string, edu: Education, levelSince: number, postStart: number, currentPost: string): Segment[] {
    const { r } = this;
    const segs: Segment[] = [...edu.study];
    let from = edu.ws;
    if (this.veteran) from = this.service(edu.ws, segs, levelSince);
    const c = LADDER.indexOf(level);
    const careerYears = (LAST - edu.ws) / 12;
    const target = Math.max(4, Math.min(10, Math.round(2 + careerYears / 4) + r.int(0, 2)));
    const fixed = segs.length + (postStart > levelSince ? 1 : 0) + 1;
    let m = Math.max(target - fixed, c, 1);
    m = Math.min(m, 10 - fixed, Math.floor((levelSince - from) / 6));
    if (m > 0) {
      const cuts = this.cuts(from, levelSince, m, 6);
      for (let j = 0; j < m; j++) {
        const idx = Math.min(c - 1, Math.floor((j * c) / m));
        const first = j === 0 && this.selected;
        segs.push({ start: cuts[j], text: first ? this.selectedFirstPost(cuts[j]) : this.careerTitle(Math.max(0, idx), cuts[j]) });
      }
    }
    if (postStart > levelSince) segs.push({ start: levelSince, text: this.careerTitle(c, levelSince, currentPost) });
    segs.push({ start: postStart, text: currentPost });
    return segs;
  }

  /** 简历 of staff: schooling, lines before 2019 with the old titles, then one line per 职级. */
  private staffCareer(edu: Education, ranks: { n: number; start: number }[], currentPost: string): Segment[] {
    const { r, spec } = this;
    const segs: Segment[] = [...edu.study];
    let from = edu.ws;
    const firstRank = ranks.length ? ranks[0].start : LAST + 1;
    if (this.veteran) from = this.service(edu.ws, segs, firstRank);
    const unit = spec.unit;
    const end = Math.min(firstRank, LAST + 1);
    if (end > from) {
      // Lines change with the old 非领导职务 titles (科员 → 副主任科员 → 主任科员) and with a transfer.
      const points = new Set<number>([from]);
      if (ranks.length === 0 || firstRank <= BEGIN) {
        for (const years of [this.t1, this.t2, this.t2 + 5]) {
          const p = edu.ws + years * 12;
          if (p > from + 6 && p < end - 6) points.add(p);
        }
      }
      let transfer: number | null = null;
      const short = segs.length + points.size + ranks.length < 4;
      if ((short || r.chance(0.4)) && end - from >= 18) {
        transfer = from + r.int(6, end - from - 6);
        points.add(transfer);
      }
      const before = transfer !== null ? this.otherOffice(unit) : null;
      const starts = [...points].sort((a, b) => a - b);
      const researcher = spec.role === 'researcher' && ranks.length > 0;
      starts.forEach((start, j) => {
        const yos = (start - edu.ws) / 12;
        let title = ranks.length === 0 || start >= BEGIN || yos < this.t1 ? '科员' : yos < this.t2 ? '副主任科员' : '主任科员';
        if (researcher && j === starts.length - 1 && start >= edu.ws + (this.t2 + 5) * 12) title = ranks[0].n <= 4 ? '调研员' : '副调研员';
        const place = before && transfer !== null && start < transfer ? before(yearOf(start)) : this.officeIn(yearOf(start));
        const text = j === 0 && this.selected ? this.selectedFirstPost(start) : `${place}${title}`;
        if (segs.length && segs[segs.length - 1].text === text) return;
        segs.push({ start, text });
      });
    }
    ranks.forEach((x, i) =>
      segs.push({ start: x.start, text: i === ranks.length - 1 ? currentPost : `${this.officeIn(yearOf(x.start))}${rankName(x.n)}` }),
    );
    return segs;
  }

  /** Military service line(s) before civilian work; returns the month civilian work starts. */
  private service(ws: number, segs: Segment[], before: number): number {
    const { r } = this;
    const years = Math.round(r.triangular(2, 4, 16));
    const end = Math.min(ws + years * 12, before - 12, LAST - 12);
    if (end <= ws) return ws;
    segs.push({ start: ws, text: years >= 8 ? '中国人民解放军某部战士、排长、副连长' : '在中国人民解放军某部服役' });
    return end;
  }

  /** m segment starts from `from` up to (excluding) `to`, each at least `min` months long. */
  private cuts(from: number, to: number, m: number, min: number): number[] {
    const span = to - from;
    const slack = Math.max(0, span - m * min);
    const w = Array.from({ length: m }, () => this.r.next() + 0.2);
    const sum = w.reduce((a, b) => a + b, 0);
    const out: number[] = [];
    let at = from;
    for (let j = 0; j < m; j++) {
      out.push(at);
      at += min + Math.floor((w[j] / sum) * slack);
    }
    return out;
  }

  /** The first post of a 选调生: a township office, with two years in a village noted under it. */
  private selectedFirstPost(start: number): string {
    const area = this.homeCounty();
    const t = this.r.pick(area.townships);
    const v = `${t.name.replace(/(镇|乡|街道)$/, '')}${this.r.pick(VILLAGE_ROOTS)}${t.type === '街道' ? '社区' : '村'}`;
    // Still under way on the generator's date: no end month (a future one fails the form's checks).
    const until = start + 24 <= LAST ? dotted(start + 24) : '';
    this.notes.push({ at: start, text: `（其间：${dotted(start)}--${until}挂任${area.name}${v}党组织书记助理）` });
    return `${area.name}${t.name}${this.r.pick(TOWNSHIP_OFFICES)}科员`;
  }

  private villageSecretary(ws: number) {
    const windows: [string, string][] = [
      ['2015-08', '2017-08'],
      ['2018-03', '2021-03'],
      ['2021-06', '2024-06'],
    ];
    const ok = windows.filter(([s]) => mi(s) >= ws + 12);
    if (!ok.length) return;
    const [s, e] = this.r.pick(ok);
    const area = this.homeCounty();
    const t = this.r.pick(area.townships);
    const v = `${this.r.pick(VILLAGE_ROOTS)}村`;
    this.notes.push({ at: mi(s), text: `（其间：${dotted(mi(s))}--${dotted(mi(e))}任${area.name}${t.name}${v}党组织第一书记、驻村工作队队长）` });
    this.tags.add('驻村第一书记');
  }

  private xinjiang(ws: number) {
    const windows: [string, string][] = [
      ['2016-12', '2019-12'],
      ['2019-12', '2022-12'],
      ['2022-12', '2025-12'],
    ];
    const ok = windows.filter(([s, e]) => mi(s) >= ws + 60 && mi(e) <= LAST);
    if (!ok.length) return;
    const [s, e] = this.r.pick(ok);
    const dept = this.r.pick(['财政局副局长', '农业农村局副局长', '商务局副局长', '教育局副局长', '发展和改革委员会副主任']);
    this.notes.push({ at: mi(s), text: `（其间：${dotted(mi(s))}--${dotted(mi(e))}援疆，挂任新疆和田地区皮山县${dept}）` });
    this.tags.add('援疆');
  }

  private homeCounty(): Area {
    return this.spec.unit.area.isCity || this.r.chance(0.2) ? this.r.pick(this.counties) : this.spec.unit.area;
  }

  /** The office within the unit staff work in: a section of a city organ, a township office, or none. */
  private unitOffice(unit: UnitInfo): string {
    if (unit.township) return this.r.pick(TOWNSHIP_OFFICES);
    if (unit.area.isCity && (unit.kind === '部门' || unit.kind === '纪委' || unit.kind === '人大' || unit.kind === '政协'))
      return this.r.pick(unit.sections);
    return '';
  }

  /** The staff member's office as it was named in a year (renamed departments kept their staff). */
  private officeIn(year: number): string {
    const unit = this.spec.unit;
    return `${nameInYear(unit.label, unit.before, year)}${this.officeSuffix}`;
  }

  /** Where staff worked before moving to their unit: a township, or another department (named by year). */
  private otherOffice(unit: UnitInfo): (year: number) => string {
    const { r } = this;
    const area = unit.area.isCity && r.chance(0.7) ? unit.area : unit.area.isCity ? r.pick(this.counties) : unit.area;
    const others = area.departments.filter((x) => x.name !== unit.name);
    if (area.isCity) {
      const dept = r.pick(others);
      const section = r.pick(sectionsOf(dept.key));
      return (year) => `${nameInYear(dept.name, dept.before, year)}${section}`;
    }
    if ((!unit.township || r.chance(0.5)) && r.chance(0.6)) {
      const t = r.pick(area.townships.filter((x) => x.name !== unit.name));
      const office = `${area.name}${t.name}${r.pick(TOWNSHIP_OFFICES)}`;
      return () => office;
    }
    const dept = r.pick(others);
    return (year) => nameInYear(dept.name, dept.before, year);
  }

  /**
   * A department of the area as it stood in a year, named as then. Organs formed in the 2018–2019
   * reforms out of others (医疗保障局 from 人社局 …) are not offered before they existed.
   */
  private departmentIn(area: Area, year: number): { dept: AreaDepartment; name: string } {
    const current = new Set(area.departments.map((x) => x.name));
    for (;;) {
      const dept = this.r.pick(area.departments);
      const name = nameInYear(dept.name, dept.before, year);
      if (name === dept.name || !current.has(name)) return { dept, name };
    }
  }

  /** A plausible earlier post at ladder step idx (0 科员 … 5 副厅), in the city or a county, at month `at`. */
  private careerTitle(idx: number, at: number, avoid?: string): string {
    for (let i = 0; i < 4; i++) {
      const t = this.careerTitleOnce(idx, yearOf(at));
      if (t !== avoid) return t;
    }
    return this.careerTitleOnce(idx, yearOf(at));
  }

  private careerTitleOnce(idx: number, year: number): string {
    const { r, spec } = this;
    const home = spec.unit.area;
    let area: Area;
    if (idx >= 5) area = this.city;
    else if (home.isCity) area = r.chance(idx <= 2 ? 0.7 : 0.65) ? this.city : r.pick(this.counties);
    else {
      // An early career mostly in one county: the cadre's own, or the one they came from.
      const senior = spec.cityManaged || spec.role === 'researcher';
      this.origin ??= r.chance(senior ? 0.7 : 0.88) ? home : r.pick(this.counties.filter((c) => c !== home));
      const x = r.next();
      if (idx <= 1) area = x < 0.85 ? this.origin : home;
      else if (idx === 2) area = x < 0.5 ? this.origin : home;
      else area = x < 0.2 ? this.city : x < 0.85 ? home : this.origin;
    }
    if (area.isCity) return this.cityTitle(idx, year);
    return this.countyTitle(area, idx, year);
  }

  private cityTitle(idx: number, year: number): string {
    const { r } = this;
    const c = this.city;
    if (idx >= 5) {
      if (idx >= 6) return `${c.party}副书记、${c.name}人民政府市长`;
      return r.pick([`${c.party}常委、${r.pick(['组织部部长', '宣传部部长', '统战部部长', '政法委书记', '秘书长'])}`, `${c.name}人民政府副市长`]);
    }
    const { dept, name } = this.departmentIn(c, year);
    const section = r.pick(sectionsOf(dept.key));
    switch (idx) {
      case 0:
        return `${name}${section}科员`;
      case 1:
        return `${name}${section}副科长`;
      case 2:
        return `${name}${section}科长`;
      case 3:
        return `${name}${dept.deputy}`;
      default:
        return dept.standing ? `${name}常务副${dept.chief}` : `${name}${dept.chief}`;
    }
  }

  private countyTitle(area: Area, idx: number, year: number): string {
    const { r } = this;
    const { name: C, suffix: S, party: P } = area;
    const { dept, name: deptName } = this.departmentIn(area, year);
    const t: Township | undefined = area.townships.length ? r.pick(area.townships) : undefined;
    const inTownship = t !== undefined && r.chance(idx === 0 ? 0.5 : 0.6);
    const govDept = !deptName.startsWith('中共') && !deptName.startsWith('共青团') && !/(工会|联合会)$/.test(deptName);
    switch (idx) {
      case 0:
        return inTownship ? `${C}${t.name}${r.pick(TOWNSHIP_OFFICES)}科员` : `${deptName}科员`;
      case 1: {
        if (inTownship) {
          const head = t.type === '乡' ? '乡长' : '镇长';
          const opts =
            t.type === '街道'
              ? ['党工委委员、办事处副主任', '党工委委员、组织委员', '办事处副主任', '党工委委员、纪工委书记']
              : [`党委委员、副${head}`, '党委委员、组织委员', '党委委员、宣传委员', `副${head}`, '党委委员、纪委书记', '人大副主席'];
          return `${C}${t.name}${r.pick(opts)}`;
        }
        return govDept && r.chance(0.4) ? `${deptName}党组成员、${dept.deputy}` : `${deptName}${dept.deputy}`;
      }
      case 2: {
        if (inTownship) {
          const head = t.type === '乡' ? '乡长' : '镇长';
          return `${C}${t.name}${r.pick(t.type === '街道' ? ['党工委书记', '党工委副书记、办事处主任'] : ['党委书记', `党委副书记、${head}`])}`;
        }
        if (dept.standing) return `${deptName}常务副${dept.chief}`;
        return govDept && r.chance(0.5) ? `${deptName}党组书记、${dept.chief}` : `${deptName}${dept.chief}`;
      }
      case 3:
        return r.pick([
          `${C}人民政府副${S}长`,
          `${P}常委、${r.pick(['组织部部长', '宣传部部长', '统战部部长', '政法委书记', '办公室主任'])}`,
          `${C}人大常委会副主任`,
          `政协${C}委员会副主席`,
        ]);
      default:
        return r.pick([`${P}副书记、${C}人民政府${S}长`, `${P}书记`, `${C}人大常委会主任`, `政协${C}委员会主席`]);
    }
  }

  /** Resume rows: segments in order, each 其间 note under the segment of its time. */
  private resumeRows(segments: Segment[]): Insertable<CadreResumeTable>[] {
    const rows: Insertable<CadreResumeTable>[] = [];
    const notes = [...this.notes].sort((a, b) => a.at - b.at);
    let seq = 0;
    segments.forEach((s, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].start : null;
      rows.push({ cadreId: this.id, seq: ++seq, startMonth: ms(s.start), endMonth: end === null ? null : ms(end), text: s.text, kind: 'segment' });
      for (const n of notes) {
        const inside = n.at >= s.start && (end === null || n.at < end);
        const beforeAll = i === 0 && n.at < s.start;
        if (inside || beforeAll) rows.push({ cadreId: this.id, seq: ++seq, startMonth: null, endMonth: null, text: n.text, kind: 'note' });
      }
    });
    return rows;
  }

  // ---- merit ----

  private merit(ws: number, leaderLike: boolean) {
    const { r } = this;
    const appraisals: { year: number; grade: string }[] = [];
    const rewards: { kind: string; month: number; description: string; docNo: string }[] = [];
    const doc = this.docPrefix();
    const areaName = this.spec.unit.area.name;
    let punished: { year: number; text: string } | null = null;
    if (r.chance(0.004) && ws < mi('2021-01')) punished = { year: r.int(2021, 2025), text: r.pick(PUNISHMENTS) };
    for (const year of APPRAISAL_YEARS) {
      if (ws > mi(`${year}-06`)) continue;
      let grade = r.weighted(
        leaderLike
          ? [
              ['优秀', 22],
              ['称职', 77],
              ['基本称职', 1],
            ]
          : [
              ['优秀', 16],
              ['称职', 82.5],
              ['基本称职', 1.5],
            ],
      );
      if (punished && punished.year === year) grade = punished.text.includes('严重') ? '基本称职' : '称职';
      appraisals.push({ year, grade });
    }
    appraisals.forEach((a, i) => {
      if (a.grade !== '优秀') return;
      const three = i >= 2 && appraisals[i - 1].grade === '优秀' && appraisals[i - 2].grade === '优秀';
      rewards.push({
        kind: 'reward',
        month: mi(`${a.year + 1}-0${r.int(2, 4)}`),
        description: three ? `${a.year}年度考核连续三年优秀，记三等功` : `${a.year}年度考核优秀，予以嘉奖`,
        docNo: `${doc}人社〔${a.year + 1}〕${r.int(2, 60)}号`,
      });
    });
    if (r.chance(leaderLike ? 0.15 : 0.06)) {
      const year = r.int(Math.max(2016, yearOf(ws) + 1), 2025);
      const pool = this.gender === '2' ? [...HONOURS, ...WOMEN_HONOURS] : HONOURS;
      const text = r.pick(pool).replaceAll('{C}', r.chance(0.7) ? areaName : this.city.name);
      if (year <= 2025)
        rewards.push({
          kind: 'reward',
          month: mi(`${year}-${String(r.int(1, 12)).padStart(2, '0')}`),
          description: `${year}年${text}`,
          docNo: `${doc}发〔${year}〕${r.int(5, 90)}号`,
        });
    }
    if (punished) {
      const month = mi(`${punished.year}-${String(r.int(1, 12)).padStart(2, '0')}`);
      rewards.push({
        kind: 'punishment',
        month: Math.min(month, LAST),
        description: `${punished.year}年${punished.text}`,
        docNo: `${doc}纪〔${punished.year}〕${r.int(1, 40)}号`,
      });
    }
    rewards.sort((a, b) => a.month - b.month);
    return { appraisals, rewards, punished: punished !== null };
  }

  // ---- family ----

  private family(area: Area): Insertable<CadreFamilyTable>[] {
    const { r } = this;
    const out: { relation: string; name: string; birth: number; political: string | null; job: string }[] = [];
    const male = this.gender === '1';
    const mySurname = this.surname;
    const married = this.age >= 30 ? r.chance(this.spec.role === 'leader' ? 0.98 : 0.94) : this.age >= 25 ? r.chance((this.age - 24) * 0.15) : false;
    let spouseSurname = '';
    if (married) {
      const diff = male ? -r.int(-1, 4) : r.int(0, 4);
      const birth = this.birthIdx + diff * 12 + r.int(-5, 5);
      spouseSurname = drawSurname(r);
      const name = drawName(r, male ? '2' : '1', yearOf(birth), spouseSurname);
      const age = (LAST - birth) / 12;
      const retired = age >= (male ? 55 : 60);
      out.push({
        relation: male ? '妻子' : '丈夫',
        name,
        birth,
        political: r.chance(0.4) ? '01' : '13',
        job: retired ? `${area.name}${r.pick(['第一中学', '人民医院', '供电公司', '自来水公司'])}退休职工` : this.job(area),
      });
      const birthYear = yearOf(this.birthIdx);
      const nKids =
        this.age < 28
          ? r.chance(0.3)
            ? 1
            : 0
          : birthYear < 1980
            ? r.chance(0.9)
              ? 1
              : 2
            : r.weighted([
                [0, 5],
                [1, 58],
                [2, 37],
              ]);
      let kidBirth = this.birthIdx + r.int(25, 33) * 12 + r.int(0, 11);
      for (let k = 0; k < nKids && kidBirth <= LAST - 2; k++) {
        const g = r.chance(0.5) ? '1' : '2';
        const fatherSurname = male ? mySurname : spouseSurname;
        out.push({
          relation: g === '1' ? '儿子' : '女儿',
          name: drawName(r, g, yearOf(kidBirth), r.chance(0.95) ? fatherSurname : male ? spouseSurname : mySurname),
          birth: kidBirth,
          ...this.childStatus(kidBirth, area),
        });
        kidBirth += r.int(2, 8) * 12 + r.int(0, 11);
      }
    }
    // Parents: the father shares the surname.
    const fatherBirth = this.birthIdx - r.int(22, 32) * 12 - r.int(0, 11);
    const motherBirth = Math.min(fatherBirth + r.int(-2, 5) * 12 + r.int(-6, 6), this.birthIdx - 20 * 12);
    const rural = r.chance(0.55);
    const county = area.isCity ? r.pick(this.counties) : area;
    const town = county.townships.length ? r.pick(county.townships) : null;
    const village = !town
      ? `${county.name}居民`
      : town.type === '街道'
        ? `${county.name}${town.name}${r.pick(VILLAGE_ROOTS)}社区居民`
        : `${county.name}${town.name}${r.pick(VILLAGE_ROOTS)}村村民`;
    for (const [relation, birth, g] of [
      ['父亲', fatherBirth, '1'],
      ['母亲', motherBirth, '2'],
    ] as const) {
      const age = (LAST - birth) / 12;
      const dead = r.chance(age >= 90 ? 0.85 : age >= 80 ? 0.5 : age >= 70 ? 0.22 : age >= 60 ? 0.08 : 0.02);
      const base = rural
        ? village
        : `${area.name}${r.pick(['第一中学退休教师', '供销合作社退休职工', '人民医院退休职工', '粮食局退休干部', '机械厂退休职工'])}`;
      out.push({
        relation,
        name: drawName(r, g, yearOf(birth), g === '1' ? mySurname : undefined),
        birth,
        political: r.chance(g === '1' ? 0.3 : 0.15) ? '01' : '13',
        job: dead ? `${base}（已去世）` : base,
      });
    }
    // At least three members: a brother or sister of the unmarried.
    while (out.length < 3) {
      const older = r.chance(0.5);
      const g = r.chance(0.5) ? '1' : '2';
      const birth = this.birthIdx + (older ? -1 : 1) * r.int(2, 6) * 12;
      if (birth > LAST - 12) continue;
      out.push({
        relation: g === '1' ? (older ? '哥哥' : '弟弟') : older ? '姐姐' : '妹妹',
        name: drawName(r, g, yearOf(birth), mySurname),
        birth,
        ...this.childStatus(birth, area),
      });
    }
    return out.slice(0, 5).map((m, i) => ({
      cadreId: this.id,
      seq: i + 1,
      relation: m.relation,
      name: m.name,
      birthMonth: ms(m.birth),
      politicalStatus: m.political,
      workUnitPost: m.job,
    }));
  }

  private childStatus(birth: number, area: Area): { political: string | null; job: string } {
    const { r } = this;
    const age = (LAST - birth) / 12;
    if (age < 6) return { political: null, job: '学龄前儿童' };
    if (age < 12) return { political: null, job: `${area.name}实验小学学生` };
    if (age < 14) return { political: null, job: `${area.name}第一中学学生` };
    if (age < 18) return { political: r.chance(0.6) ? '03' : '13', job: `${area.name}第一中学学生` };
    if (age < 22.5) return { political: r.chance(0.7) ? '03' : '13', job: `${r.pick(UNIVERSITIES)}学生` };
    return { political: r.chance(0.3) ? '01' : age < 28 && r.chance(0.5) ? '03' : '13', job: this.job(area) };
  }

  private job(area: Area): string {
    const { r } = this;
    return spouseJobs.draw(r).replace('{C}', area.name).replace('{DEPT}', r.pick(area.departments).name).replace('{FIRM}', r.pick(FIRMS));
  }

  // ---- small fields ----

  private professionalTitle(): string {
    const kind = this.spec.unit.kind;
    if (kind === '事业' || kind === '国企') return this.r.chance(0.35) ? this.r.pick(PROFESSIONAL_TITLES) : '';
    // In organs, the odd 经济师 or 工程师 from earlier work.
    return this.r.chance(0.05) ? this.r.pick(PROFESSIONAL_TITLES.filter((t) => /^(助理)?(高级)?(经济师|工程师|会计师)$/.test(t))) : '';
  }

  private specialty(major: MajorDef | null, leaderLike: boolean): string {
    const { r, spec } = this;
    if (!r.chance(leaderLike ? 0.9 : 0.5)) return '';
    const pool = [...spec.unit.specialties, ...(major?.specialties ?? []), r.pick(GENERAL_SPECIALTIES)];
    const first = r.pick(pool);
    if (!r.chance(0.3)) return first;
    const second = r.pick(pool);
    return second === first ? first : `${first}、${second}`;
  }

  private docPrefix(): string {
    return this.spec.cityManaged || this.spec.unit.area.isCity ? this.city.doc : this.spec.unit.area.doc;
  }

  /** A day in the month, the same for everything one cadre has in that month; 套转 on 2019-06-01. */
  private dayOf(month: number, kind: 'post' | 'level' | 'rank'): string {
    if (kind === 'rank' && month === BEGIN) return RANKS_BEGIN;
    const day = this.dayCache.get(month) ?? this.r.int(1, 28);
    this.dayCache.set(month, day);
    return `${ms(month)}-${String(day).padStart(2, '0')}`;
  }
  private readonly dayCache = new Map<number, number>();
}

function sectionsOf(key: string): string[] {
  return CITY_SECTIONS[key] ?? CITY_SECTIONS.default;
}

/** 年度考核结果 as the form writes it: '2023—2025年度考核均为称职' or year by year. */
export function appraisalText(list: { year: number; grade: string }[]): string {
  if (!list.length) return '';
  if (list.length > 1 && list.every((a) => a.grade === list[0].grade))
    return `${list[0].year}—${list[list.length - 1].year}年度考核均为${list[0].grade}。`;
  return list.map((a) => `${a.year}年度考核${a.grade}`).join('，') + '。';
}
