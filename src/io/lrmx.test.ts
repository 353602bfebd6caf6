import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { escapeLrmxText, parseLrmx, quickTree, serializeLrmx } from './lrmx.js';
import { emptyRmbRecord, LRMX_TEMPLATE_ORDER, type RmbRecord } from './rmb-record.js';

const asset = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../assets/lrmx/${name}`, import.meta.url)));
const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../test/fixtures/lrmx/${name}`, import.meta.url)));

const SAMPLE_BYTES = asset('SYNTHETIC_fictional_example.lrmx');
const SAMPLE = SAMPLE_BYTES.toString('utf8');
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function read(bytes: Uint8Array | string): RmbRecord {
  const r = parseLrmx(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

const sampleRecord = read(SAMPLE_BYTES);

/** The top-level elements of a document written like the sample (two-space indent), in order. */
function topLevel(text: string): string[] {
  return [...text.matchAll(/^ {2}<(\w+)(?: [^>]*)?>[\s\S]*?<\/\1>$|^ {2}<\w+ ?\/>$/gm)].map((m) => m[0]);
}
const withElements = (text: string, elements: string[]) => text.replace(/<Person>[\s\S]*<\/Person>/, `<Person>\n${elements.join('\n')}\n</Person>`);

describe('parseLrmx: the shared sample', () => {
  it('reads every field as a trimmed raw string', () => {
    expect(sampleRecord).toMatchObject({
      XingMing: '测试甲',
      XingBie: '女',
      ChuShengNianYue: '194912',
      MinZu: '汉族',
      RuDangShiJian: '197206',
      QuanRiZhiJiaoYu_XueLi: '大学普通班',
      QuanRiZhiJiaoYu_XueWei: '',
      ZaiZhiJiaoYu_XueLi: '省委党校大学',
      NiRenZhiWu: '某某市某某局局长',
      JiSuanNianLingShiJian: '20240601',
      ShenFenZheng: '11010519491231002X',
      ZhaoPian: null,
      Version: '3.2.1.16',
      unknown: [],
      familyUnknown: [],
      rootAttributes: '',
    });
    expect(sampleRecord.DaoLingNianYue).toBeUndefined();
  });
  it('turns the &#xD; + LF of 简历 into one line break', () => {
    expect(sampleRecord.JianLi.split('\n')).toHaveLength(5);
    expect(sampleRecord.JianLi).not.toContain('\r');
    expect(sampleRecord.JianLi.split('\n')[4]).toBe('1998.06--         某某市某某局副局长');
  });
  it('reads the three family members in order', () => {
    expect(sampleRecord.JiaTingChengYuan.map((i) => [i.ChengWei, i.XingMing, i.ChuShengRiQi, i.ZhengZhiMianMao])).toEqual([
      ['丈夫', '测试乙', '194805', '中共党员'],
      ['女儿', '测试丙', '197510', '群众'],
      ['父亲', '测试丁', '192003', '中共党员'],
    ]);
  });
  it('has no issues', () => expect(parseLrmx(SAMPLE_BYTES)).toMatchObject({ ok: true, issues: [] }));
  it('writes back byte for byte', () => expect(Buffer.from(serializeLrmx(sampleRecord)).equals(SAMPLE_BYTES)).toBe(true));
});

describe('parseLrmx: what other writers do reads as the same record', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const elements = topLevel(SAMPLE);
  const jianLiAt = elements.findIndex((e) => e.startsWith('  <JianLi>'));
  const xianRenAt = elements.findIndex((e) => e.startsWith('  <XianRenZhiWu>'));
  const hxomsOrder = [
    ...elements.slice(0, xianRenAt + 1),
    elements[jianLiAt],
    ...elements.slice(xianRenAt + 1).filter((_, i) => i + xianRenAt + 1 !== jianLiAt),
  ];

  it.each<[string, Uint8Array]>([
    ['a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SAMPLE_BYTES])],
    ['CRLF line ends throughout', utf8(SAMPLE.replace(/\n/g, '\r\n'))],
    ['简历 with literal CRLF instead of &#xD;', utf8(SAMPLE.replaceAll('&#xD;\n', '\r\n'))],
    ['简历 with LF only', utf8(SAMPLE.replaceAll('&#xD;\n', '\n'))],
    ['简历 with &#xD; + CRLF (a file converted to CRLF)', utf8(SAMPLE.replaceAll('&#xD;\n', '&#xD;\r\n'))],
    ['简历 with &#xD;&#xA; on one line', utf8(SAMPLE.replaceAll('&#xD;\n', '&#xD;&#xA;'))],
    ['简历 with decimal &#13;', utf8(SAMPLE.replaceAll('&#xD;', '&#13;'))],
    ['简历 with lone CRs', utf8(SAMPLE.replaceAll('&#xD;\n', '\r'))],
    ['elements in reverse order', utf8(withElements(SAMPLE, [...elements].reverse()))],
    ['JianLi straight after XianRenZhiWu (hxoms1 order)', utf8(withElements(SAMPLE, hxomsOrder))],
    ['empty elements self-closing', utf8(SAMPLE.replace(/<(\w+)><\/\1>/g, '<$1/>'))],
    ['empty elements self-closing with a space', utf8(SAMPLE.replace(/<(\w+)><\/\1>/g, '<$1 />'))],
    ['values on their own indented lines', utf8(SAMPLE.replace(/<(XingMing|MinZu|ShenFenZheng)>([^<]*)</g, '<$1>\n    $2\n  <'))],
    ['full-width spaces around values', utf8(SAMPLE.replace('<XingMing>测试甲<', '<XingMing>\u3000测试甲\u3000<'))],
    ['comments between and inside elements', utf8(SAMPLE.replace('<MinZu>汉族', '<!-- 民族 --><MinZu>汉<!-- x -->族'))],
    ['values in CDATA', utf8(SAMPLE.replace('<XingMing>测试甲', '<XingMing><![CDATA[测试甲]]>'))],
    ['character references for Chinese', utf8(SAMPLE.replace('<XingMing>测试甲', '<XingMing>&#x6D4B;&#35797;甲'))],
    ['no XML declaration', utf8(SAMPLE.replace(/^<\?xml[^>]*>\n/, ''))],
    ['utf-16 declared over UTF-8 bytes (.NET StringWriter)', utf8(SAMPLE.replace('encoding="utf-8"', 'encoding="utf-16"'))],
    ['UTF-16LE with its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')])],
    ['GBK bytes with encoding="GBK" declared', iconv.encode(SAMPLE.replace('encoding="utf-8"', 'encoding="GBK"'), 'gbk')],
    ['GB2312 declared in upper case', iconv.encode(SAMPLE.replace('encoding="utf-8"', "encoding='GB2312'"), 'gbk')],
  ])('%s', (_name, bytes) => {
    const r = parseLrmx(bytes);
    expect(r).toMatchObject({ ok: true, issues: [] });
    expect(read(bytes)).toEqual(sampleRecord);
    // …and so is written back exactly as the sample.
    expect(Buffer.from(serializeLrmx(read(bytes))).equals(SAMPLE_BYTES)).toBe(true);
  });

  it('a missing element reads as empty and is written back (Version as 3.2.1.16)', () => {
    const r = read(SAMPLE.replace(/ {2}<NiMianZhiWu>.*\n/, '').replace(/ {2}<Version>.*\n/, ''));
    expect(r.NiMianZhiWu).toBe('');
    expect(r.Version).toBe('');
    const out = Buffer.from(serializeLrmx(r)).toString('utf8');
    expect(out).toContain('  <NiMianZhiWu></NiMianZhiWu>\n');
    expect(out).toContain('  <Version>3.2.1.16</Version>\n');
  });

  it('keeps a Version as found', () => {
    const r = read(SAMPLE.replace('3.2.1.16', '3.2.1.6'));
    expect(Buffer.from(serializeLrmx(r)).toString('utf8')).toContain('<Version>3.2.1.6</Version>');
  });

  it('reads the 2025 elements when present and writes them before Version', () => {
    const r = read(
      SAMPLE.replace(
        '  <Version>',
        '  <DaoLingNianYue>203412</DaoLingNianYue>\n  <GaiGeQianRenZhiNianLingJieXian>改革前任职年龄界限为60岁</GaiGeQianRenZhiNianLingJieXian>\n  <Version>',
      ),
    );
    expect(r).toMatchObject({ DaoLingNianYue: '203412', GaiGeQianRenZhiNianLingJieXian: '改革前任职年龄界限为60岁' });
    expect(Buffer.from(serializeLrmx(r)).toString('utf8')).toContain(
      '  <ZhaoPian></ZhaoPian>\n  <DaoLingNianYue>203412</DaoLingNianYue>\n  <GaiGeQianRenZhiNianLingJieXian>改革前任职年龄界限为60岁</GaiGeQianRenZhiNianLingJieXian>\n  <Version>',
    );
    expect(read(serializeLrmx(r))).toEqual(r);
  });
});

describe('parseLrmx: the hand-written variant (test/fixtures/lrmx/fictional_variant_shuffled.lrmx)', () => {
  const bytes = fixture('fictional_variant_shuffled.lrmx');
  const r = read(bytes);

  it('reads padded values raw but trimmed (the name is cleaned by the mapping)', () => {
    expect(r).toMatchObject({
      XingMing: '王 五',
      ShenFenZheng: '34010219710815019x',
      ChuShengNianYue: '19710815',
      JianKangZhuangKuang: '健康',
      Version: '3.2.1.6',
    });
  });
  it('reads self-closing empty elements as empty', () =>
    expect([r.ZhuanYeJiShuZhiWu, r.ShuXiZhuanYeYouHeZhuanChang, r.ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi]).toEqual(['', '', '']));
  it('reads CDATA literally', () => expect(r.RenMianLiYou).toBe('工作需要 & 本人<德才兼备>'));
  it('decodes the base64 photo across its line break', () => expect(Buffer.from(r.ZhaoPian!).equals(PNG_1PX)).toBe(true));
  it('keeps the root attributes', () =>
    expect(r.rootAttributes).toBe('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'));
  it('keeps unknown elements verbatim with the element they followed', () => {
    expect(r.unknown).toEqual([
      { name: 'ZhengZhiMianMao', xml: '<ZhengZhiMianMao>中共党员</ZhengZhiMianMao>', after: 'ChuShengDi' },
      { name: 'KuoZhan', xml: '<KuoZhan a="1">扩展<Zi>内容</Zi></KuoZhan>', after: 'ZhaoPian' },
    ]);
    expect(r.JiaTingChengYuan[0].unknown).toEqual([{ name: 'BeiZhu', xml: '<BeiZhu>虚构</BeiZhu>', after: 'GongZuoDanWeiJiZhiWu' }]);
  });
  it('keeps the empty third <Item> (the mapping drops it)', () => {
    expect(r.JiaTingChengYuan).toHaveLength(3);
    expect(r.JiaTingChengYuan[2]).toMatchObject({ ChengWei: '', XingMing: '' });
  });

  const out = Buffer.from(serializeLrmx(r)).toString('utf8');
  it('writes the elements in template order, unknown ones back after the element they followed', () => {
    const names = [...out.matchAll(/^ {2}<(\w+)/gm)].map((m) => m[1]);
    expect(names).toEqual([
      ...LRMX_TEMPLATE_ORDER.slice(0, LRMX_TEMPLATE_ORDER.indexOf('ChuShengDi') + 1),
      'ZhengZhiMianMao',
      ...LRMX_TEMPLATE_ORDER.slice(LRMX_TEMPLATE_ORDER.indexOf('ChuShengDi') + 1, LRMX_TEMPLATE_ORDER.indexOf('Version')),
      'KuoZhan',
      'Version',
    ]);
    expect(out).toContain('<Person xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n');
    expect(out).toContain('      <GongZuoDanWeiJiZhiWu>青川市第一中学教师</GongZuoDanWeiJiZhiWu>\n      <BeiZhu>虚构</BeiZhu>\n    </Item>');
  });
  it('writes the photo as one line of base64 and escapes & < >', () => {
    expect(out).toContain(`<ZhaoPian>${PNG_1PX.toString('base64')}</ZhaoPian>`);
    expect(out).toContain('<RenMianLiYou>工作需要 &amp; 本人&lt;德才兼备&gt;</RenMianLiYou>');
  });
  it('writes multi-line values with &#xD; + LF', () => expect(out).toContain('市级优秀公务员。&#xD;\n2019年度'));
  it('reads back what it wrote as the same record, and writes that again byte for byte', () => {
    expect(read(out)).toEqual(r);
    expect(Buffer.from(serializeLrmx(read(out))).toString('utf8')).toBe(out);
  });
});

describe('parseLrmx: other encodings on disk', () => {
  it('reads a GBK file that declares encoding="GB2312" (fictional_variant_gbk.lrmx)', () => {
    expect(read(fixture('fictional_variant_gbk.lrmx'))).toMatchObject({
      XingMing: '孙七',
      XianRenZhiWu: '青川市东湖区财政局局长',
      Version: '3.2.1.16',
    });
  });
  it('reads a BOM + CRLF file with &#xD; before each CRLF as single line breaks (fictional_variant_bom_crlf.lrmx)', () => {
    const r = read(fixture('fictional_variant_bom_crlf.lrmx'));
    expect(r.JianLi.split('\n')).toEqual([
      '198509--199007  某某医科大学临床医学系临床医学专业学习',
      '199007—200108  青川市人民医院医师、主治医师',
      '2001.08～2016.03  青川市人民医院副主任医师、医务科科长',
      '2016.03--         青川市卫生健康委员会副主任',
    ]);
    expect(r).toMatchObject({ ShenFenZheng: '340102680304002', JiaTingChengYuan: [], ZhaoPian: null, Version: '' });
  });
});

describe('parseLrmx: refused files, each with a Chinese reason naming the element', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const doc = (body: string) => utf8(`<?xml version="1.0" encoding="utf-8"?>\n<Person>\n${body}\n</Person>\n`);
  it.each<[string, Uint8Array, string, string]>([
    [
      'malformed: an element not closed (bad_unclosed.lrmx)',
      fixture('bad_unclosed.lrmx'),
      'XingMing',
      '不是格式正确的 XML（第 5 行第 1 列）：元素 <XingMing> 尚未结束，却遇到了 </Person>',
    ],
    ['wrong root (bad_wrong_root.lrmx)', fixture('bad_wrong_root.lrmx'), 'Person', '根元素应为 <Person>（任免审批表），实际为 <RenMianBiao>'],
    [
      'DTD with entity expansion and an external entity (bad_billion_laughs.lrmx)',
      fixture('bad_billion_laughs.lrmx'),
      'Person',
      '文件含有 DTD 或实体声明（<!DOCTYPE>），出于安全原因拒绝导入',
    ],
    ['a lower-case doctype', utf8('<!doctype Person><Person/>'), 'Person', 'DTD 或实体声明（<!DOCTYPE>）'],
    ['an entity declaration without a doctype', utf8('<!ENTITY x "y"><Person/>'), 'Person', 'DTD 或实体声明（<!ENTITY>）'],
    ['an undeclared entity reference', doc('<XingMing>张&nbsp;三</XingMing>'), 'XingMing', '<XingMing> 中有未定义的实体引用或未转义的“&”（&nbsp;）'],
    ['a bare ampersand', doc('<XianRenZhiWu>研发&设计中心主任</XianRenZhiWu>'), 'XianRenZhiWu', '出现了未转义的“&”'],
    ['a bare less-than', doc('<XingMing>a<b</XingMing>'), 'XingMing', '不是格式正确的 XML'],
    ['an invalid character reference', doc('<XingMing>&#xD800;</XingMing>'), 'XingMing', '字符引用 &#xD800; 无效'],
    ['a closing tag with no opening tag', doc('</XingMing>'), 'XingMing', '</XingMing> 没有对应的开始标签'],
    ['two roots', utf8('<Person></Person><Person></Person>'), 'Person', '文件有多个根元素'],
    ['text after the root', utf8('<Person></Person>多余'), 'Person', '根元素结束后还有多余内容'],
    ['an element given twice', doc('<XingMing>甲</XingMing><XingMing>乙</XingMing>'), 'XingMing', '元素 <XingMing>（姓名）出现了不止一次'],
    ['a field holding child elements', doc('<JianLi><Line>1990.01--</Line></JianLi>'), 'JianLi', '<JianLi> 应只含文字，却含有子元素 <Line>'],
    [
      'a family column given twice',
      doc('<JiaTingChengYuan><Item><XingMing>甲</XingMing><XingMing>乙</XingMing></Item></JiaTingChengYuan>'),
      'JiaTingChengYuan/Item/XingMing',
      '第1个 <Item> 中 <XingMing> 出现了不止一次',
    ],
    [
      'bytes that are not UTF-8',
      Buffer.concat([utf8('<Person><XingMing>'), iconv.encode('张三', 'gbk'), utf8('</XingMing></Person>')]),
      'Person',
      '文件不是有效的 UTF-8 编码',
    ],
    ['an empty file', Buffer.alloc(0), 'Person', '找不到开始标签'],
    ['a file cut off inside an element', utf8('<Person><XingMing>张三'), 'XingMing', '文件在元素 <Person>、<XingMing> 结束之前就结束了'],
    ['plain text', utf8('张三 男 1970年1月'), 'Person', '不是格式正确的 XML'],
    ['a JSON file', utf8('{"XingMing":"张三"}'), 'Person', '不是格式正确的 XML'],
    ['elements nested 60 deep', doc(`<X>${'<a>'.repeat(60)}${'</a>'.repeat(60)}</X>`), 'Person', '不是可接受的 XML：元素嵌套超过 50 层'],
    ['an element named __proto__', doc('<__proto__>x</__proto__>'), 'Person', '不是可接受的 XML：含有不允许的元素名（__proto__）'],
    ['an encoding nobody knows', utf8('<?xml version="1.0" encoding="x-klingon"?><Person/>'), 'Person', '文件声明的编码 x-klingon 无法识别'],
  ])('%s', (_name, bytes, field, message) => {
    const r = parseLrmx(bytes);
    expect(r.ok).toBe(false);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ field, severity: 'error' });
    expect(r.issues[0].message).toContain(message);
    expect(r.issues[0].label).toMatch(/[\u4e00-\u9fff]|\//);
  });

  it('names the element by its Chinese label', () => {
    const r = parseLrmx(doc('<XingMing>甲</XingMing><XingMing>乙</XingMing>'));
    expect(r.issues[0].label).toBe('姓名');
  });

  it('refuses a file over maxBytes before parsing it', () => {
    const r = parseLrmx(SAMPLE_BYTES, { maxBytes: 1024 });
    expect(r).toMatchObject({ ok: false, issues: [{ field: 'Person', message: expect.stringContaining('文件过大') }] });
  });

  it('never expands or fetches an entity: the refused file yields no record', () => {
    const r = parseLrmx(fixture('bad_billion_laughs.lrmx'));
    expect(r).not.toHaveProperty('record');
  });
});

describe('parseLrmx: problems that do not refuse the file', () => {
  const doc = (body: string) => Buffer.from(`<Person>${body}</Person>`, 'utf8');
  it('a photo that is not base64: an error on ZhaoPian, no photo, the rest read', () => {
    const r = parseLrmx(doc('<XingMing>甲</XingMing><ZhaoPian>这不是base64!</ZhaoPian>'));
    expect(r).toMatchObject({
      ok: true,
      record: { XingMing: '甲', ZhaoPian: null },
      issues: [{ field: 'ZhaoPian', label: '照片', severity: 'error' }],
    });
  });
  it('a photo as a data URI is decoded', () => {
    const r = parseLrmx(doc(`<ZhaoPian>data:image/png;base64,${PNG_1PX.toString('base64')}</ZhaoPian>`));
    expect(r.ok && Buffer.from(r.record.ZhaoPian!).equals(PNG_1PX)).toBe(true);
  });
  it('control characters are removed with a warning naming the field', () => {
    const r = parseLrmx(doc('<XianRenZhiWu>某某局\u000b局长</XianRenZhiWu>'));
    expect(r).toMatchObject({ ok: true, record: { XianRenZhiWu: '某某局局长' }, issues: [{ field: 'XianRenZhiWu', severity: 'warning' }] });
  });
  it('text loose in <Person> is ignored with a warning', () => {
    const r = parseLrmx(doc('多余的文字<XingMing>甲</XingMing>'));
    expect(r).toMatchObject({ ok: true, record: { XingMing: '甲' }, issues: [{ field: 'Person', severity: 'warning' }] });
  });
  it('an empty <Person/> is an empty record', () => expect(read('<Person/>')).toEqual(emptyRmbRecord()));
});

describe('parseLrmx: the quick reader reads exactly as the general parser', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const sameBothWays = (bytes: Uint8Array) =>
    expect(JSON.stringify(parseLrmx(bytes))).toBe(JSON.stringify(parseLrmx(bytes, { generalParser: true })));

  it('takes the files the editors write (else this comparison would test nothing)', () => {
    expect(quickTree(SAMPLE)).toBeDefined();
    expect(
      quickTree(
        fixture('fictional_variant_bom_crlf.lrmx')
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      ),
    ).toBeDefined();
    expect(quickTree(SAMPLE.replace('<JianLi>', '<JianLi a="1">'))).toBeUndefined();
  });

  it.each<[string, string]>([
    ['the sample', SAMPLE],
    ['CRLF throughout', SAMPLE.replace(/\n/g, '\r\n')],
    ['lone CRs', SAMPLE.replaceAll('&#xD;\n', '\r')],
    ['self-closing empty elements', SAMPLE.replace(/<(\w+)><\/\1>/g, '<$1 />')],
    ['an unknown element with children', SAMPLE.replace('<Version>', '<Extra><A>1</A><B/></Extra>\n  <Version>')],
    ['an unknown element in <Item>', SAMPLE.replace('<ChengWei>丈夫', '<Beizhu>x</Beizhu><ChengWei>丈夫')],
    ['text loose in <Person>', SAMPLE.replace('<XingMing>', '多余<XingMing>')],
    ['a field holding an element', SAMPLE.replace('<XingMing>测试甲', '<XingMing>测<b>试</b>甲')],
    ['an element given twice', SAMPLE.replace('<XingBie>', '<XingMing>乙</XingMing><XingBie>')],
    ['references of every kind', SAMPLE.replace('测试甲', '&lt;&gt;&amp;&quot;&apos;&#x6D4B;&#35797;&#x1F600;')],
    ['a character reference XML forbids', SAMPLE.replace('测试甲', '&#1;')],
    ['an undeclared entity', SAMPLE.replace('测试甲', '&nbsp;')],
    ['a bare ampersand', SAMPLE.replace('测试甲', 'a & b')],
    ['a greater-than sign in text', SAMPLE.replace('测试甲', 'a > b')],
    ['a control character', SAMPLE.replace('测试甲', '测\u000b试')],
    ['a closing tag that does not match', SAMPLE.replace('</XingBie>', '</XingBi>')],
    ['an element not closed', SAMPLE.replace('</XingBie>', '')],
    ['the wrong root', SAMPLE.replaceAll('Person>', 'RenMian>')],
    ['two roots', `${SAMPLE}<Person></Person>`],
    ['text after the root', `${SAMPLE}多余`],
    ['a declaration after whitespace', ` ${SAMPLE}`],
    ['a declaration with a repeated attribute', SAMPLE.replace('encoding="utf-8"', 'encoding="utf-8" encoding="utf-8"')],
    ['an element named toString', SAMPLE.replace('<Version>', '<toString>x</toString><Version>')],
    ['elements nested deeply', SAMPLE.replace('<Version>', `${'<a>'.repeat(20)}${'</a>'.repeat(20)}<Version>`)],
    ['a comment', SAMPLE.replace('<XingBie>', '<!-- c --><XingBie>')],
    ['CDATA', SAMPLE.replace('测试甲', '<![CDATA[测试<甲>]]>')],
    ['an empty <Person/>', '<Person/>'],
  ])('%s', (_name, text) => sameBothWays(utf8(text)));

  // What the quick reader reads itself (not left to the general parser), compared all the same.
  const nested = (n: number) => `${'<a>'.repeat(n)}x${'</a>'.repeat(n)}`;
  it.each<[string, string]>([
    ['an empty family, item and photo', SAMPLE.replace(/<JiaTingChengYuan>[\s\S]*<\/JiaTingChengYuan>/, '<JiaTingChengYuan/>\n  <Item />')],
    ['an empty <Item/> among the members', SAMPLE.replace('<Item>', '<Item/><Item>')],
    [
      'unknown elements around the members',
      SAMPLE.replace('<Item>', '<Pre>1</Pre><Item>').replace('</JiaTingChengYuan>', '<Post/></JiaTingChengYuan>'),
    ],
    ['text loose in <JiaTingChengYuan> and <Item>', SAMPLE.replace('<Item>', '甲<Item>').replace('<ChengWei>丈夫', '乙 &amp; <ChengWei>丈夫')],
    [
      'the 2025 elements',
      SAMPLE.replace(
        '<Version>',
        '<GaiGeQianRenZhiNianLingJieXian>60</GaiGeQianRenZhiNianLingJieXian><DaoLingNianYue>203001</DaoLingNianYue><Version>',
      ),
    ],
    ['a photo', SAMPLE.replace('<ZhaoPian></ZhaoPian>', `<ZhaoPian>\n${PNG_1PX.toString('base64')}\n</ZhaoPian>`)],
    ['a photo that is not base64', SAMPLE.replace('<ZhaoPian></ZhaoPian>', '<ZhaoPian>@@@</ZhaoPian>')],
    ['a reference to CR before CRLF', SAMPLE.replace(/\n/g, '\r\n')],
    ['white space and \u3000 around values', SAMPLE.replace('测试甲', ' \u3000测试甲\t\r\n')],
    ['white space after the root', `${SAMPLE}\r\n\t `],
    ['no declaration, <Person /> with a space', '<Person />'],
    ['elements 8 levels deep, <Person> the first', SAMPLE.replace('<Version>', `${nested(7)}<Version>`)],
    ['elements 9 levels deep', SAMPLE.replace('<Version>', `${nested(8)}<Version>`)],
    ['an element of <Item> given twice', SAMPLE.replace('<ChengWei>丈夫</ChengWei>', '<ChengWei>丈夫</ChengWei><ChengWei>夫</ChengWei>')],
    ['<JiaTingChengYuan> given twice', SAMPLE.replace('<ChengBaoDanWei>', '<JiaTingChengYuan/><ChengBaoDanWei>')],
    ['an end tag with a space', SAMPLE.replace('</XingMing>', '</XingMing >')],
  ])('%s', (_name, text) => sameBothWays(utf8(text)));

  it('reads those files itself', () => {
    expect(quickTree(SAMPLE.replace('<Item>', '<Pre>1</Pre><Item/><Item>甲'))).toBeDefined();
    expect(quickTree(SAMPLE.replace('<Version>', `${nested(7)}<Version>`))).toBeDefined();
    expect(quickTree(SAMPLE.replace('<Version>', `${nested(8)}<Version>`))).toBeUndefined();
  });

  it('on 2,000 random edits of the sample and the variants', () => {
    const bases = [SAMPLE, fixture('fictional_variant_bom_crlf.lrmx').toString('utf8'), fixture('fictional_variant_shuffled.lrmx').toString('utf8')];
    const pieces = [
      '<',
      '>',
      '&',
      '/',
      '"',
      ' ',
      '\n',
      '\r',
      '\r\n',
      ';',
      '#',
      '\u000b',
      '!',
      '?',
      ']',
      '&amp;',
      '&#xD;',
      '&#0;',
      '&#xD800;',
      '&foo;',
      '<A>',
      '</A>',
      '<A/>',
      '<A />',
      '<Item>',
      '</Item>',
      '<XingMing>',
      '</XingMing>',
      '<!-- c -->',
      '<![CDATA[x<y]]>',
      '<?pi x?>',
      '<Person>',
      '</Person>',
      '<toString>',
      '<a b="1">',
      '<?xml version="1.0"?>',
      '中',
      '< A>',
      '</A >',
    ];
    let seed = 4;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let quick = 0;
    for (let k = 0; k < 2000; k++) {
      let t = bases[random(bases.length)];
      // edits after a '>' (in text, mostly) keep many files readable by the quick reader
      const ends = [...t.matchAll(/>/g)].map((m) => m.index + 1);
      for (let e = 1 + random(3); e > 0; e--) {
        const at = k % 2 ? ends[random(ends.length)] : random(t.length + 1);
        t = t.slice(0, at) + pieces[random(pieces.length)] + t.slice(at + random(3));
      }
      if (quickTree(t.replace(/^\uFEFF/, ''))) quick++;
      sameBothWays(utf8(t));
    }
    expect(quick).toBeGreaterThan(100);
  });
});

describe('serializeLrmx', () => {
  const out = Buffer.from(serializeLrmx(emptyRmbRecord()));
  it('writes UTF-8 with the declaration and no BOM', () => {
    expect(out[0]).toBe(0x3c);
    expect(out.toString('utf8').startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Person>\n')).toBe(true);
  });
  it('writes every v3 element in template order even when empty', () => {
    expect([...out.toString('utf8').matchAll(/^ {2}<(\w+)>/gm)].map((m) => m[1])).toEqual([...LRMX_TEMPLATE_ORDER]);
    expect(out.toString('utf8')).toContain('  <JiaTingChengYuan></JiaTingChengYuan>\n');
  });
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    ['"引号"与\'撇号\'', '"引号"与\'撇号\''],
    ['第一行\n第二行', '第一行&#xD;\n第二行'],
    ['第一行\r\n第二行', '第一行&#xD;\n第二行'],
    ['控制\u0001字符', '控制字符'],
  ])('escapes %j as %j', (value, written) => expect(escapeLrmxText(value)).toBe(written));
});
