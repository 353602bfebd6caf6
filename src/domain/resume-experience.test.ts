import { describe, expect, it } from 'vitest';
import { namesCityDepartment, namesGrassroots, resumeExperience, type ResumeLine } from './resume-experience.js';

const CITIES = ['青川市'];

describe('namesGrassroots / namesCityDepartment: one line of 简历', () => {
  it.each([
    // [text, 基层, 市直]
    ['东湖区湖滨镇党委委员、副镇长', true, false],
    ['东湖区湖滨镇党政办公室科员', true, false],
    ['湖滨镇人民政府科员', true, false],
    ['北岭县城北街道党工委书记', true, false],
    ['城北街道办事处副主任', true, false],
    ['竹林乡副乡长', true, false],
    ['（其间：2019.08--2021.08挂任东湖区湖滨柳塘村党组织书记助理）', true, false],
    ['（其间：2018.03--2021.03任北岭县竹林镇王岗村党组织第一书记、驻村工作队队长）', true, false],
    ['湖滨社区居委会主任', true, false],
    ['东湖区城乡建设局科员', false, false],
    ['东湖区乡村振兴局局长', false, false],
    ['东湖区乡镇企业局科员', false, false],
    ['东湖区民政局社区建设科科长', false, false],
    ['青川市农业农村局副局长', false, true],
    ['青川市发展和改革委员会主任', false, true],
    ['中共青川市委组织部干部科科长', false, true],
    ['青川市人民政府办公室副主任', false, true],
    ['中共青川市纪律检查委员会副书记', false, true],
    ['青川市中级人民法院副院长', false, true],
    ['青川市人民政府副市长', false, false],
    ['中共青川市委常委、组织部部长', false, false],
    ['中共青川市委副书记', false, false],
    ['青川市人大常委会副主任', false, false],
    ['政协青川市委员会副主席', false, false],
    ['青川市东湖区财政局科员', false, false],
    ['中共东湖区委组织部部长', false, false],
    ['在中国人民解放军某部服役', false, false],
    ['青川市委党校在职研究生学习', false, false],
    ['湖滨镇中学读书', false, false],
    ['', false, false],
  ])('%s → 基层 %s, 市直 %s', (text, grassroots, city) => {
    expect(namesGrassroots(text)).toBe(grassroots);
    expect(namesCityDepartment(text, CITIES)).toBe(city);
  });

  it('knows no city department without the names of the cities', () => {
    expect(namesCityDepartment('青川市发展和改革委员会主任', [])).toBe(false);
  });
});

describe('resumeExperience: a member on a date', () => {
  const seg = (startMonth: string | null, text: string, kind = 'segment'): ResumeLine => ({ startMonth, endMonth: null, text, kind });
  const lines = [
    seg('2008-09', '青川师范学院中文系学习'),
    seg('2012-07', '东湖区湖滨镇党政办公室科员'),
    seg('2016-02', '青川市发展和改革委员会科长'),
    seg('2024-02', '北岭县人民政府副县长'),
  ];

  it('takes the earliest line of each kind begun by the date', () => {
    expect(resumeExperience({ lines, asOf: '2026-06-01', cityNames: CITIES })).toEqual([
      { kind: 'grassroots', evidence: '东湖区湖滨镇党政办公室科员', since: '2012-07' },
      { kind: 'city', evidence: '青川市发展和改革委员会科长', since: '2016-02' },
    ]);
  });

  it.each([
    ['2016-01-31', ['grassroots']],
    ['2016-02-01', ['grassroots', 'city']],
    ['2016-02-29', ['grassroots', 'city']],
    ['2012-06-30', []],
    ['2012-07-01', ['grassroots']],
  ])('as of %s → %j (a line counts from the first day of its month)', (asOf, kinds) => {
    expect(resumeExperience({ lines, asOf, cityNames: CITIES }).map((e) => e.kind)).toEqual(kinds);
  });

  it('counts a 其间 note and an undated line; no 简历 is no reading', () => {
    expect(resumeExperience({ lines: [seg(null, '驻村工作队队员', 'note')], asOf: '2026-06-01', cityNames: CITIES })).toMatchObject([
      { kind: 'grassroots', since: null },
    ]);
    expect(resumeExperience({ lines: [], asOf: '2026-06-01', cityNames: CITIES })).toEqual([]);
  });

  it('counts the unit of a post held on the date by its stored kind and tier', () => {
    const held = (name: string, kind: string, tier: string) =>
      resumeExperience({ lines: [], asOf: '2026-06-01', cityNames: CITIES, held: [{ name, kind, tier }] });
    expect(held('湖滨镇', '乡镇', 'township')).toEqual([{ kind: 'grassroots', evidence: '现任湖滨镇职务', since: null }]);
    expect(held('城北街道', '街道', 'township').map((e) => e.kind)).toEqual(['grassroots']);
    expect(held('青川市财政局', '部门', 'city')).toEqual([{ kind: 'city', evidence: '现任青川市财政局职务', since: null }]);
    expect(held('中共青川市委', '党委', 'city')).toEqual([]);
    expect(held('东湖区财政局', '部门', 'county')).toEqual([]);
  });
});
