import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { zipSync, unzipSync, strToU8, strFromU8 } from 'fflate';
import { readFirstSheet, readFirstSheetExcelJs } from './excel-import.js';

/** Sparse ExcelJS rows and our filled ones mean the same: a missing cell is ''. */
const dense = (s: { header: string[]; rows: { row: number; cells: (string | undefined)[] }[] }) => ({
  header: Array.from(s.header, (c) => c ?? ''),
  rows: s.rows.map((r) => ({ row: r.row, cells: Array.from(r.cells, (c) => c ?? '') })),
});

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部基本信息');
  wb.addWorksheet('第二页').addRow(['不应读到']);
  ws.addRow(['身份证号＊', '姓名', '出生年月', '数字', '备注']);
  ws.addRow(['11010519491231002X', '张三', new Date(Date.UTC(1985, 2, 1)), 1985.03, 'a < b & "c"']);
  ws.addRow([]);
  ws.addRow(['', '  李 四 ', '198503', 42, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }]);
  ws.addRow(['X', { formula: '1+1', result: 2 }, true, { formula: '"甲"&"乙"', result: '甲乙' }, '𠀀字']);
  ws.getCell('C2').numFmt = 'yyyy/m/d';
  ws.getCell('G6').value = '远处的格';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readFirstSheet (package XML)', () => {
  it('reads what ExcelJS reads: shared and rich strings, entities, dates, numbers, formulas, blank rows, far cells', async () => {
    const data = await workbook();
    const fast = await readFirstSheet(data);
    expect(dense(fast)).toEqual(dense(await readFirstSheetExcelJs(data)));
    expect(fast.rows.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(fast.rows[0].cells).toEqual(['11010519491231002X', '张三', '1985-03-01', '1985.03', 'a < b & "c"']);
    expect(fast.rows[1].cells[4]).toBe('富文本');
    expect(fast.rows[3].cells[6]).toBe('远处的格');
  });

  it('reads inline strings and cells without references, as other programs write them', async () => {
    const files = unzipSync(new Uint8Array(await workbook()));
    const sheet = Object.keys(files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
    files[sheet] = strToU8(
      strFromU8(files[sheet]).replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row><c t="inlineStr"><is><t>身份证号</t></is></c><c t="inlineStr"><is><t>姓名</t></is></c></row>' +
          '<row><c t="inlineStr"><is><t xml:space="preserve"> 110105 </t></is></c><c\tt="inlineStr"><is><r><t>王</t></r><r><t>五&amp;</t></r></is></c></row></sheetData>',
      ),
    );
    const s = await readFirstSheet(Buffer.from(zipSync(files)));
    expect(s).toEqual({ header: ['身份证号', '姓名'], rows: [{ row: 2, cells: ['110105', '王五&'] }] });
  });

  it('hands a package it cannot read to ExcelJS, which refuses it', async () => {
    await expect(readFirstSheet(Buffer.from('not a workbook'))).rejects.toThrow();
  });
});
