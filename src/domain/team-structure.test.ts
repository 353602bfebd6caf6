import { describe, expect, it } from 'vitest';
import { educationTier, teamStructure, type StructureSettings } from './team-structure.js';
import { DEFAULT_SPECIALTY_KEYWORDS, DEFAULT_SPECIALTY_NEEDS, type MemberFacts, type TeamFacts } from './team-rules.js';

const settings: StructureSettings = {
  youngCadreAgeByLevel: { 乡科: 35, 县处: 40, 厅局: 45 },
  termYears: 5,
  specialties: Object.keys(DEFAULT_SPECIALTY_KEYWORDS),
  specialtyNeeds: DEFAULT_SPECIALTY_NEEDS,
  sevenDepartments: ['组织部'],
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

const countyGov: TeamFacts = {
  kind: '政府班子',
  unitKind: '政府',
  unitName: '东湖区人民政府',
  tier: 'county',
  quota: { total: 4, chief: 1, byLevel: { '1A31': 1, '1A32': 3 } },
};

const run = (members: MemberFacts[], asOf = '2026-06-01', team = countyGov) => teamStructure({ asOf, team, members, settings });

describe('teamStructure', () => {
  it('counts size, chief and vacancies by level against the quota', () => {
    const s = run([m({ name: '甲', levelCode: '1A31', isChief: true }), m({ name: '乙' })]);
    expect(s.size).toEqual({ members: 2, quota: 4, vacant: 2, overQuota: 0 });
    expect(s.chief).toEqual({ quota: 1, filled: 1, vacant: 0 });
    expect(s.byLevel).toEqual([
      { levelCode: '1A31', quota: 1, filled: 1, vacant: 0, overQuota: 0 },
      { levelCode: '1A32', quota: 3, filled: 1, vacant: 2, overQuota: 0 },
    ]);
  });

  it('reports a level the team has no quota for as held over quota', () => {
    const s = run([m({ levelCode: '1A41' }), m(), m(), m(), m()]);
    expect(s.size).toEqual({ members: 5, quota: 4, vacant: 0, overQuota: 1 });
    expect(s.byLevel.find((l) => l.levelCode === '1A41')).toEqual({ levelCode: '1A41', quota: 0, filled: 1, vacant: 0, overQuota: 1 });
    expect(s.chief).toEqual({ quota: 1, filled: 0, vacant: 1 });
  });

  it.each([
    // [birthDate, asOf, age, young for 县处 (≤ 40)]
    ['1986-06-01', '2026-06-01', 40, true], // birthday on the day: 40, still young
    ['1986-06-02', '2026-06-01', 39, true],
    ['1985-06-01', '2026-06-01', 41, false],
    ['1986-02-28', '2026-02-28', 40, true],
    ['1984-02-29', '2025-02-28', 40, true], // leap-day birthday: 41 only on 1 March of a common year
    ['1984-02-29', '2025-03-01', 41, false],
    ['1984-02-29', '2024-02-29', 40, true],
  ])('born %s, on %s: aged %i, young %s', (birthDate, asOf, age, young) => {
    const s = run([m({ birthDate, levelCode: '1A31' })], asOf);
    expect(s.members[0]!.age).toBe(age);
    expect(s.age.band).toBe('县处');
    expect(s.age.youngLimit).toBe(40);
    expect(s.age.young).toBe(young ? 1 : 0);
  });

  it('gives the average, the bands (inclusive bounds) and the youngest', () => {
    const s = run([
      m({ name: '甲', birthDate: '1991-06-01', cadreId: 7 }), // 35 on the day
      m({ name: '乙', birthDate: '1985-06-02' }), // 40
      m({ name: '丙', birthDate: '1970-06-01' }), // 56
    ]);
    expect(s.age.average).toBe(43.7);
    expect(Object.fromEntries(s.age.bands.map((b) => [b.key, b.count]))).toEqual({
      age35: 1,
      age36_40: 1,
      age41_45: 0,
      age46_50: 0,
      age51_55: 0,
      age56: 1,
    });
    expect(s.age.youngest).toEqual({ name: '甲', age: 35, cadreId: 7 });
    expect(s.age.young).toBe(2);
  });

  it('counts gender, Party membership (01 and 02 are Party) and ethnic minorities', () => {
    const s = run([
      m({ gender: '2', politicalStatus: '02' }),
      m({ politicalStatus: '13', ethnicCode: '03' }),
      m({ politicalStatus: '04' }),
      m({ ethnicCode: '02' }),
    ]);
    expect(s.gender).toEqual({ male: 3, female: 1 });
    expect(s.party).toEqual({ party: 2, nonParty: 2 });
    expect(s.ethnicMinority).toBe(2);
  });

  it.each([
    ['11', 'graduate'],
    ['1A', 'graduate'],
    ['21', 'bachelor'],
    ['23', 'bachelor'],
    ['31', 'college'],
    ['34', 'college'],
    ['35', 'secondary'],
    ['37', 'secondary'],
    [null, 'unknown'],
    ['', 'unknown'],
  ])('education code %s is in tier %s', (code, tier) => {
    expect(educationTier(code)).toBe(tier);
  });

  it('counts education tiers, and shows 未填 only when some are unknown', () => {
    const s = run([m({ education: '11' }), m({ education: '21' }), m({ education: '21' }), m({ education: '37' })]);
    expect(s.education.map((e) => [e.label, e.count])).toEqual([
      ['研究生', 1],
      ['大学', 2],
      ['大专', 0],
      ['中专及以下', 1],
    ]);
    expect(run([m()]).education.at(-1)).toEqual({ key: 'unknown', label: '未填', count: 1 });
  });

  it('sets the specialty mix against the five specialties and what the unit needs', () => {
    const s = run([m({ specialties: ['经济', '法治'] }), m({ specialties: ['经济'] })]);
    expect(s.specialties).toEqual([
      { name: '党建', count: 0, needed: false },
      { name: '社会治理', count: 0, needed: false },
      { name: '经济', count: 2, needed: true },
      { name: '城建', count: 0, needed: true },
      { name: '法治', count: 1, needed: true },
    ]);
  });

  it('counts sources by tag, a tag listed twice on one member counting once', () => {
    const s = run([m({ tags: ['选调生', '选调生'] }), m({ tags: ['退役军人', '选调生'] }), m()]);
    expect(s.sources).toEqual([
      { key: '选调生', label: '选调生', count: 2 },
      { key: '退役军人', label: '退役军人', count: 1 },
    ]);
  });

  it.each([
    // [postStartDate, asOf, postYears, term]
    ['2021-06-01', '2026-06-01', 5, 2], // five years on the day: the second term begins
    ['2021-06-02', '2026-06-01', 4, 1],
    ['2016-02-29', '2026-02-28', 9, 2],
    ['2016-02-29', '2026-03-01', 10, 3],
    ['2026-06-02', '2026-06-01', null, null], // a start after asOf is not yet a tenure
  ])('in post since %s, on %s: %s whole years, term %s', (postStartDate, asOf, years, term) => {
    const s = run([m({ postStartDate, levelSince: '2011-06-01' })], asOf);
    expect(s.members[0]!.postYears).toBe(years);
    expect(s.members[0]!.term).toBe(term);
  });

  it('averages tenure over the members whose dates are known', () => {
    const s = run([m({ postStartDate: '2020-06-01', levelSince: '2010-06-01' }), m({ postStartDate: '2024-06-01', levelSince: '2024-06-01' }), m()]);
    expect(s.tenure).toEqual({ averagePostYears: 4, pastOneTerm: 1, averageLevelYears: 9 });
  });

  it('answers an empty team without dividing by zero', () => {
    const s = run([]);
    expect(s.size).toEqual({ members: 0, quota: 4, vacant: 4, overQuota: 0 });
    expect(s.age.average).toBeNull();
    expect(s.age.youngest).toBeNull();
    expect(s.tenure.averagePostYears).toBeNull();
  });
});
