import { describe, expect, it } from 'vitest';
import { appointmentFigures, complianceFigures, isPromotion, levelRank, type AppointmentFacts, type TeamOnDate } from './figures.js';
import type { MemberFacts } from './team-rules.js';

const settings = {
  cohortBirthFrom: { '1A31': '1975-01-01', '1A32': '1980-01-01' },
  youngAgeBelow: { '1A41': 32, '1A42': 27 },
  sevenDepartments: ['组织部', '卫生健康'],
};

let nextId = 1;
const a = (o: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  appointmentId: nextId,
  cadreId: nextId++,
  name: '张三',
  birthDate: '1980-05-01',
  tags: [],
  startDate: '2026-06-01',
  postTitle: '副局长',
  postLevelCode: '1A32',
  isChief: false,
  teamKind: '部门班子',
  unitKind: '部门',
  unitTier: 'city',
  unitName: '市财政局',
  earlierLevels: ['1A41'],
  cadreLevelCode: '1A32',
  cadreLevelSince: '2026-06-01',
  ...o,
});
const value = (list: AppointmentFacts[], key: string) => appointmentFigures(list, settings).find((f) => f.key === key)!;

describe('report figures', () => {
  it('ranks leadership levels', () => {
    expect(levelRank('1A31')! < levelRank('1A32')!).toBe(true);
    expect(levelRank('1A50')).toBeUndefined();
    expect(levelRank(null)).toBeUndefined();
  });

  it.each([
    ['from a lower earlier post', a({ earlierLevels: ['1A41', '1A42'] }), true],
    ['a transfer at the same level', a({ earlierLevels: ['1A32'] }), false],
    ['back down from a higher post', a({ earlierLevels: ['1A31'] }), false],
    ['no earlier post, level reached that day', a({ earlierLevels: [] }), true],
    ['no earlier post, level reached before', a({ earlierLevels: [], cadreLevelSince: '2020-01-01' }), false],
    ['a non-leadership level', a({ postLevelCode: '1A50', earlierLevels: ['1A60'] }), false],
  ])('isPromotion: %s', (_n, appt, expected) => expect(isPromotion(appt)).toBe(expected));

  // 正科级 under 32 on the appointment date: a birthday on that day makes 32, so it does not count.
  it.each([
    ['turns 32 on the day', '1994-06-01', 0],
    ['turns 32 the day after', '1994-06-02', 1],
    ['born 29 Feb, appointed 28 Feb of a common year at 31', '1996-02-29', 1],
  ])('young-section-chiefs: %s', (_n, birthDate, n) => {
    const start = birthDate === '1996-02-29' ? '2028-02-28' : '2026-06-01';
    const appt = a({ postLevelCode: '1A41', birthDate, startDate: start, cadreLevelCode: '1A41', cadreLevelSince: start, earlierLevels: ['1A42'] });
    expect(value([appt], 'young-section-chiefs').value).toBe(n);
  });

  it('young-section-deputies counts 副科级 promotions under 27 with the age in the detail', () => {
    const f = value([a({ postLevelCode: '1A42', birthDate: '2000-01-01', earlierLevels: [], cadreLevelCode: '1A42' })], 'young-section-deputies');
    expect(f.value).toBe(1);
    expect(f.people![0]!.detail).toContain('任职时 26 岁');
  });

  it('the share of 75后 正县级 and 80后 副县级 among 县处级 promotions, cohort edges included', () => {
    const list = [
      a({ postLevelCode: '1A31', birthDate: '1975-01-01', earlierLevels: ['1A32'], cadreLevelCode: '1A31' }),
      a({ postLevelCode: '1A31', birthDate: '1974-12-31', earlierLevels: ['1A32'], cadreLevelCode: '1A31' }),
      a({ postLevelCode: '1A32', birthDate: '1980-01-01' }),
      a({ postLevelCode: '1A32', birthDate: '1979-12-31' }),
      a({ postLevelCode: '1A41', birthDate: '1999-01-01', earlierLevels: ['1A42'], cadreLevelCode: '1A41' }),
    ];
    const f = value(list, 'young-county-promotions-share');
    expect([f.numerator, f.denominator, f.value]).toEqual([2, 4, 50]);
    expect(value([], 'young-county-promotions-share').value).toBe(0);
  });

  it('chief appointments by kind of post', () => {
    const list = [
      a({ isChief: true, unitTier: 'county', unitKind: '党委', teamKind: '党委班子', postLevelCode: '1A31' }),
      a({ isChief: true, unitTier: 'city', unitKind: '部门' }),
      a({ isChief: false, unitTier: 'city', unitKind: '部门' }),
      a({ isChief: true, unitTier: 'county', unitKind: '人大', postLevelCode: '1A31', earlierLevels: ['1A32'] }),
      a({ isChief: true, unitTier: 'county', unitKind: '政协', postLevelCode: '1A31', earlierLevels: ['1A31'] }),
      a({ isChief: true, unitTier: 'township', unitKind: '乡镇', teamKind: '党委班子', postLevelCode: '1A41', tags: ['选调生'] }),
      a({ isChief: true, unitTier: 'township', unitKind: '乡镇', teamKind: '政府班子', postLevelCode: '1A41' }),
    ];
    expect(value(list, 'county-or-department-chiefs').value).toBe(2);
    expect(value(list, 'congress-cppcc-chiefs').value).toBe(1);
    expect(value(list, 'selected-graduate-township-chiefs').value).toBe(1);
  });

  const member = (gender: string, isChief: boolean, politicalStatus = '01'): MemberFacts => ({
    name: 'x',
    gender,
    birthDate: '1980-01-01',
    politicalStatus,
    ethnicCode: '01',
    isChief,
  });
  const team = (id: number, kind: string, unitKind: string, tier: string, unitName: string, members: MemberFacts[]): TeamOnDate => ({
    teamId: id,
    unitId: id,
    teamName: `${unitName}班子`,
    unitName,
    team: { kind, unitKind, tier, unitName, quota: {} },
    members,
  });

  it('fill rates of women and non-Party deputies, failing teams first', () => {
    const teams = [
      team(1, '党委班子', '党委', 'county', '中共东湖区委', [member('1', true), member('2', false)]),
      team(2, '政府班子', '政府', 'county', '东湖区人民政府', [member('1', true), member('1', false)]),
      team(3, '党委班子', '党委', 'city', '中共青川市委', [member('1', true)]),
      team(4, '部门班子', '部门', 'county', '东湖区卫生健康委员会', [member('2', true)]),
      team(5, '法院班子', '法院', 'county', '东湖区人民法院', [member('1', true, '13'), member('1', false)]),
      team(6, '检察院班子', '检察院', 'city', '青川市人民检察院', [member('1', true), member('2', false, '06')]),
      team(7, '法院班子', '法院', 'township', '某法庭', [member('1', true)]),
    ];
    const [women, seven, courts] = complianceFigures(teams, settings);
    expect([women!.numerator, women!.denominator, women!.value]).toEqual([1, 2, 50]);
    expect(women!.teams!.map((t) => [t.teamId, t.ok])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect([seven!.numerator, seven!.denominator]).toEqual([1, 1]);
    // a non-Party chief is not a non-Party deputy; a township tribunal is not a 市/县 court
    expect([courts!.numerator, courts!.denominator]).toEqual([1, 2]);
  });
});
