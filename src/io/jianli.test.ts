import { describe, expect, it } from 'vitest';
import { continuityWarnings, formatJianli, formatSegment, parseJianli, type JianliItem } from './jianli.js';

/** The 简历 of the shared sample (SYNTHETIC_fictional_example), with '\n' line breaks. */
const SAMPLE = [
  '1970.09--1973.07  某某大学中文系汉语言文学专业学习',
  '1973.07--1985.03  某某市某某局科员、副主任科员',
  '1985.03--1998.06  某某市某某局办公室副主任、主任',
  '（其间：1990.09--1992.07在某某省委党校在职大学经济管理专业学习）',
  '1998.06--         某某市某某局副局长',
].join('\n');

const brief = (items: JianliItem[]) =>
  items.map((i) => (i.kind === 'segment' ? `${i.line} ${i.start}~${i.end ?? '至今'} ${i.text}` : `${i.line} ${i.kind} ${i.text}`));

describe('parseJianli: the sample', () => {
  const parsed = parseJianli(SAMPLE);
  it('reads four segments and the 其间 note under the third', () => {
    expect(brief(parsed.items)).toEqual([
      '1 1970-09~1973-07 某某大学中文系汉语言文学专业学习',
      '2 1973-07~1985-03 某某市某某局科员、副主任科员',
      '3 1985-03~1998-06 某某市某某局办公室副主任、主任',
      '4 note （其间：1990.09--1992.07在某某省委党校在职大学经济管理专业学习）',
      '5 1998-06~至今 某某市某某局副局长',
    ]);
    expect(parsed.items[3]).toMatchObject({ kind: 'note', start: '1990-09', end: '1992-07', segment: 2 });
  });
  it('has no warnings: the segments join month to month', () => expect(parsed.warnings).toEqual([]));
  it('formats back to the same text', () => expect(formatJianli(parsed.items)).toBe(SAMPLE));
  it('formats with CRLF on request', () => expect(formatJianli(parsed.items, '\r\n')).toBe(SAMPLE.replace(/\n/g, '\r\n')));
});

describe('parseJianli: one line in each accepted shape', () => {
  it.each<[string, string, string | null, string]>([
    ['1991.01--2000.01  某某县某某局科员', '1991-01', '2000-01', '某某县某某局科员'],
    ['1991.01--         某某局副局长', '1991-01', null, '某某局副局长'],
    ['199101--200001  无点的年月', '1991-01', '2000-01', '无点的年月'],
    ['1991.01－2000.01  全角连字符', '1991-01', '2000-01', '全角连字符'],
    ['1991.01－－2000.01  两个全角连字符', '1991-01', '2000-01', '两个全角连字符'],
    ['1991.01—2000.01  破折号', '1991-01', '2000-01', '破折号'],
    ['1991.01——2000.01  双破折号', '1991-01', '2000-01', '双破折号'],
    ['1991.01～2000.01  全角波浪号', '1991-01', '2000-01', '全角波浪号'],
    ['1991.01–2000.01  短破折号', '1991-01', '2000-01', '短破折号'],
    ['1991.01-2000.01 一个连字符一个空格', '1991-01', '2000-01', '一个连字符一个空格'],
    ['1991.1--2000.1  一位数月份', '1991-01', '2000-01', '一位数月份'],
    ['1991年1月至2000年1月  中文年月', '1991-01', '2000-01', '中文年月'],
    ['１９９１．０１--２０００．０１  全角数字', '1991-01', '2000-01', '全角数字'],
    ['1991.01--至今  写了至今', '1991-01', null, '写了至今'],
    ['1991.01 -- 2000.01  连字符两侧有空格', '1991-01', '2000-01', '连字符两侧有空格'],
    ['1991.01--2000.01某某局科员（没有空格）', '1991-01', '2000-01', '某某局科员（没有空格）'],
    ['  1991.01--2000.01  行首有空格', '1991-01', '2000-01', '行首有空格'],
  ])('%s', (line, start, end, text) => {
    const { items, warnings } = parseJianli(line);
    expect(items).toEqual([{ kind: 'segment', line: 1, start, end, text }]);
    expect(warnings).toEqual([]);
  });
});

describe('parseJianli: line breaks', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('%s gives the same lines', (_name, eol) => {
    expect(parseJianli(SAMPLE.replace(/\n/g, eol)).items).toEqual(parseJianli(SAMPLE).items);
  });
});

describe('parseJianli: notes, continuation and membership lines', () => {
  it('attaches each 其间 note to the segment before it, with its own dates', () => {
    const text = [
      '1990.07--2000.01  某某县某某局科员',
      '（其间：1995.09--1997.07在某某省委党校在职大学学习）',
      '(其间：1998.03--1998.09挂任某某乡党委副书记)',
      '2000.01--         某某县某某局局长',
      '（其间：2003.03起在某某大学在职研究生学习）',
    ].join('\n');
    const { items, warnings } = parseJianli(text);
    expect(items.filter((i) => i.kind === 'note')).toEqual([
      { kind: 'note', line: 2, start: '1995-09', end: '1997-07', text: '（其间：1995.09--1997.07在某某省委党校在职大学学习）', segment: 0 },
      { kind: 'note', line: 3, start: '1998-03', end: '1998-09', text: '(其间：1998.03--1998.09挂任某某乡党委副书记)', segment: 0 },
      { kind: 'note', line: 5, start: '2003-03', end: null, text: '（其间：2003.03起在某某大学在职研究生学习）', segment: 3 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('joins an indented wrapped line to the text above it', () => {
    const text = ['1990.07--2000.01  某某县某某局办公室科员、副主任科员、', '                  主任科员', '2000.01--         某某县某某局局长'].join(
      '\n',
    );
    expect(brief(parseJianli(text).items)).toEqual([
      '1 1990-07~2000-01 某某县某某局办公室科员、副主任科员、主任科员',
      '3 2000-01~至今 某某县某某局局长',
    ]);
  });

  it('reads the lines after the final blank line as membership lines, and writes them back after one blank line', () => {
    const text = ['2000.01--         某某县某某局局长', '', '中共某某县第十四届委员会委员', '某某县第十五届人民代表大会代表'].join('\n');
    const { items, warnings } = parseJianli(text);
    expect(brief(items)).toEqual([
      '1 2000-01~至今 某某县某某局局长',
      '3 trailing 中共某某县第十四届委员会委员',
      '4 trailing 某某县第十五届人民代表大会代表',
    ]);
    expect(warnings).toEqual([]);
    expect(formatJianli(items)).toBe(text);
  });

  it('ignores blank lines between segments', () => {
    const { items, warnings } = parseJianli('1990.07--2000.01  甲\n\n\n2000.01--         乙');
    expect(brief(items)).toEqual(['1 1990-07~2000-01 甲', '4 2000-01~至今 乙']);
    expect(warnings).toEqual([]);
  });
});

describe('parseJianli: lines it cannot read are kept and flagged, never dropped', () => {
  it.each<[string, string, { kind: string; line: number }[]]>([
    ['free text between segments', '1990.07--2000.01  甲\n此行不是简历格式\n2000.01--         乙', [{ kind: 'unparsed', line: 2 }]],
    ['a single date without a range', '1990.07  参加工作\n1990.07--         乙', [{ kind: 'unparsed', line: 1 }]],
    ['month 13', '1990.13--2000.01  甲', [{ kind: 'bad-date', line: 1 }]],
    ['month 00 at the end', '1990.07--2000.00  甲', [{ kind: 'bad-date', line: 1 }]],
    ['a note before any segment', '（其间：1990.01--1990.06在某某党校学习）\n1990.07--         乙', [{ kind: 'orphan-note', line: 1 }]],
  ])('%s', (_name, text, expected) => {
    const { items, warnings } = parseJianli(text);
    expect(warnings.map((w) => ({ kind: w.kind, line: w.line }))).toEqual(expected);
    // Every non-blank line of the text is somewhere in the items, verbatim.
    const kept = items.map((i) => i.text);
    for (const line of text.split('\n').filter((l) => l.trim() && !/^\d{4}\.\d{2}--/.test(l))) expect(kept).toContain(line.trim());
    expect(warnings.every((w) => w.message.includes(`第${w.line}行`))).toBe(true);
  });

  it('an unparsed line is returned with kind and line number', () => {
    expect(parseJianli('1990.07--2000.01  甲\n乱写一行').items[1]).toEqual({ kind: 'unparsed', line: 2, text: '乱写一行' });
  });
});

describe('continuityWarnings: segments join month to month', () => {
  const seg = (line: number, start: string, end: string | null): JianliItem => ({ kind: 'segment', line, start, end, text: 'x' });
  it.each<[string, JianliItem[], string[]]>([
    ['continuous', [seg(1, '1990-07', '2000-01'), seg(2, '2000-01', null)], []],
    [
      'a gap of 3 months',
      [seg(1, '1990-07', '2000-01'), seg(2, '2000-04', null)],
      ['gap 2: 简历第1行止于 2000.01，第2行始于 2000.04，中间空缺 3 个月'],
    ],
    [
      'a gap of 1 month (end 06, next 07)',
      [seg(1, '1990-07', '2000-06'), seg(2, '2000-07', null)],
      ['gap 2: 简历第1行止于 2000.06，第2行始于 2000.07，中间空缺 1 个月'],
    ],
    [
      'an overlap of 2 months',
      [seg(1, '1990-07', '2000-03'), seg(2, '2000-01', null)],
      ['overlap 2: 简历第1行止于 2000.03，第2行始于 2000.01，重叠 2 个月'],
    ],
    [
      'out of order',
      [seg(1, '2000-01', '2001-01'), seg(2, '1990-07', null)],
      ['order 2: 简历第2行起始年月 1990.07 早于上一段（第1行）的起始年月 2000.01，顺序有误'],
    ],
    [
      'an open segment before the last',
      [seg(1, '1990-07', null), seg(2, '2000-01', null)],
      ['open-not-last 1: 简历第1行没有截止年月（至今），但其后还有第2行'],
    ],
    ['an end before the start', [seg(1, '1990-07', '1989-01')], ['end-before-start 1: 简历第1行截止年月 1989.01 早于起始年月 1990.07']],
  ])('%s', (_name, items, expected) => {
    expect(continuityWarnings(items).map((w) => `${w.kind} ${w.line}: ${w.message}`)).toEqual(expected);
  });

  it('are reported by parseJianli too, with the line numbers of the text', () => {
    const { warnings } = parseJianli('1990.07--2000.01  甲\n（其间：说明）\n2000.03--         乙');
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([['gap', 3]]);
  });
});

describe('formatJianli / formatSegment: the official layout', () => {
  it('writes YYYY.MM--YYYY.MM, two spaces, the text', () =>
    expect(formatSegment('1991-01', '2000-01', '某某局科员')).toBe('1991.01--2000.01  某某局科员'));
  it('writes the current segment with 7 spaces for the end: 9 spaces in a row', () =>
    expect(formatSegment('1998-06', null, '某某局副局长')).toBe('1998.06--         某某局副局长'));
  it('normalises undotted dates and dash variants', () => {
    const text = '197009－197307 学习\n1973.07～1985.03  工作';
    expect(formatJianli(parseJianli(text).items)).toBe('1970.09--1973.07  学习\n1973.07--1985.03  工作');
  });
  it('keeps notes and unparsed lines as written', () => {
    const text = '1990.07--2000.01  甲\n（其间：说明）\n乱写一行\n2000.01--         乙';
    expect(formatJianli(parseJianli(text).items)).toBe(text);
  });
  it('an empty text has no items', () => {
    expect(parseJianli('')).toEqual({ items: [], warnings: [] });
    expect(formatJianli([])).toBe('');
  });
});
