import { describe, expect, it } from 'vitest';
import { checkCharacter, parseIdCard } from './idcard.js';

const today = '2026-06-01';
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('parseIdCard (GB 11643-1999)', () => {
  it.each([
    // the standard's own examples
    ['11010519491231002X', '11010519491231002X', '1949-12-31', '2', false],
    ['440524188001010014', '440524188001010014', '1880-01-01', '1', false],
    // 15-digit numbers are upgraded: insert 19, compute the check character (LRMX.md §7)
    ['610104620927690', '610104196209276908', '1962-09-27', '2', true],
    // lower-case x accepted, stored upper-case; surrounding spaces ignored
    [' 11010519491231002x ', '11010519491231002X', '1949-12-31', '2', false],
    // Hong Kong / Macao / Taiwan residence permits pass the same checksum
    [withCheck('81000019800101001'), withCheck('81000019800101001'), '1980-01-01', '1', false],
  ])('%s is valid', (input, id, birthDate, gender, upgraded) => {
    expect(parseIdCard(input, today)).toEqual({ ok: true, id, birthDate, gender, upgraded });
  });

  it.each([
    ['110105194912310021', '校验位不正确'],
    ['11010519491231002', '应为 18 位'],
    ['1101051949123100AX', '应为 18 位'],
    ['110105199902300011', '19990230 不是有效的出生日期'],
    ['110105198513010011', '19851301 不是有效的出生日期'],
    [withCheck('11010520300101001'), '出生日期 2030.01.01 晚于今天'],
    [withCheck('01010519800101001'), '地址码'],
  ])('%s is refused: %s', (input, reason) => {
    const r = parseIdCard(input, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('reads the gender from the parity of the 17th digit', () => {
    expect(parseIdCard(withCheck('11010519800101001'), today)).toMatchObject({ gender: '1' });
    expect(parseIdCard(withCheck('11010519800101002'), today)).toMatchObject({ gender: '2' });
  });
});
