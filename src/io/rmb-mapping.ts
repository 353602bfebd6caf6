// 任免审批表 record ↔ Ganbu cadre profile. The file writes names ("男", "汉族", "大学", "民建") and
// dates as YYYYMM; the profile stores codes (GB/T 2261.1, GB 3304, ZB64, GB/T 6864, GB/T 4762, 健康状况)
// and months as 'YYYY-MM' (ARCHITECTURE.md). Every problem is collected, none thrown, each naming the
// LRMX element and its label from lrmx_fields.csv. What the profile cannot hold (the 任免 proposal, the
// file's version, unknown elements, the 简历 text as written) is handed back for a lossless export.
import { parseIdCard } from '../domain/idcard.js';
import { isDate } from '../domain/dates.js';
import { codeByName, codeName, isCode, type CodeTable } from '../features/codes/codes.catalog.js';
import type { CadreInput, FamilyMember, ResumeLine } from '../features/cadres/cadres.rules.js';
import { formatJianli, halfWidth, parseJianli, type JianliItem, type JianliLineInput } from './jianli.js';
import {
  charLength,
  emptyFamilyItem,
  emptyRmbRecord,
  FAMILY_ITEM_ELEMENTS,
  RMB_FIELDS,
  rmbIssue,
  type RmbIssue,
  type RmbRecord,
  type UnknownElement,
} from './rmb-record.js';

/** The profile as the file gives it: everything but where it belongs (authorityId, unitId), which the importer chooses. */
export type RmbCadreInput = Omit<CadreInput, 'authorityId' | 'unitId'>;

/** The 任免 proposal on the form (A53 in the 中组部 model): not part of the profile. Raw strings as in the file. */
export interface RmbProposal {
  NiRenZhiWu: string;
  NiMianZhiWu: string;
  RenMianLiYou: string;
  ChengBaoDanWei: string;
  JiSuanNianLingShiJian: string;
  TianBiaoShiJian: string;
  TianBiaoRen: string;
}

/** What else the file holds that the profile cannot: kept so that an export can write it back. */
export interface RmbExtras {
  Version: string;
  DaoLingNianYue?: string;
  GaiGeQianRenZhiNianLingJieXian?: string;
  /** the 简历 as written ('\n' line breaks): the authoritative text */
  jianLiText: string;
  rootAttributes: string;
  unknown: UnknownElement[];
  familyUnknown: UnknownElement[];
  /** unknown elements inside <Item>, by index in the mapped `family` list */
  familyItemUnknown: { index: number; elements: UnknownElement[] }[];
}

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/bmp';

export interface RmbPhoto {
  bytes: Uint8Array;
  mime: PhotoMime;
}

export interface RmbToCadreResult {
  /** false when any issue is an error: the profile cannot be saved as it is */
  ok: boolean;
  input: RmbCadreInput;
  photo: RmbPhoto | null;
  proposal: RmbProposal;
  extras: RmbExtras;
  issues: RmbIssue[];
}

export interface RmbToCadreOptions {
  /** today in China, 'YYYY-MM-DD' (bounds the birth date of the ID number) */
  today: string;
  /** where the record came from: an .lrm has no 身份证号 field */
  format?: 'lrmx' | 'lrm';
}

/** The editor limits photo files to 5 MB (LRMX.md §2 #33), as does the profile. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

// ---- small readers ----

/**
 * A date as the form writes it: YYYYMM or YYYYMMDD (also 1972.04, 1972-04-15, 1972年4月). Returns
 * the month 'YYYY-MM' and, when a day is given, the date 'YYYY-MM-DD'; null when it is not a date.
 */
export function parseRmbDate(raw: string): { month: string; date: string | null } | null {
  const s = halfWidth(raw.trim());
  const m =
    /^(\d{4})(\d{2})(\d{2})?$/.exec(s) ?? /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(s);
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12 || m[1] < '1800') return null;
  const month = `${m[1]}-${String(mm).padStart(2, '0')}`;
  if (m[3] === undefined) return { month, date: null };
  const date = `${month}-${m[3].padStart(2, '0')}`;
  return isDate(date) ? { month, date } : null;
}

/** 'YYYY-MM' → 'YYYYMM', 'YYYY-MM-DD' → 'YYYYMMDD' (how the form writes dates). */
export const compactDate = (value: string | null | undefined): string => (value ? value.replaceAll('-', '') : '');

const CJK = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/**
 * A name as the profile keeps it: padding spaces removed ('张 三' → '张三'; in a name without Chinese
 * characters runs of spaces become one) and bullet-like separators made the standard '·'.
 */
export function cleanName(raw: string): string {
  const s = raw.trim().replace(/[•∙・･]/g, '·');
  return CJK.test(s) ? s.replace(/[\s\u3000]+/g, '') : s.replace(/\s+/g, ' ');
}

/** The image type by magic bytes; undefined for anything else. */
export function sniffPhoto(bytes: Uint8Array): PhotoMime | undefined {
  const starts = (...sig: number[]) => bytes.length > sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || starts(0x47, 0x49, 0x46, 0x38, 0x39, 0x61)) return 'image/gif';
  if (starts(0x42, 0x4d) && bytes.length > 26) return 'image/bmp';
  return undefined;
}

// ---- names → codes ----

/**
 * Names seen in files that are not the code tables' own (LRMX.md §2: 学历 is text such as "大学";
 * 党校 学历 are prefixed "中央党校" or "省(区、市)委党校"; GB/T 6864 v3 names end in 专业 where newer
 * editors drop it).
 */
const POLITICAL_ALIASES: Record<string, string> = {
  中共: '01',
  党员: '01',
  共产党员: '01',
  中共正式党员: '01',
  中国共产党党员: '01',
  中共预备党员: '02',
  中国共产党预备党员: '02',
  团员: '03',
  共青团: '03',
  中国共产主义青年团团员: '03',
  中国国民党革命委员会: '04',
  中国民主同盟: '05',
  中国民主建国会: '06',
  中国民主促进会: '07',
  中国农工民主党: '08',
  农工: '08',
  中国致公党: '09',
  致公: '09',
  九三学社: '10',
  台湾民主自治同盟: '11',
  无党派人士: '12',
  无党派民主人士: '12',
};

function politicalCode(name: string): string | undefined {
  const n = name.trim();
  return codeByName('political', n) ?? POLITICAL_ALIASES[n] ?? POLITICAL_ALIASES[n.replace(/(会员|盟员|党员|社员)$/, '')];
}

function educationCode(name: string): string | undefined {
  const n = name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
  const candidates = [
    n,
    n.replace(/^(省委|省级|省区市委|省（区市）委|区委|市委)党校/, '省（区、市）委党校'),
    n.replace(/^大学本科$|^本科$/, '大学').replace(/^大学专科$|^专科$/, '大专'),
    n.replace(/^(硕士|博士)研究生$/, '研究生'),
  ];
  for (const c of candidates) {
    const code = codeByName('education', c);
    if (code) return code;
  }
  return undefined;
}

function degreeCode(name: string): string | undefined {
  const n = name.replace(/\s+/g, '').replace('军士硕士', '军事硕士');
  return codeByName('degree', n) ?? codeByName('degree', `${n}专业`);
}

// ---- the mapping ----

type TextField = Exclude<keyof RmbRecord, 'JiaTingChengYuan' | 'ZhaoPian' | 'unknown' | 'familyUnknown' | 'rootAttributes'>;

/** Elements whose length is not checked: dates, codes and the ID have stronger checks; 简历 has no limit. */
const NO_LENGTH_CHECK = new Set(['XingBie', 'ShenFenZheng']);

/** The official maximum length of each text element that has one and is checked, by element path. */
const MAX_LENGTH = new Map(
  [...RMB_FIELDS.values()]
    .filter((f) => f.maxLength && f.type === 'C' && !NO_LENGTH_CHECK.has(f.element.split('/').pop()!))
    .map((f) => [f.element, f.maxLength!]),
);

/** The family columns' element paths, built once: a path built per use is hashed again at every lookup. */
const FAMILY_FIELD = Object.fromEntries(FAMILY_ITEM_ELEMENTS.map((k) => [k, `JiaTingChengYuan/Item/${k}`])) as Record<
  (typeof FAMILY_ITEM_ELEMENTS)[number],
  string
>;

class Mapper {
  readonly issues: RmbIssue[] = [];
  constructor(private readonly record: RmbRecord) {}

  error(field: string, message: string, item?: number) {
    this.issues.push(rmbIssue(field, message, 'error', item));
  }

  warn(field: string, message: string, item?: number) {
    this.issues.push(rmbIssue(field, message, 'warning', item));
  }

  /** Over the official maximum length (characters, EditInfo.xml via lrmx_fields.csv). */
  checkLength(field: string, value: string, item?: number) {
    const max = MAX_LENGTH.get(field);
    // characters are never more than UTF-16 code units: only a longer string needs counting
    if (max === undefined || value.length <= max) return;
    const n = charLength(value);
    if (n > max) this.error(field, `超过最大长度 ${max} 个字（现 ${n} 个）`, item);
  }

  text(field: TextField): string {
    const value = this.record[field] ?? '';
    this.checkLength(field, value);
    return value;
  }

  /** A month from a date field; '' stays null (the caller decides whether it is required). */
  month(field: string, raw: string, severity: 'error' | 'warning' = 'error', item?: number): string | null {
    if (!raw) return null;
    const d = parseRmbDate(raw);
    if (!d) this.issues.push(rmbIssue(field, `“${raw}”不是有效的日期，应为 YYYYMM（如 197204）或 YYYYMMDD`, severity, item));
    return d?.month ?? null;
  }

  /** A code by its name; '' → null; an unknown name or a group heading is an error. */
  code(field: string, table: CodeTable, raw: string, find: (name: string) => string | undefined, item?: number): string | null {
    if (!raw) return null;
    const code = find(raw);
    if (code === undefined) {
      this.error(field, `“${raw}”不是${tableLabel[table]}中的名称`, item);
      return null;
    }
    if (!isCode(table, code)) {
      this.error(field, `“${raw}”只是${tableLabel[table]}的分组标题，请写明具体名称`, item);
      return null;
    }
    return code;
  }
}

const tableLabel: Record<CodeTable, string> = {
  gender: '性别代码表（男/女）',
  ethnic: '民族代码表（GB 3304，应写全称如“汉族”）',
  political: '政治面貌代码表（GB/T 4762）',
  education: '学历代码表（ZB64）',
  degree: '学位代码表（GB/T 6864）',
  health: '健康状况代码表（健康/一般/较差）',
  relation: '家庭关系代码表（GB/T 4761）',
  professionalTitle: '专业技术职务代码表（GB/T 8561）',
  level: '职务层次代码表（ZB09）',
  rank: '职级代码表',
  place: '行政区划代码表（ZB01）',
};

/**
 * 入党时间 → 政治面貌 (LRMX.md §2 #7): a date means a CPC member who joined then; a party name means
 * that party (民建 → 06, with otherParty '民建'); several values are separated by '；' ('200108；民建':
 * a CPC member who is also in 民建); empty means 群众.
 */
export function parseParty(raw: string): {
  politicalStatus: string;
  partyJoinMonth: string | null;
  otherParty: string | null;
  problems: { severity: 'error' | 'warning'; message: string }[];
} {
  const problems: { severity: 'error' | 'warning'; message: string }[] = [];
  const tokens = raw
    .split(/[；;，,、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  let month: string | null = null;
  const codes: string[] = [];
  for (const t of tokens) {
    const d = parseRmbDate(t);
    if (d) {
      if (month) problems.push({ severity: 'error', message: `有两个入党时间（${raw}）` });
      month = d.month;
      continue;
    }
    const code = politicalCode(t);
    if (code) codes.push(code);
    else problems.push({ severity: 'error', message: `“${t}”既不是年月（YYYYMM），也不是政治面貌名称（如 中共党员、民建、九三、无党派）` });
  }
  const others = [...new Set(codes.filter((c) => c >= '04' && c <= '12'))];
  const cpc = month !== null || codes.includes('01') || codes.includes('02');
  let politicalStatus = '13';
  if (cpc) politicalStatus = codes.includes('02') && !codes.includes('01') ? '02' : '01';
  else if (others.length) politicalStatus = others[0];
  else if (codes.includes('03')) politicalStatus = '03';
  if (cpc && month === null) problems.push({ severity: 'warning', message: `只写了“${raw}”，没有入党年月` });
  const otherParty = others.length ? others.map((c) => codeName('political', c)).join('；') : null;
  return { politicalStatus, partyJoinMonth: cpc ? month : null, otherParty, problems };
}

/** 入党时间 as the form writes it: 'YYYYMM', the party name instead, or both ('200108；民建'). */
export function partyText(c: Pick<CadreInput, 'politicalStatus' | 'partyJoinMonth' | 'otherParty'>): string {
  const named = c.otherParty ?? (['01', '02', '13'].includes(c.politicalStatus) ? '' : codeName('political', c.politicalStatus));
  return [compactDate(c.partyJoinMonth), named].filter(Boolean).join('；');
}

/** 简历 lines as the profile stores them: segments, and notes (其间, membership and unreadable lines, verbatim). */
export function resumeLinesOf(items: readonly JianliItem[]): ResumeLine[] {
  return items.map((i) =>
    i.kind === 'segment'
      ? { kind: 'segment', startMonth: i.start, endMonth: i.end, text: i.text }
      : { kind: 'note', startMonth: i.kind === 'note' ? i.start : null, endMonth: i.kind === 'note' ? i.end : null, text: i.text },
  );
}

/**
 * The profile's 简历 lines back as text lines: a note after the last segment that is not a bracketed
 * （其间：…） note is a membership line, written after the blank line.
 */
export function jianliLinesOf(resume: readonly ResumeLine[]): JianliLineInput[] {
  const lastSegment = resume.map((r) => r.kind).lastIndexOf('segment');
  let trailingFrom = resume.length;
  for (let i = resume.length - 1; i > lastSegment && !/^[（(]/.test(resume[i].text.trim()); i--) trailingFrom = i;
  if (lastSegment < 0) trailingFrom = resume.length;
  return resume.map((r, i): JianliLineInput => {
    if (r.kind === 'segment' && r.startMonth) return { kind: 'segment', start: r.startMonth, end: r.endMonth, text: r.text };
    return { kind: i >= trailingFrom ? 'trailing' : 'note', text: r.text };
  });
}

/**
 * A 任免审批表 record → a cadre profile input, the photo, the proposal and the extras, with every
 * problem found. Errors: a required value missing (姓名, 性别, 出生年月, 民族, 参加工作时间, 健康状况,
 * 身份证号), a value over its official maximum length, a date that is not a date, an ID number that
 * fails GB 11643, a name not in its code table, a photo that is not JPEG/PNG/GIF/BMP or over 5 MB.
 * Warnings: what was adjusted (15-digit ID upgraded, birth month or gender taken from the ID, '汉' for
 * '汉族') and what a person should check (简历 lines not understood, gaps and overlaps).
 * Agreement of the ID with 出生年月/性别 and dates against today are left to cadreIssues.
 */
export function rmbToCadre(record: RmbRecord, options: RmbToCadreOptions): RmbToCadreResult {
  const m = new Mapper(record);
  const r = record;

  // 身份证号: the matching key (LRMX.md §8).
  let idCard = '';
  let fromId: { birthMonth: string; gender: string } | null = null;
  const rawId = r.ShenFenZheng.replace(/[\s\u3000]+/g, '');
  if (!rawId) m.error('ShenFenZheng', options.format === 'lrm' ? '未填写（.lrm 2.0 格式没有身份证号栏，请补录）' : '未填写');
  else {
    const id = parseIdCard(rawId, options.today);
    if (!id.ok) m.error('ShenFenZheng', `“${rawId}”${id.reason}`);
    else {
      idCard = id.id;
      fromId = { birthMonth: id.birthDate.slice(0, 7), gender: id.gender };
      if (id.upgraded) m.warn('ShenFenZheng', `15 位旧号 ${rawId} 已升为 18 位 ${id.id}`);
    }
  }

  const name = cleanName(m.text('XingMing'));
  if (!name) m.error('XingMing', '未填写');
  if (/[?？]/.test(name)) m.warn('XingMing', `姓名“${name}”含有问号，可能是生僻字在转换编码时丢失，请核对`);

  let gender = m.code('XingBie', 'gender', r.XingBie, (n) => codeByName('gender', n) ?? { 男性: '1', 女性: '2' }[n]);
  if (!r.XingBie) {
    if (fromId) {
      gender = fromId.gender;
      m.warn('XingBie', `未填写，已按身份证号取“${codeName('gender', gender)}”`);
    } else m.error('XingBie', '未填写');
  }

  let birthMonth = m.month('ChuShengNianYue', r.ChuShengNianYue);
  if (!r.ChuShengNianYue) {
    if (fromId) {
      birthMonth = fromId.birthMonth;
      m.warn('ChuShengNianYue', `未填写，已按身份证号取 ${compactDate(birthMonth)}`);
    } else m.error('ChuShengNianYue', '未填写');
  }

  const ethnicRaw = m.text('MinZu');
  let ethnicCode: string | null = null;
  if (!ethnicRaw) m.error('MinZu', '未填写');
  else if (!codeByName('ethnic', ethnicRaw) && codeByName('ethnic', `${ethnicRaw}族`)) {
    // '汉' for '汉族': the rule asks for full names, but the meaning is plain.
    ethnicCode = codeByName('ethnic', `${ethnicRaw}族`)!;
    m.warn('MinZu', `民族应写全称，已将“${ethnicRaw}”按“${ethnicRaw}族”导入`);
  } else ethnicCode = m.code('MinZu', 'ethnic', ethnicRaw, (n) => codeByName('ethnic', n));

  const party = parseParty(m.text('RuDangShiJian'));
  for (const p of party.problems) m.issues.push(rmbIssue('RuDangShiJian', p.message, p.severity));

  const workStartMonth = m.month('CanJiaGongZuoShiJian', r.CanJiaGongZuoShiJian);
  if (!r.CanJiaGongZuoShiJian) m.error('CanJiaGongZuoShiJian', '未填写');
  const healthCode = m.code('JianKangZhuangKuang', 'health', m.text('JianKangZhuangKuang'), (n) => codeByName('health', n));
  if (!r.JianKangZhuangKuang) m.error('JianKangZhuangKuang', '未填写');

  const jianli = parseJianli(r.JianLi);
  for (const w of jianli.warnings) m.warn('JianLi', w.message);
  jianli.items.forEach((i) => {
    if (i.kind === 'segment' && !i.text) m.error('JianLi', `简历第${i.line}行只有时间，没有经历内容`);
  });

  const family: FamilyMember[] = [];
  const familyItemUnknown: RmbExtras['familyItemUnknown'] = [];
  r.JiaTingChengYuan.forEach((item, index) => {
    if (FAMILY_ITEM_ELEMENTS.every((k) => !item[k]) && !item.unknown.length) return;
    const f = FAMILY_FIELD;
    for (const k of FAMILY_ITEM_ELEMENTS) m.checkLength(f[k], item[k], index);
    const relation = item.ChengWei;
    if (!relation) m.error(f.ChengWei, '未填写', index);
    else m.code(f.ChengWei, 'relation', relation, (n) => codeByName('relation', n), index);
    const memberName = cleanName(item.XingMing);
    if (!memberName) m.error(f.XingMing, '未填写', index);
    const member: FamilyMember = {
      relation,
      name: memberName,
      birthMonth: m.month(f.ChuShengRiQi, item.ChuShengRiQi, 'error', index),
      politicalStatus: m.code(f.ZhengZhiMianMao, 'political', item.ZhengZhiMianMao, politicalCode, index),
      workUnitPost: item.GongZuoDanWeiJiZhiWu,
    };
    if (item.unknown.length) familyItemUnknown.push({ index: family.length, elements: item.unknown });
    family.push(member);
  });

  let photo: RmbPhoto | null = null;
  if (r.ZhaoPian?.length) {
    const mime = sniffPhoto(r.ZhaoPian);
    if (!mime) m.error('ZhaoPian', '照片不是 JPEG、PNG、GIF 或 BMP 图片（按文件头判断）');
    else if (r.ZhaoPian.length > MAX_PHOTO_BYTES) m.error('ZhaoPian', `照片不能超过 5 MB（现 ${(r.ZhaoPian.length / 1048576).toFixed(1)} MB）`);
    else photo = { bytes: r.ZhaoPian, mime };
  }

  const proposal: RmbProposal = {
    NiRenZhiWu: m.text('NiRenZhiWu'),
    NiMianZhiWu: m.text('NiMianZhiWu'),
    RenMianLiYou: m.text('RenMianLiYou'),
    ChengBaoDanWei: m.text('ChengBaoDanWei'),
    JiSuanNianLingShiJian: r.JiSuanNianLingShiJian,
    TianBiaoShiJian: r.TianBiaoShiJian,
    TianBiaoRen: m.text('TianBiaoRen'),
  };
  m.month('JiSuanNianLingShiJian', r.JiSuanNianLingShiJian, 'warning');
  m.month('TianBiaoShiJian', r.TianBiaoShiJian, 'warning');
  if (r.DaoLingNianYue) m.month('DaoLingNianYue', r.DaoLingNianYue, 'warning');

  const input: RmbCadreInput = {
    idCard,
    name,
    gender: gender ?? '',
    birthMonth: birthMonth ?? '',
    ethnicCode: ethnicCode ?? '',
    nativePlace: m.text('JiGuan'),
    birthplace: m.text('ChuShengDi'),
    politicalStatus: party.politicalStatus,
    partyJoinMonth: party.partyJoinMonth,
    otherParty: party.otherParty,
    workStartMonth: workStartMonth ?? '',
    healthCode: healthCode ?? '',
    professionalTitle: m.text('ZhuanYeJiShuZhiWu'),
    specialty: m.text('ShuXiZhuanYeYouHeZhuanChang'),
    ftEducation: m.code('QuanRiZhiJiaoYu_XueLi', 'education', m.text('QuanRiZhiJiaoYu_XueLi'), educationCode),
    ftDegree: m.code('QuanRiZhiJiaoYu_XueWei', 'degree', m.text('QuanRiZhiJiaoYu_XueWei'), degreeCode),
    ftEducationSchool: m.text('QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
    ftDegreeSchool: m.text('QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    ipEducation: m.code('ZaiZhiJiaoYu_XueLi', 'education', m.text('ZaiZhiJiaoYu_XueLi'), educationCode),
    ipDegree: m.code('ZaiZhiJiaoYu_XueWei', 'degree', m.text('ZaiZhiJiaoYu_XueWei'), degreeCode),
    ipEducationSchool: m.text('ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi'),
    ipDegreeSchool: m.text('ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'),
    currentPost: m.text('XianRenZhiWu'),
    levelCode: null,
    levelSince: null,
    status: 'active',
    rewardsText: m.text('JiangChengQingKuang'),
    appraisalText: m.text('NianDuKaoHeJieGuo'),
    remarks: '',
    resume: resumeLinesOf(jianli.items),
    rewards: [],
    appraisals: [],
    family,
    ranks: [],
    tags: [],
  };

  const extras: RmbExtras = {
    Version: r.Version,
    jianLiText: r.JianLi,
    rootAttributes: r.rootAttributes,
    unknown: r.unknown,
    familyUnknown: r.familyUnknown,
    familyItemUnknown,
  };
  if (r.DaoLingNianYue !== undefined) extras.DaoLingNianYue = r.DaoLingNianYue;
  if (r.GaiGeQianRenZhiNianLingJieXian !== undefined) extras.GaiGeQianRenZhiNianLingJieXian = r.GaiGeQianRenZhiNianLingJieXian;

  return { ok: !m.issues.some((i) => i.severity === 'error'), input, photo, proposal, extras, issues: m.issues };
}

// ---- back: profile → record ----

/** The profile fields the form shows. */
export type CadreForRmb = Pick<
  CadreInput,
  | 'idCard'
  | 'name'
  | 'gender'
  | 'birthMonth'
  | 'ethnicCode'
  | 'nativePlace'
  | 'birthplace'
  | 'politicalStatus'
  | 'partyJoinMonth'
  | 'otherParty'
  | 'workStartMonth'
  | 'healthCode'
  | 'professionalTitle'
  | 'specialty'
  | 'ftEducation'
  | 'ftDegree'
  | 'ftEducationSchool'
  | 'ftDegreeSchool'
  | 'ipEducation'
  | 'ipDegree'
  | 'ipEducationSchool'
  | 'ipDegreeSchool'
  | 'currentPost'
  | 'rewardsText'
  | 'appraisalText'
  | 'resume'
  | 'rewards'
  | 'appraisals'
  | 'family'
>;

export interface CadreToRmbOptions {
  proposal?: Partial<RmbProposal>;
  /** kept from an import: the version, the 2025 elements, unknown elements, the 简历 text as written */
  extras?: Partial<RmbExtras>;
  photo?: Uint8Array | null;
}

const dotMonth = (ym: string) => ym.replace('-', '.');

/** 奖惩情况: the text as written, else one line per record, else 无 (as the web form prints it). */
function rewardsTextOf(c: CadreForRmb): string {
  if (c.rewardsText.trim()) return c.rewardsText;
  if (c.rewards.length) return c.rewards.map((r) => `${dotMonth(r.month)} ${r.description}${r.docNo ? `（${r.docNo}）` : ''}`).join('\n');
  return '无';
}

/** 年度考核结果: the text as written, else the recorded years. */
function appraisalTextOf(c: CadreForRmb): string {
  if (c.appraisalText.trim()) return c.appraisalText;
  return [...c.appraisals]
    .sort((a, b) => a.year - b.year)
    .map((a) => `${a.year}年度考核${a.grade}`)
    .join('；');
}

const sameResume = (a: readonly ResumeLine[], b: readonly ResumeLine[]) =>
  a.length === b.length &&
  a.every((x, i) => x.kind === b[i].kind && x.startMonth === b[i].startMonth && x.endMonth === b[i].endMonth && x.text.trim() === b[i].text.trim());

/**
 * A profile → a 任免审批表 record, names for codes and YYYYMM for months. The 简历 text kept from an
 * import is written as it was when the profile's 简历 lines still read the same from it; otherwise the
 * lines are laid out in the official format.
 */
export function cadreToRmb(c: CadreForRmb, options: CadreToRmbOptions = {}): RmbRecord {
  const record = emptyRmbRecord();
  const x = options.extras ?? {};
  const kept = x.jianLiText;
  const jianLi = kept !== undefined && sameResume(resumeLinesOf(parseJianli(kept).items), c.resume) ? kept : formatJianli(jianliLinesOf(c.resume));
  Object.assign(record, {
    XingMing: c.name,
    XingBie: codeName('gender', c.gender),
    ChuShengNianYue: compactDate(c.birthMonth),
    MinZu: codeName('ethnic', c.ethnicCode),
    JiGuan: c.nativePlace,
    ChuShengDi: c.birthplace,
    RuDangShiJian: partyText(c),
    CanJiaGongZuoShiJian: compactDate(c.workStartMonth),
    JianKangZhuangKuang: codeName('health', c.healthCode),
    ZhuanYeJiShuZhiWu: c.professionalTitle,
    ShuXiZhuanYeYouHeZhuanChang: c.specialty,
    QuanRiZhiJiaoYu_XueLi: codeName('education', c.ftEducation),
    QuanRiZhiJiaoYu_XueWei: codeName('degree', c.ftDegree),
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: c.ftEducationSchool,
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: c.ftDegreeSchool,
    ZaiZhiJiaoYu_XueLi: codeName('education', c.ipEducation),
    ZaiZhiJiaoYu_XueWei: codeName('degree', c.ipDegree),
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: c.ipEducationSchool,
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: c.ipDegreeSchool,
    XianRenZhiWu: c.currentPost,
    JianLi: jianLi,
    JiangChengQingKuang: rewardsTextOf(c),
    NianDuKaoHeJieGuo: appraisalTextOf(c),
    ShenFenZheng: c.idCard,
    Version: x.Version ?? '',
    ...options.proposal,
  } satisfies Partial<RmbRecord>);
  record.JiaTingChengYuan = c.family.map((f, index) => ({
    ...emptyFamilyItem(),
    ChengWei: f.relation,
    XingMing: f.name,
    ChuShengRiQi: compactDate(f.birthMonth),
    ZhengZhiMianMao: codeName('political', f.politicalStatus),
    GongZuoDanWeiJiZhiWu: f.workUnitPost,
    unknown: x.familyItemUnknown?.find((u) => u.index === index)?.elements ?? [],
  }));
  record.ZhaoPian = options.photo ?? null;
  if (x.DaoLingNianYue !== undefined) record.DaoLingNianYue = x.DaoLingNianYue;
  if (x.GaiGeQianRenZhiNianLingJieXian !== undefined) record.GaiGeQianRenZhiNianLingJieXian = x.GaiGeQianRenZhiNianLingJieXian;
  record.unknown = x.unknown ?? [];
  record.familyUnknown = x.familyUnknown ?? [];
  record.rootAttributes = x.rootAttributes ?? '';
  return record;
}
