// 任免审批表 3.0 (.lrmx): UTF-8 XML with root <Person> (shared/domain/LRMX.md §2, §8).
// Reading is liberal (BOM or not, any element order, CRLF / LF / &#xD;, unknown elements kept) but
// never expands a DTD or entity declaration: such files are refused (XXE, billion laughs).
// Writing follows the v3 template: every element in template order, UTF-8 with the declaration, no BOM.
import iconv from 'iconv-lite';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  DEFAULT_LRMX_VERSION,
  emptyFamilyItem,
  emptyRmbRecord,
  FAMILY_ITEM_ELEMENTS,
  LRMX_OPTIONAL_ELEMENTS,
  LRMX_TEMPLATE_ORDER,
  normalizeLineBreaks,
  RMB_FIELDS,
  RMB_TEXT_ELEMENTS,
  rmbIssue,
  rmbLabel,
  type RmbFamilyItem,
  type RmbIssue,
  type RmbParseResult,
  type RmbRecord,
  type UnknownElement,
} from './rmb-record.js';

export interface LrmxReadOptions {
  /** refuse larger files before parsing (default 16 MB: a 5 MB photo is about 6.7 MB of base64) */
  maxBytes?: number;
  /** always take the general parser, never the quick reader (tests compare the two) */
  generalParser?: boolean;
}

export const LRMX_MAX_BYTES = 16 * 1024 * 1024;

/** Thrown inside the reader and turned into a rejection; never escapes parseLrmx. */
class Reject extends Error {
  constructor(readonly issue: RmbIssue) {
    super(issue.message);
  }
}

const reject = (field: string, message: string) => new Reject(rmbIssue(field, message));

// ---- bytes → text ----

const GB_FAMILY = /^(gb2312|gbk|gb18030|cp936|x-gbk|euc-cn)$/i;

/**
 * The text of an XML file: a BOM decides (UTF-8, UTF-16), else the declared encoding (a GBK-family
 * declaration is honoured), else UTF-8. A .NET writer may declare utf-16 over UTF-8 bytes: read as UTF-8.
 */
function decodeXmlBytes(data: Uint8Array): string {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return iconv.decode(bytes, 'utf-16le');
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return iconv.decode(bytes, 'utf-16be');
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  if (declared && GB_FAMILY.test(declared)) return iconv.decode(bytes, 'gb18030');
  if (declared && !/^(utf-?8|utf-?16|unicode)$/i.test(declared)) {
    if (!iconv.encodingExists(declared)) throw reject('Person', `文件声明的编码 ${declared} 无法识别，请另存为 UTF-8`);
    return iconv.decode(bytes, declared);
  }
  return strictUtf8(bytes);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw reject('Person', '文件不是有效的 UTF-8 编码（.lrmx 应为 UTF-8；如为 GBK，请在 XML 声明中写明 encoding="GBK"）');
  }
}

// ---- XML checks ----

/** DOCTYPE and entity declarations are refused outright: nothing is ever expanded or fetched (XXE). */
function refuseDtd(text: string) {
  // most files have no '<!' at all: not worth a case-insensitive RegExp over the whole text
  const m = text.includes('<!') ? /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)\b/i.exec(text) : null;
  if (m) throw reject('Person', `文件含有 DTD 或实体声明（<!${m[1].toUpperCase()}>），出于安全原因拒绝导入`);
}

/** Element names of the format (top level, family columns, Item). */
const KNOWN_ELEMENTS = new Set(['Item', ...[...RMB_FIELDS.keys()].map((k) => k.split('/').pop()!)]);

/** The innermost element open at `index` (for errors the validator reports without a name). */
function enclosingElement(text: string, index: number): string | undefined {
  const stack: string[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'"<>])*?(\/?)>/g;
  for (let m = tag.exec(text); m && m.index < index; m = tag.exec(text)) {
    if (!m[2] || m[3]) continue;
    if (m[1]) stack.pop();
    else stack.push(m[2]);
  }
  return stack.at(-1);
}

/** A Chinese account of fast-xml-parser's validation error, naming the element concerned. */
function malformed(text: string, err: { code: string; msg: string; line: number; col: number }): Reject {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [
      /Expected closing tag '(.+?)' .* instead of closing tag '(.+?)'/,
      (m) => `元素 <${m[1]}> 尚未结束，却遇到了 </${m[2]}>（<${m[1]}> 缺少结束标签，或 </${m[2]}> 没有对应的开始标签）`,
    ],
    [/Unclosed tag '(.+?)'/, (m) => `元素 <${m[1]}> 没有结束标签`],
    [/Closing tag '(.+?)' has not been opened/, (m) => `结束标签 </${m[1]}> 没有对应的开始标签`],
    [/Closing tag '(.+?)'/, (m) => `结束标签 </${m[1]}> 写法错误`],
    [/Tag '(.+?)' is an invalid name/, (m) => `“${m[1]}”不是合法的元素名`],
    [/Attribute '(.+?)' is repeated/, (m) => `属性 ${m[1]} 重复`],
    [/Attribute '(.+?)' is without value/, (m) => `属性 ${m[1]} 没有值`],
    [/Attribute '(.+?)'/, (m) => `属性 ${m[1]} 写法错误`],
    [/Attributes for '(.+?)' have open quote/, (m) => `元素 <${m[1]}> 的属性引号未闭合`],
    [/char '&' is not expected/, () => '出现了未转义的“&”（应写作 &amp;）'],
    [/char '(.)' is not expected/, (m) => `此处不应出现字符“${m[1]}”`],
    [/Start tag expected/, () => '找不到开始标签（文件为空或不是 XML）'],
    [/Extra text at the end/, () => '根元素结束后还有多余内容'],
    [/Multiple possible root nodes/, () => '文件有多个根元素'],
    [/XML declaration allowed only at the start/, () => 'XML 声明只能位于文件开头'],
    [/Invalid space after '<'/, () => '“<”之后不能有空格'],
    // The file ended with these elements still open.
    [/Invalid '\[([^\]]*)\]' found/, (m) => `文件在元素 ${[...m[1].matchAll(/"([^"]+)"/g)].map((x) => `<${x[1]}>`).join('、')} 结束之前就结束了`],
  ];
  let detail = err.msg;
  for (const [re, say] of rules) {
    const m = re.exec(err.msg);
    if (m) {
      detail = say(m);
      break;
    }
  }
  // Name the element: a known LRMX element mentioned in the message (not Person), else the element
  // open where the error is, else any element mentioned, else the file.
  const lineStart = text.split('\n', err.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const mentioned = /^char /.test(err.msg)
    ? []
    : [...err.msg.matchAll(/'([^']+)'/g)].flatMap((m) => m[1].split(/[^\w.-]+/)).filter((t) => /^[A-Za-z_]/.test(t));
  const inside = enclosingElement(text, lineStart + Math.max(0, (err.col || 1) - 1));
  const field =
    mentioned.find((t) => t !== 'Person' && KNOWN_ELEMENTS.has(t)) ??
    (inside && inside !== 'Person' ? inside : undefined) ??
    mentioned.find((t) => t !== 'Person') ??
    'Person';
  const where = err.col ? `第 ${err.line} 行第 ${err.col} 列` : `第 ${err.line} 行`;
  return reject(field, `不是格式正确的 XML（${where}）：${detail}`);
}

/** The five predefined entities and character references; anything else is an undeclared entity. */
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, field: string): string {
  let out = '';
  let i = 0;
  for (let j = raw.indexOf('&'); j >= 0; j = raw.indexOf('&', i)) {
    out += raw.slice(i, j);
    ENTITY.lastIndex = j;
    const m = ENTITY.exec(raw);
    if (!m) {
      const shown = /^&[^\s;&<]{0,20};?/.exec(raw.slice(j))?.[0] ?? '&';
      throw reject(field, `不是格式正确的 XML：<${field}> 中有未定义的实体引用或未转义的“&”（${shown}）`);
    }
    if (m[3]) out += PREDEFINED[m[3]];
    else {
      const cp = m[1] ? parseInt(m[1], 16) : Number(m[2]);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw reject(field, `不是格式正确的 XML：<${field}> 中的字符引用 ${m[0]} 无效`);
      out += String.fromCodePoint(cp);
    }
    i = ENTITY.lastIndex;
  }
  return out + raw.slice(i);
}

/** Characters XML 1.0 forbids (a paste from Word may carry a vertical tab); removed with a warning. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The photo from the text of <ZhaoPian> (base64, perhaps as a data URI); null, with an error, when it is not base64. */
function photoBytes(text: string, issues: RmbIssue[]): Uint8Array | null {
  const value = text.replace(/^data:[\w/+.-]*;base64,/i, '').replace(/\s+/g, '');
  if (!value) return null;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1) {
    issues.push(rmbIssue('ZhaoPian', '照片不是有效的 Base64 编码，已忽略照片', 'error'));
    return null;
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

// ---- the parsed tree (fast-xml-parser, preserveOrder) ----

type XNode = Record<string | symbol, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 50,
});

// ---- the quick reader ----

/** Names the general parser refuses or renames (prototype pollution guards): left to it. */
const GUARDED_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const SIMPLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const DECLARATION = /^<\?xml(?:\s+(version|encoding|standalone)\s*=\s*(?:"[^"<>&]*"|'[^'<>&]*'))*\s*\?>/;
const EMPTY_END = /[ \t\r\n]*\/>/y;
/** What plain text never holds; the quick reader leaves text with any of them to the general parser. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const NOT_PLAIN = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|lt|gt|amp|quot|apos);/y;

/** Element text the quick reader takes: no markup, only the references XML predefines to characters it allows. */
function plainText(raw: string): boolean {
  if (!NOT_PLAIN.test(raw)) return true;
  // eslint-disable-next-line no-control-regex -- as NOT_PLAIN
  if (/[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(raw)) return false;
  for (let j = raw.indexOf('&'); j >= 0; j = raw.indexOf('&', REFERENCE.lastIndex)) {
    REFERENCE.lastIndex = j;
    const m = REFERENCE.exec(raw);
    if (!m) return false;
    if (m[1] === undefined && m[2] === undefined) continue;
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    const allowed =
      cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!allowed) return false;
  }
  return true;
}

/** Whether text[from, to) is only XML white space, as between elements (a loop: no string cut out, no RegExp). */
function blank(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** Why the quick reader gives a file to the general parser (thrown inside it, never escapes it). */
const NOT_QUICK = Symbol('not quick');

/** The top-level elements the record has, in template order: a name's place is its place in `seen`. */
const TOP_NAMES: readonly string[] = [...LRMX_TEMPLATE_ORDER, ...LRMX_OPTIONAL_ELEMENTS];
const TOP_ELEMENTS = new Map(TOP_NAMES.map((name, k) => [name, k]));

/**
 * Reads in one pass, straight into the record, the files the editors write: an optional declaration,
 * then elements without attributes, comments, CDATA or processing instructions, holding text or
 * elements. Anything else — every error, and also an element given twice, a field holding an element,
 * a root other than <Person> — gives undefined and goes to the general parser, whose messages name the
 * problem. Building a tree, even quickly, then walking it cost about four times as much as this
 * (parseLrmx of a 3 kB file, decoding included: ≈ 220 → 45 µs).
 */
export function quickRead(text: string): RmbParseResult | undefined {
  try {
    return new QuickReader(text).person();
  } catch (e) {
    if (e === NOT_QUICK) return undefined;
    throw e;
  }
}

/** The family columns' element paths, as issues name them. */
const FAMILY_FIELDS = FAMILY_ITEM_ELEMENTS.map((e) => `JiaTingChengYuan/Item/${e}`);

/** The quick reader's name in lrmx.test.ts: defined when it takes the file. */
export const quickTree = quickRead;

class QuickReader {
  private i = 0;
  /** where the last start tag read begins, and whether it closed itself (<Name/>) */
  private start = 0;
  private empty = false;
  private readonly issues: RmbIssue[] = [];
  constructor(private readonly text: string) {}

  private fail(): never {
    throw NOT_QUICK;
  }

  person(): RmbParseResult {
    const text = this.text;
    if (text.startsWith('<?')) {
      const m = DECLARATION.exec(text);
      if (!m) this.fail();
      const names = [...m[0].matchAll(/\s(version|encoding|standalone)\s*=/g)].map((x) => x[1]);
      if (new Set(names).size !== names.length) this.fail();
      this.i = m[0].length;
    }
    const lt = text.indexOf('<', this.i);
    if (lt < 0 || !blank(text, this.i, lt)) this.fail();
    this.i = lt;
    const record = emptyRmbRecord();
    if (this.openTag(1) !== 'Person') this.fail();
    if (!this.empty) {
      const seen = new Uint8Array(TOP_NAMES.length);
      let after: string | null = null;
      let next = 0; // the element the template puts next
      for (let name = this.child('Person', 2, TOP_NAMES[next]); name; name = this.child('Person', 2, TOP_NAMES[next])) {
        const known = name === TOP_NAMES[next] ? next : TOP_ELEMENTS.get(name);
        if (known === undefined) {
          record.unknown.push(this.unknown(name, 2, after));
          continue;
        }
        if (seen[known]) this.fail();
        seen[known] = 1;
        next = known + 1;
        // the template's own string as the key: a property named by a string cut from the text is slower to set
        name = after = TOP_NAMES[known];
        if (name === 'JiaTingChengYuan') this.family(record);
        else if (name === 'ZhaoPian') record.ZhaoPian = photoBytes(this.leaf(name, name), this.issues);
        else (record as unknown as Record<string, string>)[name] = this.leaf(name, name);
      }
    }
    if (!blank(text, this.i, text.length)) this.fail();
    return { ok: true, record, issues: this.issues };
  }

  /**
   * The start tag at i: its name, with i after it. `level`: the root is 1; deeper than 8 is left to
   * the general parser. `expected`, the element that usually comes here, is taken without a RegExp
   * or a new string.
   */
  private openTag(level: number, expected?: string): string {
    const text = this.text;
    const lt = (this.start = this.i);
    this.empty = false;
    if (expected !== undefined && text.charCodeAt(lt + 1 + expected.length) === 62 /* > */ && text.startsWith(expected, lt + 1)) {
      this.i = lt + expected.length + 2;
      return expected;
    }
    SIMPLE_NAME.lastIndex = lt + 1;
    const name = SIMPLE_NAME.exec(text)?.[0];
    if (!name || GUARDED_NAMES.has(name) || level > 8) this.fail();
    if (text.charCodeAt(lt + 1 + name.length) === 62 /* > */) {
      this.i = lt + name.length + 2;
      return name;
    }
    // <Name/> or <Name />, as .NET writers put an empty element
    this.empty = true;
    EMPTY_END.lastIndex = lt + 1 + name.length;
    if (!EMPTY_END.test(text)) this.fail();
    this.i = EMPTY_END.lastIndex;
    return name;
  }

  /**
   * The next child element of the open `parent`, its start tag read; '' at the parent's end tag, then
   * read too. Text between elements is not part of the format: warned about and ignored.
   */
  private child(parent: string, level: number, expected?: string): string {
    const text = this.text;
    const lt = text.indexOf('<', this.i);
    if (lt < 0) this.fail();
    if (!blank(text, this.i, lt)) {
      const raw = text.slice(this.i, lt);
      if (!plainText(raw)) this.fail();
      if (raw.trim()) this.issues.push(rmbIssue(parent, `<${parent}> 中有不属于任何元素的文字，已忽略`, 'warning'));
    }
    this.i = lt;
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      this.closeTag(parent);
      return '';
    }
    return this.openTag(level, expected);
  }

  /** The end tag of `name` at i, with i after it. */
  private closeTag(name: string) {
    const text = this.text;
    const at = this.i + 2;
    if (!text.startsWith(name, at) || text.charCodeAt(at + name.length) !== 62 /* > */) this.fail();
    this.i = at + name.length + 1;
  }

  /** The text of a leaf element whose start tag was read: references decoded, line breaks '\n', trimmed. */
  private leaf(name: string, field: string): string {
    if (this.empty) return '';
    const text = this.text;
    const lt = text.indexOf('<', this.i);
    if (lt < 0 || text.charCodeAt(lt + 1) !== 47 /* / */) this.fail();
    const raw = text.slice(this.i, lt);
    this.i = lt;
    this.closeTag(name);
    if (!plainText(raw)) this.fail();
    // Literal line breaks are normalised before references are decoded (XML 1.0 §2.11), so that
    // '&#xD;' + CRLF is one line break.
    let value = raw.includes('\r') ? normalizeLineBreaks(raw) : raw;
    if (value.includes('&')) {
      value = decodeEntities(value, field);
      if (value.includes('\r')) value = normalizeLineBreaks(value);
    }
    return value.trim();
  }

  /** An unknown element whose start tag was read, kept verbatim. */
  private unknown(name: string, level: number, after: string | null): UnknownElement {
    const start = this.start;
    this.skip(name, level);
    return { name, xml: this.text.slice(start, this.i), after };
  }

  /** The rest of an element whose start tag was read: its text plain, its children as quick as it. */
  private skip(name: string, level: number) {
    if (this.empty) return;
    const text = this.text;
    for (;;) {
      const lt = text.indexOf('<', this.i);
      if (lt < 0 || (!blank(text, this.i, lt) && !plainText(text.slice(this.i, lt)))) this.fail();
      this.i = lt;
      if (text.charCodeAt(lt + 1) === 47 /* / */) return this.closeTag(name);
      this.skip(this.openTag(level + 1), level + 1);
    }
  }

  private family(record: RmbRecord) {
    if (this.empty) return;
    let after: string | null = null;
    for (let name = this.child('JiaTingChengYuan', 3, 'Item'); name; name = this.child('JiaTingChengYuan', 3, 'Item')) {
      if (name === 'Item') {
        record.JiaTingChengYuan.push(this.item());
        after = 'Item';
      } else record.familyUnknown.push(this.unknown(name, 3, after));
    }
  }

  private item(): RmbFamilyItem {
    const item = emptyFamilyItem();
    if (this.empty) return item;
    let seen = 0;
    let after: string | null = null;
    const order = FAMILY_ITEM_ELEMENTS as readonly string[];
    let next = 0;
    for (let name = this.child('Item', 4, order[next]); name; name = this.child('Item', 4, order[next])) {
      const known = name === order[next] ? next : order.indexOf(name);
      if (known < 0) {
        item.unknown.push(this.unknown(name, 4, after));
        continue;
      }
      if (seen & (1 << known)) this.fail();
      seen |= 1 << known;
      next = known + 1;
      const element = FAMILY_ITEM_ELEMENTS[known];
      item[element] = this.leaf(name, FAMILY_FIELDS[known]);
      after = element;
    }
    return item;
  }
}

/** The element name of a node (not #text, #cdata, #comment), or undefined. */
function tagOf(node: XNode): string | undefined {
  // for…in: no array of keys per node (symbol keys, the metadata, are not visited)
  for (const k in node) if (k !== ':@' && k[0] !== '#' && k[0] !== '?') return k;
  return undefined;
}

/** rawOf(node, text).name without slicing the element's XML: the tag, when the text shows it as written. */
function nameOf(node: XNode, tag: string, text: string): string {
  const meta = node[META] as { startIndex: number } | undefined;
  if (!meta) return tag;
  const next = text.charCodeAt(meta.startIndex + 1 + tag.length);
  const ends = next === 62 /* > */ || next === 47 /* / */ || next === 32 || next === 9 || next === 10 || next === 13;
  return ends && text.startsWith(tag, meta.startIndex + 1) ? tag : rawOf(node, text).name;
}

/** The exact XML of an element, and its name as written, from the parser's source positions. */
function rawOf(node: XNode, text: string): { name: string; xml: string } {
  const meta = node[META] as { startIndex: number; endIndex: number } | undefined;
  const tag = tagOf(node) ?? '';
  if (!meta) return { name: tag, xml: `<${tag}/>` };
  const xml = text.slice(meta.startIndex, meta.endIndex);
  return { name: /^<([^\s/>]+)/.exec(xml)?.[1] ?? tag, xml };
}

/** The attributes of a start tag exactly as written (quotes may hold '>'). */
function rawAttributes(xml: string, name: string): string {
  let quote = '';
  let i = name.length + 1;
  for (; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  return xml
    .slice(name.length + 1, i)
    .replace(/\/$/, '')
    .trim();
}

class Reader {
  readonly issues: RmbIssue[] = [];
  constructor(private readonly text: string) {}

  /** The text content of a leaf element: entities decoded, CDATA literal, line breaks '\n', trimmed. */
  leafText(node: XNode, field: string, item?: number): string {
    const tag = tagOf(node) as string;
    let out = '';
    for (const child of node[tag] as XNode[]) {
      // Literal line breaks are normalised before references are decoded (XML 1.0 §2.11), so that
      // '&#xD;' + CRLF is one line break, as in any conforming parser.
      if ('#text' in child) out += decodeEntities(normalizeLineBreaks(String(child['#text'])), field);
      else if ('#cdata' in child) out += (child['#cdata'] as XNode[]).map((c) => String(c['#text'] ?? '')).join('');
      else if ('#comment' in child) continue;
      else {
        const inner = rawOf(child, this.text).name;
        throw reject(field, `<${field}> 应只含文字，却含有子元素 <${inner}>`);
      }
    }
    const cleaned = out.replace(FORBIDDEN_CHARS, '');
    if (cleaned !== out) this.issues.push(rmbIssue(field, '含有 XML 不允许的控制字符，已删除', 'warning', item));
    return normalizeLineBreaks(cleaned).trim();
  }

  /** Text directly inside a container (not in a child element) is not part of the format: warn, ignore. */
  strayText(node: XNode, container: string) {
    if (('#text' in node && String(node['#text']).trim()) || '#cdata' in node)
      this.issues.push(rmbIssue(container === 'Person' ? 'Person' : container, `<${container}> 中有不属于任何元素的文字，已忽略`, 'warning'));
  }

  family(node: XNode): { items: RmbFamilyItem[]; unknown: UnknownElement[] } {
    const items: RmbFamilyItem[] = [];
    const unknown: UnknownElement[] = [];
    let after: string | null = null;
    for (const child of node.JiaTingChengYuan as XNode[]) {
      const tag = tagOf(child);
      if (!tag) {
        this.strayText(child, 'JiaTingChengYuan');
        continue;
      }
      const name = nameOf(child, tag, this.text);
      if (name === 'Item') {
        items.push(this.item(child, items.length));
        after = 'Item';
      } else unknown.push({ name, xml: rawOf(child, this.text).xml, after });
    }
    return { items, unknown };
  }

  item(node: XNode, index: number): RmbFamilyItem {
    const item = emptyFamilyItem();
    const seen = new Set<string>();
    let after: string | null = null;
    for (const child of node.Item as XNode[]) {
      const tag = tagOf(child);
      if (!tag) {
        this.strayText(child, 'Item');
        continue;
      }
      const name = nameOf(child, tag, this.text);
      const known = (FAMILY_ITEM_ELEMENTS as readonly string[]).includes(name) ? (name as (typeof FAMILY_ITEM_ELEMENTS)[number]) : undefined;
      if (!known) {
        item.unknown.push({ name, xml: rawOf(child, this.text).xml, after });
        continue;
      }
      const field = `JiaTingChengYuan/Item/${known}`;
      if (seen.has(known))
        throw new Reject(rmbIssue(field, `第${index + 1}个 <Item> 中 <${known}> 出现了不止一次，无法确定取哪一个`, 'error', index));
      seen.add(known);
      item[known] = this.leafText(child, field, index);
      after = known;
    }
    return item;
  }
}

/**
 * Read an .lrmx file. Refused (ok: false, with the reason): a file over maxBytes, bytes that are not
 * valid in their encoding, a DTD or entity declaration, malformed XML, a root other than <Person>, a
 * known element given twice or holding child elements. Otherwise the record, with warnings (stray
 * text, control characters) and field problems found while reading (a photo that is not base64).
 */
export function parseLrmx(data: Uint8Array, options: LrmxReadOptions = {}): RmbParseResult {
  try {
    return readLrmx(data, options.maxBytes ?? LRMX_MAX_BYTES, options.generalParser ?? false);
  } catch (e) {
    if (e instanceof Reject) return { ok: false, issues: [e.issue] };
    throw e;
  }
}

const TEXT_ELEMENTS = new Set<string>([...RMB_TEXT_ELEMENTS, ...LRMX_OPTIONAL_ELEMENTS]);

/** The tree of the general parser, after its validator: refused with the reason when the file is not well-formed. */
function generalTree(text: string): XNode[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformed(text, valid.err);
  try {
    return parser.parse(text) as XNode[];
  } catch (e) {
    // The parser's own guards: nesting deeper than 50, names such as __proto__.
    const msg = e instanceof Error ? e.message : String(e);
    const why = /nested/i.test(msg) ? '元素嵌套超过 50 层' : /name/i.test(msg) ? `含有不允许的元素名（${/"([^"]+)"/.exec(msg)?.[1] ?? msg}）` : msg;
    throw reject('Person', `不是可接受的 XML：${why}`);
  }
}

function readLrmx(data: Uint8Array, maxBytes: number, generalOnly: boolean): RmbParseResult {
  if (data.byteLength > maxBytes)
    throw reject('Person', `文件过大（${(data.byteLength / 1048576).toFixed(1)} MB，上限 ${Math.floor(maxBytes / 1048576)} MB）`);
  const text = decodeXmlBytes(data).replace(/^\uFEFF/, '');
  refuseDtd(text);
  const quick = generalOnly ? undefined : quickRead(text);
  if (quick) return quick;
  const tree = generalTree(text);
  const top = tree.filter((n) => tagOf(n));
  if (top.length !== 1) throw reject('Person', '不是格式正确的 XML：文件有多个根元素');
  const rootRaw = rawOf(top[0], text);
  if (rootRaw.name !== 'Person') throw reject('Person', `根元素应为 <Person>（任免审批表），实际为 <${rootRaw.name}>`);

  const reader = new Reader(text);
  const record = emptyRmbRecord();
  record.rootAttributes = rawAttributes(rootRaw.xml, 'Person');
  const seen = new Set<string>();
  let after: string | null = null;

  for (const child of top[0][tagOf(top[0]) as string] as XNode[]) {
    const tag = tagOf(child);
    if (!tag) {
      reader.strayText(child, 'Person');
      continue;
    }
    const name = nameOf(child, tag, text);
    const known = TEXT_ELEMENTS.has(name) || name === 'JiaTingChengYuan' || name === 'ZhaoPian';
    if (!known) {
      record.unknown.push({ name, xml: rawOf(child, text).xml, after });
      continue;
    }
    if (seen.has(name)) throw reject(name, `元素 <${name}>（${rmbLabel(name)}）出现了不止一次，无法确定取哪一个`);
    seen.add(name);
    after = name;
    if (name === 'JiaTingChengYuan') {
      const family = reader.family(child);
      record.JiaTingChengYuan = family.items;
      record.familyUnknown = family.unknown;
    } else if (name === 'ZhaoPian') record.ZhaoPian = photoBytes(reader.leafText(child, 'ZhaoPian'), reader.issues);
    else (record as unknown as Record<string, string>)[name] = reader.leafText(child, name);
  }
  return { ok: true, record, issues: reader.issues };
}

// ---- writing ----

/** Text for an element body: & < > escaped, each line break written as &#xD; + LF (CRLF, as the editor). */
export function escapeLrmxText(value: string): string {
  return normalizeLineBreaks(value)
    .replace(FORBIDDEN_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '&#xD;\n');
}

const element = (indent: string, name: string, value: string) => `${indent}<${name}>${escapeLrmxText(value)}</${name}>`;

/**
 * Write an .lrmx: UTF-8 with the declaration and no BOM, LF between elements, two-space indent, every
 * v3 element in template order even when empty (<X></X>), Version as found or 3.2.1.16, the photo as
 * one line of base64. The 2025 elements are written, after ZhaoPian, only when the record has them.
 * Unknown elements are written back verbatim after the element they followed in the file.
 */
export function serializeLrmx(record: RmbRecord): Uint8Array {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', record.rootAttributes ? `<Person ${record.rootAttributes}>` : '<Person>'];
  const pending = [...record.unknown];
  const flushAfter = (name: string | null) => {
    for (let i = 0; i < pending.length;) {
      if (pending[i].after === name) out.push(`  ${pending.splice(i, 1)[0].xml}`);
      else i++;
    }
  };
  flushAfter(null);
  for (const name of LRMX_TEMPLATE_ORDER) {
    if (name === 'Version') {
      for (const opt of LRMX_OPTIONAL_ELEMENTS) {
        const value = record[opt];
        if (value === undefined) continue;
        out.push(element('  ', opt, value));
        flushAfter(opt);
      }
    }
    if (name === 'JiaTingChengYuan') out.push(...familyLines(record));
    else if (name === 'ZhaoPian')
      out.push(`  <ZhaoPian>${record.ZhaoPian?.length ? Buffer.from(record.ZhaoPian).toString('base64') : ''}</ZhaoPian>`);
    else if (name === 'Version') out.push(element('  ', name, record.Version || DEFAULT_LRMX_VERSION));
    else out.push(element('  ', name, record[name]));
    flushAfter(name);
  }
  for (const u of pending) out.push(`  ${u.xml}`);
  out.push('</Person>', '');
  return new Uint8Array(Buffer.from(out.join('\n'), 'utf8'));
}

function familyLines(record: RmbRecord): string[] {
  if (!record.JiaTingChengYuan.length && !record.familyUnknown.length) return ['  <JiaTingChengYuan></JiaTingChengYuan>'];
  const lines = ['  <JiaTingChengYuan>'];
  const wrapperUnknown = [...record.familyUnknown];
  const flush = (after: string | null) => {
    for (let i = 0; i < wrapperUnknown.length;) {
      if (wrapperUnknown[i].after === after) lines.push(`    ${wrapperUnknown.splice(i, 1)[0].xml}`);
      else i++;
    }
  };
  flush(null);
  for (const item of record.JiaTingChengYuan) {
    lines.push('    <Item>');
    const itemUnknown = [...item.unknown];
    const flushItem = (after: string | null) => {
      for (let i = 0; i < itemUnknown.length;) {
        if (itemUnknown[i].after === after) lines.push(`      ${itemUnknown.splice(i, 1)[0].xml}`);
        else i++;
      }
    };
    flushItem(null);
    for (const name of FAMILY_ITEM_ELEMENTS) {
      lines.push(element('      ', name, item[name]));
      flushItem(name);
    }
    for (const u of itemUnknown) lines.push(`      ${u.xml}`);
    lines.push('    </Item>');
  }
  flush('Item');
  for (const u of wrapperUnknown) lines.push(`    ${u.xml}`);
  lines.push('  </JiaTingChengYuan>');
  return lines;
}
