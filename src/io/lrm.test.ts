import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseLrm, serializeLrm, splitLrmFields } from './lrm.js';
import { parseLrmx } from './lrmx.js';
import type { RmbRecord } from './rmb-record.js';

const asset = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../assets/lrmx/${name}`, import.meta.url)));
const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../test/fixtures/lrmx/${name}`, import.meta.url)));

const SAMPLE_LRM = asset('SYNTHETIC_fictional_example.lrm');

function read(bytes: Uint8Array, pic?: Uint8Array): RmbRecord {
  const r = parseLrm(bytes, pic);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

/** An .lrm line of 33 fields, GBK. */
const lrm = (fields: Record<number, string>) =>
  iconv.encode(Array.from({ length: 33 }, (_, i) => `"${(fields[i] ?? '').replace(/"/g, '""')}"`).join(','), 'gbk');

describe('parseLrm: the shared sample', () => {
  const r = read(SAMPLE_LRM);
  it('holds the same person as the .lrmx sample (but no 身份证号 and no version: 2.0 has neither)', () => {
    const x = parseLrmx(asset('SYNTHETIC_fictional_example.lrmx'));
    if (!x.ok) throw new Error('sample');
    expect(r).toEqual({ ...x.record, ShenFenZheng: '', Version: '' });
  });
  it('splits the education fields on # and @', () =>
    expect([r.QuanRiZhiJiaoYu_XueLi, r.QuanRiZhiJiaoYu_XueWei, r.ZaiZhiJiaoYu_XueLi, r.ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi]).toEqual([
      '大学普通班',
      '',
      '省委党校大学',
      '某某省委党校经济管理专业',
    ]));
  it('reads the CRLF of 简历 as \\n', () => expect(r.JianLi.split('\n')).toHaveLength(5));
  it('writes back byte for byte', () => {
    const out = serializeLrm(r);
    expect(Buffer.from(out.lrm).equals(SAMPLE_LRM)).toBe(true);
    expect(out.issues).toEqual([]);
    expect(out.pic).toBeNull();
  });
});

describe('parseLrm: the hand-written legacy file (fictional_legacy.lrm + .pic)', () => {
  const pic = fixture('fictional_legacy.pic');
  const r = read(fixture('fictional_legacy.lrm'), pic);
  it('un-doubles the quotes inside a field', () => expect(r.RenMianLiYou).toBe('根据"两推一述"结果，拟提名'));
  it('drops the @ padding of the family lists', () => {
    expect(r.JiaTingChengYuan.map((i) => [i.ChengWei, i.XingMing, i.ChuShengRiQi, i.ZhengZhiMianMao])).toEqual([
      ['父亲', '周大山', '196502', '中共党员'],
      ['母亲', '吴小梅', '196708', '群众'],
    ]);
  });
  it('takes the .pic bytes as the photo', () => expect(Buffer.from(r.ZhaoPian!).equals(pic)).toBe(true));
  it('reads 全日制 学历 and 学位 with their schools', () =>
    expect([r.QuanRiZhiJiaoYu_XueLi, r.QuanRiZhiJiaoYu_XueWei, r.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi]).toEqual([
      '研究生',
      '法学硕士',
      '某某大学法学院宪法学与行政法学专业',
    ]));
  it('writes back the same except the padding', () => {
    const out = serializeLrm(r);
    expect(read(out.lrm, out.pic!)).toEqual(r);
    const text = iconv.decode(Buffer.from(out.lrm), 'gbk');
    expect(text).toContain('"父亲@母亲"');
    expect(text).toContain('"根据""两推一述""结果，拟提名"');
    expect(Buffer.from(out.pic!).equals(pic)).toBe(true);
  });
});

describe('splitLrmFields: quotes', () => {
  it.each<[string, string[]]>([
    ['"a","b"', ['a', 'b']],
    ['"",""', ['', '']],
    ['"a""b","c"', ['a"b', 'c']],
    ['"a""","b"', ['a"', 'b']],
    ['"""a""","b"', ['"a"', 'b']],
    ['"他说"好"","n"', ['他说"好"', 'n']],
    ['"他说"好"了","n"', ['他说"好"了', 'n']],
    ['"a" , "b"', ['a', 'b']],
    ['"a","b"\r\n', ['a', 'b']],
    ['"多行\r\n文字","b"', ['多行\r\n文字', 'b']],
    ['"含,逗号","b"', ['含,逗号', 'b']],
  ])('%j', (text, fields) => expect(splitLrmFields(text)).toEqual({ ok: true, fields }));

  it.each(['a,"b"', '"a",', '"a', '"a","b'])('refuses %j', (text) => expect(splitLrmFields(text).ok).toBe(false));

  // A pathological line must finish (no backtracking blow-up); the test timeout bounds it, speed is for the bench.
  it('copes with a line full of quotes', () => {
    const r = splitLrmFields(`"${'"x'.repeat(200_000)}"`);
    expect(r.ok && r.fields.length === 1 && r.fields[0].length).toBe(400_000);
  });
});

describe('parseLrm: quirks', () => {
  it('reads a UTF-8 file (with or without BOM) written by a third-party tool', () => {
    const utf8 = Buffer.from(iconv.decode(SAMPLE_LRM, 'gbk'), 'utf8');
    expect(read(utf8)).toEqual(read(SAMPLE_LRM));
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual(read(SAMPLE_LRM));
  });
  it('reads LF-only 简历', () =>
    expect(read(lrm({ 17: '1990.01--2000.01  甲\n2000.01--         乙' })).JianLi).toBe('1990.01--2000.01  甲\n2000.01--         乙'));
  it('trims every value', () => expect(read(lrm({ 0: '  王 五 ', 2: ' 197108 ' }))).toMatchObject({ XingMing: '王 五', ChuShengNianYue: '197108' }));
  it('zips family lists of unequal length', () => {
    const r = read(lrm({ 20: '父亲@母亲', 21: '甲@乙@', 22: '195001' }));
    expect(r.JiaTingChengYuan.map((i) => [i.ChengWei, i.XingMing, i.ChuShengRiQi])).toEqual([
      ['父亲', '甲', '195001'],
      ['母亲', '乙', ''],
    ]);
  });
  it('reports non-empty reserved fields 12–15 (meaning unknown) as a warning', () => {
    const r = parseLrm(lrm({ 0: '甲', 13: '神秘内容' }));
    expect(r).toMatchObject({ ok: true, issues: [{ field: 'Person', severity: 'warning', message: expect.stringContaining('第 14 个字段') }] });
  });
  it('an empty .pic is no photo', () => expect(read(lrm({}), new Uint8Array(0)).ZhaoPian).toBeNull());
});

describe('parseLrm: refused files', () => {
  it.each<[string, Uint8Array, string]>([
    ['an empty file', Buffer.alloc(0), '.lrm 文件为空'],
    ['32 fields', iconv.encode(Array(32).fill('""').join(','), 'gbk'), '应有 33 个字段，实际 32 个'],
    ['34 fields', iconv.encode(Array(34).fill('""').join(','), 'gbk'), '应有 33 个字段，实际 34 个'],
    ['unquoted fields', iconv.encode(Array(33).fill('x').join(','), 'gbk'), '不是用引号括起、逗号分隔的字段'],
    ['a file over 4 MB', Buffer.alloc(4 * 1024 * 1024 + 1, 0x22), '.lrm 文件过大'],
    ['an .lrmx given as .lrm', asset('SYNTHETIC_fictional_example.lrmx'), '不是有效的 .lrm 文件'],
  ])('%s', (_name, bytes, message) => {
    const r = parseLrm(bytes);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ field: 'Person', label: '任免审批表文件', severity: 'error' });
    expect(r.issues[0].message).toContain(message);
  });
});

describe('serializeLrm', () => {
  const base = read(SAMPLE_LRM);
  it('writes @ and # inside composite fields full-width, with a warning naming the field', () => {
    const out = serializeLrm({
      ...base,
      QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '某某大学#1号楼@校本部',
      JiaTingChengYuan: [{ ...base.JiaTingChengYuan[0], XingMing: 'a@b' }],
    });
    expect(out.issues.map((i) => [i.field, i.severity, i.item])).toEqual([
      ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'warning', undefined],
      ['JiaTingChengYuan/Item/XingMing', 'warning', 0],
    ]);
    const r = read(out.lrm);
    expect(r.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi).toBe('某某大学＃1号楼＠校本部');
    expect(r.JiaTingChengYuan[0].XingMing).toBe('a＠b');
  });
  it('writes a character outside GBK in GB18030 and says so', () => {
    const out = serializeLrm({ ...base, XingMing: '王𠮷' });
    expect(out.issues).toMatchObject([{ field: 'Person', severity: 'warning', message: expect.stringContaining('𠮷') }]);
    expect(read(out.lrm).XingMing).toBe('王𠮷');
  });
  it('says that unknown elements cannot be kept', () => {
    const out = serializeLrm({ ...base, unknown: [{ name: 'X', xml: '<X/>', after: null }] });
    expect(out.issues).toMatchObject([{ severity: 'warning', message: '.lrm 格式无法保存未知元素，已略去' }]);
  });
  it('writes a single line: CRLF only inside 简历, nothing at the end', () => {
    const text = iconv.decode(Buffer.from(serializeLrm(base).lrm), 'gbk');
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.endsWith('"')).toBe(true);
  });
});
