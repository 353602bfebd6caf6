// Excel import templates and their reading: a template is one sheet with a header row of Chinese
// labels (required ones marked ＊), code columns offered as lists of names (from a hidden 代码表
// sheet), and text-formatted ID columns; reading streams the first sheet row by row; the error
// workbook is the uploaded file given back with a 错误 column and the bad cells marked.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readZip } from './zip.js';

export interface TemplateColumn {
  label: string;
  required?: boolean;
  /** width in characters */
  width?: number;
  /** names offered as a drop-down list (codes may also be typed) */
  options?: readonly string[];
  /** keep the cell as text (ID numbers, dates typed as 1985.03) */
  text?: boolean;
  /** shown as the header cell's note */
  note?: string;
}

/** Rows of a template that carry the drop-down lists and text format. */
export const TEMPLATE_ROWS = 5000;

const REQUIRED_MARK = '＊';

/** The header text of a column: the label, marked ＊ when required. */
export const headerText = (c: TemplateColumn) => (c.required ? `${c.label}${REQUIRED_MARK}` : c.label);

/** A header cell back to its label: the required mark and spaces removed. */
export const headerLabel = (raw: unknown) =>
  cellText(raw)
    .replace(/[＊*\s]/g, '')
    .trim();

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** A template workbook: the data sheet (named `sheetName`) and a hidden 代码表 sheet with the lists. */
export async function buildTemplate(sheetName: string, columns: readonly TemplateColumn[], instructions?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ganbu';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = wb.addWorksheet('代码表', { state: 'veryHidden' });
  ws.columns = columns.map((c) => ({ header: headerText(c), width: c.width ?? Math.max(10, c.label.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true, name: '宋体' };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  let listCol = 0;
  columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    const cell = ws.getCell(`${col}1`);
    if (c.required) cell.font = { bold: true, name: '宋体', color: { argb: 'FFC00000' } };
    if (c.note) cell.note = c.note;
    const range = `${col}2:${col}${TEMPLATE_ROWS + 1}`;
    const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    if (c.options?.length) {
      listCol++;
      const letter = columnLetter(listCol);
      codes.getCell(`${letter}1`).value = c.label;
      c.options.forEach((name, j) => (codes.getCell(`${letter}${j + 2}`).value = name));
      dv.add(range, {
        type: 'list',
        allowBlank: !c.required,
        showErrorMessage: false,
        formulae: [`代码表!$${letter}$2:$${letter}$${c.options.length + 1}`],
      });
    }
    if (c.text) ws.getColumn(i + 1).numFmt = '@';
  });
  if (instructions) {
    const help = wb.addWorksheet('填写说明');
    instructions.split('\n').forEach((line, i) => (help.getCell(`A${i + 1}`).value = line));
    help.getColumn(1).width = 100;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as text: rich text joined, formulas' results, dates as YYYY-MM-DD (China time). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; hyperlink?: string };
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text).trim();
    return '';
  }
  return String(v).trim();
}

export interface SheetRow {
  /** the row number in the sheet (1 = header) */
  row: number;
  /** cell texts by column index (0-based) */
  cells: string[];
}

export interface ReadSheet {
  header: string[];
  rows: SheetRow[];
}

/**
 * The first sheet of an .xlsx: its header row and every non-empty row after it, as text (the same text
 * as cellText gives). Read directly from the package's XML, which is about ten times faster than
 * ExcelJS's reader on large sheets (a 100,000-row import reads its workbook twice: dry run and confirm);
 * a package this reader does not understand is read by ExcelJS instead.
 */
export async function readFirstSheet(data: Buffer, maxRows = 200_000): Promise<ReadSheet> {
  const fast = readSheetXml(data, maxRows);
  return fast ?? readFirstSheetExcelJs(data, maxRows);
}

/** Entries larger than this when inflated are refused (a zip bomb disguised as a workbook). */
const MAX_PART_BYTES = 512 * 2 ** 20;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
        e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m),
      );

/** The text runs of a shared or inline string (phonetic guides left out), unescaped. */
const runsText = (xml: string) => {
  let out = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
};

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const isDateFormat = (code: string) => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')) && !/^General$/i.test(code);

const colIndex = (ref: string) => {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
};

/** The value of attribute `name` in a tag's attribute text (no regex: this runs for every cell). */
function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
}

function readSheetXml(data: Buffer, maxRows: number): ReadSheet | undefined {
  // zip.ts inflates with zlib (≈ 10× fflate's JS inflate, a large share of a 100,000-row dry run) and
  // checks every declared and inflated size; a package it does not take goes to ExcelJS.
  const zip = readZip(data, { maxEntryBytes: MAX_PART_BYTES, maxTotalBytes: 2 * MAX_PART_BYTES });
  if (!zip.ok) {
    if (zip.entry !== null && /超过/.test(zip.message)) throw new Error(zip.message);
    return undefined;
  }
  const files: Record<string, Uint8Array> = {};
  for (const e of zip.entries) if ((e.name.startsWith('xl/') && e.name.endsWith('.xml')) || e.name.endsWith('.rels')) files[e.name] = e.bytes;
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return undefined;
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid && new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*>`).exec(rels)?.[0].match(/Target="([^"]+)"/)?.[1];
  if (!target) return undefined;
  const sheet = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  if (sheet === undefined) return undefined;

  const shared: string[] = [];
  for (const m of (text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(runsText(m[1] ?? ''));
  const styles = text('xl/styles.xml') ?? '';
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) custom.set(Number(m[1]), unescapeXml(m[2]));
  const dateStyle: boolean[] = [];
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  for (const m of xfs.matchAll(/<xf\b([^>]*)/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    dateStyle.push(DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
  }

  let header: string[] = [];
  const rows: SheetRow[] = [];
  let rowSeq = 0;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rAttr = /\br="(\d+)"/.exec(rm[1]);
    const rowNo = rAttr ? Number(rAttr[1]) : rowSeq + 1;
    rowSeq = rowNo;
    const cells: string[] = [];
    let colSeq = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = /[\t\r\n]/.test(cm[1]) ? cm[1].replace(/\s+/g, ' ') : cm[1];
      const ref = attr(attrs, 'r');
      const col = ref ? colIndex(ref) : colSeq + 1;
      colSeq = col;
      const body = cm[2] ?? '';
      const type = attr(attrs, 't') ?? 'n';
      const vAt = body.indexOf('<v>');
      const v = vAt < 0 ? undefined : body.slice(vAt + 3, body.indexOf('</v>', vAt));
      let value = '';
      if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (v === undefined) value = '';
      else if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'str') value = unescapeXml(v);
      else if (type === 'b') value = v === '1' ? 'true' : 'false';
      else if (type === 'e') value = '';
      else {
        const n = Number(v);
        const style = Number(attr(attrs, 's') ?? 0);
        value = dateStyle[style] && Number.isFinite(n) ? cellText(new Date(Math.round((n - 25569) * 86_400_000))) : String(n);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value.trim();
    }
    if (rowNo === 1) header = cells;
    else if (cells.some(Boolean)) {
      if (rows.length >= maxRows) throw new Error(`超过 ${maxRows} 行`);
      rows.push({ row: rowNo, cells });
    }
  }
  return { header, rows };
}

/** readFirstSheet through ExcelJS's streaming reader. */
export async function readFirstSheetExcelJs(data: Buffer, maxRows = 200_000): Promise<ReadSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let header: string[] = [];
  const rows: SheetRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (row.number === 1) header = values;
      else if (values.some(Boolean)) {
        if (rows.length >= maxRows) throw new Error(`超过 ${maxRows} 行`);
        rows.push({ row: row.number, cells: values });
      }
    }
    break; // the first sheet only
  }
  return { header, rows };
}

export interface CellError {
  row: number;
  /** 0-based column index; undefined for a problem of the whole row */
  col?: number;
  message: string;
}

/** The uploaded workbook with a 错误 column after the last used one on its first sheet, bad cells filled red. */
export async function errorWorkbook(data: Buffer, errors: readonly CellError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = ws.getRow(1);
  let errCol = header.cellCount + 1;
  header.eachCell((c, n) => {
    if (cellText(c.value) === '错误') errCol = n;
  });
  header.getCell(errCol).value = '错误';
  header.getCell(errCol).font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(errCol).width = 60;
  const byRow = new Map<number, CellError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [rowNo, list] of byRow) {
    const row = ws.getRow(rowNo);
    row.getCell(errCol).value = list.map((e) => e.message).join('；');
    row.getCell(errCol).font = { color: { argb: 'FFC00000' } };
    for (const e of list) {
      if (e.col === undefined) continue;
      row.getCell(e.col + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
