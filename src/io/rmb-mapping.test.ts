import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cadreInput } from '../../test/support/factory.js';
import { checkCharacter } from '../domain/idcard.js';
import { cadreIssues, type CadreFacts } from '../features/cadres/cadres.rules.js';
import { parseLrm, serializeLrm } from './lrm.js';
import { parseLrmx, serializeLrmx } from './lrmx.js';
import { emptyFamilyItem, emptyRmbRecord, type RmbRecord } from './rmb-record.js';
import { importRmbFile } from './rmb-import.js';
import {
  cadreToRmb,
  cleanName,
  jianliLinesOf,
  parseParty,
  parseRmbDate,
  partyText,
  rmbToCadre,
  sniffPhoto,
  type RmbCadreInput,
  type RmbToCadreResult,
} from './rmb-mapping.js';

const asset = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../assets/lrmx/${name}`, import.meta.url)));
const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../test/fixtures/lrmx/${name}`, import.meta.url)));

const today = '2026-06-01';
const facts: CadreFacts = { today, minWorkAge: 16, visibleAuthorityIds: [1], unitAuthorityId: undefined, idCardOwner: undefined, selfId: undefined };

function record(bytes: Uint8Array): RmbRecord {
  const r = parseLrmx(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

const SAMPLE = record(asset('SYNTHETIC_fictional_example.lrmx'));

/** A valid ID for a fictional person (GB 11643 check character computed, never typed in). */
const idFor = (birth: string, seq = '013') => {
  const body = `340102${birth}${seq}`;
  return body + checkCharacter(body);
};

/** The sample with some fields changed. */
const variant = (patch: Partial<RmbRecord>): RmbRecord => ({ ...SAMPLE, ...patch });
const map = (r: RmbRecord, format: 'lrmx' | 'lrm' = 'lrmx') => rmbToCadre(r, { today, format });
const issuesOf = (res: RmbToCadreResult) =>
  res.issues.map((i) => `${i.severity} ${i.field}${i.item !== undefined ? `[${i.item}]` : ''} ${i.label}: ${i.message}`);

describe('rmbToCadre: the shared sample', () => {
  const res = map(SAMPLE);
  it('maps names to codes and dates to YYYY-MM', () => {
    expect(res.input).toEqual({
      idCard: '11010519491231002X',
      name: '测试甲',
      gender: '2',
      birthMonth: '1949-12',
      ethnicCode: '01',
      nativePlace: '北京',
      birthplace: '北京',
      politicalStatus: '01',
      partyJoinMonth: '1972-06',
      otherParty: null,
      workStartMonth: '1973-07',
      healthCode: '1',
      professionalTitle: '经济师',
      specialty: '行政管理',
      ftEducation: '33',
      ftDegree: null,
      ftEducationSchool: '某某大学中文系汉语言文学专业',
      ftDegreeSchool: '',
      ipEducation: '23',
      ipDegree: null,
      ipEducationSchool: '某某省委党校经济管理专业',
      ipDegreeSchool: '',
      currentPost: '某某市某某局副局长',
      levelCode: null,
      levelSince: null,
      status: 'active',
      rewardsText: '无',
      appraisalText: '2022年、2023年年度考核均为称职。',
      remarks: '',
      resume: [
        { kind: 'segment', startMonth: '1970-09', endMonth: '1973-07', text: '某某大学中文系汉语言文学专业学习' },
        { kind: 'segment', startMonth: '1973-07', endMonth: '1985-03', text: '某某市某某局科员、副主任科员' },
        { kind: 'segment', startMonth: '1985-03', endMonth: '1998-06', text: '某某市某某局办公室副主任、主任' },
        { kind: 'note', startMonth: '1990-09', endMonth: '1992-07', text: '（其间：1990.09--1992.07在某某省委党校在职大学经济管理专业学习）' },
        { kind: 'segment', startMonth: '1998-06', endMonth: null, text: '某某市某某局副局长' },
      ],
      rewards: [],
      appraisals: [],
      family: [
        { relation: '丈夫', name: '测试乙', birthMonth: '1948-05', politicalStatus: '01', workUnitPost: '某某市某某公司职工（已退休）' },
        { relation: '女儿', name: '测试丙', birthMonth: '1975-10', politicalStatus: '13', workUnitPost: '某某市某某医院医生' },
        { relation: '父亲', name: '测试丁', birthMonth: '1920-03', politicalStatus: '01', workUnitPost: '某某市某某厂职工（已去世）' },
      ],
      ranks: [],
      tags: [],
    } satisfies RmbCadreInput);
  });
  it('has no issues', () => expect(res).toMatchObject({ ok: true, issues: [] }));
  it('is a profile the cadre rules accept as it is', () => expect(cadreIssues({ ...res.input, authorityId: 1, unitId: null }, facts)).toEqual([]));
  it('returns the proposal the profile cannot hold', () =>
    expect(res.proposal).toEqual({
      NiRenZhiWu: '某某市某某局局长',
      NiMianZhiWu: '某某市某某局副局长',
      RenMianLiYou: '工作需要',
      ChengBaoDanWei: '中共某某市委组织部',
      JiSuanNianLingShiJian: '20240601',
      TianBiaoShiJian: '20240601',
      TianBiaoRen: '测试员',
    }));
  it('returns the extras: version and the 简历 as written', () =>
    expect(res.extras).toEqual({
      Version: '3.2.1.16',
      jianLiText: SAMPLE.JianLi,
      rootAttributes: '',
      unknown: [],
      familyUnknown: [],
      familyItemUnknown: [],
    }));
  it('has no photo', () => expect(res.photo).toBeNull());
});

describe('parseParty / partyText: 入党时间 ↔ 政治面貌', () => {
  it.each<[string, string, string | null, string | null, string]>([
    ['197206', '01', '1972-06', null, '197206'],
    ['19720601', '01', '1972-06', null, '197206'],
    ['1972.06', '01', '1972-06', null, '197206'],
    ['200108；民建', '01', '2001-08', '民建', '200108；民建'],
    ['200108;民建', '01', '2001-08', '民建', '200108；民建'],
    ['民建；200108', '01', '2001-08', '民建', '200108；民建'],
    ['民建', '06', null, '民建', '民建'],
    ['中国民主建国会', '06', null, '民建', '民建'],
    ['九三', '10', null, '九三', '九三'],
    ['九三学社社员', '10', null, '九三', '九三'],
    ['民革', '04', null, '民革', '民革'],
    ['致公党', '09', null, '致公党', '致公党'],
    ['民建；九三', '06', null, '民建；九三', '民建；九三'],
    ['无党派', '12', null, '无党派', '无党派'],
    ['无党派人士', '12', null, '无党派', '无党派'],
    ['', '13', null, null, ''],
    ['群众', '13', null, null, ''],
    ['共青团员', '03', null, null, '共青团员'],
  ])('%j', (raw, politicalStatus, partyJoinMonth, otherParty, written) => {
    const p = parseParty(raw);
    expect(p).toEqual({ politicalStatus, partyJoinMonth, otherParty, problems: [] });
    expect(partyText(p)).toBe(written);
  });

  it.each<[string, string, string]>([
    ['中共党员', 'warning', '只写了“中共党员”，没有入党年月'],
    ['预备党员', 'warning', '没有入党年月'],
    ['197206；198001', 'error', '有两个入党时间'],
    ['民主党派', 'error', '“民主党派”既不是年月（YYYYMM），也不是政治面貌名称'],
    ['1972年13月', 'error', '既不是年月'],
  ])('%j is a problem', (raw, severity, message) => {
    expect(parseParty(raw).problems).toEqual([{ severity, message: expect.stringContaining(message) }]);
  });

  it('is reported on RuDangShiJian with its label', () => {
    expect(issuesOf(map(variant({ RuDangShiJian: '民主党派' })))).toEqual([
      'error RuDangShiJian 入党时间: “民主党派”既不是年月（YYYYMM），也不是政治面貌名称（如 中共党员、民建、九三、无党派）',
    ]);
  });
});

describe('parseRmbDate', () => {
  it.each<[string, string, string | null]>([
    ['197204', '1972-04', null],
    ['19720415', '1972-04', '1972-04-15'],
    ['1972.04', '1972-04', null],
    ['1972.4', '1972-04', null],
    ['1972-04', '1972-04', null],
    ['1972-04-15', '1972-04', '1972-04-15'],
    ['1972/4/5', '1972-04', '1972-04-05'],
    ['1972年4月', '1972-04', null],
    ['1972年4月15日', '1972-04', '1972-04-15'],
    ['１９７２０４', '1972-04', null],
    [' 197204 ', '1972-04', null],
  ])('%j → %s', (raw, month, date) => expect(parseRmbDate(raw)).toEqual({ month, date }));

  it.each(['197213', '197200', '19720230', '1972', '72.04', 'abc', '00000000', '2024-1-1-1', '1972年'])('%j is not a date', (raw) =>
    expect(parseRmbDate(raw)).toBeNull(),
  );
});

describe('cleanName', () => {
  it.each([
    ['张 三', '张三'],
    [' 张　三 ', '张三'],
    ['欧阳 小 明', '欧阳小明'],
    ['买买提•艾力', '买买提·艾力'],
    ['买买提・艾力', '买买提·艾力'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['John  Smith', 'John Smith'],
  ])('%j → %j', (raw, clean) => expect(cleanName(raw)).toBe(clean));

  it('a padded name in the file is imported without the space', () => expect(map(variant({ XingMing: '测 试 甲' })).input.name).toBe('测试甲'));
  it('a question mark in a name is flagged (a rare character lost in an encoding)', () =>
    expect(issuesOf(map(variant({ XingMing: '王?明' })))).toEqual([
      'warning XingMing 姓名: 姓名“王?明”含有问号，可能是生僻字在转换编码时丢失，请核对',
    ]));
});

describe('rmbToCadre: 身份证号 (GB 11643)', () => {
  const id = idFor('19491231', '002');
  it.each<[string, string, string, string[]]>([
    ['a valid number', id, id, []],
    ['lower-case x, stored upper-case', '11010519491231002x', '11010519491231002X', []],
    ['spaces inside', '110105 19491231 002X', '11010519491231002X', []],
    [
      'a 15-digit number, upgraded',
      '110105491231002',
      '11010519491231002X',
      ['warning ShenFenZheng 身份证号: 15 位旧号 110105491231002 已升为 18 位 11010519491231002X'],
    ],
    ['a wrong check digit', '110105194912310021', '', ['error ShenFenZheng 身份证号: “110105194912310021”校验位不正确，请核对号码']],
    ['17 digits', '11010519491231002', '', ['error ShenFenZheng 身份证号: “11010519491231002”应为 18 位（末位可为 X）或 15 位数字']],
    [
      'an impossible birth date',
      idFor('19490231'),
      '',
      [`error ShenFenZheng 身份证号: “${idFor('19490231')}”第 7–14 位 19490231 不是有效的出生日期`],
    ],
    ['empty', '', '', ['error ShenFenZheng 身份证号: 未填写']],
  ])('%s', (_name, raw, stored, issues) => {
    const res = map(variant({ ShenFenZheng: raw }));
    expect(res.input.idCard).toBe(stored);
    expect(issuesOf(res)).toEqual(issues);
  });

  it('an .lrm has no 身份证号: the message says so', () =>
    expect(issuesOf(map(variant({ ShenFenZheng: '' }), 'lrm'))).toEqual([
      'error ShenFenZheng 身份证号: 未填写（.lrm 2.0 格式没有身份证号栏，请补录）',
    ]));
  it('an empty 性别 or 出生年月 is taken from a valid ID, with a warning', () => {
    const res = map(variant({ XingBie: '', ChuShengNianYue: '' }));
    expect(res.input).toMatchObject({ gender: '2', birthMonth: '1949-12' });
    expect(issuesOf(res)).toEqual([
      'warning XingBie 性别: 未填写，已按身份证号取“女”',
      'warning ChuShengNianYue 出生年月: 未填写，已按身份证号取 194912',
    ]);
  });
});

describe('rmbToCadre: lengths from lrmx_fields.csv, counted in characters', () => {
  const long = (n: number) => '某'.repeat(n);
  it.each<[string, Partial<RmbRecord>, string[]]>([
    ['姓名 of 18 characters (54 UTF-8 bytes) is fine', { XingMing: long(18) }, []],
    ['姓名 of 17 + one character outside the BMP is 18, fine', { XingMing: `${long(17)}𠮷` }, []],
    ['姓名 of 19 characters', { XingMing: long(19) }, ['error XingMing 姓名: 超过最大长度 18 个字（现 19 个）']],
    [
      '姓名 of 19 characters outside the BMP (38 UTF-16 units)',
      { XingMing: '𠮷'.repeat(19) },
      ['error XingMing 姓名: 超过最大长度 18 个字（现 19 个）'],
    ],
    ['现任职务 of 325', { XianRenZhiWu: long(325) }, ['error XianRenZhiWu 现任职务: 超过最大长度 324 个字（现 325 个）']],
    ['拟任职务 of 325 (the proposal is checked too)', { NiRenZhiWu: long(325) }, ['error NiRenZhiWu 拟任职务: 超过最大长度 324 个字（现 325 个）']],
    ['奖惩情况 of 553', { JiangChengQingKuang: long(553) }, ['error JiangChengQingKuang 奖惩情况: 超过最大长度 552 个字（现 553 个）']],
    [
      '熟悉专业有何专长 of 111',
      { ShuXiZhuanYeYouHeZhuanChang: long(111) },
      ['error ShuXiZhuanYeYouHeZhuanChang 熟悉专业有何专长: 超过最大长度 110 个字（现 111 个）'],
    ],
    ['简历 has no limit', { JianLi: `${SAMPLE.JianLi}\n（其间：${long(2000)}）` }, []],
    [
      'a family member’s 工作单位及职务 of 125',
      { JiaTingChengYuan: [{ ...SAMPLE.JiaTingChengYuan[0], GongZuoDanWeiJiZhiWu: long(125) }] },
      ['error JiaTingChengYuan/Item/GongZuoDanWeiJiZhiWu[0] 家庭主要成员及重要社会关系 第1人 工作单位及职务: 超过最大长度 124 个字（现 125 个）'],
    ],
  ])('%s', (_name, patch, issues) => expect(issuesOf(map(variant(patch)))).toEqual(issues));
});

describe('rmbToCadre: dates that are not dates', () => {
  it.each<[string, Partial<RmbRecord>, string[]]>([
    [
      '出生年月 197213',
      { ChuShengNianYue: '197213' },
      ['error ChuShengNianYue 出生年月: “197213”不是有效的日期，应为 YYYYMM（如 197204）或 YYYYMMDD'],
    ],
    [
      '参加工作时间 in words',
      { CanJiaGongZuoShiJian: '七三年' },
      ['error CanJiaGongZuoShiJian 参加工作时间: “七三年”不是有效的日期，应为 YYYYMM（如 197204）或 YYYYMMDD'],
    ],
    [
      'a family member born on 30 February',
      { JiaTingChengYuan: [{ ...SAMPLE.JiaTingChengYuan[0], ChuShengRiQi: '19480230' }] },
      [
        'error JiaTingChengYuan/Item/ChuShengRiQi[0] 家庭主要成员及重要社会关系 第1人 出生日期: “19480230”不是有效的日期，应为 YYYYMM（如 197204）或 YYYYMMDD',
      ],
    ],
    [
      '填表时间 (proposal: a warning)',
      { TianBiaoShiJian: '2024' },
      ['warning TianBiaoShiJian 填表时间: “2024”不是有效的日期，应为 YYYYMM（如 197204）或 YYYYMMDD'],
    ],
    ['YYYYMMDD is fine', { ChuShengNianYue: '19491231', CanJiaGongZuoShiJian: '19730701' }, []],
  ])('%s', (_name, patch, issues) => expect(issuesOf(map(variant(patch)))).toEqual(issues));

  it('YYYYMMDD becomes YYYY-MM', () => expect(map(variant({ ChuShengNianYue: '19491231' })).input.birthMonth).toBe('1949-12'));
});

describe('rmbToCadre: names → codes', () => {
  it.each<[string, Partial<RmbRecord>, Partial<RmbCadreInput>, string[]]>([
    ['男 → 1', { XingBie: '男', ShenFenZheng: idFor('19491231', '013') }, { gender: '1' }, []],
    ['男性 → 1', { XingBie: '男性', ShenFenZheng: idFor('19491231', '013') }, { gender: '1' }, []],
    ['回族 → 03', { MinZu: '回族' }, { ethnicCode: '03' }, []],
    ['汉 (abbreviated) → 01, with a warning', { MinZu: '汉' }, { ethnicCode: '01' }, ['warning MinZu 民族: 民族应写全称，已将“汉”按“汉族”导入']],
    ['大学 → 21', { QuanRiZhiJiaoYu_XueLi: '大学' }, { ftEducation: '21' }, []],
    ['大学本科 → 21', { QuanRiZhiJiaoYu_XueLi: '大学本科' }, { ftEducation: '21' }, []],
    ['硕士研究生 → 11', { QuanRiZhiJiaoYu_XueLi: '硕士研究生' }, { ftEducation: '11' }, []],
    ['省委党校研究生 → 1B', { ZaiZhiJiaoYu_XueLi: '省委党校研究生' }, { ipEducation: '1B' }, []],
    ['省(区、市)委党校大专 → 32', { ZaiZhiJiaoYu_XueLi: '省(区、市)委党校大专' }, { ipEducation: '32' }, []],
    ['中央党校大学 → 22', { ZaiZhiJiaoYu_XueLi: '中央党校大学' }, { ipEducation: '22' }, []],
    ['理学学士 → 407', { QuanRiZhiJiaoYu_XueWei: '理学学士' }, { ftDegree: '407' }, []],
    ['工商管理硕士 (newer name) → 346', { ZaiZhiJiaoYu_XueWei: '工商管理硕士' }, { ipDegree: '346' }, []],
    ['工商管理硕士专业 (v3 name) → 346', { ZaiZhiJiaoYu_XueWei: '工商管理硕士专业' }, { ipDegree: '346' }, []],
    ['一般 → 3', { JianKangZhuangKuang: '一般' }, { healthCode: '3' }, []],
    ['较差 → 4', { JianKangZhuangKuang: '较差' }, { healthCode: '4' }, []],
  ])('%s', (_name, patch, expected, issues) => {
    const res = map(variant(patch));
    expect(res.input).toMatchObject(expected);
    expect(issuesOf(res)).toEqual(issues);
  });

  it.each<[string, Partial<RmbRecord>, string]>([
    ['性别 未知', { XingBie: '未知' }, 'error XingBie 性别: “未知”不是性别代码表（男/女）中的名称'],
    ['民族 火星族', { MinZu: '火星族' }, 'error MinZu 民族: “火星族”不是民族代码表（GB 3304，应写全称如“汉族”）中的名称'],
    [
      '学历 大学肄业',
      { QuanRiZhiJiaoYu_XueLi: '大学肄业' },
      'error QuanRiZhiJiaoYu_XueLi 全日制教育-学历(上栏): “大学肄业”不是学历代码表（ZB64）中的名称',
    ],
    [
      '学历 研究生教育 (a heading)',
      { QuanRiZhiJiaoYu_XueLi: '研究生教育' },
      'error QuanRiZhiJiaoYu_XueLi 全日制教育-学历(上栏): “研究生教育”只是学历代码表（ZB64）的分组标题，请写明具体名称',
    ],
    [
      '学位 学士 (a heading)',
      { QuanRiZhiJiaoYu_XueWei: '学士' },
      'error QuanRiZhiJiaoYu_XueWei 全日制教育-学位(下栏): “学士”只是学位代码表（GB/T 6864）的分组标题，请写明具体名称',
    ],
    [
      '健康状况 as free text',
      { JianKangZhuangKuang: '患有高血压' },
      'error JianKangZhuangKuang 健康状况: “患有高血压”不是健康状况代码表（健康/一般/较差）中的名称',
    ],
    [
      'a family 政治面貌 not in GB/T 4762',
      { JiaTingChengYuan: [SAMPLE.JiaTingChengYuan[0], { ...SAMPLE.JiaTingChengYuan[1], ZhengZhiMianMao: '不详' }] },
      'error JiaTingChengYuan/Item/ZhengZhiMianMao[1] 家庭主要成员及重要社会关系 第2人 政治面貌: “不详”不是政治面貌代码表（GB/T 4762）中的名称',
    ],
    [
      'a 称谓 not in GB/T 4761',
      { JiaTingChengYuan: [{ ...SAMPLE.JiaTingChengYuan[0], ChengWei: '老公' }] },
      'error JiaTingChengYuan/Item/ChengWei[0] 家庭主要成员及重要社会关系 第1人 称谓: “老公”不是家庭关系代码表（GB/T 4761）中的名称',
    ],
  ])('%s is an error naming the field', (_name, patch, issue) => {
    const res = map(variant(patch));
    expect(res.ok).toBe(false);
    expect(issuesOf(res)).toEqual([issue]);
  });

  it('family 政治面貌 short names and common variants → codes', () => {
    const names = ['中共党员', '预备党员', '共青团员', '民盟', '无党派', '群众', '党员', '团员', ''];
    const family = names.map((n, i) => ({ ...emptyFamilyItem(), ChengWei: '女儿', XingMing: `测试${i}`, ZhengZhiMianMao: n }));
    const res = map(variant({ JiaTingChengYuan: family }));
    expect(res.input.family.map((f) => f.politicalStatus)).toEqual(['01', '02', '03', '05', '12', '13', '01', '03', null]);
    expect(res.issues).toEqual([]);
  });
});

describe('rmbToCadre: required values', () => {
  it.each<[string, Partial<RmbRecord>, string[]]>([
    ['姓名', { XingMing: '' }, ['error XingMing 姓名: 未填写']],
    ['民族', { MinZu: '' }, ['error MinZu 民族: 未填写']],
    ['参加工作时间', { CanJiaGongZuoShiJian: '' }, ['error CanJiaGongZuoShiJian 参加工作时间: 未填写']],
    ['健康状况', { JianKangZhuangKuang: '' }, ['error JianKangZhuangKuang 健康状况: 未填写']],
    ['性别 without an ID to take it from', { XingBie: '', ShenFenZheng: '' }, ['error ShenFenZheng 身份证号: 未填写', 'error XingBie 性别: 未填写']],
    [
      'a family member without 称谓 and 姓名',
      { JiaTingChengYuan: [{ ...emptyFamilyItem(), ChuShengRiQi: '197001' }] },
      [
        'error JiaTingChengYuan/Item/ChengWei[0] 家庭主要成员及重要社会关系 第1人 称谓: 未填写',
        'error JiaTingChengYuan/Item/XingMing[0] 家庭主要成员及重要社会关系 第1人 姓名: 未填写',
      ],
    ],
  ])('%s', (_name, patch, issues) => expect(issuesOf(map(variant(patch)))).toEqual(issues));

  it('empty family items (editor templates ship 10) are dropped', () => {
    const res = map(variant({ JiaTingChengYuan: [...SAMPLE.JiaTingChengYuan, ...Array.from({ length: 7 }, emptyFamilyItem)] }));
    expect(res.input.family).toHaveLength(3);
    expect(res.issues).toEqual([]);
  });
});

describe('rmbToCadre: the photo, by its magic bytes', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 0xff, 0xd9]);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const gif = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
  const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);
  it.each<[string, Uint8Array, string]>([
    ['JPEG', jpeg, 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['GIF', gif, 'image/gif'],
    ['BMP', bmp, 'image/bmp'],
  ])('%s is accepted', (_name, bytes, mime) => {
    expect(sniffPhoto(bytes)).toBe(mime);
    const res = map(variant({ ZhaoPian: bytes }));
    expect(res.photo).toEqual({ bytes, mime });
    expect(res.issues).toEqual([]);
  });

  it.each<[string, Uint8Array]>([
    ['a PDF', Buffer.from('%PDF-1.4\n')],
    ['a Word document (zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['text', Buffer.from('这不是照片')],
    ['two bytes of a JPEG', Uint8Array.from([0xff, 0xd8])],
  ])('%s is refused with the field named', (_name, bytes) => {
    const res = map(variant({ ZhaoPian: bytes }));
    expect(res.photo).toBeNull();
    expect(issuesOf(res)).toEqual(['error ZhaoPian 照片: 照片不是 JPEG、PNG、GIF 或 BMP 图片（按文件头判断）']);
  });

  it('a photo over 5 MB is refused', () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(jpeg);
    expect(issuesOf(map(variant({ ZhaoPian: big })))).toEqual(['error ZhaoPian 照片: 照片不能超过 5 MB（现 5.0 MB）']);
  });
});

describe('rmbToCadre: 简历', () => {
  it('keeps an unreadable line as a note and warns with its line number', () => {
    const res = map(
      variant({ JianLi: `${SAMPLE.JianLi.split('\n').slice(0, 2).join('\n')}\n随手写的一行\n${SAMPLE.JianLi.split('\n').slice(2).join('\n')}` }),
    );
    expect(res.input.resume[2]).toEqual({ kind: 'note', startMonth: null, endMonth: null, text: '随手写的一行' });
    expect(issuesOf(res)).toEqual(['warning JianLi 简历: 简历第3行无法识别为“YYYY.MM--YYYY.MM  经历”格式，已原样保留']);
    expect(res.ok).toBe(true);
  });
  it('warns of a gap', () => {
    const res = map(variant({ JianLi: '1970.09--1973.07  学习\n1973.09--         工作' }));
    expect(issuesOf(res)).toEqual(['warning JianLi 简历: 简历第1行止于 1973.07，第2行始于 1973.09，中间空缺 2 个月']);
  });
  it('a segment with no text is an error (the profile needs the text)', () =>
    expect(issuesOf(map(variant({ JianLi: '1970.09--1973.07\n1973.07--         工作' })))).toEqual([
      'error JianLi 简历: 简历第1行只有时间，没有经历内容',
    ]));
  it('membership lines after the blank line become notes at the end', () => {
    const res = map(variant({ JianLi: `${SAMPLE.JianLi}\n\n中共某某市第十届委员会委员` }));
    expect(res.input.resume.at(-1)).toEqual({ kind: 'note', startMonth: null, endMonth: null, text: '中共某某市第十届委员会委员' });
  });
});

describe('jianliLinesOf: profile lines back to text lines', () => {
  it('a non-bracketed note after the last segment is a membership line', () => {
    const lines = jianliLinesOf([
      { kind: 'segment', startMonth: '1990-01', endMonth: null, text: '甲' },
      { kind: 'note', startMonth: null, endMonth: null, text: '（其间：说明）' },
      { kind: 'note', startMonth: null, endMonth: null, text: '中共某某县委委员' },
    ]);
    expect(lines.map((l) => l.kind)).toEqual(['segment', 'note', 'trailing']);
  });
  it('notes between segments stay notes', () => {
    const lines = jianliLinesOf([
      { kind: 'segment', startMonth: '1990-01', endMonth: '2000-01', text: '甲' },
      { kind: 'note', startMonth: null, endMonth: null, text: '无法识别的行' },
      { kind: 'segment', startMonth: '2000-01', endMonth: null, text: '乙' },
    ]);
    expect(lines.map((l) => l.kind)).toEqual(['segment', 'note', 'segment']);
  });
});

/** Keys of two records whose values differ. */
function differences(a: RmbRecord, b: RmbRecord): string[] {
  return (Object.keys(a) as (keyof RmbRecord)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function back(res: RmbToCadreResult): RmbRecord {
  return cadreToRmb(res.input, { proposal: res.proposal, extras: res.extras, photo: res.photo?.bytes });
}

describe('cadreToRmb: back to the form', () => {
  it('the sample comes back the same but for the 学历 name, written as the code table has it', () => {
    const again = back(map(SAMPLE));
    expect(differences(SAMPLE, again)).toEqual(['ZaiZhiJiaoYu_XueLi']);
    expect([SAMPLE.ZaiZhiJiaoYu_XueLi, again.ZaiZhiJiaoYu_XueLi]).toEqual(['省委党校大学', '省（区、市）委党校大学']);
    const written = Buffer.from(serializeLrmx(again)).toString('utf8');
    expect(written).toBe(
      asset('SYNTHETIC_fictional_example.lrmx')
        .toString('utf8')
        .replace('<ZaiZhiJiaoYu_XueLi>省委党校大学', '<ZaiZhiJiaoYu_XueLi>省（区、市）委党校大学'),
    );
  });

  it('the hand-written variant comes back with only the documented normalisations', () => {
    const r = record(fixture('fictional_variant_shuffled.lrmx'));
    const res = map(r);
    expect(issuesOf(res)).toEqual(['warning JianLi 简历: 简历第6行无法识别为“YYYY.MM--YYYY.MM  经历”格式，已原样保留']);
    const again = back(res);
    expect(differences(r, again)).toEqual([
      'XingMing',
      'ChuShengNianYue',
      'CanJiaGongZuoShiJian',
      'ZaiZhiJiaoYu_XueWei',
      'ShenFenZheng',
      'JiaTingChengYuan',
    ]);
    expect(again).toMatchObject({
      XingMing: '王五',
      ChuShengNianYue: '197108',
      CanJiaGongZuoShiJian: '199307',
      ZaiZhiJiaoYu_XueWei: '工商管理硕士专业',
      ShenFenZheng: '34010219710815019X',
      JianLi: r.JianLi,
      RuDangShiJian: '200108；民建',
      unknown: r.unknown,
      rootAttributes: r.rootAttributes,
    });
    // The empty third <Item> is gone, names are cleaned, the <Item>'s unknown element is kept.
    expect(again.JiaTingChengYuan.map((i) => [i.XingMing, i.ChuShengRiQi, i.unknown.length])).toEqual([
      ['李四', '197205', 1],
      ['王小五', '199908', 0],
    ]);
  });

  it('writes the kept 简历 text only while the profile’s lines still read the same from it', () => {
    const res = map(SAMPLE);
    const changed = { ...res.input, resume: res.input.resume.map((l, i) => (i === 0 ? { ...l, text: '某某大学中文系学习' } : l)) };
    const r = cadreToRmb(changed, { extras: res.extras });
    expect(r.JianLi.split('\n')[0]).toBe('1970.09--1973.07  某某大学中文系学习');
    expect(r.JianLi.split('\n').slice(1)).toEqual(SAMPLE.JianLi.split('\n').slice(1));
  });

  it('a Ganbu profile survives the round trip through .lrmx', () => {
    const input = cadreInput({ birthDate: '1985-03-12' });
    const bytes = serializeLrmx(cadreToRmb(input, { proposal: { NiRenZhiWu: '青川市发展和改革委员会主任' } }));
    const res = map(record(bytes));
    expect(res.issues).toEqual([]);
    const { authorityId: _a, unitId: _u, levelCode: _l, levelSince: _s, rewards: _r, appraisals: _p, ranks: _k, tags: _t, ...carried } = input;
    // A note's months live in its text; the factory's note has none written there.
    const resume = carried.resume.map((l) => (l.kind === 'note' ? { ...l, startMonth: null, endMonth: null } : l));
    expect(res.input).toMatchObject({ ...carried, resume });
    expect(res.proposal.NiRenZhiWu).toBe('青川市发展和改革委员会主任');
    expect(res.extras.Version).toBe('3.2.1.16');
  });

  it('a Ganbu profile survives the round trip through .lrm (which has no 身份证号)', () => {
    const input = cadreInput({ birthDate: '1990-11-30', gender: '2' });
    const out = serializeLrm(cadreToRmb(input));
    expect(out.issues).toEqual([]);
    const parsed = parseLrm(out.lrm, out.pic);
    if (!parsed.ok) throw new Error('lrm');
    const res = map(parsed.record, 'lrm');
    expect(issuesOf(res)).toEqual(['error ShenFenZheng 身份证号: 未填写（.lrm 2.0 格式没有身份证号栏，请补录）']);
    expect(res.input).toMatchObject({ name: input.name, birthMonth: '1990-11', gender: '2', family: input.family, currentPost: input.currentPost });
  });

  it('writes 无 for empty rewards and the recorded appraisals when there is no text', () => {
    const input = { ...cadreInput(), rewardsText: '', rewards: [], appraisalText: '' };
    expect(cadreToRmb(input)).toMatchObject({ JiangChengQingKuang: '无', NianDuKaoHeJieGuo: '2023年度考核称职；2024年度考核优秀' });
  });

  it('an empty profile gives a record of empty strings', () => {
    const r = cadreToRmb({ ...cadreInput(), name: '', gender: '', ethnicCode: '', healthCode: '', family: [], resume: [] });
    expect(r).toMatchObject({ XingMing: '', XingBie: '', MinZu: '', JianKangZhuangKuang: '', JianLi: '', JiaTingChengYuan: [] });
    expect(Object.keys(emptyRmbRecord()).every((k) => k in r)).toBe(true);
  });
});

describe('importRmbFile: read and map in one step', () => {
  it('the shared .lrmx sample imports cleanly', () => {
    const res = importRmbFile({ format: 'lrmx', bytes: asset('SYNTHETIC_fictional_example.lrmx') }, { today });
    expect(res).toMatchObject({ ok: true, issues: [], input: { name: '测试甲' } });
  });
  it('a refused file has no record', () =>
    expect(importRmbFile({ format: 'lrmx', bytes: fixture('bad_billion_laughs.lrmx') }, { today })).toMatchObject({ ok: false, record: null }));
  it('problems of reading and of mapping come together', () => {
    const bytes = Buffer.from(
      asset('SYNTHETIC_fictional_example.lrmx')
        .toString('utf8')
        .replace('<ZhaoPian></ZhaoPian>', '<ZhaoPian>!!</ZhaoPian>')
        .replace('<XingMing>测试甲</XingMing>', `<XingMing>${'某'.repeat(19)}</XingMing>`),
    );
    const res = importRmbFile({ format: 'lrmx', bytes }, { today });
    expect(res.ok).toBe(false);
    expect(res.issues.map((i) => i.field)).toEqual(['ZhaoPian', 'XingMing']);
  });
  it('the legacy .lrm with its .pic imports with the photo, missing only the ID', () => {
    const res = importRmbFile({ format: 'lrm', bytes: fixture('fictional_legacy.lrm'), pic: fixture('fictional_legacy.pic') }, { today });
    expect(res.ok).toBe(false);
    expect(res.issues.map((i) => i.field)).toEqual(['ShenFenZheng']);
    expect(res).toMatchObject({ photo: { mime: 'image/jpeg' }, input: { name: '周八', ftEducation: '11', ftDegree: '303' } });
  });
});
