import { describe, expect, it } from 'vitest';
import { cadreInput, idCardFor } from '../../../test/support/factory.js';
import {
  appraisalIssues,
  cadreIssues,
  cadreLabel,
  codeIssues,
  dateIssues,
  idCardIssues,
  lengthIssues,
  milestoneIssues,
  partyIssues,
  rankIssues,
  resumeIssues,
  scopeIssues,
  type CadreFacts,
  type CadreInput,
} from './cadres.rules.js';

const today = '2026-06-01';
const facts: CadreFacts = { today, minWorkAge: 16, visibleAuthorityIds: [1, 2], unitAuthorityId: 2, idCardOwner: undefined, selfId: undefined };
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('a valid profile', () => {
  it('has no issues', () => expect(cadreIssues(cadreInput(), facts)).toEqual([]));
  it('a woman born 1990 has none either', () => expect(cadreIssues(cadreInput({ gender: '2', birthDate: '1990-11-30' }), facts)).toEqual([]));
});

describe('idCardIssues: ID number agrees with the form (GB 11643)', () => {
  const id = idCardFor('1985-03-12', '1');
  it.each([
    ['a good number', { idCard: id, birthMonth: '1985-03', gender: '1' }, []],
    ['lower-case x', { idCard: '11010519491231002x', birthMonth: '1949-12', gender: '2' }, []],
    [
      'bad check digit',
      { idCard: id.slice(0, 17) + ((Number(id[17]) + 1) % 10), birthMonth: '1985-03', gender: '1' },
      ['idCard: 校验位不正确，请核对号码'],
    ],
    [
      'birth month differs',
      { idCard: id, birthMonth: '1985-04', gender: '1' },
      ['birthMonth: 出生年月 1985.04 与身份证号中的出生日期 1985.03.12 不一致'],
    ],
    ['gender differs', { idCard: id, birthMonth: '1985-03', gender: '2' }, ['gender: 性别 女 与身份证号中的性别 男 不一致']],
    [
      'both differ',
      { idCard: id, birthMonth: '1986-03', gender: '2' },
      ['birthMonth: 出生年月 1986.03 与身份证号中的出生日期 1985.03.12 不一致', 'gender: 性别 女 与身份证号中的性别 男 不一致'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(idCardIssues(input, today).map((i) => `${i.field}: ${i.message}`)).toEqual(expected);
  });

  it('refuses a number another cadre holds, but not the cadre itself', () => {
    expect(idCardIssues({ idCard: id, birthMonth: '1985-03', gender: '1' }, today, 7, undefined)[0]).toMatchObject({
      field: 'idCard',
      message: '该身份证号已存在',
    });
    expect(idCardIssues({ idCard: id, birthMonth: '1985-03', gender: '1' }, today, 7, 7)).toEqual([]);
  });
});

describe('dateIssues: nothing in the future, nothing before birth', () => {
  const base = cadreInput({ birthDate: '1985-03-12' });
  it.each<[string, Partial<CadreInput>, string[]]>([
    ['work start next month', { workStartMonth: '2026-07' }, ['workStartMonth']],
    ['work start this month', { workStartMonth: '2026-06' }, []],
    ['party join before birth', { partyJoinMonth: '1985-02' }, ['partyJoinMonth']],
    ['level since tomorrow', { levelSince: '2026-06-02' }, ['levelSince']],
    ['resume line in the future', { resume: [{ kind: 'segment', startMonth: '2026-09', endMonth: null, text: 'x' }] }, ['resume.0.startMonth']],
    ['a reward before birth', { rewards: [{ kind: 'reward', month: '1980-01', description: 'x', docNo: '' }] }, ['rewards.0.month']],
    [
      'a father born before the cadre',
      { family: [{ relation: '父亲', name: '张大山', birthMonth: '1958-01', politicalStatus: null, workUnitPost: '' }] },
      [],
    ],
    [
      'a child born in the future',
      { family: [{ relation: '儿子', name: '张小', birthMonth: '2027-01', politicalStatus: null, workUnitPost: '' }] },
      ['family.0.birthMonth'],
    ],
    ['an appraisal for next year', { appraisals: [{ year: 2027, grade: '优秀' }] }, ['appraisals.0.year']],
    ['a rank ending tomorrow', { ranks: [{ rankCode: 'ZJ08', startDate: '2020-01-01', endDate: '2026-06-02', docNo: '' }] }, ['ranks.0.endDate']],
  ])('%s', (_name, patch, expected) => {
    expect(fields(dateIssues({ ...base, ...patch }, '1985-03', today))).toEqual(expected);
  });

  it('says which bound was crossed', () => {
    const [i] = dateIssues({ ...base, partyJoinMonth: '1985-02' }, '1985-03', today);
    expect(i).toMatchObject({ label: '入党时间', message: '不能早于出生年月 1985.03' });
  });
});

describe('milestoneIssues: work at 16 (劳动法 第15条), Party at 18 (党章 第一条)', () => {
  it.each([
    ['2001-02', null, 16, ['workStartMonth']],
    ['2001-03', null, 16, []],
    ['2001-03', null, 18, ['workStartMonth']],
    ['2005-07', '2003-02', 16, ['partyJoinMonth']],
    ['2005-07', '2003-03', 16, []],
  ])('work %s, party %s, minimum work age %i', (workStartMonth, partyJoinMonth, minWorkAge, expected) => {
    expect(fields(milestoneIssues({ workStartMonth, partyJoinMonth }, '1985-03', minWorkAge))).toEqual(expected);
  });

  it('names the age and the birth month', () => {
    expect(milestoneIssues({ workStartMonth: '2000-09', partyJoinMonth: null }, '1985-03', 16)[0].message).toBe(
      '参加工作时未满 16 周岁（出生年月 1985.03）',
    );
  });
});

describe('partyIssues: 入党时间 goes with 政治面貌 (LRMX.md §2 #7)', () => {
  it.each([
    ['01', '2006-06', []],
    ['02', null, ['partyJoinMonth']],
    ['01', null, ['partyJoinMonth']],
    ['13', null, []],
    ['06', '2006-06', ['partyJoinMonth']],
  ])('political %s, joined %s', (politicalStatus, partyJoinMonth, expected) => {
    expect(fields(partyIssues({ politicalStatus, partyJoinMonth }))).toEqual(expected);
  });
});

describe('resumeIssues (LRMX.md §3)', () => {
  it.each<[string, CadreInput['resume'], string[]]>([
    ['in order', [{ kind: 'segment', startMonth: '2003-09', endMonth: '2007-07', text: 'x' }], []],
    ['same month', [{ kind: 'segment', startMonth: '2007-07', endMonth: '2007-07', text: 'x' }], []],
    ['end before start', [{ kind: 'segment', startMonth: '2007-07', endMonth: '2003-09', text: 'x' }], ['resume.0.endMonth']],
    ['segment without start', [{ kind: 'segment', startMonth: null, endMonth: null, text: 'x' }], ['resume.0.startMonth']],
    ['note without dates', [{ kind: 'note', startMonth: null, endMonth: null, text: '（其间：…）' }], []],
  ])('%s', (_name, resume, expected) => expect(fields(resumeIssues(resume))).toEqual(expected));

  it('labels the line the way the form shows it', () => {
    expect(resumeIssues([{ kind: 'segment', startMonth: '2007-07', endMonth: '2003-09', text: 'x' }])[0]).toEqual({
      field: 'resume.0.endMonth',
      label: '简历 第1行 截止年月',
      message: '截止年月 2003.09 早于起始年月 2007.07',
    });
  });
});

describe('rankIssues: one 职级 at a time', () => {
  const r = (startDate: string, endDate: string | null) => ({ rankCode: 'ZJ08', startDate, endDate, docNo: '' });
  it.each([
    ['consecutive', [r('2010-01-01', '2015-01-01'), r('2015-01-01', null)], []],
    ['end before start', [r('2015-01-01', '2010-01-01')], ['ranks.0.endDate']],
    ['overlapping', [r('2010-01-01', '2016-01-01'), r('2015-01-01', null)], ['ranks.1.startDate']],
    ['two open', [r('2010-01-01', null), r('2015-01-01', null)], ['ranks.1.startDate']],
    ['out of order but apart', [r('2015-01-01', null), r('2010-01-01', '2014-12-31')], []],
  ])('%s', (_name, ranks, expected) => expect(fields(rankIssues(ranks))).toEqual(expected));
});

describe('appraisalIssues', () => {
  it.each([
    [[2023, 2024], []],
    [[2023, 2024, 2023], ['appraisals.2.year']],
  ])('%j', (years, expected) => expect(fields(appraisalIssues(years.map((year) => ({ year, grade: '称职' as const }))))).toEqual(expected));
});

describe('codeIssues: codes of the national tables', () => {
  it.each<[string, Partial<CadreInput>, string[]]>([
    ['unknown ethnic group', { ethnicCode: '77' }, ['ethnicCode']],
    ['gender 9 is not on the form', { gender: '0' }, ['gender']],
    ['a ZB64 group heading is not a 学历', { ftEducation: '2' }, ['ftEducation']],
    ['unknown degree', { ipDegree: '999' }, ['ipDegree']],
    ['unknown level', { levelCode: '9Z99' }, ['levelCode']],
    ['unknown health', { healthCode: '2' }, ['healthCode']],
    ['unknown rank', { ranks: [{ rankCode: 'ZJ13', startDate: '2020-01-01', endDate: null, docNo: '' }] }, ['ranks.0.rankCode']],
    [
      'family relation by name, political status by code',
      { family: [{ relation: '老婆', name: '李四', birthMonth: null, politicalStatus: '中共党员', workUnitPost: '' }] },
      ['family.0.relation', 'family.0.politicalStatus'],
    ],
  ])('%s', (_name, patch, expected) => expect(fields(codeIssues({ ...cadreInput(), ...patch }))).toEqual(expected));
});

describe('lengthIssues: limits of the 任免表 editor (lrmx_fields.csv)', () => {
  it.each<[string, Partial<CadreInput>, string[]]>([
    ['name of 18', { name: '张'.repeat(18) }, []],
    ['name of 19', { name: '张'.repeat(19) }, ['name']],
    ['specialty of 111', { specialty: '经'.repeat(111) }, ['specialty']],
    ['professional title of 91', { professionalTitle: '高'.repeat(91) }, ['professionalTitle']],
    ['current post of 325', { currentPost: '职'.repeat(325) }, ['currentPost']],
    ['school of 91', { ipDegreeSchool: '校'.repeat(91) }, ['ipDegreeSchool']],
    ['rewards text of 553', { rewardsText: '奖'.repeat(553) }, ['rewardsText']],
    ['appraisal text of 415', { appraisalText: '称'.repeat(415) }, ['appraisalText']],
    [
      'family name of 19',
      { family: [{ relation: '妻子', name: '李'.repeat(19), birthMonth: null, politicalStatus: null, workUnitPost: '' }] },
      ['family.0.name'],
    ],
    [
      'family work of 125',
      { family: [{ relation: '妻子', name: '李四', birthMonth: null, politicalStatus: null, workUnitPost: '单'.repeat(125) }] },
      ['family.0.workUnitPost'],
    ],
    // a character outside the BMP counts once
    ['name with rare characters', { name: '𠀀'.repeat(18) }, []],
  ])('%s', (_name, patch, expected) => expect(fields(lengthIssues({ ...cadreInput(), ...patch }))).toEqual(expected));

  it('says the limit and the length', () => {
    expect(lengthIssues({ ...cadreInput(), name: '张'.repeat(19) })[0]).toMatchObject({ label: '姓名', message: '不超过 18 个字（现 19 个）' });
  });
});

describe('scopeIssues: 干部管理权限', () => {
  it.each([
    [1, null, undefined, []],
    [3, null, undefined, ['authorityId']],
    [1, 10, 2, []],
    [1, 10, 3, ['unitId']],
    [1, 10, undefined, ['unitId']],
  ])('authority %i, unit %s of authority %s', (authorityId, unitId, unitAuthorityId, expected) => {
    expect(fields(scopeIssues({ authorityId, unitId }, { visibleAuthorityIds: [1, 2], unitAuthorityId }))).toEqual(expected);
  });
});

describe('cadreLabel', () => {
  it.each([
    ['family', 2, 'birthMonth', '家庭成员 第3行 出生年月'],
    ['ranks', 0, 'rankCode', '职级任职 第1行 职级'],
    ['tags', 1, undefined, '标签 第2行'],
    ['workStartMonth', undefined, undefined, '参加工作时间'],
  ])('%s %s %s → %s', (field, row, sub, label) => expect(cadreLabel(field, row, sub)).toBe(label));
});

describe('cadreIssues collects everything at once', () => {
  it('reports every problem of a bad profile', () => {
    const input = cadreInput({ workStartMonth: '2000-01', ethnicCode: '77', name: '张'.repeat(20) });
    input.resume[0] = { ...input.resume[0], endMonth: '2000-01' };
    expect(fields(cadreIssues(input, facts))).toEqual(['name', 'ethnicCode', 'workStartMonth', 'resume.0.endMonth']);
  });
});
