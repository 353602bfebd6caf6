// The 干部任免审批表 as a Word document (.docx), in the standard two-page A4 layout of
// shared/domain/LRMX.md §5: page 1 from 姓名 to 简历, page 2 from 奖惩情况 to 填表人. A pure function of a
// 任免审批表 record (the form's fields as text, see rmb-mapping.ts cadreToRmb) and the date ages are
// counted to. Every cell has a fixed height; its text is set in the largest size of a step list that
// fits (简历: 12/10.5/9/7.5/6.5/5.5 pt, the editor's steps), so nothing pushes the layout off its page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { ageInMonths } from '../domain/dates.js';
import { parseRmbDate, sniffPhoto } from './rmb-mapping.js';
import type { RmbFamilyItem, RmbRecord } from './rmb-record.js';

export interface DocxRmbOptions {
  /**
   * The 计算年龄时间: ages (the cadre's and the family's) are whole years counted to this month.
   * 'YYYY-MM', 'YYYY-MM-DD' or the form's 'YYYYMM' / 'YYYYMMDD'.
   */
  ageDate: string;
}

// ---- text helpers (pure, exported for tests) ----

/** '198503' (or '1985-03', '19850312') → '1985.03'; anything that is not a date is printed as given. */
export function formDate(raw: string): string {
  const d = parseRmbDate(raw);
  return d ? d.month.replace('-', '.') : raw.trim();
}

function monthOf(raw: string): string | null {
  return parseRmbDate(raw)?.month ?? null;
}

/** 出生年月(岁): '1985.03（41岁）', the age counted to the month of ageDate. */
export function birthWithAge(birth: string, ageDate: string): string {
  const born = monthOf(birth);
  const on = monthOf(ageDate);
  if (!born) return birth.trim();
  if (!on || on < born) return formDate(birth);
  return `${formDate(birth)}（${ageInMonths(born, on)}岁）`;
}

/** The editor's keywords for a relative who has died: the 年龄 is then left blank (LRMX.md §5). */
export const DECEASED_KEYWORDS = ['去世', '死亡', '逝世', '已逝', '已故'] as const;

/** 年龄 of a family member on the form: whole years to ageDate's month; blank for the deceased or no date. */
export function familyAge(item: Pick<RmbFamilyItem, 'ChuShengRiQi' | 'GongZuoDanWeiJiZhiWu'>, ageDate: string): string {
  if (DECEASED_KEYWORDS.some((k) => item.GongZuoDanWeiJiZhiWu.includes(k))) return '';
  const born = monthOf(item.ChuShengRiQi);
  const on = monthOf(ageDate);
  if (!born || !on || on < born) return '';
  return String(ageInMonths(born, on));
}

/** 入党时间 as printed: dates as 2001.08, party names as written ('200108；民建' → '2001.08；民建'). */
export function partyDate(raw: string): string {
  return raw
    .split(/([；;])/)
    .map((t) => (/^[；;]$/.test(t) ? t : formDate(t)))
    .join('');
}

/** The 呈报单位 date from 填表时间: '2026年6月1日'; a month alone leaves the day blank. */
export function reportDate(raw: string): string {
  const d = parseRmbDate(raw);
  if (!d) return '年    月    日';
  const [y, m] = d.month.split('-').map(Number);
  const day = d.date ? `${Number(d.date.slice(8))}日` : '    日';
  return `${y}年${m}月${day}`;
}

// ---- measuring text ----

const TWIPS_PER_PT = 20;

/** Width of a string in ems: full-width characters 1, ASCII and half-width forms ½ (as SimSun draws them). */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c < 0x2e80 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/** A paragraph as laid out: its text, the indent of its first line and of the lines after it (in ems). */
interface Para {
  text: string;
  /** indent of every line (ems) */
  left: number;
  /** how much the first line starts left of `left` (ems); the 简历's hanging indent */
  hanging: number;
}

/** Lines a paragraph takes in a column `widthEm` wide (characters wrap anywhere, as CJK text does). */
function linesOf(p: Para, widthEm: number): number {
  const first = widthEm - p.left + p.hanging;
  const rest = widthEm - p.left;
  const w = emWidth(p.text);
  if (w <= first) return 1;
  return 1 + Math.ceil((w - first) / Math.max(rest, 1));
}

/** Line height as a multiple of the font size (exact line spacing). */
const LINE = 1.25;

/**
 * The largest size of `steps` at which the paragraphs fit a box of the given inner width and height
 * (twips); the smallest step when none does. A small margin absorbs what the estimate cannot know
 * (line breaking rules, punctuation compression).
 */
export function fitSize(paras: readonly Para[], widthTw: number, heightTw: number, steps: readonly number[], oneLine = false): number {
  if (oneLine) {
    // Short values (a date with the age, a place) read better on one line in a smaller size than broken.
    for (const size of steps.filter((s) => s >= 9)) {
      const widthEm = (widthTw * 0.97) / (size * TWIPS_PER_PT);
      if (paras.every((p) => linesOf(p, widthEm) === 1) && paras.length * size * LINE * TWIPS_PER_PT <= heightTw) return size;
    }
  }
  for (const size of steps) {
    const emTw = size * TWIPS_PER_PT;
    const widthEm = (widthTw * 0.97) / emTw;
    const lines = paras.reduce((n, p) => n + linesOf(p, widthEm), 0);
    if (lines * size * LINE * TWIPS_PER_PT <= heightTw) return size;
  }
  return steps[steps.length - 1];
}

/** The 简历 font steps of the editor (LRMX.md §3). */
export const RESUME_STEPS = [12, 10.5, 9, 7.5, 6.5, 5.5] as const;
const TEXT_STEPS = [12, 10.5, 9, 7.5, 6.5, 5.5] as const;
const LABEL_STEPS = [12, 10.5, 9] as const;

/** A 简历 line with a date range: 'YYYY.MM--YYYY.MM  ' or 'YYYY.MM--' + 7 spaces + '  ' (18 half-width characters). */
const SEGMENT = /^\d{4}\.\d{2}\s*[-－—～~]{1,2}\s*(\d{4}\.\d{2})?\s*/;

/** 18 half-width characters: continuation lines of a segment align after its date range. */
const RESUME_HANG_EM = 9;

/** The 简历 text as laid out: segments hang by 18 characters, 其间 notes align with the segments' text. */
export function resumeParas(jianLi: string): Para[] {
  return jianLi
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw): Para => {
      const line = raw.replace(/\s+$/, '');
      if (SEGMENT.test(line)) return { text: line, left: RESUME_HANG_EM, hanging: RESUME_HANG_EM };
      const text = line.trim();
      if (/^[（(]/.test(text) || (line !== text && text)) return { text, left: RESUME_HANG_EM, hanging: 0 };
      return { text, left: 0, hanging: 0 };
    });
}

// ---- the page ----

/** A4 in twips, margins near the template's (top 11.1 / left 22.0 mm offsets plus the printer's margin). */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1000, left: 1247, right: 1247 };
const TABLE_WIDTH = 9400;
const CELL_MARGIN = { left: 70, right: 70, top: 20, bottom: 20 };

/** Page-1 grid: labels and values alternate, the photo column on the right. */
const G1 = [1100, 1300, 1100, 1300, 1200, 1800, 1600];
/** Page-2 grid: the label column, then 称谓 | 姓名 | 年龄 | 政治面貌 | 工作单位及职务. */
const G2 = [1150, 1000, 1300, 700, 1400, 3850];

const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };

const span = (grid: number[], from: number, n: number) => grid.slice(from, from + n).reduce((a, b) => a + b, 0);

interface CellSpec {
  /** text lines (each a paragraph), or laid-out paragraphs */
  paras: Para[];
  grid: number[];
  col: number;
  colSpan?: number;
  rowSpan?: number;
  /** the height the text has (twips): the row's, or the rows' it spans */
  height: number;
  steps?: readonly number[];
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  valign?: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable];
  bold?: boolean;
  /** a fixed size instead of fitting */
  size?: number;
  /** prefer each paragraph on one line (down to 9 pt) before wrapping */
  oneLine?: boolean;
  /** paragraphs after the text, aligned right (the 盖章 and date lines) */
  tail?: { text: string; size: number; spaceBefore?: number }[];
  image?: ImageRun;
}

const plain = (...lines: string[]): Para[] => lines.map((text) => ({ text, left: 0, hanging: 0 }));

function paragraph(p: Para, size: number, align: CellSpec['align'], bold = false): Paragraph {
  const em = size * TWIPS_PER_PT;
  return new Paragraph({
    alignment: align,
    spacing: { before: 0, after: 0, line: Math.round(size * LINE * TWIPS_PER_PT), lineRule: LineRuleType.EXACT },
    indent: p.left || p.hanging ? { left: Math.round(p.left * em), hanging: Math.round(p.hanging * em) } : undefined,
    children: [new TextRun({ text: p.text, size: size * 2, bold, font: FONT })],
  });
}

function cell(spec: CellSpec): TableCell {
  const width = span(spec.grid, spec.col, spec.colSpan ?? 1);
  const innerW = width - CELL_MARGIN.left - CELL_MARGIN.right;
  const tailH = (spec.tail ?? []).reduce((h, t) => h + t.size * LINE * TWIPS_PER_PT + (t.spaceBefore ?? 0), 0);
  const innerH = spec.height - CELL_MARGIN.top - CELL_MARGIN.bottom - tailH;
  const size = spec.size ?? fitSize(spec.paras, innerW, innerH, spec.steps ?? TEXT_STEPS, spec.oneLine);
  const children: Paragraph[] = spec.image
    ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [spec.image] })]
    : spec.paras.map((p) => paragraph(p, size, spec.align, spec.bold));
  for (const t of spec.tail ?? []) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: t.spaceBefore ?? 0, after: 0, line: Math.round(t.size * LINE * TWIPS_PER_PT), lineRule: LineRuleType.EXACT },
        indent: { right: 240 },
        children: [new TextRun({ text: t.text, size: t.size * 2, font: FONT })],
      }),
    );
  }
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.colSpan,
    rowSpan: spec.rowSpan,
    verticalAlign: spec.valign ?? VerticalAlignTable.CENTER,
    margins: { marginUnitType: WidthType.DXA, ...CELL_MARGIN },
  });
}

const label = (grid: number[], col: number, height: number, text: string, colSpan?: number, rowSpan?: number): CellSpec => ({
  paras: plain(...text.split('\n')),
  grid,
  col,
  colSpan,
  rowSpan,
  height,
  steps: LABEL_STEPS,
  align: AlignmentType.CENTER,
});

const value = (
  grid: number[],
  col: number,
  height: number,
  text: string | string[],
  colSpan?: number,
  align: CellSpec['align'] = AlignmentType.CENTER,
): CellSpec => ({
  paras: plain(...(Array.isArray(text) ? text : text.replace(/\r\n?/g, '\n').split('\n'))),
  grid,
  col,
  colSpan,
  height,
  align,
  oneLine: true,
});

function row(height: number, cells: CellSpec[]): TableRow {
  return new TableRow({ height: { value: height, rule: HeightRule.EXACT }, cantSplit: true, children: cells.map(cell) });
}

const BORDERS = {
  top: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

function table(grid: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
  });
}

/** Page 1 row heights (twips): four basic rows (the photo's), the two 学历 rows, 现任/拟任/拟免, and 简历. */
const H1 = { basic: 640, education: 780, post: 640, title: 820, breakLine: 40 };
const H1_RESUME = PAGE.height - PAGE.top - PAGE.bottom - H1.title - 4 * H1.basic - 2 * H1.education - 3 * H1.post - H1.breakLine - 160;

/** Page 2 row heights: 奖惩, 考核, 理由, the family block (header + rows), 呈报单位, 审批/任免机关意见. */
const H2 = { rewards: 2300, appraisal: 1250, reason: 1250, family: 4700, report: 1700, approval: 2250 };

/** Photo size in pixels (docx counts 96 per inch): 4:5, within the photo column and the four rows. */
const PHOTO_PX = { width: 96, height: 120 };

function photoRun(bytes: Uint8Array | null): ImageRun | undefined {
  if (!bytes?.length) return undefined;
  const mime = sniffPhoto(bytes);
  const type = ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp' } as const)[mime ?? 'image/jpeg'];
  if (!mime) return undefined;
  return new ImageRun({ type, data: bytes, transformation: PHOTO_PX });
}

function pageOne(r: RmbRecord, ageDate: string): (Paragraph | Table)[] {
  const b = H1.basic;
  const photo = photoRun(r.ZhaoPian);
  const photoCell: CellSpec = { paras: plain(''), grid: G1, col: 6, rowSpan: 4, height: 4 * b, image: photo, size: 12 };
  const edu = (kind: string, xueli: string, xuewei: string, school1: string, school2: string, first: boolean): CellSpec[] => [
    ...(first ? [{ ...label(G1, 0, 2 * H1.education, '学  历\n学  位'), rowSpan: 2 }] : []),
    label(G1, 1, H1.education, kind),
    value(G1, 2, H1.education, [xueli, xuewei].filter(Boolean), 2),
    label(G1, 4, H1.education, '毕业院校\n系及专业'),
    { ...value(G1, 5, H1.education, [school1, school2 === school1 ? '' : school2].filter(Boolean), 2, AlignmentType.LEFT), oneLine: false },
  ];
  const post = (name: string, text: string) =>
    row(H1.post, [label(G1, 0, H1.post, name), { ...value(G1, 1, H1.post, text, 6, AlignmentType.LEFT), oneLine: false }]);
  const resumeHeight = H1_RESUME;
  const rows = [
    row(b, [
      label(G1, 0, b, '姓  名'),
      value(G1, 1, b, r.XingMing),
      label(G1, 2, b, '性  别'),
      value(G1, 3, b, r.XingBie),
      label(G1, 4, b, '出生年月\n（  岁）'),
      value(G1, 5, b, birthWithAge(r.ChuShengNianYue, ageDate)),
      photoCell,
    ]),
    row(b, [
      label(G1, 0, b, '民  族'),
      value(G1, 1, b, r.MinZu),
      label(G1, 2, b, '籍  贯'),
      value(G1, 3, b, r.JiGuan),
      label(G1, 4, b, '出 生 地'),
      value(G1, 5, b, r.ChuShengDi),
    ]),
    row(b, [
      label(G1, 0, b, '入  党\n时  间'),
      value(G1, 1, b, partyDate(r.RuDangShiJian)),
      label(G1, 2, b, '参加工\n作时间'),
      value(G1, 3, b, formDate(r.CanJiaGongZuoShiJian)),
      label(G1, 4, b, '健康状况'),
      value(G1, 5, b, r.JianKangZhuangKuang),
    ]),
    row(b, [
      label(G1, 0, b, '专业技\n术职务'),
      value(G1, 1, b, r.ZhuanYeJiShuZhiWu, 2),
      label(G1, 3, b, '熟悉专业\n有何专长'),
      value(G1, 4, b, r.ShuXiZhuanYeYouHeZhuanChang, 2),
    ]),
    row(
      H1.education,
      edu(
        '全日制\n教  育',
        r.QuanRiZhiJiaoYu_XueLi,
        r.QuanRiZhiJiaoYu_XueWei,
        r.QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi,
        r.QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
        true,
      ),
    ),
    row(
      H1.education,
      edu(
        '在  职\n教  育',
        r.ZaiZhiJiaoYu_XueLi,
        r.ZaiZhiJiaoYu_XueWei,
        r.ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi,
        r.ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi,
        false,
      ),
    ),
    post('现  任\n职  务', r.XianRenZhiWu),
    post('拟  任\n职  务', r.NiRenZhiWu),
    post('拟  免\n职  务', r.NiMianZhiWu),
    row(resumeHeight, [
      label(G1, 0, resumeHeight, '简\n\n\n\n\n\n历'),
      {
        paras: resumeParas(r.JianLi),
        grid: G1,
        col: 1,
        colSpan: 6,
        height: resumeHeight - 120,
        steps: RESUME_STEPS,
        align: AlignmentType.LEFT,
        valign: VerticalAlignTable.TOP,
      },
    ]),
  ];
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 220, line: 600, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '干部任免审批表', size: 44, bold: true, font: FONT })],
  });
  return [title, table(G1, rows)];
}

const FAMILY_ROWS = 7;

function pageTwo(r: RmbRecord, ageDate: string): (Paragraph | Table)[] {
  const members = r.JiaTingChengYuan.filter((m) => m.ChengWei || m.XingMing || m.GongZuoDanWeiJiZhiWu);
  const n = Math.max(FAMILY_ROWS, members.length);
  const famH = Math.floor(H2.family / (n + 1));
  const blockH = famH * (n + 1);
  const textBox = (height: number, text: string, lab: string) =>
    row(height, [
      label(G2, 0, height, lab),
      { ...value(G2, 1, height, text, 5, AlignmentType.LEFT), oneLine: false, valign: VerticalAlignTable.TOP },
    ]);
  const familyRows: TableRow[] = [
    row(famH, [
      { ...label(G2, 0, blockH, '家庭\n主要\n成员\n及重\n要社\n会关\n系'), rowSpan: n + 1 },
      label(G2, 1, famH, '称  谓'),
      label(G2, 2, famH, '姓  名'),
      label(G2, 3, famH, '年龄'),
      label(G2, 4, famH, '政治面貌'),
      label(G2, 5, famH, '工 作 单 位 及 职 务'),
    ]),
  ];
  for (let i = 0; i < n; i++) {
    const m = members[i];
    familyRows.push(
      row(famH, [
        value(G2, 1, famH, m?.ChengWei ?? ''),
        value(G2, 2, famH, m?.XingMing ?? ''),
        value(G2, 3, famH, m ? familyAge(m, ageDate) : ''),
        value(G2, 4, famH, m?.ZhengZhiMianMao ?? ''),
        value(G2, 5, famH, m?.GongZuoDanWeiJiZhiWu ?? '', 1, AlignmentType.LEFT),
      ]),
    );
  }
  const stamp = (size: number) => [
    { text: '（盖章）', size, spaceBefore: 200 },
    { text: '年    月    日', size, spaceBefore: 120 },
  ];
  const rows = [
    textBox(H2.rewards, r.JiangChengQingKuang, '奖\n惩\n情\n况'),
    textBox(H2.appraisal, r.NianDuKaoHeJieGuo, '年度考\n核结果'),
    textBox(H2.reason, r.RenMianLiYou, '任免\n理由'),
    ...familyRows,
    row(H2.report, [
      label(G2, 0, H2.report, '呈\n报\n单\n位'),
      {
        ...value(G2, 1, H2.report, r.ChengBaoDanWei, 5, AlignmentType.LEFT),
        oneLine: false,
        valign: VerticalAlignTable.TOP,
        tail: [{ text: reportDate(r.TianBiaoShiJian), size: 12, spaceBefore: 120 }],
      },
    ]),
    row(H2.approval, [
      label(G2, 0, H2.approval, '审批\n机关\n意见'),
      { ...value(G2, 1, H2.approval, '', 3), valign: VerticalAlignTable.BOTTOM, tail: stamp(12) },
      label(G2, 4, H2.approval, '行政任\n免机关\n意  见'),
      { ...value(G2, 5, H2.approval, ''), valign: VerticalAlignTable.BOTTOM, tail: stamp(12) },
    ]),
  ];
  const filler = new Paragraph({
    spacing: { before: 120, after: 0, line: 300, lineRule: LineRuleType.EXACT },
    indent: { left: 240 },
    children: [new TextRun({ text: `填表人：${r.TianBiaoRen}`, size: 24, font: FONT })],
  });
  return [table(G2, rows), filler];
}

/** The 干部任免审批表 of a record as a .docx file: two A4 pages. */
export async function rmbToDocx(record: RmbRecord, options: DocxRmbOptions): Promise<Buffer> {
  const pageBreak = new Paragraph({
    spacing: { before: 0, after: 0, line: H1.breakLine, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: 2 }), new PageBreak()],
  });
  const doc = new Document({
    creator: 'Ganbu',
    title: `干部任免审批表 ${record.XingMing}`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 567, footer: 567 },
          },
        },
        children: [...pageOne(record, options.ageDate), pageBreak, ...pageTwo(record, options.ageDate)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
