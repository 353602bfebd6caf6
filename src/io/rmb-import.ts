// One 任免审批表 file (an .lrmx, or an .lrm with its .pic) read and mapped to a profile in one step,
// with the problems of both steps together: what an import preview needs per file.
import { parseLrm } from './lrm.js';
import { parseLrmx, type LrmxReadOptions } from './lrmx.js';
import type { RmbIssue, RmbRecord } from './rmb-record.js';
import { rmbToCadre, type RmbToCadreOptions, type RmbToCadreResult } from './rmb-mapping.js';

export interface RmbFile {
  format: 'lrmx' | 'lrm';
  bytes: Uint8Array;
  /** the .pic beside an .lrm */
  pic?: Uint8Array | null;
}

export type RmbImportResult =
  /** the file itself was refused (not XML, a DTD, wrong root …): nothing to map */
  | { ok: false; record: null; issues: RmbIssue[] }
  /** read and mapped; ok is false when any issue (of reading or mapping) is an error */
  | ({ record: RmbRecord } & RmbToCadreResult);

export function importRmbFile(file: RmbFile, options: RmbToCadreOptions & LrmxReadOptions): RmbImportResult {
  const parsed = file.format === 'lrmx' ? parseLrmx(file.bytes, options) : parseLrm(file.bytes, file.pic, options);
  if (!parsed.ok) return { ok: false, record: null, issues: parsed.issues };
  const mapped = rmbToCadre(parsed.record, { ...options, format: file.format });
  const issues = [...parsed.issues, ...mapped.issues];
  return { ...mapped, record: parsed.record, issues, ok: !issues.some((i) => i.severity === 'error') };
}
