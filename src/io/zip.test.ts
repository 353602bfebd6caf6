import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../domain/idcard.js';
import { parseLrm } from './lrm.js';
import { parseLrmx } from './lrmx.js';
import { rmbToCadre } from './rmb-mapping.js';
import { isUnsafeZipName, pairRmbFiles, readZip, type ZipEntry } from './zip.js';

const asset = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../assets/lrmx/${name}`, import.meta.url)));
const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../test/fixtures/lrmx/${name}`, import.meta.url)));
const SAMPLE = asset('SYNTHETIC_fictional_example.lrmx');

interface RawEntry {
  /** a string is written as UTF-8 */
  name: string | Uint8Array;
  data: Uint8Array;
  method?: number;
  flags?: number;
  /** the uncompressed size written in the headers (default: the true size) */
  declaredSize?: number;
  crc?: number;
  extra?: Uint8Array;
  /** the stored bytes (default: data, deflated when method is 8) */
  packed?: Uint8Array;
  /** point the central entry at an earlier entry's local header (overlapping entries) */
  sameDataAs?: number;
}

/** A zip written byte by byte, so that tests can put anything in its headers. */
function buildZip(entries: RawEntry[], eocdPatch?: (eocd: Buffer) => void): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e) => {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const method = e.method ?? 8;
    const packed = Buffer.from(e.packed ?? (method === 8 ? deflateRawSync(e.data) : e.data));
    const crc = e.crc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const flags = e.flags ?? 0;
    const extra = Buffer.from(e.extra ?? new Uint8Array(0));
    let at = offset;
    if (e.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(packed.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      locals.push(local, name, packed);
      offsets.push(at);
      offset += 30 + name.length + packed.length;
    } else {
      at = offsets[e.sameDataAs];
      offsets.push(at);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(at, 42);
    centrals.push(central, name, extra);
  });
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocdPatch?.(eocd);
  return Buffer.concat([...locals, cd, eocd]);
}

const names = (entries: ZipEntry[]) => entries.map((e) => e.name);

describe('readZip: names', () => {
  it('reads a zip written by fflate (UTF-8 names, flag set), folders left out', () => {
    const zip = zipSync({ '县委组织部/': new Uint8Array(0), '县委组织部/测试甲.lrmx': SAMPLE, 'readme.txt': Buffer.from('说明') });
    const r = readZip(zip);
    expect(r).toMatchObject({ ok: true, skipped: [] });
    if (!r.ok) return;
    expect(names(r.entries)).toEqual(['县委组织部/测试甲.lrmx', 'readme.txt']);
    expect(Buffer.from(r.entries[0].bytes).equals(SAMPLE)).toBe(true);
  });

  it('decodes names as GBK when the UTF-8 flag is not set (Windows in Chinese)', () => {
    const zip = buildZip([
      { name: iconv.encode('青川市委组织部/张三.lrm', 'gbk'), data: Buffer.from('x') },
      { name: iconv.encode('青川市委组织部/张三.pic', 'gbk'), data: Buffer.from('y'), method: 0 },
      { name: 'plain-ascii.lrmx', data: SAMPLE },
    ]);
    const r = readZip(zip);
    expect(r.ok && names(r.entries)).toEqual(['青川市委组织部/张三.lrm', '青川市委组织部/张三.pic', 'plain-ascii.lrmx']);
  });

  it('decodes names as UTF-8 when the flag is set', () => {
    const r = readZip(buildZip([{ name: '东湖区/李四.lrmx', data: SAMPLE, flags: 0x800 }]));
    expect(r.ok && names(r.entries)).toEqual(['东湖区/李四.lrmx']);
  });

  it('uses an Info-ZIP Unicode Path field when its CRC matches the raw name', () => {
    const raw = iconv.encode('王五.lrmx', 'gbk');
    const utf8 = Buffer.from('王五（新）.lrmx', 'utf8');
    const extra = Buffer.alloc(9 + utf8.length);
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(5 + utf8.length, 2);
    extra.writeUInt8(1, 4);
    extra.writeUInt32LE(crc32(raw), 5);
    utf8.copy(extra, 9);
    const r = readZip(buildZip([{ name: raw, data: SAMPLE, extra }]));
    expect(r.ok && names(r.entries)).toEqual(['王五（新）.lrmx']);
  });

  it('turns backslashes into slashes', () => {
    const r = readZip(buildZip([{ name: iconv.encode('县委\\赵六.lrmx', 'gbk'), data: SAMPLE }]));
    expect(r.ok && names(r.entries)).toEqual(['县委/赵六.lrmx']);
  });
});

describe('readZip: names that climb out of the archive refuse it', () => {
  it.each(['../evil.lrmx', '/etc/passwd', 'C:/Windows/evil.lrmx', 'c:evil.lrmx', 'a/../../evil.lrmx', '..\\..\\evil.lrmx', 'ok/..\\..\\evil.lrmx'])(
    '%j',
    (name) => {
      expect(isUnsafeZipName(name)).toBe(true);
      const r = readZip(
        buildZip([
          { name: 'good.lrmx', data: SAMPLE },
          { name, data: SAMPLE },
        ]),
      );
      expect(r).toMatchObject({ ok: false, entry: name });
      expect(!r.ok && r.message).toContain('路径穿越');
    },
  );
  it.each(['a/b.lrmx', '..a.lrmx', 'a..b/c.lrmx', '县委/张三.lrmx'])('%j is fine', (name) => expect(isUnsafeZipName(name)).toBe(false));
});

describe('readZip: zip bombs', () => {
  it('refuses an entry whose declared size is over the per-entry cap, before inflating anything', () => {
    // The data would not even inflate: the refusal can only come from the declared size.
    const zip = buildZip([{ name: 'huge.lrmx', data: Buffer.alloc(0), packed: Buffer.from('garbage'), declaredSize: 17 * 1024 * 1024, crc: 0 }]);
    const r = readZip(zip);
    expect(r).toMatchObject({ ok: false, entry: 'huge.lrmx' });
    expect(!r.ok && r.message).toBe('压缩包内文件“huge.lrmx”解压后 17 MB，超过单个文件上限 16 MB');
  });

  it('refuses when the declared sizes add up to more than the total cap', () => {
    const zip = buildZip(Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.lrmx`, data: Buffer.alloc(0), declaredSize: 8 * 1024 * 1024, crc: 0 })));
    const r = readZip(zip, { maxTotalBytes: 20 * 1024 * 1024 });
    expect(r).toMatchObject({ ok: false, entry: 'f2.lrmx', message: '压缩包解压后总大小超过上限 20 MB' });
  });

  it('stops inflating an entry that lies about its size (1 KB declared, 64 MB inside)', () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const zip = buildZip([{ name: 'bomb.lrmx', data: zeros, declaredSize: 1024 }]);
    const r = readZip(zip);
    expect(r).toMatchObject({ ok: false, entry: 'bomb.lrmx' });
    expect(!r.ok && r.message).toContain('疑似压缩炸弹');
  });

  it('refuses overlapping entries (one compressed block listed 200 times)', () => {
    const block = Buffer.alloc(1024 * 1024);
    const packed = deflateRawSync(block);
    const crc = crc32(block);
    const zip = buildZip([
      { name: 'f0.lrmx', data: block, packed, crc },
      ...Array.from({ length: 199 }, (_, i) => ({ name: `f${i + 1}.lrmx`, data: block, packed, crc, sameDataAs: 0 })),
    ]);
    expect(zip.length).toBeLessThan(64 * 1024);
    const r = readZip(zip, { maxTotalBytes: 64 * 1024 * 1024 });
    expect(r).toMatchObject({ ok: false, message: '压缩包解压后总大小超过上限 64 MB' });
  });

  it('refuses more entries than the cap', () => {
    const zip = buildZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })));
    expect(readZip(zip, { maxEntries: 10 })).toMatchObject({ ok: false, entry: null, message: '压缩包内文件过多（11 个，上限 10 个）' });
  });
});

describe('readZip: entries that cannot be read are skipped with the reason', () => {
  it.each<[string, RawEntry, string]>([
    ['an encrypted entry', { name: 'secret.lrmx', data: SAMPLE, flags: 0x1 }, '文件已加密，无法读取'],
    ['bzip2 compression', { name: 'b.lrmx', data: SAMPLE, method: 12, packed: Buffer.from('BZh9') }, '不支持的压缩方式（12）'],
    ['a wrong CRC', { name: 'c.lrmx', data: SAMPLE, crc: 12345 }, '文件数据损坏（CRC 校验失败）'],
    ['deflate data that is not deflate', { name: 'd.lrmx', data: SAMPLE, packed: Buffer.from([0xff, 0xff, 0xff, 0xff]) }, '文件数据损坏，无法解压'],
    ['a stored entry whose sizes disagree', { name: 'e.lrmx', data: SAMPLE, method: 0, declaredSize: 10 }, '文件数据损坏（大小不符）'],
    ['a macOS resource fork', { name: '__MACOSX/._a.lrmx', data: Buffer.from('x') }, 'macOS 附加文件，已忽略'],
  ])('%s', (_name, entry, reason) => {
    const r = readZip(buildZip([{ name: 'ok.lrmx', data: SAMPLE }, entry]));
    expect(r).toMatchObject({ ok: true, skipped: [{ name: entry.name, reason }] });
    expect(r.ok && names(r.entries)).toEqual(['ok.lrmx']);
  });

  it('a duplicate name (case-insensitive) is skipped', () => {
    const r = readZip(
      buildZip([
        { name: 'A.lrmx', data: SAMPLE },
        { name: 'a.lrmx', data: SAMPLE },
      ]),
    );
    expect(r).toMatchObject({ ok: true, skipped: [{ name: 'a.lrmx', reason: '与前面的文件重名，已忽略' }] });
  });
});

describe('readZip: not a zip', () => {
  it.each<[string, Uint8Array, string]>([
    ['empty', Buffer.alloc(0), '不是有效的 zip 压缩包（文件过短）'],
    ['an .lrmx', SAMPLE, '不是有效的 zip 压缩包（找不到中央目录）'],
    ['random bytes', Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 7919) % 251)), '不是有效的 zip 压缩包（找不到中央目录）'],
    ['a cut-off zip', buildZip([{ name: 'a.lrmx', data: SAMPLE }]).subarray(0, 200), '不是有效的 zip 压缩包（找不到中央目录）'],
    [
      'a central directory pointing past the end',
      buildZip([{ name: 'a.lrmx', data: SAMPLE }], (e) => e.writeUInt32LE(0x7fffffff, 16)),
      '不是有效的 zip 压缩包（中央目录越界）',
    ],
    ['ZIP64', buildZip([{ name: 'a.lrmx', data: SAMPLE }], (e) => e.writeUInt16LE(0xffff, 10)), '不支持 ZIP64 格式的压缩包'],
    ['split archive', buildZip([{ name: 'a.lrmx', data: SAMPLE }], (e) => e.writeUInt16LE(1, 4)), '不支持分卷 zip 压缩包'],
  ])('%s', (_name, bytes, message) => expect(readZip(bytes)).toEqual({ ok: false, entry: null, message }));
});

describe('pairRmbFiles', () => {
  const e = (name: string): ZipEntry => ({ name, bytes: new Uint8Array(1) });
  it('pairs each .lrm with the .pic of the same folder and name (case-insensitive), and lists the rest', () => {
    const { sets, ignored } = pairRmbFiles([
      e('县委/张三.lrm'),
      e('县委/张三.PIC'),
      e('县委/李四.LRM'),
      e('王五.lrmx'),
      e('其他/张三.pic'),
      e('说明.txt'),
      e('赵六.lrmx'),
    ]);
    expect(sets.map((s) => [s.base, s.format, s.file.name, s.pic?.name ?? null])).toEqual([
      ['县委/张三', 'lrm', '县委/张三.lrm', '县委/张三.PIC'],
      ['县委/李四', 'lrm', '县委/李四.LRM', null],
      ['王五', 'lrmx', '王五.lrmx', null],
      ['赵六', 'lrmx', '赵六.lrmx', null],
    ]);
    expect(ignored).toEqual([
      { name: '其他/张三.pic', reason: '找不到同名的 .lrm 文件，照片未使用' },
      { name: '说明.txt', reason: '不是任免审批表文件（.lrmx / .lrm），已忽略' },
    ]);
  });

  it('reads the legacy fixture pair out of a GBK-named zip', () => {
    const zip = buildZip([
      { name: iconv.encode('司法局/周八.lrm', 'gbk'), data: fixture('fictional_legacy.lrm') },
      { name: iconv.encode('司法局/周八.pic', 'gbk'), data: fixture('fictional_legacy.pic'), method: 0 },
    ]);
    const r = readZip(zip);
    if (!r.ok) throw new Error(r.message);
    const [set] = pairRmbFiles(r.entries).sets;
    expect(set.base).toBe('司法局/周八');
    const parsed = parseLrm(set.file.bytes, set.pic?.bytes);
    expect(parsed.ok && parsed.record.XingMing).toBe('周八');
    expect(parsed.ok && parsed.record.ZhaoPian?.length).toBe(fixture('fictional_legacy.pic').length);
  });
});

describe('a batch of 1,000 small files', () => {
  const text = SAMPLE.toString('utf8');
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 1000; i++) {
    const body = `340102${1960 + (i % 30)}0${1 + (i % 9)}1${i % 10}${String(100 + (i % 400) * 2).padStart(3, '0')}`;
    const id = body + checkCharacter(body);
    const xml = text
      .replace('<XingMing>测试甲', `<XingMing>测试${i}`)
      .replace('<ShenFenZheng>11010519491231002X', `<ShenFenZheng>${id}`)
      .replace('<ChuShengNianYue>194912', `<ChuShengNianYue>${id.slice(6, 12)}`);
    files[`第${Math.floor(i / 100)}批/测试${i}.lrmx`] = Buffer.from(xml);
  }
  const zip = zipSync(files, { level: 6 });

  it('is read, paired, parsed and mapped, every file', () => {
    const r = readZip(zip);
    if (!r.ok) throw new Error(r.message);
    const { sets, ignored } = pairRmbFiles(r.entries);
    const results = sets.map((s) => {
      const parsed = parseLrmx(s.file.bytes);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return rmbToCadre(parsed.record, { today: '2026-06-01' });
    });
    expect(r.entries).toHaveLength(1000);
    expect(ignored).toEqual([]);
    expect(results.every((x) => x.ok)).toBe(true);
    expect(new Set(results.map((x) => x.input.idCard)).size).toBe(1000);
  });
});
