import { describe, expect, it } from 'vitest';
import {
  appointmentProblems,
  endProblems,
  hasChiefVacancy,
  inForceOn,
  isInForce,
  quotaChangeProblem,
  staffing,
  teamTotals,
  type AppointmentFacts,
  type PostStaffing,
} from './teams.js';

describe('isInForce', () => {
  it.each([
    ['2020-01-01', null, '2019-12-31', false],
    ['2020-01-01', null, '2020-01-01', true],
    ['2020-01-01', null, '2030-01-01', true],
    ['2020-01-01', '2022-06-30', '2022-06-29', true],
    ['2020-01-01', '2022-06-30', '2022-06-30', false],
    ['2020-01-01', '2020-01-01', '2020-01-01', false],
  ])('from %s until %s, on %s → %s', (startDate, endDate, on, expected) => {
    expect(isInForce({ startDate, endDate }, on)).toBe(expected);
  });

  it('keeps the appointments in force on a date', () => {
    const list = [
      { id: 1, startDate: '2018-01-01', endDate: '2021-01-01' },
      { id: 2, startDate: '2021-01-01', endDate: null },
      { id: 3, startDate: '2019-05-01', endDate: null },
    ];
    expect(inForceOn(list, '2020-12-31').map((a) => a.id)).toEqual([1, 3]);
    expect(inForceOn(list, '2021-01-01').map((a) => a.id)).toEqual([2, 3]);
  });
});

describe('staffing', () => {
  it.each([
    [2, 0, { vacant: 2, overQuota: 0 }],
    [2, 2, { vacant: 0, overQuota: 0 }],
    [1, 3, { vacant: 0, overQuota: 2 }],
    [0, 0, { vacant: 0, overQuota: 0 }],
  ])('quota %i, filled %i', (quota, filled, expected) => {
    expect(staffing(quota, filled)).toEqual({ quota, filled, ...expected });
  });
});

describe('teamTotals', () => {
  const post = (levelCode: string, isChief: boolean, quota: number, filled: number): PostStaffing => ({
    levelCode,
    isChief,
    ...staffing(quota, filled),
  });

  it('sums posts and groups them by level', () => {
    const t = teamTotals([post('1A31', true, 1, 1), post('1A32', false, 4, 3), post('1A32', false, 1, 0), post('1A41', false, 2, 2)]);
    expect(t).toMatchObject({ quota: 8, filled: 6, vacant: 2, overQuota: 0, chiefVacant: false });
    expect(t.byLevel).toEqual([
      { levelCode: '1A31', quota: 1, filled: 1, vacant: 0, overQuota: 0 },
      { levelCode: '1A32', quota: 5, filled: 3, vacant: 2, overQuota: 0 },
      { levelCode: '1A41', quota: 2, filled: 2, vacant: 0, overQuota: 0 },
    ]);
  });

  it('does not let an over-filled post cover another post’s vacancy', () => {
    const t = teamTotals([post('1A32', false, 1, 2), post('1A32', false, 1, 0)]);
    expect(t).toMatchObject({ quota: 2, filled: 2, vacant: 1, overQuota: 1 });
  });

  it('is all zero for a team without posts', () => {
    expect(teamTotals([])).toEqual({ quota: 0, filled: 0, vacant: 0, overQuota: 0, byLevel: [], chiefVacant: false });
  });

  it.each([
    ['chief seat open', [post('1A31', true, 1, 0)], true],
    ['chief held, deputy open', [post('1A31', true, 1, 1), post('1A32', false, 3, 1)], false],
    ['no chief post', [post('1A32', false, 3, 0)], false],
    ['two chief posts, one open', [post('1A31', true, 1, 1), post('1A31', true, 1, 0)], true],
  ])('chief vacancy: %s', (_name, posts, expected) => {
    expect(hasChiefVacancy(posts)).toBe(expected);
    expect(teamTotals(posts).chiefVacant).toBe(expected);
  });
});

describe('appointmentProblems', () => {
  const base: AppointmentFacts = {
    today: '2026-06-01',
    cadreId: 9,
    startDate: '2026-05-01',
    cadre: { status: 'active', workStartMonth: '2005-07' },
    quota: 2,
    postAppointments: [],
  };
  const held = (cadreId: number, startDate: string, endDate: string | null = null) => ({ cadreId, startDate, endDate });

  it.each<[string, Partial<AppointmentFacts>, string | null]>([
    ['an open seat', { postAppointments: [held(1, '2020-01-01')] }, null],
    ['start today', { startDate: '2026-06-01' }, null],
    ['start tomorrow', { startDate: '2026-06-02' }, '不能晚于今天'],
    ['before work start', { startDate: '2005-06-30' }, '早于参加工作时间（2005.07）'],
    ['in the work-start month', { startDate: '2005-07-01' }, null],
    ['retired cadre', { cadre: { status: 'retired', workStartMonth: '2005-07' } }, '已退休，不能任职'],
    [
      'full on the start date',
      { postAppointments: [held(1, '2020-01-01'), held(2, '2021-01-01')] },
      '该职位核定职数 2 名，已配 2 名，不能超职数任职',
    ],
    ['a seat freed before the start', { postAppointments: [held(1, '2020-01-01', '2026-04-01'), held(2, '2021-01-01')] }, null],
    ['a seat freed on the start day', { postAppointments: [held(1, '2020-01-01', '2026-05-01'), held(2, '2021-01-01')] }, null],
    [
      'backdated into a seat later taken',
      { startDate: '2019-01-01', postAppointments: [held(1, '2020-01-01'), held(2, '2021-01-01')] },
      '该职位核定职数 2 名，2021-01-01 起已配 2 名，不能超职数任职',
    ],
    ['quota zero', { quota: 0 }, '该职位核定职数 0 名，已配 0 名，不能超职数任职'],
    ['same cadre already holding', { postAppointments: [held(9, '2024-01-01')] }, '该干部已任此职（2024-01-01 起），不能重复任职'],
    ['same cadre, ended before', { postAppointments: [held(9, '2020-01-01', '2022-01-01')] }, null],
    [
      'same cadre, backdated over a later tenure',
      { startDate: '2019-01-01', postAppointments: [held(9, '2020-01-01', '2022-01-01')] },
      '该干部已任此职（2020-01-01 起），不能重复任职',
    ],
  ])('%s', (_name, patch, expected) => {
    const problems = appointmentProblems({ ...base, ...patch });
    expect(problems[0]?.message ?? null).toBe(expected);
  });

  it('marks the quota as a conflict on the post', () => {
    const [p] = appointmentProblems({ ...base, quota: 1, postAppointments: [held(1, '2020-01-01')] });
    expect(p).toMatchObject({ field: 'postId', kind: 'conflict' });
  });
});

describe('endProblems', () => {
  it.each<[string, string, string | null, string, string | null]>([
    ['ends after start', '2020-01-01', null, '2026-01-01', null],
    ['ends on the start day', '2020-01-01', null, '2020-01-01', null],
    ['ends before start', '2020-01-01', null, '2019-12-31', '不能早于任职日期（2020-01-01）'],
    ['ends in the future', '2020-01-01', null, '2026-06-02', '不能晚于今天'],
    ['already ended', '2020-01-01', '2024-01-01', '2025-01-01', '该任职已于 2024-01-01 免职'],
  ])('%s', (_name, startDate, endedOn, endDate, expected) => {
    expect(endProblems({ today: '2026-06-01', startDate, endedOn, endDate })[0]?.message ?? null).toBe(expected);
  });
});

describe('quotaChangeProblem', () => {
  it.each([
    [3, 2, null],
    [2, 2, null],
    [1, 2, '现已配 2 名，不能少于已配人数，请先办理免职'],
  ])('quota %i with %i filled', (quota, filled, expected) => {
    expect(quotaChangeProblem(quota, filled)?.message ?? null).toBe(expected);
  });
});
