// 任免审批表 import jobs and .lrmx export (src/features/transfer/transfer.routes.ts), the Word form,
// the Excel roster and the Excel template import (src/features/documents/documents.routes.ts).
import { api, downloadFile, type FieldIssue } from './client';
import type { CadreQuery } from './cadres';

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'error' | 'needs-confirmation' | 'ambiguous';
export type JobStatus = 'running' | 'done' | 'failed';

export interface DiffEntry {
  field: string;
  label: string;
  old: string;
  new: string;
}

/** A cadre a file without 身份证号 may be (same 姓名 and 出生年月). */
export interface ImportCandidate {
  cadreId: number;
  idCard: string;
  name: string;
  currentPost: string;
  unitName: string | null;
}

export interface ImportResult {
  /** the file's position in the job (from 0) */
  seq: number;
  /** the file name (a file inside a zip is “压缩包名:路径”) */
  file: string;
  status: ImportStatus;
  name: string;
  idCard: string;
  message?: string;
  issues?: (FieldIssue & { severity?: 'error' | 'warning' })[];
  diff?: DiffEntry[];
  cadreId?: number;
  candidates?: ImportCandidate[];
}

export interface ImportCounts {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  needsConfirmation: number;
  ambiguous: number;
  errors: number;
}

export interface ImportJob {
  id: number;
  status: JobStatus;
  message?: string;
  total: number;
  done: number;
  authorityId: number;
  unitId: number | null;
  createdAt: string;
  finishedAt: string | null;
  counts: ImportCounts;
  page: number;
  pageSize: number;
  /** results in all pages (of the status asked for) */
  resultsTotal: number;
  results: ImportResult[];
}

export type ImportJobSummary = Pick<ImportJob, 'id' | 'status' | 'total' | 'done' | 'createdAt' | 'finishedAt'>;

export interface RosterColumn {
  key: string;
  label: string;
  default: boolean;
}

export const EXCEL_KINDS = { cadres: '干部基本信息', appointments: '任职记录', appraisals: '年度考核' } as const;
export type ExcelKind = keyof typeof EXCEL_KINDS;

export interface ExcelReport {
  token: string;
  kind: string;
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  errors: { row: number; column?: string; columnLabel?: string; message: string }[];
}

export const transferApi = {
  startImport: (files: File[], target: { authorityId?: number; unitId?: number }) => {
    const form = new FormData();
    // the fields first: the server reads the parts in order
    if (target.authorityId) form.append('authorityId', String(target.authorityId));
    if (target.unitId) form.append('unitId', String(target.unitId));
    for (const f of files) form.append('files', f, f.name);
    return api.upload<{ jobId: number }>('/api/imports', form);
  },
  jobs: () => api.get<ImportJobSummary[]>('/api/imports'),
  job: (id: number, q: { page?: number; pageSize?: number; status?: ImportStatus } = {}) => api.get<ImportJob>(`/api/imports/${id}`, q),
  confirm: (id: number, which: string[] | 'all') =>
    api.post<ImportJob>(`/api/imports/${id}/confirm`, which === 'all' ? { all: true } : { files: which }),
  resolve: (id: number, file: string, choice: { cadreId: number } | { idCard: string }) =>
    api.post<ImportJob>(`/api/imports/${id}/resolve`, { file, ...choice }),

  exportLrmx: (id: number) => downloadFile(`/api/cadres/${id}/export.lrmx`, { fallbackName: `cadre-${id}.lrmx` }),
  exportLrmxZip: (ids: number[]) => downloadFile('/api/exports/lrmx', { method: 'POST', body: { ids }, fallbackName: '任免审批表.zip' }),
  exportDocx: (id: number) => downloadFile(`/api/cadres/${id}/export.docx`, { fallbackName: `任免审批表-${id}.docx` }),

  rosterColumns: () => api.get<RosterColumn[]>('/api/exports/roster/columns'),
  exportRoster: (query: CadreQuery, columns: string[]) =>
    downloadFile('/api/exports/roster.xlsx', { query: { ...query, columns: columns.join(',') }, fallbackName: '干部花名册.xlsx' }),

  downloadTemplate: (kind: ExcelKind) => downloadFile(`/api/templates/${kind}.xlsx`, { fallbackName: `${EXCEL_KINDS[kind]}导入模板.xlsx` }),
  importExcel: (kind: ExcelKind, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ExcelReport>(`/api/imports/excel/${kind}`, form, { dryRun: dryRun ? '1' : '0' });
  },
  /** confirm the workbook of a dry run by its token: the server kept it, nothing is uploaded again */
  confirmExcel: (token: string) => api.post<ExcelReport>(`/api/imports/excel/${token}/confirm`, {}),
  downloadExcelErrors: (token: string) => downloadFile(`/api/imports/excel/${token}/errors.xlsx`, { fallbackName: '导入错误.xlsx' }),
};
