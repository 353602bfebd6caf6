// Where a cadre has worked, read from the 简历 (the team structure's 来源: 基层, 市直). The 简历 is
// free text (io/jianli.ts keeps it as dated lines), so this is a reading of words, not a stored fact:
// a line counts when its text names a post at a 乡镇/街道 or a 村/社区 (基层), or in a department or
// institution of the city (市直); and the unit of a post the member holds on the date, whose kind and
// tier are stored, counts as well. What the text does not say cannot be known: a cadre without a
// 简历 is "unknown", never "no experience". Sources: 《党政领导干部选拔任用工作条例》(2019) 第4条 (注重
// 从基层和生产一线选拔干部) and RULES.md §10 (班子结构); the report's “来源（选调生、基层、市直…）”.

export const EXPERIENCE_KINDS = { grassroots: '基层经历', city: '市直经历' } as const;
export type ExperienceKind = keyof typeof EXPERIENCE_KINDS;

/** One line of a cadre's 简历 as stored (cadre_resume): months 'YYYY-MM', end null while current. */
export interface ResumeLine {
  startMonth: string | null;
  endMonth: string | null;
  text: string;
  /** 'segment' | 'note' (a 其间 note: 挂职, 驻村 … count like a segment) */
  kind: string;
}

/** The unit of a post held on the date, as stored (units.kind, units.tier). */
export interface HeldUnit {
  name: string;
  kind: string;
  tier: string;
}

export interface Experience {
  kind: ExperienceKind;
  /** the resume line (or held post) the reading rests on */
  evidence: string;
  /** its first month 'YYYY-MM', null when the line has no date or for a held post */
  since: string | null;
}

// Lines of study (学习, 读书 …) are not work, whatever place they name.
const STUDY = /(学习|读书|就读|毕业|进修|培训)[）)]?$/;
// A 乡镇/街道 named with one of its organs or posts: 湖滨镇党委委员、副镇长, 城北街道党工委书记,
// 湖滨镇人民政府, 湖滨乡农业服务中心. "城乡""乡村振兴""乡镇企业" are county or city bodies, not townships.
const TOWNSHIP = new RegExp(
  String.raw`[\u4e00-\u9fa5]{1,8}(?:镇|(?<!城)乡(?!村|镇)|街道)` +
    String.raw`(?:党委|党工委|人民政府|政府|办事处|人大|纪委|纪工委|副?镇长|副?乡长|副?主任|武装部|科员|[\u4e00-\u9fa5]{0,6}(?:办公室|中心|站|所))`,
);
// A 村 or 社区 with its Party organization or committee, or 驻村 work: 竹林村党支部书记, 湖滨社区居委会主任.
const VILLAGE =
  /(?:[\u4e00-\u9fa5]{1,6}(?:村|社区)(?:党支部|党总支|党委|党组织|村委会|村民委员会|居委会|居民委员会|两委|支部|委员会|书记|主任))|驻村/;
// The leadership bodies of a city are not its departments: 市人民政府市长, 市人大常委会主任, 政协……委员会.
const CITY_LEADERSHIP = /^(?:人民政府(?:副?市长|秘书长)|人大常委会(?:副?主任|秘书长|委员)|委(?:副?书记|常委))/;
// 青川市东湖区财政局 is a district's department, named with its city.
const COUNTY_AFTER_CITY = /^[\u4e00-\u9fa5]{1,3}(?:区|县)(?!管)/;
const CITY_DEPARTMENT = /^(?:委|人民政府)?[\u4e00-\u9fa5（）()]{1,16}?(?:局|委员会|办公室|中心|院|党校|研究室|馆|所|站|队|社|部|厅|处|团|会)/;

/** The city kinds of unit that are 市直 departments or institutions (not the city's leadership teams). */
export const CITY_DEPARTMENT_KINDS: readonly string[] = ['部门', '群团', '事业', '国企', '纪委', '法院', '检察院', '开发区'];

/** Whether one line of text names 基层 work. */
export function namesGrassroots(text: string): boolean {
  const t = text.trim();
  if (!t || STUDY.test(t)) return false;
  return TOWNSHIP.test(t) || VILLAGE.test(t);
}

/** Whether one line of text names work in a department or institution of one of the cities. */
export function namesCityDepartment(text: string, cityNames: readonly string[]): boolean {
  const t = text.trim();
  if (!t || STUDY.test(t)) return false;
  for (const city of cityNames) {
    let at = t.indexOf(city);
    while (at >= 0) {
      // 政协青川市委员会 is the city's CPPCC, not a department
      const before = t.slice(Math.max(0, at - 2), at);
      const rest = t.slice(at + city.length);
      if (before !== '政协' && !/^委员会/.test(rest) && !COUNTY_AFTER_CITY.test(rest) && !CITY_LEADERSHIP.test(rest) && CITY_DEPARTMENT.test(rest))
        return true;
      at = t.indexOf(city, at + city.length);
    }
  }
  return false;
}

/**
 * The experiences a member has on `asOf`: the earliest line begun by then that names each kind, or the
 * held unit of that kind. `cityNames` are the names of the cities (units of kind 地区, tier city).
 */
export function resumeExperience(i: {
  lines: readonly ResumeLine[];
  asOf: string;
  cityNames: readonly string[];
  held?: readonly HeldUnit[];
}): Experience[] {
  const month = i.asOf.slice(0, 7);
  const found = new Map<ExperienceKind, Experience>();
  const dated = i.lines
    .filter((l) => l.startMonth === null || l.startMonth <= month)
    .sort((a, b) => (a.startMonth ?? '9999').localeCompare(b.startMonth ?? '9999'));
  for (const l of dated) {
    if (!found.has('grassroots') && namesGrassroots(l.text))
      found.set('grassroots', { kind: 'grassroots', evidence: l.text.trim(), since: l.startMonth });
    if (!found.has('city') && namesCityDepartment(l.text, i.cityNames))
      found.set('city', { kind: 'city', evidence: l.text.trim(), since: l.startMonth });
  }
  for (const u of i.held ?? []) {
    if (!found.has('grassroots') && (u.kind === '乡镇' || u.kind === '街道'))
      found.set('grassroots', { kind: 'grassroots', evidence: `现任${u.name}职务`, since: null });
    if (!found.has('city') && u.tier === 'city' && CITY_DEPARTMENT_KINDS.includes(u.kind))
      found.set('city', { kind: 'city', evidence: `现任${u.name}职务`, since: null });
  }
  return (Object.keys(EXPERIENCE_KINDS) as ExperienceKind[]).flatMap((k) => {
    const e = found.get(k);
    return e ? [e] : [];
  });
}
