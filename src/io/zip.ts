// Zip batches of 任免审批表 files. Reads the central directory itself so that every declared size is
// checked before anything is inflated, and inflates with zlib capped at that size, stopping as soon as an
// entry grows past what it declared or past the caps (zip bombs, including overlapping entries).
// Names are UTF-8 when the entry says so (flag bit 11 or an Info-ZIP Unicode Path field), else GBK,
// which is what Windows in Chinese writes. Names that climb out of the archive are refused.
import { crc32, inflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface ZipLimits {
  /** entries (files and folders) in the archive */
  maxEntries: number;
  /** uncompressed size of one entry */
  maxEntryBytes: number;
  /** uncompressed size of all entries together */
  maxTotalBytes: number;
}

/** 1,000s of cadres per batch; one .lrmx with a 5 MB photo is about 7 MB. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export interface ZipEntry {
  /** the path inside the archive, '/'-separated */
  name: string;
  bytes: Uint8Array;
}

/** An entry that was not read, and why; the rest of the archive is still usable. */
export interface ZipSkipped {
  name: string;
  reason: string;
}

export type ZipReadResult =
  | { ok: true; entries: ZipEntry[]; skipped: ZipSkipped[] }
  /** the whole archive is refused; `entry` names the entry at fault, when one is */
  | { ok: false; entry: string | null; message: string };

class Refuse extends Error {
  constructor(
    message: string,
    readonly entry: string | null = null,
  ) {
    super(message);
  }
}

const MB = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const last = buf.length - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

/** The entry name: UTF-8 when flagged or given in an Info-ZIP Unicode Path field (0x7075), else GBK. */
function decodeName(raw: Buffer, flags: number, extra: Buffer): string {
  if (flags & 0x800) return raw.toString('utf8');
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x7075 && len >= 5 && p + 4 + len <= extra.length && extra.readUInt32LE(p + 5) === crc32(raw)) {
      return extra.subarray(p + 9, p + 4 + len).toString('utf8');
    }
    p += 4 + len;
  }
  return /^[\x20-\x7e]*$/.test(raw.toString('latin1')) ? raw.toString('latin1') : iconv.decode(raw, 'gb18030');
}

/** A name that leaves the archive's folder: absolute, a drive, a '..' step, or a NUL. */
export function isUnsafeZipName(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[A-Za-z]:/.test(n) || n.includes('\0') || n.split('/').some((seg) => seg === '..');
}

function readCentralDirectory(buf: Buffer, limits: ZipLimits): CentralEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new Refuse('不是有效的 zip 压缩包（找不到中央目录）');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) throw new Refuse('不支持分卷 zip 压缩包');
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Refuse('不支持 ZIP64 格式的压缩包');
  if (count > limits.maxEntries) throw new Refuse(`压缩包内文件过多（${count} 个，上限 ${limits.maxEntries} 个）`);
  if (cdOffset + cdSize > eocd) throw new Refuse('不是有效的 zip 压缩包（中央目录越界）');

  const entries: CentralEntry[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Refuse('不是有效的 zip 压缩包（中央目录损坏）');
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > eocd) throw new Refuse('不是有效的 zip 压缩包（中央目录损坏）');
    const name = decodeName(buf.subarray(p + 46, p + 46 + nameLen), flags, buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    const entry: CentralEntry = {
      name: name.replace(/\\/g, '/'),
      flags,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    if (isUnsafeZipName(name)) throw new Refuse(`压缩包内文件名“${name}”指向压缩包以外的位置（路径穿越），拒绝处理`, name);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new Refuse('不支持 ZIP64 格式的压缩包', name);
    // Declared sizes first: nothing is inflated when the archive announces too much.
    if (entry.size > limits.maxEntryBytes)
      throw new Refuse(`压缩包内文件“${name}”解压后 ${MB(entry.size)}，超过单个文件上限 ${MB(limits.maxEntryBytes)}`, name);
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) throw new Refuse(`压缩包解压后总大小超过上限 ${MB(limits.maxTotalBytes)}`, name);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflate at most `limit` bytes; more means the entry lied about its size. Node's zlib (native, ≈ 10×
 * fflate's speed on small entries) stops as soon as the output passes maxOutputLength, so a bomb is
 * never inflated past the cap.
 */
function inflateCapped(data: Uint8Array, size: number, limit: number): Uint8Array | 'over' | 'corrupt' {
  const cap = Math.min(size, limit);
  try {
    // maxOutputLength must be ≥ 1: an empty entry may inflate to 1 byte here and is then 'corrupt' below.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    if (out.length > cap) return 'over';
    return out.length === size ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : 'corrupt';
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
    return 'corrupt';
  }
}

/**
 * Read a zip archive into its files (folders left out). Refused as a whole: not a zip, split or ZIP64,
 * more entries than maxEntries, an entry or the total declared over the caps, an entry that inflates past
 * what it declared or past the total cap (a bomb), a name that climbs out of the archive. Skipped with a
 * reason: encrypted entries, unknown compression methods, damaged data (CRC), duplicate names, macOS
 * resource forks (__MACOSX/, ._*).
 */
export function readZip(data: Uint8Array, limits: Partial<ZipLimits> = {}): ZipReadResult {
  const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    if (buf.length < 22) throw new Refuse('不是有效的 zip 压缩包（文件过短）');
    const central = readCentralDirectory(buf, lim);
    const entries: ZipEntry[] = [];
    const skipped: ZipSkipped[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (const e of central) {
      if (e.name.endsWith('/')) continue;
      if (e.name.startsWith('__MACOSX/') || e.name.split('/').pop()!.startsWith('._')) {
        skipped.push({ name: e.name, reason: 'macOS 附加文件，已忽略' });
        continue;
      }
      if (seen.has(e.name.toLowerCase())) {
        skipped.push({ name: e.name, reason: '与前面的文件重名，已忽略' });
        continue;
      }
      if (e.flags & 0x1) {
        skipped.push({ name: e.name, reason: '文件已加密，无法读取' });
        continue;
      }
      if (e.method !== 0 && e.method !== 8) {
        skipped.push({ name: e.name, reason: `不支持的压缩方式（${e.method}）` });
        continue;
      }
      const lo = e.localOffset;
      if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== SIG_LOCAL) {
        skipped.push({ name: e.name, reason: '文件数据损坏（找不到本地文件头）' });
        continue;
      }
      const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
      if (start + e.compressedSize > buf.length) {
        skipped.push({ name: e.name, reason: '文件数据不完整' });
        continue;
      }
      const packed = buf.subarray(start, start + e.compressedSize);
      let bytes: Uint8Array;
      if (e.method === 0) {
        if (e.compressedSize !== e.size) {
          skipped.push({ name: e.name, reason: '文件数据损坏（大小不符）' });
          continue;
        }
        bytes = new Uint8Array(packed);
      } else {
        const inflated = inflateCapped(packed, e.size, lim.maxTotalBytes - total);
        if (inflated === 'over') throw new Refuse(`压缩包内文件“${e.name}”解压后超过其声明的大小或总大小上限，疑似压缩炸弹，拒绝处理`, e.name);
        if (inflated === 'corrupt') {
          skipped.push({ name: e.name, reason: '文件数据损坏，无法解压' });
          continue;
        }
        bytes = inflated;
      }
      total += bytes.length;
      if (total > lim.maxTotalBytes) throw new Refuse(`压缩包解压后总大小超过上限 ${MB(lim.maxTotalBytes)}`, e.name);
      if (crc32(bytes) !== e.crc) {
        skipped.push({ name: e.name, reason: '文件数据损坏（CRC 校验失败）' });
        continue;
      }
      seen.add(e.name.toLowerCase());
      entries.push({ name: e.name, bytes });
    }
    return { ok: true, entries, skipped };
  } catch (e) {
    if (e instanceof Refuse) return { ok: false, entry: e.entry, message: e.message };
    throw e;
  }
}

// ---- pairing ----

/** One 任免审批表 in a batch: an .lrmx, or an .lrm with the .pic of the same name (if any). */
export interface RmbFileSet {
  /** path without the extension, e.g. '县委组织部/张三' */
  base: string;
  format: 'lrmx' | 'lrm';
  file: ZipEntry;
  pic: ZipEntry | null;
}

function splitExt(name: string): { base: string; ext: string } {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? { base: name.slice(0, dot), ext: name.slice(dot + 1).toLowerCase() } : { base: name, ext: '' };
}

/**
 * Group files into 任免审批表: each .lrmx alone, each .lrm with the .pic of the same folder and base
 * name (case-insensitive, as on Windows). Anything else is returned as ignored, with the reason.
 */
export function pairRmbFiles(entries: readonly ZipEntry[]): { sets: RmbFileSet[]; ignored: ZipSkipped[] } {
  const pics = new Map<string, ZipEntry>();
  for (const e of entries) {
    const { base, ext } = splitExt(e.name);
    if (ext === 'pic') pics.set(base.toLowerCase(), e);
  }
  const used = new Set<ZipEntry>();
  const sets: RmbFileSet[] = [];
  const ignored: ZipSkipped[] = [];
  for (const e of entries) {
    const { base, ext } = splitExt(e.name);
    if (ext === 'lrmx') sets.push({ base, format: 'lrmx', file: e, pic: null });
    else if (ext === 'lrm') {
      const pic = pics.get(base.toLowerCase()) ?? null;
      if (pic) used.add(pic);
      sets.push({ base, format: 'lrm', file: e, pic });
    }
  }
  for (const e of entries) {
    const { ext } = splitExt(e.name);
    if (ext === 'lrmx' || ext === 'lrm' || used.has(e)) continue;
    ignored.push({ name: e.name, reason: ext === 'pic' ? '找不到同名的 .lrm 文件，照片未使用' : '不是任免审批表文件（.lrmx / .lrm），已忽略' });
  }
  return { sets, ignored };
}
