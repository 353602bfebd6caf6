import { describe, expect, it } from 'vitest';
import {
  analyzeTeam,
  bandOfLevel,
  DEFAULT_APPLICABILITY,
  DEFAULT_SPECIALTY_KEYWORDS,
  DEFAULT_SPECIALTY_NEEDS,
  specialtiesOf,
  placeStem,
  RULE_SOURCES,
  TEAM_RULE_IDS,
  type MemberFacts,
  type TeamAnalysisInput,
  type TeamFacts,
  type TeamRuleSettings,
} from './team-rules.js';

const settings: TeamRuleSettings = {
  sevenDepartments: ['组织部', '宣传部', '统战部', '教育', '卫生健康', '民政', '人力资源和社会保障'],
  youngCadreAgeByLevel: { 乡科: 35, 县处: 40, 厅局: 45 },
  termYears: 5,
  maxConsecutiveTerms: 2,
  levelTenureMaxYears: 15,
  applicability: DEFAULT_APPLICABILITY,
  // specialty-gap has its own cases below; the other cases need no specialties
  specialtyNeeds: [],
};

const m = (o: Partial<MemberFacts> = {}): MemberFacts => ({
  name: '张三',
  gender: '1',
  birthDate: '1975-05-01',
  politicalStatus: '01',
  ethnicCode: '01',
  levelCode: '1A32',
  isChief: false,
  ...o,
});

const countyParty: TeamFacts = {
  kind: '党委班子',
  unitKind: '党委',
  unitName: '中共东湖区委',
  tier: 'county',
  place: '东湖区',
  quota: { total: 3, chief: 1 },
};

/** A county Party team that breaks no rule on 2026-06-01; each case changes one fact. */
const base = (o: Partial<TeamAnalysisInput> = {}): TeamAnalysisInput => ({
  asOf: '2026-06-01',
  team: countyParty,
  members: [
    m({ name: '书记', isChief: true, levelCode: '1A31', nativePlace: '安徽肥东' }),
    m({ name: '副书记', gender: '2' }),
    m({ name: '常委', birthDate: '1990-01-01' }),
  ],
  settings,
  ...o,
});
const rules = (i: TeamAnalysisInput) => analyzeTeam(i).map((f) => f.rule);

describe('team structure rules', () => {
  it('documents a source for every rule id', () => {
    for (const id of TEAM_RULE_IDS) expect(RULE_SOURCES[id]).toMatch(/第|RULES\.md/);
  });

  it('finds nothing in a well-formed team', () => expect(analyzeTeam(base())).toEqual([]));

  it.each([
    ['county Party team, all men', base({ members: base().members.map((x) => ({ ...x, gender: '1' })) }), ['no-woman']],
    [
      'county government team, all men',
      base({ team: { ...countyParty, kind: '政府班子', unitKind: '政府' }, members: base().members.map((x) => ({ ...x, gender: '1' })) }),
      ['no-woman'],
    ],
    [
      'city Party team, all men: not required',
      base({ team: { ...countyParty, tier: 'city' }, members: base().members.map((x) => ({ ...x, gender: '1' })) }),
      [],
    ],
    [
      '七部门 (卫生健康委), all men',
      base({
        team: { kind: '部门班子', unitKind: '部门', unitName: '东湖区卫生健康委员会', tier: 'county', quota: { total: 3 } },
        members: base().members.map((x) => ({ ...x, gender: '1' })),
      }),
      ['no-woman'],
    ],
    [
      'other department, all men: not required',
      base({
        team: { kind: '部门班子', unitKind: '部门', unitName: '东湖区发展和改革委员会', tier: 'county', quota: { total: 3 } },
        members: base().members.map((x) => ({ ...x, gender: '1' })),
      }),
      [],
    ],
  ])('no-woman: %s', (_name, input, expected) => expect(rules(input)).toEqual(expected));

  const court: TeamFacts = { kind: '法院班子', unitKind: '法院', unitName: '东湖区人民法院', tier: 'county', quota: { total: 3, chief: 1 } };
  it.each([
    ['all deputies CPC', [m({ isChief: true, levelCode: '1A31' }), m({ gender: '2', birthDate: '1990-01-01' })], ['no-non-party-deputy']],
    [
      'a 预备党员 deputy still counts as Party',
      [m({ isChief: true }), m({ politicalStatus: '02', birthDate: '1990-01-01' })],
      ['no-non-party-deputy'],
    ],
    ['a non-Party chief does not count', [m({ isChief: true, politicalStatus: '13' }), m({ birthDate: '1990-01-01' })], ['no-non-party-deputy']],
    ['a 民建 deputy', [m({ isChief: true }), m({ politicalStatus: '06', birthDate: '1990-01-01' })], []],
    ['a 群众 deputy', [m({ isChief: true }), m({ politicalStatus: '13', birthDate: '1990-01-01' })], []],
  ])('no-non-party-deputy in a court: %s', (_name, members, expected) => expect(rules(base({ team: court, members }))).toEqual(expected));

  // 县处 band: young means aged 40 or less on asOf.
  it.each([
    ['turns 41 on asOf', '1985-06-01', ['no-young-member']],
    ['turns 41 the day after asOf', '1985-06-02', []],
    ['turned 41 the day before asOf', '1985-05-31', ['no-young-member']],
    ['turns 40 on asOf', '1986-06-01', []],
  ])('no-young-member at 县处 level: youngest %s', (_name, birthDate, expected) => {
    const members = [m({ isChief: true, levelCode: '1A31', birthDate: '1970-01-01' }), m({ gender: '2', birthDate })];
    expect(rules(base({ members }))).toEqual(expected);
  });

  it.each([
    ['born 29 Feb, asOf 28 Feb of a common year: still 40', '1984-02-29', '2025-02-28', []],
    ['born 29 Feb, asOf 1 Mar of a common year: 41', '1984-02-29', '2025-03-01', ['no-young-member']],
    ['born 29 Feb, asOf 29 Feb of a leap year: 41', '1988-02-29', '2029-02-28', []],
  ])('no-young-member with a leap-day birthday: %s', (_name, birthDate, asOf, expected) => {
    const members = [m({ isChief: true, levelCode: '1A31', birthDate: '1970-01-01' }), m({ gender: '2', birthDate })];
    expect(rules(base({ asOf, members }))).toEqual(expected);
  });

  it('takes the band from the team level or the highest member level, and the age from settings', () => {
    const members = [
      m({ isChief: true, levelCode: '1A41', birthDate: '1988-01-01' }),
      m({ gender: '2', levelCode: '1A42', birthDate: '1988-01-01' }),
    ];
    // 乡科: 38 > 35
    expect(rules(base({ members }))).toEqual(['no-young-member']);
    expect(rules(base({ members, team: { ...countyParty, level: '县处' } }))).toEqual([]);
    expect(rules(base({ members, settings: { ...settings, youngCadreAgeByLevel: { 乡科: 38, 县处: 40, 厅局: 45 } } }))).toEqual([]);
    // no known level: the rule cannot apply
    expect(rules(base({ members: members.map((x) => ({ ...x, levelCode: null })) }))).toEqual([]);
    expect(bandOfLevel('1A21')).toBe('厅局');
    expect(bandOfLevel('1A50')).toBeUndefined();
  });

  it('chief-vacant and over-quota', () => {
    const noChief = base({ members: base().members.map((x) => ({ ...x, isChief: false })) });
    expect(analyzeTeam(noChief)).toEqual([expect.objectContaining({ rule: 'chief-vacant', detail: '正职核定 1 名，在任 0 名，正职空缺' })]);
    expect(rules(base({ team: { ...countyParty, quota: { total: 3, chief: 0 } }, members: noChief.members }))).toEqual([]);
    expect(rules(base({ team: { ...countyParty, quota: { total: 2, chief: 1 } } }))).toEqual(['over-quota']);
    const byLevel = analyzeTeam(base({ team: { ...countyParty, quota: { byLevel: { '1A32': 1 } } } }));
    expect(byLevel).toEqual([expect.objectContaining({ rule: 'over-quota', members: ['副书记', '常委'] })]);
  });

  it('skips composition rules for an empty team but reports its chief vacancy', () => {
    expect(rules(base({ members: [] }))).toEqual(['chief-vacant']);
  });

  // 5-year terms × 2 = 10 whole years in the same post.
  it.each([
    ['started 10 years ago to the day', '2016-06-01', '2026-06-01', true],
    ['one day short of 10 years', '2016-06-02', '2026-06-01', false],
    ['started 29 Feb 2016, asOf 28 Feb 2026', '2016-02-29', '2026-02-28', false],
    ['started 29 Feb 2016, asOf 1 Mar 2026', '2016-02-29', '2026-03-01', true],
    ['starts after asOf', '2027-01-01', '2026-06-01', false],
  ])('term-limit: %s', (_name, postStartDate, asOf, fires) => {
    const members = [...base().members.slice(1), m({ name: '李书记', cadreId: 9, isChief: true, levelCode: '1A31', postStartDate })];
    const found = analyzeTeam(base({ asOf, members })).filter((f) => f.rule === 'term-limit');
    expect(found).toEqual(fires ? [expect.objectContaining({ members: [9], detail: expect.stringContaining('李书记') })] : []);
  });

  it('term-limit follows the term settings', () => {
    const members = [...base().members.slice(1), m({ isChief: true, levelCode: '1A31', postStartDate: '2020-06-01' })];
    expect(rules(base({ members }))).toEqual([]);
    expect(rules(base({ members, settings: { ...settings, termYears: 3 } }))).toEqual(['term-limit']);
  });

  it.each([
    ['15 years on asOf', '2011-06-01', true],
    ['15 years the day after', '2011-06-02', false],
    ['leap day start, common-year anniversary not yet', '2012-02-29', false],
  ])('level-tenure-limit: %s', (_name, levelSince, fires) => {
    const asOf = levelSince === '2012-02-29' ? '2027-02-28' : '2026-06-01';
    const members = [...base().members.slice(0, 2), m({ name: '常委', birthDate: '1990-01-01', levelSince })];
    expect(rules(base({ asOf, members })).includes('level-tenure-limit')).toBe(fires);
  });

  it.each([
    ['chief of a county Party team born in the county', countyParty, '江东东湖', true, true],
    ['a deputy born in the county', countyParty, '江东东湖', false, false],
    ['chief born elsewhere', countyParty, '安徽肥东', true, false],
    ['no native place recorded', countyParty, null, true, false],
    ['county 公安局', { ...countyParty, kind: '部门班子', unitKind: '部门', unitName: '东湖区公安分局' }, '东湖', true, true],
    ['county 发改委 is not covered', { ...countyParty, kind: '部门班子', unitKind: '部门', unitName: '东湖区发展和改革委员会' }, '东湖', true, false],
    ['a city organ is not covered', { ...countyParty, tier: 'city', place: '青川市' }, '青川', true, false],
    ['no county known: skipped', { ...countyParty, place: undefined }, '东湖', true, false],
  ])('avoidance-native-place: %s', (_name, team: TeamFacts, nativePlace, isChief, fires) => {
    const members = [m({ name: '甲', isChief, levelCode: '1A31', nativePlace }), m({ gender: '2', birthDate: '1990-01-01', isChief: !isChief })];
    expect(rules(base({ team, members })).includes('avoidance-native-place')).toBe(fires);
  });

  it('stems county names', () => {
    expect(placeStem('东湖区')).toBe('东湖');
    expect(placeStem('泾县')).toBe('泾县');
    expect(placeStem('临江市')).toBe('临江');
  });

  const couple = [
    m({
      name: '王强',
      cadreId: 1,
      isChief: true,
      levelCode: '1A31',
      birthDate: '1975-03-02',
      relatives: [{ relation: '妻子', name: '刘芳', birthMonth: '1978-04' }],
    }),
    m({ name: '刘芳', cadreId: 2, gender: '2', birthDate: '1978-04-20', relatives: [{ relation: '丈夫', name: '王强', birthMonth: '1975-03' }] }),
    m({ name: '常委', cadreId: 3, birthDate: '1990-01-01' }),
  ];
  it.each([
    ['a couple in one team: one finding for the pair', couple, undefined, [[1, 2]]],
    [
      'same name, another birth month: not the relative',
      couple.map((x) => (x.cadreId === 2 ? { ...x, birthDate: '1979-04-20', relatives: [] } : x)),
      undefined,
      [],
    ],
    [
      'relative without a birth month matches by name',
      [{ ...couple[0]!, relatives: [{ relation: '妻子', name: '刘芳' }] }, { ...couple[1]!, relatives: [] }, couple[2]!],
      undefined,
      [[1, 2]],
    ],
    [
      'a son leading the unit directly above',
      [
        { ...couple[2]!, relatives: [{ relation: '父亲', name: '赵大', birthMonth: '1960-01' }] },
        { ...couple[1]!, relatives: [] },
        { ...couple[0]!, relatives: [] },
      ],
      [{ cadreId: 50, name: '赵大', birthDate: '1960-01-15' }],
      [[3]],
    ],
    ['no relatives recorded', couple.map((x) => ({ ...x, relatives: [] })), [{ cadreId: 50, name: '刘芳', birthDate: '1978-04-20' }], []],
  ])('avoidance-kin: %s', (_name, members, supervisors, expected) => {
    const team = { ...countyParty, ...(supervisors && { supervisors }) };
    const found = analyzeTeam(base({ team, members })).filter((f) => f.rule === 'avoidance-kin');
    expect(found.map((f) => f.members)).toEqual(expected);
  });

  const township: TeamFacts = { kind: '党委班子', unitKind: '乡镇', unitName: '城关镇党委', tier: 'township', quota: { total: 3, chief: 1 } };
  it.each([
    ['no member brings 经济 or 社会治理', [['党建'], [], []], '班子成员中没有具备经济、社会治理专长的干部'],
    ['all three present across members', [['党建'], ['经济'], ['社会治理', '法治']], undefined],
    ['empty team: skipped (chief-vacant speaks)', [], undefined],
  ])('specialty-gap in a township team: %s', (_name, specs, detail) => {
    const members = specs.map((sp, n) =>
      m({ name: `成员${n}`, isChief: n === 0, gender: n === 1 ? '2' : '1', birthDate: '1992-01-01', specialties: sp }),
    );
    const found = analyzeTeam(base({ team: township, members, settings: { ...settings, specialtyNeeds: DEFAULT_SPECIALTY_NEEDS } })).filter(
      (f) => f.rule === 'specialty-gap',
    );
    expect(found.map((f) => f.detail)).toEqual(detail ? [detail] : []);
  });

  it('reads specialties from the form text by keywords', () => {
    expect(specialtiesOf('熟悉经济工作，擅长招商引资', DEFAULT_SPECIALTY_KEYWORDS)).toEqual(['经济']);
    expect(specialtiesOf('法学专业，长期从事信访工作', DEFAULT_SPECIALTY_KEYWORDS)).toEqual(['社会治理', '法治']);
    expect(specialtiesOf('', DEFAULT_SPECIALTY_KEYWORDS)).toEqual([]);
  });

  it('applies each rule only where the applicability data says, and not when disabled', () => {
    const allMen = base().members.map((x) => ({ ...x, gender: '1' }));
    const cityParty = { ...countyParty, tier: 'city' };
    expect(rules(base({ team: cityParty, members: allMen }))).toEqual([]);
    const widened = {
      ...settings,
      applicability: { ...DEFAULT_APPLICABILITY, 'no-woman': { enabled: true, appliesTo: [{ teamKinds: ['党委班子'] }] } },
    };
    expect(rules(base({ team: cityParty, members: allMen, settings: widened }))).toEqual(['no-woman']);
    const off = { ...settings, applicability: { ...DEFAULT_APPLICABILITY, 'no-woman': { enabled: false, appliesTo: [] } } };
    expect(rules(base({ members: allMen, settings: off }))).toEqual([]);
  });
});
