// Test factories with overridable defaults (DESIGN.md practice 10): a valid cadre profile whose ID
// number, birth month and gender agree, and small helpers that put units in a test database.
import type { Insertable } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { checkCharacter } from '../../src/domain/idcard.js';
import type { CadreInput } from '../../src/features/cadres/cadres.rules.js';
import type { CadreTable } from '../../src/features/cadres/cadres.table.js';

let serial = 0;

/** A valid 18-digit ID number for a birth date and gender; a new one on every call. */
export function idCardFor(birthDate: string, gender: string = '1'): string {
  serial++;
  // The 17th digit's parity is the gender (GB 11643): odd for men, even for women.
  const seq = (serial % 500) * 2 + (gender === '1' ? 1 : 0);
  const area = String(340102 + Math.floor(serial / 500));
  const body = area + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return body + checkCharacter(body);
}

export type CadreOverrides = Partial<CadreInput> & {
  /** 'YYYY-MM-DD'; sets the ID number and birth month (and the default career dates) */
  birthDate?: string;
};

/**
 * A complete, valid profile (every field and list filled). The career dates follow the birth year, so
 * any birth year up to 1994 keeps them in the past of the test clock (2026-06-01).
 */
export function cadreInput(o: CadreOverrides = {}): CadreInput {
  const { birthDate = '1985-03-12', ...rest } = o;
  const gender = o.gender ?? '1';
  const y = Number(birthDate.slice(0, 4));
  const m = (years: number, month: string) => `${y + years}-${month}`;
  const base: CadreInput = {
    idCard: idCardFor(birthDate, gender),
    name: '张三',
    gender,
    birthMonth: birthDate.slice(0, 7),
    ethnicCode: '01',
    nativePlace: '安徽合肥',
    birthplace: '安徽肥东',
    politicalStatus: '01',
    partyJoinMonth: m(21, '06'),
    otherParty: null,
    workStartMonth: m(22, '07'),
    healthCode: '1',
    professionalTitle: '经济师',
    specialty: '经济管理，招商引资',
    ftEducation: '21',
    ftDegree: '402',
    ftEducationSchool: '安徽大学经济学院国际经济与贸易专业',
    ftDegreeSchool: '安徽大学经济学院国际经济与贸易专业',
    ipEducation: '11',
    ipDegree: '302',
    ipEducationSchool: '中国科学技术大学管理学院工商管理专业',
    ipDegreeSchool: '中国科学技术大学管理学院工商管理专业',
    currentPost: '青川市发展和改革委员会副主任',
    levelCode: '1A32',
    levelSince: `${y + 29}-06-01`,
    unitId: null,
    authorityId: 1,
    status: 'active',
    rewardsText: `${y + 27}年12月被评为市级优秀公务员。`,
    appraisalText: '2023年、2024年年度考核均为称职。',
    remarks: '',
    resume: [
      { kind: 'segment', startMonth: m(18, '09'), endMonth: m(22, '07'), text: '安徽大学经济学院国际经济与贸易专业学习' },
      { kind: 'segment', startMonth: m(22, '07'), endMonth: m(29, '06'), text: '青川市发展和改革委员会科员、副主任科员' },
      { kind: 'segment', startMonth: m(29, '06'), endMonth: null, text: '青川市发展和改革委员会副主任' },
      { kind: 'note', startMonth: m(24, '09'), endMonth: m(27, '06'), text: '（其间：在中国科学技术大学管理学院工商管理专业在职研究生学习）' },
    ],
    rewards: [{ kind: 'reward', month: m(27, '12'), description: '市级优秀公务员', docNo: '青人社〔2012〕8号' }],
    appraisals: [
      { year: 2023, grade: '称职' },
      { year: 2024, grade: '优秀' },
    ],
    family: [
      { relation: '妻子', name: '李四', birthMonth: m(1, '05'), politicalStatus: '01', workUnitPost: '青川市第一中学教师' },
      { relation: '儿子', name: '张小三', birthMonth: m(27, '08'), politicalStatus: '13', workUnitPost: '学生' },
      { relation: '父亲', name: '张大山', birthMonth: m(-27, '01'), politicalStatus: '13', workUnitPost: '已退休' },
    ],
    ranks: [
      { rankCode: 'ZJ10', startDate: `${y + 24}-01-01`, endDate: `${y + 28}-06-30`, docNo: '青发改〔2009〕1号' },
      { rankCode: 'ZJ08', startDate: `${y + 28}-06-30`, endDate: null, docNo: '青发改〔2013〕5号' },
    ],
    tags: ['年轻干部', '经济'],
  };
  return { ...base, ...rest };
}

let rowSerial = 0;

/**
 * A cadre row for the table, past the profile's validation: only what counts, statistics and team views
 * read (a made-up ID number, 干部N, born 1980-01-01). The text columns left out have database defaults.
 */
export function cadreRow(over: Partial<Insertable<CadreTable>> & { authorityId: number }): Insertable<CadreTable> {
  rowSerial++;
  const at = '2026-01-01T00:00:00.000Z';
  return {
    idCard: `3401011980010${String(rowSerial).padStart(5, '0')}`,
    name: `干部${rowSerial}`,
    namePinyin: `ganbu${rowSerial}`,
    nameInitials: 'gb',
    gender: '1',
    birthDate: '1980-01-01',
    ethnicCode: '01',
    politicalStatus: '01',
    workStartMonth: '2002-07',
    healthCode: '1',
    createdAt: at,
    updatedAt: at,
    ...over,
  } as Insertable<CadreTable>;
}

/** A cadre row (cadreRow) inserted straight into the table; its id. */
export async function insertCadreRow(db: Db, over: Partial<Insertable<CadreTable>> & { authorityId: number }): Promise<number> {
  const { id } = await db.insertInto('cadres').values(cadreRow(over)).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** How many audit rows of `event` there are (a refused write must add none). */
export async function countAudit(db: Db, event: string): Promise<number> {
  const { n } = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event', '=', event)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A unit under `parentId` (or a root), with its materialized path. */
export async function insertUnit(
  db: Db,
  u: { name: string; authorityId: number; parentId?: number | null; kind?: string; tier?: string },
): Promise<number> {
  const parent = u.parentId ? await db.selectFrom('units').select('path').where('id', '=', u.parentId).executeTakeFirstOrThrow() : undefined;
  const { id } = await db
    .insertInto('units')
    .values({ name: u.name, parentId: u.parentId ?? null, path: '/', kind: u.kind ?? '部门', tier: u.tier ?? 'city', authorityId: u.authorityId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('units')
    .set({ path: `${parent?.path ?? '/'}${id}/` })
    .where('id', '=', id)
    .execute();
  return id;
}

/** The id of an authority by its name (the demo departments, e.g. '中共东湖区委组织部'). */
export async function authorityId(db: Db, name: string): Promise<number> {
  const row = await db.selectFrom('authorities').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
