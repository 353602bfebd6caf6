import { describe, expect, it } from 'vitest';
import {
  cohortOf,
  cohortProblems,
  covers,
  directionOf,
  mentorProblems,
  mentorshipEndProblems,
  secondmentProblems,
  type SecondmentFacts,
} from './young.rules.js';

const COHORTS = [
  { label: '70后', fromYear: 1970, toYear: 1979 },
  { label: '80后', fromYear: 1980, toYear: 1989 },
  { label: '90后', fromYear: 1990, toYear: 1999 },
];
const fields = (ps: { field: string; kind: string }[]) => ps.map((p) => `${p.field}:${p.kind}`);

describe('cohortOf', () => {
  it.each([
    ['1969-12-31', null],
    ['1970-01-01', '70后'],
    ['1979-12-31', '70后'],
    ['1980-01-01', '80后'],
    ['1980-02-29', '80后'],
    ['1996-02-29', '90后'],
    ['1999-12-31', '90后'],
    ['2000-01-01', null],
  ])('born %s → %s', (birth, want) => expect(cohortOf(birth, COHORTS)).toBe(want));

  it('finds backwards and overlapping ranges in the setting', () => {
    expect(cohortProblems(COHORTS)).toEqual([]);
    expect(cohortProblems([{ label: '甲', fromYear: 1990, toYear: 1980 }])).toEqual(['甲：截止年份早于起始年份']);
    expect(cohortProblems([...COHORTS, { label: '85后', fromYear: 1985, toYear: 1994 }])).toEqual([
      '80后 与 85后 的年份重叠',
      '90后 与 85后 的年份重叠',
    ]);
  });
});

describe('secondmentProblems', () => {
  const base: SecondmentFacts = {
    startDate: '2025-03-01',
    endDate: '2026-02-28',
    homeUnitId: 1,
    hostUnitId: 2,
    homeTier: 'city',
    hostTier: 'county',
  };
  it.each<[string, Partial<SecondmentFacts>, string[]]>([
    ['city to county', {}, []],
    ['county to city', { homeTier: 'county', hostTier: 'city' }, []],
    ['city to a township', { hostTier: 'township' }, []],
    ['open-ended', { endDate: null }, []],
    ['one day (ends the day it starts)', { endDate: '2025-03-01' }, []],
    ['ends the day before it starts', { endDate: '2025-02-28' }, ['endDate:validation']],
    ['leap-day start, ends 28 Feb next year', { startDate: '2024-02-29', endDate: '2025-02-28' }, []],
    ['same unit', { hostUnitId: 1 }, ['hostUnitId:validation']],
    ['county to township (same side)', { homeTier: 'county', hostTier: 'township' }, ['hostUnitId:validation']],
    ['city to city', { hostTier: 'city' }, ['hostUnitId:validation']],
  ])('%s', (_n, o, want) => expect(fields(secondmentProblems({ ...base, ...o }))).toEqual(want));

  it.each([
    ['city', 'city_to_county'],
    ['county', 'county_to_city'],
    ['township', 'county_to_city'],
  ])('home tier %s → %s', (tier, want) => expect(directionOf(tier)).toBe(want));

  it.each([
    ['2025-03-01', true],
    ['2026-02-28', true], // the end date is the last day
    ['2026-03-01', false],
    ['2025-02-28', false],
  ])('a secondment 2025-03-01…2026-02-28 covers %s: %s', (day, want) =>
    expect(covers({ startDate: '2025-03-01', endDate: '2026-02-28' }, day)).toBe(want),
  );
});

describe('mentorProblems (“2+1”)', () => {
  const m = (mentorId: number, endDate: string | null = null) => ({ mentorId, startDate: '2025-01-01', endDate });
  it.each<[string, { mentorId: number; startDate: string; endDate?: string | null }, ReturnType<typeof m>[], string[]]>([
    ['a first mentor', { mentorId: 11, startDate: '2026-01-01' }, [], []],
    ['a second mentor', { mentorId: 12, startDate: '2026-01-01' }, [m(11)], []],
    ['a third mentor', { mentorId: 13, startDate: '2026-01-01' }, [m(11), m(12)], ['mentorId:conflict']],
    ['a third after one ended the day before', { mentorId: 13, startDate: '2026-01-01' }, [m(11), m(12, '2025-12-31')], []],
    ['a third while one ends that very day', { mentorId: 13, startDate: '2026-01-01' }, [m(11), m(12, '2026-01-01')], ['mentorId:conflict']],
    ['the same mentor twice', { mentorId: 11, startDate: '2026-01-01' }, [m(11)], ['mentorId:conflict']],
    ['oneself', { mentorId: 5, startDate: '2026-01-01' }, [], ['mentorId:validation']],
    ['ending before it starts', { mentorId: 11, startDate: '2026-01-01', endDate: '2025-12-31' }, [], ['endDate:validation']],
  ])('%s', (_n, f, cur, want) => expect(fields(mentorProblems({ cadreId: 5, ...f }, cur, 2))).toEqual(want));
});

describe('mentorshipEndProblems', () => {
  const today = '2026-06-01';
  it.each([
    ['ends today', { startDate: '2026-01-01', endDate: null }, today, null, []],
    ['ends on its first day', { startDate: '2026-01-01', endDate: null }, '2026-01-01', null, []],
    ['ends the day before it began', { startDate: '2026-01-01', endDate: null }, '2025-12-31', null, ['date:validation']],
    ['ends tomorrow', { startDate: '2026-01-01', endDate: null }, '2026-06-02', null, ['date:validation']],
    ['ends on the day of its last record', { startDate: '2024-01-01', endDate: null }, '2024-02-29', '2024-02-29', []],
    ['ends before its last record', { startDate: '2024-01-01', endDate: null }, '2024-02-28', '2024-02-29', ['date:validation']],
    ['already ended', { startDate: '2025-01-01', endDate: '2026-05-31' }, today, null, ['date:conflict']],
    ['ended today already', { startDate: '2025-01-01', endDate: today }, today, null, ['date:conflict']],
    ['planned to end later: may end now', { startDate: '2025-01-01', endDate: '2027-01-01' }, today, null, []],
  ] as const)('%s', (_, m, date, last, want) => expect(fields(mentorshipEndProblems(m, date, today, last))).toEqual(want));
});
