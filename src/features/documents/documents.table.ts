import type { Generated } from 'kysely';

/**
 * An uploaded Excel template (migration 0017): the workbook's bytes and the problems its last check
 * found, for the error workbook and the confirmation. Belongs to the user who uploaded it and to
 * accounts of the same 干部管理权限.
 */
export interface ExcelUploadTable {
  id: Generated<number>;
  /** 32 hex digits, the 导入编号 of the routes */
  token: string;
  userId: number;
  /** the uploader's 干部管理权限 */
  authorityId: number;
  /** ImportKind: 'cadres' | 'appointments' | 'appraisals' */
  kind: string;
  fileName: string;
  data: Uint8Array;
  /** data rows in the workbook */
  rows: number;
  /** JSON CellError[] of the last check (dry run, or the confirmation) */
  errors: string;
  createdAt: string;
  /** set once when its valid rows are written; a confirmed upload is not confirmed again */
  confirmedAt: string | null;
}
