import type { Generated } from 'kysely';

/** What a 任免审批表 file holds that the profile cannot, kept from the last import for a lossless export. */
export interface CadreRmbExtrasTable {
  cadreId: number;
  /** JSON RmbProposal: 拟任职务, 拟免职务, 任免理由, 呈报单位, 计算年龄时间, 填表时间, 填表人 (raw strings) */
  proposal: string;
  /** JSON RmbExtras: Version, the 2025 elements, unknown elements, the 简历 text as written */
  extras: string;
  updatedAt: string;
}

/** A batch import started from the web; it belongs to the user who started it. */
export interface ImportJobTable {
  id: Generated<number>;
  userId: number;
  /** where new cadres go */
  authorityId: number;
  unitId: number | null;
  /** 'running' | 'done' | 'failed' */
  status: string;
  total: number;
  done: Generated<number>;
  createdAt: string;
  finishedAt: string | null;
}

/** The result of one file of a job. */
export interface ImportJobFileTable {
  id: Generated<number>;
  jobId: number;
  seq: number;
  file: string;
  /** 'created' | 'updated' | 'unchanged' | 'error' | 'needs-confirmation' | 'ambiguous' */
  status: string;
  name: string;
  idCard: string;
  message: string | null;
  /** JSON FieldIssue[] (errors and warnings) */
  issues: string | null;
  /** JSON DiffEntry[] for an existing cadre */
  diff: string | null;
  /** the cadre matched, created or updated */
  cadreId: number | null;
  /** the cadre's version when the difference was computed (confirmation re-checks it) */
  baseVersion: number | null;
  /** JSON of what a confirmation writes (profile, photo, proposal, extras); null once applied */
  payload: string | null;
  /** JSON ImportCandidate[]: the cadres an 'ambiguous' file may be (migration 0004) */
  candidates: string | null;
}
