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
//
// Composition rules (no-woman, no-non-party-deputy, no-young-member) are skipped for a team with no
// members: chief-vacant already reports an empty team. Whole years are counted like ages (dates.ageOn),
// so someone who started on 29 Feb completes a year on 1 Mar of a common year.
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
};

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

export function ruleNoWoman(i: TeamAnalysisInput): Finding[] {
  const { team, members } = i;
  const countyPartyGov = isCounty(team) && (team.kind === '党委班子' || team.kind === '政府班子');
  const seven = isSevenDepartment(team, i.settings.sevenDepartments);
  if (!(countyPartyGov || seven) || members.length === 0) return [];
  if (members.some((m) => m.gender === '2')) return [];
  const which = countyPartyGov ? `县(市、区)${team.kind}` : '七部门领导班子';
  return [finding('no-woman', `${which}未配备女干部（在任 ${members.length} 人均为男性）`)];
}

export function ruleNoNonPartyDeputy(i: TeamAnalysisInput): Finding[] {
  const { team, members } = i;
  const court = team.kind === '法院班子' || team.kind === '检察院班子' || team.unitKind === '法院' || team.unitKind === '检察院';
  if (!court || members.length === 0) return [];
  if (members.some((m) => !m.isChief && !PARTY_CODES.has(m.politicalStatus))) return [];
  return [finding('no-non-party-deputy', `${team.unitKind === '检察院' || team.kind === '检察院班子' ? '检察院' : '法院'}领导班子未配备党外副职`)];
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
  if (i.members.some((m) => ageOn(m.birthDate, i.asOf) <= limit)) return [];
  const youngest = Math.min(...i.members.map((m) => ageOn(m.birthDate, i.asOf)));
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

const AVOIDANCE_UNIT_KINDS = new Set(['党委', '政府', '纪委', '法院', '检察院']);
const AVOIDANCE_NAMES = ['组织部', '公安'];

/** '东湖区' → '东湖', '肥东县' → '肥东'; two-character names stay whole ('泾县'). */
export function placeStem(place: string): string {
  const p = place.trim();
  return p.length > 2 && /[县区市旗]$/.test(p) ? p.slice(0, -1) : p;
}

export function ruleAvoidanceNativePlace(i: TeamAnalysisInput): Finding[] {
  const { team } = i;
  if (!isCounty(team) || !team.place) return [];
  const covered = AVOIDANCE_UNIT_KINDS.has(team.unitKind) || AVOIDANCE_NAMES.some((n) => (team.unitName ?? '').includes(n));
  if (!covered) return [];
  const stem = placeStem(team.place);
  if (!stem) return [];
  const hits = i.members.filter((m) => m.isChief && m.nativePlace && m.nativePlace.includes(stem));
  return hits.map((m) => finding('avoidance-native-place', `${m.name}籍贯为${m.nativePlace}，在成长地${team.place}担任正职，应当回避`, [m]));
}

const RULES: ((i: TeamAnalysisInput) => Finding[])[] = [
  ruleNoWoman,
  ruleNoNonPartyDeputy,
  ruleNoYoungMember,
  ruleChiefVacant,
  ruleOverQuota,
  ruleTermLimit,
  ruleLevelTenureLimit,
  ruleAvoidanceNativePlace,
];

/** Every finding of every rule, in the order of the table above. */
export function analyzeTeam(i: TeamAnalysisInput): Finding[] {
  return RULES.flatMap((r) => r(i));
}
