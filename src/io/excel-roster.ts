// The 花名册 (roster) as a streamed .xlsx: a header row of Chinese labels and one row per cadre,
// written with exceljs's streaming WorkbookWriter so that a roster of any length needs only the
// memory of the rows being written (each committed row leaves memory).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export type RosterCell = string | number | null;

export interface RosterSheetColumn {
  label: string;
  /** width in characters */
  width: number;
}

export interface RosterWriter {
  /** write rows and commit them (they leave memory) */
  addRows(rows: readonly RosterCell[][]): void;
  /** close the sheet and the workbook; resolves when the last byte has been written to the stream */
  finish(): Promise<void>;
}

/** Start a roster workbook on `stream`: one sheet with the header row frozen. */
export function createRosterWriter(stream: Writable, columns: readonly RosterSheetColumn[], sheetName = '花名册'): RosterWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Ganbu';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.label, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true, name: '宋体' };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  return {
    addRows(rows) {
      for (const r of rows) ws.addRow(r as unknown[]).commit();
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}
