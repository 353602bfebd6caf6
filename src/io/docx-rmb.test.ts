import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { parseLrmx } from './lrmx.js';
import { birthWithAge, familyAge, fitSize, formDate, partyDate, reportDate, resumeParas, RESUME_STEPS, rmbToDocx } from './docx-rmb.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sample = () => {
  const parsed = parseLrmx(fs.readFileSync(path.resolve(here, '../../assets/lrmx/SYNTHETIC_fictional_example.lrmx')));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.record;
};
const documentXml = (buf: Buffer) => strFromU8(unzipSync(buf)['word/document.xml']);

describe('任免审批表 as .docx', () => {
  it('prints dates as 1985.03 and the age counted to the month of the 计算年龄时间', () => {
    expect(formDate('198503')).toBe('1985.03');
    expect(formDate('19850312')).toBe('1985.03');
    expect(birthWithAge('198503', '2026-06')).toBe('1985.03（41岁）');
    expect(birthWithAge('198506', '20260601')).toBe('1985.06（41岁）'); // same month counts
    expect(birthWithAge('198507', '2026-06-30')).toBe('1985.07（40岁）');
    expect(partyDate('200108；民建')).toBe('2001.08；民建');
    expect(partyDate('民建')).toBe('民建');
    expect(reportDate('20240601')).toBe('2024年6月1日');
    expect(reportDate('202406')).toBe('2024年6月    日');
  });

  it('leaves the age of a deceased relative blank', () => {
    expect(familyAge({ ChuShengRiQi: '195001', GongZuoDanWeiJiZhiWu: '某厂职工' }, '202406')).toBe('74');
    for (const k of ['去世', '死亡', '逝世', '已逝', '已故'])
      expect(familyAge({ ChuShengRiQi: '195001', GongZuoDanWeiJiZhiWu: `某厂职工（${k}）` }, '202406')).toBe('');
    expect(familyAge({ ChuShengRiQi: '', GongZuoDanWeiJiZhiWu: '' }, '202406')).toBe('');
  });

  it('hangs 简历 segments by 18 characters and shrinks the font as the text grows', () => {
    const paras = resumeParas('1991.01--2000.01  某某县某某局科员\n（其间：在某党校学习）\n2000.01--         某某局副局长');
    expect(paras.map((p) => [p.left, p.hanging])).toEqual([
      [9, 9],
      [9, 0],
      [9, 9],
    ]);
    const lines = (n: number) =>
      resumeParas(
        Array.from({ length: n }, (_, i) => `${1970 + i}.01--${1971 + i}.01  某某市某某县某某局办公室科员、副主任科员、主任科员`).join('\n'),
      );
    const sizes = [5, 20, 30, 40, 55, 70].map((n) => fitSize(lines(n), 8000, 7400, RESUME_STEPS));
    expect(sizes[0]).toBe(12);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[sizes.length - 1]).toBe(5.5);
  });

  it('renders the two pages of the sample in SimSun', async () => {
    const r = sample();
    const buf = await rmbToDocx(r, { ageDate: r.JiSuanNianLingShiJian });
    const xml = documentXml(buf);
    for (const s of [
      '干部任免审批表',
      '测试甲',
      '1949.12（74岁）',
      '1972.06',
      '大学普通班',
      '某某市某某局局长',
      '2024年6月1日',
      '填表人：测试员',
      'w:eastAsia="宋体"',
    ])
      expect(xml).toContain(s);
    expect(xml).toContain('>76<'); // 丈夫 born 1948.05
    expect(xml).not.toContain('>104<'); // 父亲 (已去世): no age
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});
