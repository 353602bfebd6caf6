// Citizen ID numbers, GB 11643-1999: 6-digit area, 8-digit birth date, 3-digit sequence (odd = male),
// check character by ISO 7064 MOD 11-2. 15-digit numbers (before 1999) are upgraded by inserting "19".

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i];
  return CHECK[s % 11];
}

export type IdCardResult =
  | { ok: true; id: string; birthDate: string; gender: '1' | '2'; upgraded: boolean }
  | { ok: false; reason: string };

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

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
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!realDate(y, m, d) || y < 1900) return { ok: false, reason: `第 7–14 位 ${id.slice(6, 14)} 不是有效的出生日期` };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, reason: `出生日期 ${birthDate} 晚于今天` };
  if (!upgraded && checkCharacter(id) !== id[17]) return { ok: false, reason: '校验位不正确，请核对号码' };
  const gender = Number(id[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, id, birthDate, gender, upgraded };
}
