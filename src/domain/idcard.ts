// Citizen ID numbers, GB 11643-1999: 6-digit area, 8-digit birth date, 3-digit sequence (odd = male),
// check character by ISO 7064 MOD 11-2. 15-digit numbers (before 1999) are upgraded by inserting "19".
import { displayDate, isDate } from './dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i];
  return CHECK[s % 11];
}

export type IdCardResult = { ok: true; id: string; birthDate: string; gender: '1' | '2'; upgraded: boolean } | { ok: false; reason: string };

/** Parse and check a citizen ID; `today` ('YYYY-MM-DD') bounds the birth date. */
export function parseIdCard(input: string, today: string): IdCardResult {
  let id = input.trim().toUpperCase();
  let upgraded = false;
  if (/^\d{15}$/.test(id)) {
    const body = id.slice(0, 6) + '19' + id.slice(6);
    id = body + checkCharacter(body);
    upgraded = true;
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '应为 18 位（末位可为 X）或 15 位数字' };
  // Address codes (GB/T 2260) and the 81/82/83 and 9x permit series never start with 0.
  if (id[0] === '0') return { ok: false, reason: '前 6 位不是有效的地址码' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  // 1800 as the floor: the standard's own example 440524188001010014 is born in 1880.
  if (!isDate(birthDate) || birthDate < '1800') return { ok: false, reason: `第 7–14 位 ${id.slice(6, 14)} 不是有效的出生日期` };
  if (birthDate > today) return { ok: false, reason: `出生日期 ${displayDate(birthDate)} 晚于今天` };
  if (!upgraded && checkCharacter(id) !== id[17]) return { ok: false, reason: '校验位不正确，请核对号码' };
  const gender = Number(id[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, id, birthDate, gender, upgraded };
}
