// The 干部任免审批表 as a file holds it (shared/domain/LRMX.md §2): one record type shared by the .lrmx
// (3.0, XML) and .lrm (2.0, GBK text) codecs, the element list in template order, and the official field
// labels and maximum lengths (assets/lrmx/lrmx_fields.csv, from the editor's EditInfo.xml).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** An element the codec does not know, kept verbatim so that it can be written back. */
export interface UnknownElement {
  /** the element name as written, e.g. 'ZhengZhiMianMao' */
  name: string;
  /** the element's exact XML text, from '<' to its closing '>' */
  xml: string;
  /** the known element it followed in the file (null: it came first), so a writer can put it back there */
  after: string | null;
}

/** One <Item> of 家庭主要成员及重要社会关系: raw strings as in the file (trimmed). */
export interface RmbFamilyItem {
  ChengWei: string;
  XingMing: string;
  ChuShengRiQi: string;
  ZhengZhiMianMao: string;
  GongZuoDanWeiJiZhiWu: string;
  /** unknown child elements of this <Item> */
  unknown: UnknownElement[];
}

/**
 * A 任免审批表 exactly as the file holds it: every value a trimmed raw string (no codes, no date
 * normalisation), line breaks inside values as '\n'. Missing elements read as ''.
 */
export interface RmbRecord {
  XingMing: string;
  XingBie: string;
  ChuShengNianYue: string;
  MinZu: string;
  JiGuan: string;
  ChuShengDi: string;
  RuDangShiJian: string;
  CanJiaGongZuoShiJian: string;
  JianKangZhuangKuang: string;
  ZhuanYeJiShuZhiWu: string;
  ShuXiZhuanYeYouHeZhuanChang: string;
  QuanRiZhiJiaoYu_XueLi: string;
  QuanRiZhiJiaoYu_XueWei: string;
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: string;
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: string;
  ZaiZhiJiaoYu_XueLi: string;
  ZaiZhiJiaoYu_XueWei: string;
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: string;
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: string;
  XianRenZhiWu: string;
  NiRenZhiWu: string;
  NiMianZhiWu: string;
  /** 简历, lines separated by '\n' */
  JianLi: string;
  JiangChengQingKuang: string;
  NianDuKaoHeJieGuo: string;
  RenMianLiYou: string;
  JiaTingChengYuan: RmbFamilyItem[];
  ChengBaoDanWei: string;
  JiSuanNianLingShiJian: string;
  TianBiaoShiJian: string;
  TianBiaoRen: string;
  ShenFenZheng: string;
  /** the photo bytes (base64-decoded), null when there is none */
  ZhaoPian: Uint8Array | null;
  /** '' when absent (every .lrm); writers then use DEFAULT_LRMX_VERSION */
  Version: string;
  /** 到龄年月 (2025 reform, unverified): only when the file has the element */
  DaoLingNianYue?: string;
  /** 改革前任职年龄界限 (2025 reform, unverified): only when the file has the element */
  GaiGeQianRenZhiNianLingJieXian?: string;
  /** unknown children of <Person>, in file order */
  unknown: UnknownElement[];
  /** unknown children of <JiaTingChengYuan> other than <Item> */
  familyUnknown: UnknownElement[];
  /** the attributes of <Person> as written (e.g. xmlns:xsi="…"), '' when none */
  rootAttributes: string;
}

export const DEFAULT_LRMX_VERSION = '3.2.1.16';

/** Top-level elements of the v3 templates, in template order (LRMX.md §2). */
export const LRMX_TEMPLATE_ORDER = [
  'XingMing',
  'XingBie',
  'ChuShengNianYue',
  'MinZu',
  'JiGuan',
  'ChuShengDi',
  'RuDangShiJian',
  'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang',
  'ZhuanYeJiShuZhiWu',
  'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi',
  'QuanRiZhiJiaoYu_XueWei',
  'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueLi',
  'ZaiZhiJiaoYu_XueWei',
  'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu',
  'NiRenZhiWu',
  'NiMianZhiWu',
  'JianLi',
  'JiangChengQingKuang',
  'NianDuKaoHeJieGuo',
  'RenMianLiYou',
  'JiaTingChengYuan',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
  'ShenFenZheng',
  'ZhaoPian',
  'Version',
] as const satisfies readonly (keyof RmbRecord)[];

/** The 2025 elements (unverified): read when present, written only when the record has them. */
export const LRMX_OPTIONAL_ELEMENTS = ['DaoLingNianYue', 'GaiGeQianRenZhiNianLingJieXian'] as const satisfies readonly (keyof RmbRecord)[];

export type RmbTextElement = Exclude<(typeof LRMX_TEMPLATE_ORDER)[number], 'JiaTingChengYuan' | 'ZhaoPian'>;
export type RmbOptionalElement = (typeof LRMX_OPTIONAL_ELEMENTS)[number];

/** The plain-text top-level elements, in template order. */
export const RMB_TEXT_ELEMENTS = LRMX_TEMPLATE_ORDER.filter((e): e is RmbTextElement => e !== 'JiaTingChengYuan' && e !== 'ZhaoPian');

export const FAMILY_ITEM_ELEMENTS = [
  'ChengWei',
  'XingMing',
  'ChuShengRiQi',
  'ZhengZhiMianMao',
  'GongZuoDanWeiJiZhiWu',
] as const satisfies readonly (keyof RmbFamilyItem)[];
export type RmbFamilyElement = (typeof FAMILY_ITEM_ELEMENTS)[number];

/**
 * A record with every element empty. Written out, in template order: V8 builds this literal in a
 * fraction of a microsecond, where copying a 32-key object built at run time took about 20.
 */
export function emptyRmbRecord(): RmbRecord {
  return {
    XingMing: '',
    XingBie: '',
    ChuShengNianYue: '',
    MinZu: '',
    JiGuan: '',
    ChuShengDi: '',
    RuDangShiJian: '',
    CanJiaGongZuoShiJian: '',
    JianKangZhuangKuang: '',
    ZhuanYeJiShuZhiWu: '',
    ShuXiZhuanYeYouHeZhuanChang: '',
    QuanRiZhiJiaoYu_XueLi: '',
    QuanRiZhiJiaoYu_XueWei: '',
    QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '',
    QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    ZaiZhiJiaoYu_XueLi: '',
    ZaiZhiJiaoYu_XueWei: '',
    ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '',
    ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: '',
    XianRenZhiWu: '',
    NiRenZhiWu: '',
    NiMianZhiWu: '',
    JianLi: '',
    JiangChengQingKuang: '',
    NianDuKaoHeJieGuo: '',
    RenMianLiYou: '',
    ChengBaoDanWei: '',
    JiSuanNianLingShiJian: '',
    TianBiaoShiJian: '',
    TianBiaoRen: '',
    ShenFenZheng: '',
    Version: '',
    JiaTingChengYuan: [],
    ZhaoPian: null,
    unknown: [],
    familyUnknown: [],
    rootAttributes: '',
  };
}

export function emptyFamilyItem(): RmbFamilyItem {
  return { ChengWei: '', XingMing: '', ChuShengRiQi: '', ZhengZhiMianMao: '', GongZuoDanWeiJiZhiWu: '', unknown: [] };
}

// ---- field facts from lrmx_fields.csv ----

export interface RmbFieldInfo {
  /** 'XingMing', or 'JiaTingChengYuan/Item/XingMing' for the family columns */
  element: string;
  label: string;
  /** official maximum length in characters; null when the editor sets none */
  maxLength: number | null;
  /** 'C' text, 'T' date, 'base64', 'container' */
  type: string;
}

const csvFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/lrmx/lrmx_fields.csv');

/** Every row of lrmx_fields.csv by element path. */
export const RMB_FIELDS: ReadonlyMap<string, RmbFieldInfo> = new Map(
  (parse(fs.readFileSync(csvFile, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[]).map((r) => {
    const max = Number(r['max_len_chars(official EditInfo)']);
    const info: RmbFieldInfo = {
      element: r.element,
      label: r.label_zh,
      // 0 (简历) and blank (照片, 版本) mean no limit.
      maxLength: Number.isInteger(max) && max > 0 ? max : null,
      type: r['type(C=text,T=date)'],
    };
    return [r.element, info];
  }),
);

/** Chinese label of an element path ('JiaTingChengYuan/Item/XingMing' → '姓名'); the name itself when unknown. */
export function rmbLabel(element: string): string {
  return RMB_FIELDS.get(element)?.label ?? element;
}

// ---- problems ----

/**
 * A problem found in a file, naming the LRMX element. Compatible with the server's FieldIssue
 * ({ field, label, message }). 'error': the value cannot be imported as it is; 'warning': it was
 * imported (perhaps adjusted) but a person should look at it.
 */
export interface RmbIssue {
  /** the LRMX element, e.g. 'ShenFenZheng' or 'JiaTingChengYuan/Item/ChuShengRiQi'; 'Person' for the whole file */
  field: string;
  /** the Chinese label, e.g. '身份证号' or '家庭主要成员及重要社会关系 第2人 出生日期' */
  label: string;
  message: string;
  severity: 'error' | 'warning';
  /** for family columns: the 0-based <Item> index */
  item?: number;
}

export const FAMILY_LABEL = '家庭主要成员及重要社会关系';

export function rmbIssue(field: string, message: string, severity: RmbIssue['severity'] = 'error', item?: number): RmbIssue {
  if (item !== undefined) {
    const sub = field.startsWith('JiaTingChengYuan/Item/') ? ` ${rmbLabel(field)}` : '';
    return { field, label: `${FAMILY_LABEL} 第${item + 1}人${sub}`, message, severity, item };
  }
  const label = field === 'Person' ? '任免审批表文件' : rmbLabel(field);
  return { field, label, message, severity };
}

/** The result of reading a file: a record (with any warnings or field problems found on the way), or why not. */
export type RmbParseResult = { ok: true; record: RmbRecord; issues: RmbIssue[] } | { ok: false; issues: RmbIssue[] };

/** Length as the 任免表 editor counts it: characters, a character outside the BMP counting once. */
export function charLength(s: string): number {
  // [...s].length without the array: a surrogate pair is one character, a lone surrogate one too.
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** '\r\n' and lone '\r' become '\n'. */
export const normalizeLineBreaks = (s: string): string => s.replace(/\r\n?/g, '\n');
