// Team structure rules (班子结构研判): pure functions over a team's facts on a date, each finding
// carrying its stable rule id, the regulation it comes from and a Chinese explanation. Thresholds are
// dated business settings (settings.catalog.ts, keys teamRules.*), passed in by the caller.
//
// | rule id                  | applies to                                                     | fires when                                                                  | source (RULES.md)                                   |
// | ------------------------ | -------------------------------------------------------------- | --------------------------------------------------------------------------- | --------------------------------------------------- |
// | `no-woman`               | 县(市、区) 党委班子/政府班子; 七部门 teams (list is a setting)  | no member has gender '2'                                                    | §10 妇女发展纲要; local 党政班子 rules               |
// | `no-non-party-deputy`    | 法院班子/检察院班子 (or a unit of kind 法院/检察院)              | no deputy whose political status is not 01/02 (中共党员/预备党员)            | §10 党外干部配备                                     |
// | `no-young-member`        | every team whose level band (乡科/县处/厅局) is known           | no member aged ≤ the young-cadre age of the band on asOf                    | §10 youngCadreAgeByLevel                             |
// | `chief-vacant`           | every team with a chief quota (default 1)                      | fewer chiefs than the chief quota                                           | 公务员法 第43条 (domain/teams.ts)                     |
// | `over-quota`             | every team with a quota                                        | more members than the total quota, or than a level's quota                  | §2.4; 公务员法 第43条                                |
// | `term-limit`             | every member with postStartDate                                | ≥ termYears × maxTerms whole years in the same post (default 5 × 2 = 10)     | §1.5 职务任期暂行规定 第3–4条, 第6条                 |
// | `level-tenure-limit`     | every member with levelSince                                   | ≥ 15 whole years at the same level                                          | §1.5 职务任期暂行规定 第7条                          |
// | `avoidance-native-place` | the chief of a 县(市、区) 党委/政府/纪委/组织部/法院/检察院/公安 | the chief's native place names the county; skipped when either is unknown  | §1.5 任职回避暂行规定 (2006) 成长地回避               |
// | `avoidance-kin`          | every team                                                     | a member's relative (家庭成员 by name and birth month) is another member, or | §1.5 公务员法 第74条 任职回避                        |
// |                          |                                                                | a member of a team of the unit directly above                               |                                                     |
// | `specialty-gap`          | teams a `specialtyNeeds` entry selects (乡镇、法院、住建 …)       | a specialty the entry requires is held by no member                         | 精准选人：班子专业结构（本地设定，RULES.md §10）       |
//
// Which teams a rule applies to is data (setting teamRules.applicability): a rule is checked for a
// team when it is enabled and the team matches one of its selectors; the defaults encode the column
// "applies to" above. Composition rules (no-woman, no-non-party-deputy, no-young-member, specialty-gap)
// are skipped for a team with no members: chief-vacant already reports an empty team. Whole years are counted like ages (dates.ageOn),
// so someone who started on 29 Feb completes a year on 1 Mar of a common year.
import type { Experience } from './resume-experience.js';
import { ageOn } from './dates.js';

export const TEAM_RULE_IDS = [
  'no-woman',
  'no-non-party-deputy',
  'no-young-member',
  'chief-vacant',
  'over-quota',
  'term-limit',
  'level-tenure-limit',
  'avoidance-native-place',
  'avoidance-kin',
  'specialty-gap',
] as const;
export type TeamRuleId = (typeof TEAM_RULE_IDS)[number];

export const RULE_SOURCES: Record<TeamRuleId, string> = {
  'no-woman': '《中国妇女发展纲要(2001—2010年)》：各级领导班子应配备女干部；地方规定每个党政领导班子至少配备1名女干部（RULES.md §10）',
  'no-non-party-deputy': '党外干部配备要求：法院、检察院领导班子配备党外副职（RULES.md §10，具体数量以本地规定为准）',
  'no-young-member': '年轻干部配备要求：领导班子应有年龄在本层级年轻干部年龄以下的成员（RULES.md §10，年龄为本地设定）',
  'chief-vacant': '《公务员法》(2018) 第43条：任职须在规定的编制限额和职数内，并有相应的职位空缺',
  'over-quota': '《公务员法》(2018) 第43条：任职须在规定的编制限额和职数内（RULES.md §2.4）',
  'term-limit':
    '《党政领导干部职务任期暂行规定》(2006) 第3—4条：每个任期5年；第6条：同一职位连续任职达到两个任期的，不再推荐、提名或任命担任同一职务',
  'level-tenure-limit': '《党政领导干部职务任期暂行规定》(2006) 第7条：同一层次领导职务累计任职15年的，不再推荐、提名或任命担任同一层次领导职务',
  'avoidance-native-place':
    '《党政领导干部任职回避暂行规定》(2006)：不得在本人成长地担任县(市)党委、政府、纪委、组织部、法院、检察院、公安局正职领导成员（RULES.md §1.5）',
  'avoidance-kin':
    '《公务员法》(2018) 第74条：有夫妻关系、直系血亲关系、三代以内旁系血亲关系以及近姻亲关系的，不得在同一机关双方直接隶属于同一领导人员的职位或者有直接上下级领导关系的职位工作（RULES.md §1.5）',
  'specialty-gap': '精准选人、优化班子专业结构：班子成员专业经历应与单位职能相匹配（所需专长为本地设定，RULES.md §10）',
};

/** Short Chinese names of the rules, for lists and charts. */
export const RULE_LABELS: Record<TeamRuleId, string> = {
  'no-woman': '未配备女干部',
  'no-non-party-deputy': '未配备党外副职',
  'no-young-member': '缺少年轻干部',
  'chief-vacant': '正职空缺',
  'over-quota': '超职数配备',
  'term-limit': '同一职位任职满两个任期',
  'level-tenure-limit': '同一层次任职满15年',
  'avoidance-native-place': '成长地回避',
  'avoidance-kin': '亲属回避',
  'specialty-gap': '专业结构短板',
};

/** Which teams a selector picks; every given field must match, an empty selector matches every team. */
export interface TeamSelector {
  tiers?: string[];
  teamKinds?: string[];
  unitKinds?: string[];
  /** the unit is one of the 七部门 (setting teamRules.sevenDepartments) */
  sevenDepartments?: boolean;
  /** the unit's name contains one of these */
  unitNameIncludes?: string[];
}

export interface RuleApplicability {
  enabled: boolean;
  /** the rule is checked for a team matching any selector; an empty list means every team */
  appliesTo: TeamSelector[];
}

export interface SpecialtyNeed {
  appliesTo: TeamSelector[];
  /** specialty names (those of the specialty pools: 党建, 社会治理, 经济, 城建, 法治) */
  specialties: string[];
}

const COUNTY_LEGAL = ['法院', '检察院'];
/** The defaults of teamRules.applicability: the "applies to" column of the table above. */
export const DEFAULT_APPLICABILITY: Record<TeamRuleId, RuleApplicability> = {
  'no-woman': {
    enabled: true,
    appliesTo: [{ tiers: ['county'], teamKinds: ['党委班子', '政府班子'] }, { sevenDepartments: true }],
  },
  'no-non-party-deputy': { enabled: true, appliesTo: [{ teamKinds: ['法院班子', '检察院班子'] }, { unitKinds: COUNTY_LEGAL }] },
  'no-young-member': { enabled: true, appliesTo: [] },
  'chief-vacant': { enabled: true, appliesTo: [] },
  'over-quota': { enabled: true, appliesTo: [] },
  'term-limit': { enabled: true, appliesTo: [] },
  'level-tenure-limit': { enabled: true, appliesTo: [] },
  'avoidance-native-place': {
    enabled: true,
    appliesTo: [
      { tiers: ['county'], unitKinds: ['党委', '政府', '纪委', '法院', '检察院'] },
      { tiers: ['county'], unitNameIncludes: ['组织部', '公安'] },
    ],
  },
  'avoidance-kin': { enabled: true, appliesTo: [] },
  'specialty-gap': { enabled: true, appliesTo: [] },
};

/** The defaults of teamRules.specialtyNeeds. */
export const DEFAULT_SPECIALTY_NEEDS: SpecialtyNeed[] = [
  { appliesTo: [{ tiers: ['township'], teamKinds: ['党委班子', '政府班子'] }], specialties: ['党建', '经济', '社会治理'] },
  { appliesTo: [{ tiers: ['county'], teamKinds: ['政府班子'] }], specialties: ['经济', '城建', '法治'] },
  { appliesTo: [{ unitKinds: COUNTY_LEGAL }, { unitNameIncludes: ['司法', '公安'] }], specialties: ['法治'] },
  { appliesTo: [{ unitNameIncludes: ['住房和城乡建设', '自然资源', '城市管理', '交通运输'] }], specialties: ['城建'] },
  { appliesTo: [{ unitNameIncludes: ['发展和改革', '财政', '商务', '经济'] }], specialties: ['经济'] },
];

/** The defaults of teamRules.specialtyKeywords: words in 熟悉专业有何专长 that show a specialty. */
export const DEFAULT_SPECIALTY_KEYWORDS: Record<string, string[]> = {
  党建: ['党建', '组织', '党务', '思想政治', '宣传'],
  社会治理: ['社会治理', '信访', '社区', '应急', '基层治理', '民政', '综治'],
  经济: ['经济', '金融', '财政', '财务', '招商', '产业', '工业', '商贸', '会计', '审计', '统计'],
  城建: ['城建', '城市建设', '规划', '建筑', '土木', '交通', '市政', '城市管理'],
  法治: ['法律', '法学', '法治', '政法', '司法', '检察', '审判', '纪检'],
};

/** The specialties whose keywords occur in the text. */
export function specialtiesOf(text: string | null | undefined, keywords: Record<string, readonly string[]>): string[] {
  if (!text) return [];
  return Object.entries(keywords)
    .filter(([, words]) => words.some((w) => w !== '' && text.includes(w)))
    .map(([name]) => name);
}

/** 职务层次 bands the young-cadre ages are set for. */
export const LEVEL_BANDS = ['乡科', '县处', '厅局'] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];

/** The band of a ZB09 leadership-level code: 1A2x 厅局, 1A3x 县处, 1A4x 乡科; others none. */
export function bandOfLevel(levelCode: string | null | undefined): LevelBand | undefined {
  if (!levelCode) return undefined;
  if (/^1A2[12]$/.test(levelCode)) return '厅局';
  if (/^1A3[12]$/.test(levelCode)) return '县处';
  if (/^1A4[12]$/.test(levelCode)) return '乡科';
  return undefined;
}

const PARTY_CODES = new Set(['01', '02']);

export interface TeamRuleSettings {
  /** names (or parts of names) of the 七部门 units whose teams must have a woman */
  sevenDepartments: readonly string[];
  /** a member is young when aged at most this on asOf */
  youngCadreAgeByLevel: Record<LevelBand, number>;
  termYears: number;
  maxConsecutiveTerms: number;
  levelTenureMaxYears: number;
  applicability: Record<TeamRuleId, RuleApplicability>;
  specialtyNeeds: readonly SpecialtyNeed[];
}

export interface TeamFacts {
  kind: string;
  unitKind: string;
  /** the unit's name, for the 七部门 and 组织部/公安 matches */
  unitName?: string;
  /** the unit's tier: city 市直, county 县(市、区), township 乡镇(街道) */
  tier?: string;
  /** the county (县、区、县级市) the unit belongs to, for 成长地回避 */
  place?: string;
  /** level band; when absent, the highest band among the members' level codes */
  level?: LevelBand;
  quota: { total?: number; chief?: number; byLevel?: Record<string, number> };
  /** members of the teams of the unit directly above, for kinship in a direct superior–subordinate line */
  supervisors?: PersonFacts[];
}

export interface PersonFacts {
  cadreId?: number;
  name: string;
  birthDate: string;
}

export interface RelativeFacts {
  /** GB/T 4761 name: 妻子, 儿子 … */
  relation: string;
  name: string;
  /** 'YYYY-MM' when known: a relative matches a person only with the same birth month */
  birthMonth?: string | null;
}

export interface MemberFacts {
  cadreId?: number;
  name: string;
  gender: string;
  birthDate: string;
  politicalStatus: string;
  ethnicCode: string;
  levelCode?: string | null;
  isChief: boolean;
  /** start of the unbroken tenure in the current post */
  postStartDate?: string | null;
  /** since when at the current leadership level */
  levelSince?: string | null;
  nativePlace?: string | null;
  /** specialty names (党建, 经济 …) the member brings */
  specialties?: string[];
  /** 家庭成员 as on the form */
  relatives?: RelativeFacts[];
  /** highest 学历 (ZB64 code), for the structure summary */
  education?: string | null;
  /** tags such as 选调生, 退役军人: where the member comes from */
  tags?: string[];
  /** 基层 / 市直 experience read from the 简历 (resume-experience.ts); undefined when no 简历 was read */
  experience?: Experience[];
}

export interface Finding {
  rule: TeamRuleId;
  source: string;
  detail: string;
  /** the members the finding is about (ids when known, else names) */
  members?: (number | string)[];
}

export interface TeamAnalysisInput {
  asOf: string;
  team: TeamFacts;
  members: readonly MemberFacts[];
  settings: TeamRuleSettings;
}

const who = (m: MemberFacts) => m.cadreId ?? m.name;
const finding = (rule: TeamRuleId, detail: string, members?: MemberFacts[]): Finding => ({
  rule,
  source: RULE_SOURCES[rule],
  detail,
  ...(members && members.length > 0 && { members: members.map(who) }),
});

const isCounty = (t: TeamFacts) => t.tier === 'county';

/** Does the team belong to a 七部门 unit? */
export function isSevenDepartment(team: TeamFacts, list: readonly string[]): boolean {
  const name = team.unitName ?? '';
  return team.unitKind === '部门' && name !== '' && list.some((d) => d !== '' && name.includes(d));
}

/** Does the selector pick the team? */
export function selects(sel: TeamSelector, team: TeamFacts, sevenDepartments: readonly string[]): boolean {
  if (sel.tiers?.length && !sel.tiers.includes(team.tier ?? '')) return false;
  if (sel.teamKinds?.length && !sel.teamKinds.includes(team.kind)) return false;
  if (sel.unitKinds?.length && !sel.unitKinds.includes(team.unitKind)) return false;
  if (sel.sevenDepartments && !isSevenDepartment(team, sevenDepartments)) return false;
  if (sel.unitNameIncludes?.length && !sel.unitNameIncludes.some((n) => n !== '' && (team.unitName ?? '').includes(n))) return false;
  return true;
}

const anySelects = (sels: readonly TeamSelector[], team: TeamFacts, seven: readonly string[]) =>
  sels.length === 0 || sels.some((s) => selects(s, team, seven));

/** Is the rule enabled and does it apply to the team (setting teamRules.applicability)? */
export function ruleApplies(rule: TeamRuleId, i: Pick<TeamAnalysisInput, 'team' | 'settings'>): boolean {
  const a = i.settings.applicability[rule] ?? DEFAULT_APPLICABILITY[rule];
  return a.enabled && anySelects(a.appliesTo, i.team, i.settings.sevenDepartments);
}

/** The team's description in a finding: 县(市、区)党委班子, 七部门领导班子, or its kind. */
function teamLabel(team: TeamFacts, seven: readonly string[]): string {
  if (isCounty(team) && (team.kind === '党委班子' || team.kind === '政府班子')) return `县(市、区)${team.kind}`;
  if (isSevenDepartment(team, seven)) return '七部门领导班子';
  return team.kind;
}

export function ruleNoWoman(i: TeamAnalysisInput): Finding[] {
  const { team, members } = i;
  if (members.length === 0 || members.some((m) => m.gender === '2')) return [];
  return [finding('no-woman', `${teamLabel(team, i.settings.sevenDepartments)}未配备女干部（在任 ${members.length} 人均为男性）`)];
}

/** A deputy (副职) who is not a CPC member or probationary member. */
export const isNonPartyDeputy = (m: Pick<MemberFacts, 'isChief' | 'politicalStatus'>) => !m.isChief && !PARTY_CODES.has(m.politicalStatus);

export function ruleNoNonPartyDeputy(i: TeamAnalysisInput): Finding[] {
  const { team, members } = i;
  if (members.length === 0 || members.some(isNonPartyDeputy)) return [];
  const what =
    team.unitKind === '检察院' || team.kind === '检察院班子' ? '检察院' : team.unitKind === '法院' || team.kind === '法院班子' ? '法院' : team.kind;
  return [finding('no-non-party-deputy', `${what}领导班子未配备党外副职`)];
}

export function teamBand(i: Pick<TeamAnalysisInput, 'team' | 'members'>): LevelBand | undefined {
  if (i.team.level) return i.team.level;
  let best: LevelBand | undefined;
  for (const m of i.members) {
    const b = bandOfLevel(m.levelCode);
    if (b && (!best || LEVEL_BANDS.indexOf(b) > LEVEL_BANDS.indexOf(best))) best = b;
  }
  return best;
}

export function ruleNoYoungMember(i: TeamAnalysisInput): Finding[] {
  const band = teamBand(i);
  if (!band || i.members.length === 0) return [];
  const limit = i.settings.youngCadreAgeByLevel[band];
  // One pass: stop at the first young member, else keep the youngest age for the finding.
  let youngest = Infinity;
  for (const m of i.members) {
    const age = ageOn(m.birthDate, i.asOf);
    if (age <= limit) return [];
    if (age < youngest) youngest = age;
  }
  return [finding('no-young-member', `${band}级领导班子没有 ${limit} 岁及以下的年轻干部（最年轻的成员 ${youngest} 岁）`)];
}

export function ruleChiefVacant(i: TeamAnalysisInput): Finding[] {
  const quota = i.team.quota.chief ?? 1;
  const chiefs = i.members.filter((m) => m.isChief).length;
  if (quota <= 0 || chiefs >= quota) return [];
  return [finding('chief-vacant', `正职核定 ${quota} 名，在任 ${chiefs} 名，正职空缺`)];
}

export function ruleOverQuota(i: TeamAnalysisInput): Finding[] {
  const out: Finding[] = [];
  const { total, byLevel } = i.team.quota;
  if (total !== undefined && i.members.length > total) {
    out.push(finding('over-quota', `核定职数 ${total} 名，在任 ${i.members.length} 名，超职数 ${i.members.length - total} 名`));
  }
  for (const [code, q] of Object.entries(byLevel ?? {})) {
    const at = i.members.filter((m) => m.levelCode === code);
    if (at.length > q) out.push(finding('over-quota', `职务层次 ${code} 核定 ${q} 名，在任 ${at.length} 名，超职数 ${at.length - q} 名`, at));
  }
  return out;
}

export function ruleTermLimit(i: TeamAnalysisInput): Finding[] {
  const years = i.settings.termYears * i.settings.maxConsecutiveTerms;
  const over = i.members.filter((m) => m.postStartDate && m.postStartDate <= i.asOf && ageOn(m.postStartDate, i.asOf) >= years);
  return over.map((m) =>
    finding(
      'term-limit',
      `${m.name}自 ${m.postStartDate} 起在同一职位连续任职满 ${years} 年（${i.settings.maxConsecutiveTerms} 个任期），不再推荐、提名或任命担任同一职务`,
      [m],
    ),
  );
}

export function ruleLevelTenureLimit(i: TeamAnalysisInput): Finding[] {
  const years = i.settings.levelTenureMaxYears;
  const over = i.members.filter((m) => m.levelSince && m.levelSince <= i.asOf && ageOn(m.levelSince, i.asOf) >= years);
  return over.map((m) => finding('level-tenure-limit', `${m.name}自 ${m.levelSince} 起在同一层次领导职务累计任职满 ${years} 年`, [m]));
}

/** '东湖区' → '东湖', '肥东县' → '肥东'; two-character names stay whole ('泾县'). */
export function placeStem(place: string): string {
  const p = place.trim();
  return p.length > 2 && /[县区市旗]$/.test(p) ? p.slice(0, -1) : p;
}

export function ruleAvoidanceNativePlace(i: TeamAnalysisInput): Finding[] {
  const { team } = i;
  if (!team.place) return [];
  const stem = placeStem(team.place);
  if (!stem) return [];
  const hits = i.members.filter((m) => m.isChief && m.nativePlace && m.nativePlace.includes(stem));
  return hits.map((m) => finding('avoidance-native-place', `${m.name}籍贯为${m.nativePlace}，在成长地${team.place}担任正职，应当回避`, [m]));
}

/** Does the relative denote the person: the same name, and the same birth month when it is known? */
const denotes = (r: RelativeFacts, p: PersonFacts) => r.name === p.name && (!r.birthMonth || p.birthDate.startsWith(r.birthMonth));

export function ruleAvoidanceKin(i: TeamAnalysisInput): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const m of i.members) {
    for (const r of m.relatives ?? []) {
      for (const o of i.members) {
        if (o === m || !denotes(r, o)) continue;
        // A couple lists each other: one finding per pair.
        const key = [who(m), who(o)].sort().join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(finding('avoidance-kin', `${m.name}与${o.name}（${r.relation}）同在本班子任职，属任职回避情形`, [m, o]));
      }
      for (const s of i.team.supervisors ?? []) {
        if (s.cadreId !== undefined && s.cadreId === m.cadreId) continue;
        if (!denotes(r, s)) continue;
        out.push(finding('avoidance-kin', `${m.name}的${r.relation}${s.name}是上级单位领导班子成员，存在直接上下级领导关系，属任职回避情形`, [m]));
      }
    }
  }
  return out;
}

export function ruleSpecialtyGap(i: TeamAnalysisInput): Finding[] {
  if (i.members.length === 0) return [];
  const needed = new Set<string>();
  for (const n of i.settings.specialtyNeeds)
    if (anySelects(n.appliesTo, i.team, i.settings.sevenDepartments)) n.specialties.forEach((s) => needed.add(s));
  // Most teams need no specialty: nothing to collect from their members then.
  if (needed.size === 0) return [];
  const held = new Set<string>();
  for (const m of i.members) for (const s of m.specialties ?? []) held.add(s);
  const missing = [...needed].filter((s) => !held.has(s));
  if (missing.length === 0) return [];
  return [finding('specialty-gap', `班子成员中没有具备${missing.join('、')}专长的干部`)];
}

const RULES: Record<TeamRuleId, (i: TeamAnalysisInput) => Finding[]> = {
  'no-woman': ruleNoWoman,
  'no-non-party-deputy': ruleNoNonPartyDeputy,
  'no-young-member': ruleNoYoungMember,
  'chief-vacant': ruleChiefVacant,
  'over-quota': ruleOverQuota,
  'term-limit': ruleTermLimit,
  'level-tenure-limit': ruleLevelTenureLimit,
  'avoidance-native-place': ruleAvoidanceNativePlace,
  'avoidance-kin': ruleAvoidanceKin,
  'specialty-gap': ruleSpecialtyGap,
};

/** Every finding of every rule that applies to the team, in the order of the table above. */
export function analyzeTeam(i: TeamAnalysisInput): Finding[] {
  const out: Finding[] = [];
  for (const id of TEAM_RULE_IDS) if (ruleApplies(id, i)) for (const f of RULES[id](i)) out.push(f);
  return out;
}
