import { describe, expect, it } from 'vitest';
import { addYears, ageInMonths, ageOn, displayDate, displayMonth, isDate, isMonth, latestBirthDateForAge, todayOf } from './dates.js';

describe('dates', () => {
  it.each([
    ['1985-03-12', '2026-03-11', 40],
    ['1985-03-12', '2026-03-12', 41],
    ['1985-03-12', '2026-06-01', 41],
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['1985-12-31', '2026-01-01', 40],
    ['1985-01-01', '2026-12-31', 41],
    // a month alone counts as before every day of that month, as text compares
    ['1985-03', '2026-03-01', 41],
    ['1985-03-12', '2026-03', 40],
    ['0999-03-12', '2026-03-12', 1027],
  ])('ageOn(%s, %s) = %i', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it.each([
    ['1985-03', '2026-03', 41],
    ['1985-03', '2026-02', 40],
    ['1985-12', '2026-01', 40],
  ])('ageInMonths(%s, %s) = %i (the 任免表 counts to the month)', (birth, on, age) => expect(ageInMonths(birth, on)).toBe(age));

  it.each([
    [30, '2026-06-01', '1996-06-01', '1996-06-02'],
    [0, '2026-01-31', '2026-01-31', '2026-02-01'],
    // on 29 Feb of a leap year the bound is a string past 28 Feb, as ageOn counts it
    [45, '2024-02-29', '1979-02-29', '1979-03-01'],
  ])('latestBirthDateForAge(%i, %s) = %s: born the next day is a year younger', (age, on, latest, next) => {
    expect(latestBirthDateForAge(age, on)).toBe(latest);
    expect(ageOn(next, on)).toBe(age - 1);
    expect(ageOn('1979-02-28', '2024-02-29')).toBe(45);
  });

  it.each([
    ['2026-02', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-2', false],
    ['202602', false],
  ])('isMonth(%s) = %s', (v, ok) => expect(isMonth(v)).toBe(ok));

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1999-02-30', false],
    ['2026-04-31', false],
    ['2026-4-30', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-12-31', true],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['0050-01-01', false],
  ])('isDate(%s) = %s', (v, ok) => expect(isDate(v)).toBe(ok));

  it('formats months and dates the way the forms print them', () => {
    expect(displayMonth('1985-03')).toBe('1985.03');
    expect(displayMonth('1985-03-12')).toBe('1985.03');
    expect(displayMonth(null)).toBe('');
    expect(displayDate('1985-03-12')).toBe('1985.03.12');
    expect(addYears('1985-03-12', 16)).toBe('2001-03-12');
  });

  it.each([
    ['2026-05-31T15:59:59Z', '2026-05-31'],
    ['2026-05-31T16:00:00Z', '2026-06-01'],
  ])('todayOf(%s) is the date in China: %s', (now, today) => expect(todayOf(new Date(now))).toBe(today));

  it('todayOf remembers only the day it last computed, exactly to its first and last millisecond', () => {
    const seq: [string, string][] = [
      ['2026-06-01T03:00:00Z', '2026-06-01'],
      ['2026-05-31T16:00:00.000Z', '2026-06-01'],
      ['2026-05-31T15:59:59.999Z', '2026-05-31'],
      ['2026-06-01T12:00:00Z', '2026-06-01'],
      ['2026-06-01T15:59:59.999Z', '2026-06-01'],
      ['2026-06-01T16:00:00.000Z', '2026-06-02'],
      ['1969-12-31T15:59:59.999Z', '1969-12-31'],
      ['1969-12-31T16:00:00.000Z', '1970-01-01'],
    ];
    for (const [now, today] of seq) expect(todayOf(new Date(now)), now).toBe(today);
  });
});
