// Team structure summary (班子结构): the figures an organization department reads off a team on a date
// — size against quota, vacancies by level, age, gender, Party/non-Party, ethnic minority, education,
// specialty mix, source and tenure — from the same facts the structure rules read (team-rules.ts).
// Pure: the date and thresholds come in. Ages and years are whole years as dates.ageOn counts them
// (a birthday on asOf counts, 29 February completes on 1 March of a common year). Sources: the
// structure items of 《党政领导干部选拔任用工作条例》(2019) 第4条 (班子结构合理) and RULES.md §10; the
// young-cadre ages, term length and specialty needs are the dated settings the rules use.
import { ageOn } from './dates.js';
import { AGE_BANDS, COLLEGE_CODES, EDUCATION_TIERS } from '../features/stats/stats.rules.js';
import { EXPERIENCE_KINDS, type Experience } from './resume-experience.js';
import { selects, teamBand, type LevelBand, type MemberFacts, type SpecialtyNeed, type TeamFacts } from './team-rules.js';

export interface StructureSettings {
  youngCadreAgeByLevel: Record<LevelBand, number>;
  termYears: number;
  /** the five specialties (names of teamRules.specialtyKeywords) */
  specialties: readonly string[];
  specialtyNeeds: readonly SpecialtyNeed[];
  sevenDepartments: readonly string[];
}

export interface Count {
  key: string;
  label: string;
  count: number;
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
  /** 基层 / 市直 experience read from the 简历 with the line it rests on; null when no 简历 was read */
  experience: Experience[] | null;
  /** whole years in the current post (unbroken), null when unknown */
  postYears: number | null;
  /** the term (任期) the member is serving in the post: 1 in the first termYears years */
  term: number | null;
  /** whole years at the current level, null when unknown */
  levelYears: number | null;
}

export interface TeamStructure {
  asOf: string;
  size: { members: number; quota: number; vacant: number; overQuota: number };
  chief: { quota: number; filled: number; vacant: number };
  /** per 职务层次 (ZB09) of the posts and of the members' posts, ordered by code */
  byLevel: { levelCode: string; quota: number; filled: number; vacant: number; overQuota: number }[];
  age: {
    average: number | null;
    bands: Count[];
    youngest: { name: string; cadreId?: number; age: number } | null;
    band: LevelBand | null;
    /** the young-cadre age of the team's band (members aged at most this are young) */
    youngLimit: number | null;
    young: number;
  };
  gender: { male: number; female: number };
  party: { party: number; nonParty: number };
  ethnicMinority: number;
  education: Count[];
  /** each of the five specialties: members holding it, and whether the team's unit needs it */
  specialties: { name: string; count: number; needed: boolean }[];
  /** tags such as 选调生, 退役军人, with the number of members carrying each */
  sources: Count[];
  /**
   * 基层 / 市直 experience read from the members' 简历 (a reading of text, see resume-experience.ts):
   * `read` members could be judged (a 简历, or a held unit that is itself 基层 or 市直); the counts are among them.
   */
  experience: { read: number; counts: Count[] };
  tenure: { averagePostYears: number | null; pastOneTerm: number; averageLevelYears: number | null };
  members: MemberLine[];
}

const PARTY = new Set(['01', '02']);

/** The tier key (EDUCATION_TIERS) of a ZB64 highest-education code; 'unknown' when none. */
export function educationTier(code: string | null | undefined): string {
  if (!code) return 'unknown';
  if (code.startsWith('1')) return 'graduate';
  if (code.startsWith('2')) return 'bachelor';
  if (COLLEGE_CODES.includes(code)) return 'college';
  return 'secondary';
}

const yearsSince = (from: string | null | undefined, asOf: string) => (from && from <= asOf ? ageOn(from, asOf) : null);
const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

export function teamStructure(i: { asOf: string; team: TeamFacts; members: readonly MemberFacts[]; settings: StructureSettings }): TeamStructure {
  const { asOf, team, members, settings } = i;
  const lines: MemberLine[] = members.map((m) => {
    const postYears = yearsSince(m.postStartDate, asOf);
    return {
      ...(m.cadreId !== undefined && { cadreId: m.cadreId }),
      name: m.name,
      gender: m.gender,
      age: ageOn(m.birthDate, asOf),
      isChief: m.isChief,
      levelCode: m.levelCode ?? null,
      party: PARTY.has(m.politicalStatus),
      minority: m.ethnicCode !== '01',
      educationTier: educationTier(m.education),
      specialties: m.specialties ?? [],
      tags: m.tags ?? [],
      experience: m.experience ?? null,
      postYears,
      term: postYears === null ? null : Math.floor(postYears / settings.termYears) + 1,
      levelYears: yearsSince(m.levelSince, asOf),
    };
  });

  const quota = team.quota.total ?? 0;
  const chiefQuota = team.quota.chief ?? 1;
  const chiefs = lines.filter((m) => m.isChief).length;
  const levels = new Map<string, { quota: number; filled: number }>();
  for (const [code, q] of Object.entries(team.quota.byLevel ?? {})) levels.set(code, { quota: q, filled: 0 });
  for (const m of lines) {
    if (!m.levelCode) continue;
    const l = levels.get(m.levelCode) ?? { quota: 0, filled: 0 };
    l.filled++;
    levels.set(m.levelCode, l);
  }

  const band = teamBand({ team, members }) ?? null;
  const youngLimit = band ? settings.youngCadreAgeByLevel[band] : null;
  const youngestLine = lines.reduce<MemberLine | null>((y, m) => (y === null || m.age < y.age ? m : y), null);
  const needed = new Set<string>();
  for (const n of settings.specialtyNeeds)
    if (n.appliesTo.length === 0 || n.appliesTo.some((s) => selects(s, team, settings.sevenDepartments))) n.specialties.forEach((s) => needed.add(s));
  const tagCounts = new Map<string, number>();
  for (const m of lines) for (const t of new Set(m.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const postYears = lines.flatMap((m) => (m.postYears === null ? [] : [m.postYears]));
  const levelYears = lines.flatMap((m) => (m.levelYears === null ? [] : [m.levelYears]));
  const unknownEducation = lines.filter((m) => m.educationTier === 'unknown').length;

  return {
    asOf,
    size: { members: lines.length, quota, vacant: Math.max(quota - lines.length, 0), overQuota: Math.max(lines.length - quota, 0) },
    chief: { quota: chiefQuota, filled: chiefs, vacant: Math.max(chiefQuota - chiefs, 0) },
    byLevel: [...levels.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([levelCode, l]) => ({ levelCode, ...l, vacant: Math.max(l.quota - l.filled, 0), overQuota: Math.max(l.filled - l.quota, 0) })),
    age: {
      average: mean(lines.map((m) => m.age)),
      bands: AGE_BANDS.map((b) => ({
        key: b.key,
        label: b.label,
        count: lines.filter((m) => (b.min === null || m.age >= b.min) && (b.max === null || m.age <= b.max)).length,
      })),
      youngest: youngestLine
        ? { name: youngestLine.name, age: youngestLine.age, ...(youngestLine.cadreId !== undefined && { cadreId: youngestLine.cadreId }) }
        : null,
      band,
      youngLimit,
      young: youngLimit === null ? 0 : lines.filter((m) => m.age <= youngLimit).length,
    },
    gender: { male: lines.filter((m) => m.gender === '1').length, female: lines.filter((m) => m.gender === '2').length },
    party: { party: lines.filter((m) => m.party).length, nonParty: lines.filter((m) => !m.party).length },
    ethnicMinority: lines.filter((m) => m.minority).length,
    education: [
      ...EDUCATION_TIERS.map((t) => ({ key: t.key, label: t.label, count: lines.filter((m) => m.educationTier === t.key).length })),
      ...(unknownEducation > 0 ? [{ key: 'unknown', label: '未填', count: unknownEducation }] : []),
    ],
    specialties: [...new Set([...settings.specialties, ...needed])].map((name) => ({
      name,
      count: lines.filter((m) => m.specialties.includes(name)).length,
      needed: needed.has(name),
    })),
    sources: [...tagCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([tag, count]) => ({ key: tag, label: tag, count })),
    experience: {
      read: lines.filter((m) => m.experience !== null).length,
      counts: (Object.entries(EXPERIENCE_KINDS) as [keyof typeof EXPERIENCE_KINDS, string][]).map(([key, label]) => ({
        key,
        label,
        count: lines.filter((m) => m.experience?.some((e) => e.kind === key)).length,
      })),
    },
    tenure: {
      averagePostYears: mean(postYears),
      pastOneTerm: postYears.filter((y) => y >= settings.termYears).length,
      averageLevelYears: mean(levelYears),
    },
    members: lines,
  };
}
