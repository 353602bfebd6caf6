// 任免审批表 2.0 (.lrm + .pic): one line of 33 quoted, comma-separated GBK fields, the photo in a
// separate .pic file of raw image bytes (shared/domain/LRMX.md §4; the layout is inferred from three
// independent readers and writers, not from the official software).
import iconv from 'iconv-lite';
import { emptyFamilyItem, emptyRmbRecord, normalizeLineBreaks, rmbIssue, type RmbIssue, type RmbParseResult, type RmbRecord } from './rmb-record.js';

export const LRM_FIELD_COUNT = 33;

/** An .lrm is a few KB of text (the photo is in the .pic). */
export const LRM_MAX_BYTES = 4 * 1024 * 1024;

/** The simple fields: index in the line → element. 9, 10 (education) and 20–24 (family) are composite. */
const SIMPLE_FIELDS: [number, keyof RmbRecord & string][] = [
  [0, 'XingMing'],
  [1, 'XingBie'],
  [2, 'ChuShengNianYue'],
  [3, 'MinZu'],
  [4, 'JiGuan'],
  [5, 'RuDangShiJian'],
  [6, 'JianKangZhuangKuang'],
  [7, 'ChuShengDi'],
  [8, 'CanJiaGongZuoShiJian'],
  [11, 'ZhuanYeJiShuZhiWu'],
  [16, 'ShuXiZhuanYeYouHeZhuanChang'],
  [17, 'JianLi'],
  [18, 'JiangChengQingKuang'],
  [19, 'NianDuKaoHeJieGuo'],
  [25, 'XianRenZhiWu'],
  [26, 'NiRenZhiWu'],
  [27, 'NiMianZhiWu'],
  [28, 'RenMianLiYou'],
  [29, 'ChengBaoDanWei'],
  [30, 'JiSuanNianLingShiJian'],
  [31, 'TianBiaoRen'],
  [32, 'TianBiaoShiJian'],
];

/** Field 9: 全日制学历#全日制学位@在职学历#在职学位; field 10: the same for the 院校. */
const EDUCATION_FIELDS = {
  9: [
    ['QuanRiZhiJiaoYu_XueLi', 'QuanRiZhiJiaoYu_XueWei'],
    ['ZaiZhiJiaoYu_XueLi', 'ZaiZhiJiaoYu_XueWei'],
  ],
  10: [
    ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'],
    ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi'],
  ],
} as const;

/** Fields 20–24: the family columns, each a list joined with '@'. */
const FAMILY_FIELDS = ['ChengWei', 'XingMing', 'ChuShengRiQi', 'ZhengZhiMianMao', 'GongZuoDanWeiJiZhiWu'] as const;

/** Fields 12–15: meaning unknown, empty in every known writer. */
const RESERVED_FIELDS = [12, 13, 14, 15];

// ---- reading ----

/**
 * The text of an .lrm: GBK (read as GB18030, its superset). A UTF-8 BOM, or bytes that are valid UTF-8
 * and contain CJK characters, are read as UTF-8 (some third-party writers).
 */
export function decodeLrmBytes(data: Uint8Array): string {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return text;
  } catch {
    // not UTF-8: the normal case
  }
  return iconv.decode(bytes, 'gb18030');
}

/**
 * Split the line into its quoted fields. Quotes inside a field are doubled ("") as in CSV; a quote
 * that is not doubled stays literal unless it ends the field, i.e. is followed by ',"' or the end of the
 * text. Returns the fields, or the position where the line stops making sense.
 */
export function splitLrmFields(text: string): { ok: true; fields: string[] } | { ok: false; at: number } {
  const fields: string[] = [];
  // Sticky patterns look at position k only, so a line full of quotes stays linear.
  const END = /\s*$/y;
  const SEPARATOR = /\s*,\s*"/y;
  const atEnd = (k: number) => ((END.lastIndex = k), END.test(text));
  const closes = (k: number) => atEnd(k) || ((SEPARATOR.lastIndex = k), SEPARATOR.test(text));
  let i = 0;
  for (;;) {
    if (text[i] !== '"') return { ok: false, at: i };
    let value = '';
    let k = i + 1;
    for (;;) {
      if (k >= text.length) return { ok: false, at: i };
      if (text[k] !== '"') value += text[k++];
      else if (closes(k + 1)) break;
      else if (text[k + 1] === '"') {
        // '""' is an escaped quote; one that is then followed by the separator was an undoubled quote
        // at the end of the value plus the closing quote.
        value += '"';
        k += 2;
        if (closes(k)) {
          k--;
          break;
        }
      } else value += text[k++];
    }
    fields.push(value);
    i = k + 1;
    if (atEnd(i)) return { ok: true, fields };
    i = text.indexOf('"', i);
    if (i < 0) return { ok: false, at: text.length };
  }
}

const clean = (s: string) => normalizeLineBreaks(s).trim();

/**
 * Read an .lrm (and its .pic). Refused: an empty or oversized file, a line that is not quoted comma-separated fields,
 * a count of fields other than 33. Non-empty reserved fields 12–15 are reported (their meaning is unknown
 * and they are not kept).
 */
export function parseLrm(lrm: Uint8Array, pic?: Uint8Array | null, options: { maxBytes?: number } = {}): RmbParseResult {
  const max = options.maxBytes ?? LRM_MAX_BYTES;
  if (lrm.byteLength > max) return { ok: false, issues: [rmbIssue('Person', `.lrm 文件过大（${lrm.byteLength} 字节，上限 ${max} 字节）`)] };
  const text = decodeLrmBytes(lrm).replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, issues: [rmbIssue('Person', '.lrm 文件为空')] };
  const split = splitLrmFields(text.replace(/^\s+/, ''));
  if (!split.ok)
    return { ok: false, issues: [rmbIssue('Person', `不是有效的 .lrm 文件：第 ${split.at + 1} 个字符附近不是用引号括起、逗号分隔的字段`)] };
  const f = split.fields;
  if (f.length !== LRM_FIELD_COUNT)
    return { ok: false, issues: [rmbIssue('Person', `不是有效的 .lrm 文件：应有 ${LRM_FIELD_COUNT} 个字段，实际 ${f.length} 个`)] };

  const issues: RmbIssue[] = [];
  const record = emptyRmbRecord();
  const r = record as unknown as Record<string, string>;
  for (const [index, element] of SIMPLE_FIELDS) r[element] = clean(f[index]);
  for (const [index, groups] of Object.entries(EDUCATION_FIELDS)) {
    const halves = f[Number(index)].split('@');
    groups.forEach(([first, second], g) => {
      const [a = '', b = ''] = (halves[g] ?? '').split('#');
      r[first] = clean(a);
      r[second] = clean(b);
    });
  }
  const columns = FAMILY_FIELDS.map((_, k) => f[20 + k].split('@'));
  const rows = Math.max(...columns.map((c) => c.length));
  for (let row = 0; row < rows; row++) {
    const item = emptyFamilyItem();
    FAMILY_FIELDS.forEach((name, k) => (item[name] = clean(columns[k][row] ?? '')));
    record.JiaTingChengYuan.push(item);
  }
  // Writers pad the lists with '@' to 6 or 7 rows: empty rows at the end are padding.
  while (record.JiaTingChengYuan.length && FAMILY_FIELDS.every((name) => !record.JiaTingChengYuan.at(-1)![name])) record.JiaTingChengYuan.pop();
  const reserved = RESERVED_FIELDS.filter((k) => f[k].trim());
  if (reserved.length)
    issues.push(
      rmbIssue(
        'Person',
        `.lrm 第 ${reserved.map((k) => k + 1).join('、')} 个字段（含义未知）有内容，未导入：${reserved.map((k) => f[k].trim()).join('；')}`,
        'warning',
      ),
    );
  record.ZhaoPian = pic && pic.length ? new Uint8Array(pic) : null;
  return { ok: true, record, issues };
}

// ---- writing ----

const quote = (s: string) => `"${normalizeLineBreaks(s).replace(/"/g, '""').replace(/\n/g, '\r\n')}"`;

/** Characters that cannot be written in GBK (a rare character, an emoji). */
function outsideGbk(s: string): string[] {
  const out = new Set<string>();
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') !== ch) out.add(ch);
  }
  return [...out];
}

/**
 * Write an .lrm line (GBK; a character outside GBK is written in GB18030 and reported) and the .pic
 * bytes. '@' and '#' inside the composite fields would break them and are written full-width (＠ ＃),
 * with a warning. Line breaks are CRLF; there is no newline at the end. The family lists are not padded.
 */
export function serializeLrm(record: RmbRecord): { lrm: Uint8Array; pic: Uint8Array | null; issues: RmbIssue[] } {
  const issues: RmbIssue[] = [];
  const f: string[] = new Array(LRM_FIELD_COUNT).fill('');
  const r = record as unknown as Record<string, string>;
  for (const [index, element] of SIMPLE_FIELDS) f[index] = r[element] ?? '';
  const part = (element: string, value: string, item?: number) => {
    if (!/[@#]/.test(value)) return value;
    issues.push(rmbIssue(element, '含有“@”或“#”，在 .lrm 中是分隔符，已改写为全角“＠”“＃”', 'warning', item));
    return value.replace(/@/g, '＠').replace(/#/g, '＃');
  };
  for (const [index, groups] of Object.entries(EDUCATION_FIELDS))
    f[Number(index)] = groups.map(([a, b]) => `${part(a, r[a])}#${part(b, r[b])}`).join('@');
  FAMILY_FIELDS.forEach((name, k) => {
    f[20 + k] = record.JiaTingChengYuan.map((item, row) => part(`JiaTingChengYuan/Item/${name}`, item[name], row)).join('@');
  });
  const line = f.map(quote).join(',');
  const lost = outsideGbk(line);
  if (lost.length) issues.push(rmbIssue('Person', `字符 ${lost.join(' ')} 不在 GBK 字符集中，已按 GB18030 写入，旧版软件可能无法显示`, 'warning'));
  if (record.unknown.length || record.familyUnknown.length || record.JiaTingChengYuan.some((i) => i.unknown.length))
    issues.push(rmbIssue('Person', '.lrm 格式无法保存未知元素，已略去', 'warning'));
  return { lrm: new Uint8Array(iconv.encode(line, 'gb18030')), pic: record.ZhaoPian?.length ? record.ZhaoPian : null, issues };
}
