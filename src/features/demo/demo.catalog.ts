// The fictional city's make-up as data: its county-level areas, the organs a 市 or 县 has, the posts of
// each leadership team, township names, schools, majors, specialties and the like. demo.structure.ts
// and demo.people.ts turn these into rows. Every name of a school, firm or place below is invented.
import type { DemoAuthorityKey } from './demo.accounts.js';

/** A list written as space-separated words. */
const words = (text: string) => text.trim().split(/\s+/);

/** Latest date anything in the demo happens on, and the day ages are counted to. */
export const LAST_DAY = '2026-05-31';
export const AS_OF = '2026-06-01';
/** Appraisals (年度考核) of these years are recorded. */
export const APPRAISAL_YEARS = [2023, 2024, 2025];
/** 公务员职务与职级并行 took effect here: ranks (职级) exist only from this day on. */
export const RANKS_BEGIN = '2019-06-01';
/** Instant written into createdAt / updatedAt of every generated row. */
export const CREATED_AT = '2026-06-01T00:00:00.000Z';

export interface AreaDef {
  key: DemoAuthorityKey;
  /** 青川市, 东湖区, 南溪县 … */
  name: string;
  /** 市 / 区 / 县: 区长, 县委, 市监委 … */
  suffix: '市' | '区' | '县';
  /** first character of 组干 document numbers: 青组干〔2023〕12号, 南组干〔2022〕7号 */
  doc: string;
  /** relative size of the county's cadre force (sums to 5 over the five counties) */
  size: number;
  /** township mix: share of 街道 and of 乡 (the rest are 镇) */
  streets: number;
  xiang: number;
}

export const CITY_AREA: AreaDef = { key: 'city', name: '青川市', suffix: '市', doc: '青', size: 1, streets: 0, xiang: 0 };

export const COUNTY_AREAS: AreaDef[] = [
  { key: 'donghu', name: '东湖区', suffix: '区', doc: '东', size: 1.1, streets: 0.75, xiang: 0 },
  { key: 'xishan', name: '西山区', suffix: '区', doc: '西', size: 0.9, streets: 0.6, xiang: 0 },
  { key: 'nanxi', name: '南溪县', suffix: '县', doc: '南', size: 1.0, streets: 0.12, xiang: 0.2 },
  { key: 'beiling', name: '北岭县', suffix: '县', doc: '北', size: 0.85, streets: 0.1, xiang: 0.3 },
  { key: 'linjiang', name: '临江市', suffix: '市', doc: '临', size: 1.15, streets: 0.35, xiang: 0 },
];

/**
 * A department (工作部门) or mass organisation (群团). {C} is the area (青川市, 南溪县).
 * standing: the 常委 portfolio of the committee member who leads it; its own team then has a
 * 常务副职 instead of a chief (one post per cadre in the demo, the 常委 holds the 常委 seat).
 */
export interface DeptDef {
  key: string;
  name: string;
  kind: '部门' | '群团';
  chief: string;
  deputy: string;
  standing?: { city: string; county: string };
  /** relative number of staff; 0 for 公安 (police ranks are another series) */
  staff: number;
  specialties: string[];
  /** which areas have it, and its rank in the county list (lower = kept at small scales) */
  city: boolean;
  county: number | null;
  /** the chief is usually 党外 (工商联) */
  nonPartyChief?: boolean;
  /**
   * Earlier names, oldest first: `name` was used in years before `until` (the 2018–2019 机构改革 and
   * earlier reforms), so resume lines of those years name the organ as it was then.
   */
  before?: { until: number; name: string }[];
}

const d = (
  key: string,
  name: string,
  chief: string,
  deputy: string,
  staff: number,
  specialties: string[],
  city: boolean,
  county: number | null,
  extra: Partial<DeptDef> = {},
): DeptDef => ({ key, name, kind: '部门', chief, deputy, staff, specialties, city, county, ...extra });

export const DEPARTMENTS: DeptDef[] = [
  d('office', '中共{C}委办公室', '主任', '副主任', 1.2, ['文字综合', '党建工作'], true, 1, { standing: { city: '秘书长', county: '办公室主任' } }),
  d('org', '中共{C}委组织部', '部长', '副部长', 1.3, ['组织人事', '党建工作'], true, 2, { standing: { city: '组织部部长', county: '组织部部长' } }),
  d('publicity', '中共{C}委宣传部', '部长', '副部长', 1.0, ['宣传思想', '文字综合'], true, 3, {
    standing: { city: '宣传部部长', county: '宣传部部长' },
  }),
  d('united', '中共{C}委统战部', '部长', '副部长', 0.7, ['统战工作', '民族宗教'], true, 4, {
    standing: { city: '统战部部长', county: '统战部部长' },
  }),
  d('law', '中共{C}委政法委员会', '书记', '副书记', 0.8, ['政法工作', '社会治理'], true, 5, {
    standing: { city: '政法委书记', county: '政法委书记' },
  }),
  d('govoffice', '{C}人民政府办公室', '主任', '副主任', 1.1, ['文字综合', '经济管理'], true, 6),
  d('ndrc', '{C}发展和改革委员会', '主任', '副主任', 1.2, ['经济管理', '项目管理'], true, 7, {
    before: [{ until: 2005, name: '{C}发展计划委员会' }],
  }),
  d('finance', '{C}财政局', '局长', '副局长', 1.3, ['财政金融', '经济管理'], true, 8),
  d('edu', '{C}教育局', '局长', '副局长', 1.0, ['教育管理'], true, 9),
  d('police', '{C}公安局', '局长', '副局长', 0, ['政法工作'], true, null),
  d('civil', '{C}民政局', '局长', '副局长', 0.8, ['社会治理', '民政工作'], true, 11),
  d('justice', '{C}司法局', '局长', '副局长', 0.9, ['法律'], true, 12),
  d('hr', '{C}人力资源和社会保障局', '局长', '副局长', 1.1, ['组织人事', '社会保障'], true, 13, { before: [{ until: 2010, name: '{C}人事局' }] }),
  d('land', '{C}自然资源和规划局', '局长', '副局长', 1.1, ['城市规划', '国土管理'], true, 14, { before: [{ until: 2019, name: '{C}国土资源局' }] }),
  d('eco', '{C}生态环境局', '局长', '副局长', 0.9, ['生态环保'], true, null, { before: [{ until: 2019, name: '{C}环境保护局' }] }),
  d('housing', '{C}住房和城乡建设局', '局长', '副局长', 1.1, ['城乡建设', '项目管理'], true, 15, { before: [{ until: 2010, name: '{C}建设局' }] }),
  d('transport', '{C}交通运输局', '局长', '副局长', 1.0, ['交通管理', '项目管理'], true, 16, { before: [{ until: 2010, name: '{C}交通局' }] }),
  d('water', '{C}水利局', '局长', '副局长', 0.8, ['水利工程'], true, 17),
  d('agri', '{C}农业农村局', '局长', '副局长', 1.2, ['农业农村工作', '乡村振兴'], true, 10, { before: [{ until: 2019, name: '{C}农业委员会' }] }),
  d('commerce', '{C}商务局', '局长', '副局长', 0.8, ['商贸流通', '招商引资'], true, 23),
  d('culture', '{C}文化和旅游局', '局长', '副局长', 0.8, ['文化旅游'], true, 24, { before: [{ until: 2019, name: '{C}文化广电新闻出版局' }] }),
  d('health', '{C}卫生健康委员会', '主任', '副主任', 1.0, ['卫生管理'], true, 22, {
    before: [
      { until: 2013, name: '{C}卫生局' },
      { until: 2019, name: '{C}卫生和计划生育委员会' },
    ],
  }),
  d('emergency', '{C}应急管理局', '局长', '副局长', 0.8, ['应急管理', '安全生产'], true, 25, {
    before: [{ until: 2019, name: '{C}安全生产监督管理局' }],
  }),
  d('audit', '{C}审计局', '局长', '副局长', 0.8, ['审计', '财务管理'], true, 26),
  d('market', '{C}市场监督管理局', '局长', '副局长', 1.3, ['市场监管', '法律'], true, 18, { before: [{ until: 2016, name: '{C}工商行政管理局' }] }),
  d('stats', '{C}统计局', '局长', '副局长', 0.5, ['统计分析'], true, 27),
  d('medical', '{C}医疗保障局', '局长', '副局长', 0.5, ['医疗保障'], true, 28, {
    before: [
      { until: 2010, name: '{C}劳动和社会保障局' },
      { until: 2019, name: '{C}人力资源和社会保障局' },
    ],
  }),
  d('veterans', '{C}退役军人事务局', '局长', '副局长', 0.5, ['退役军人服务'], true, 29, { before: [{ until: 2019, name: '{C}民政局' }] }),
  d('petition', '{C}信访局', '局长', '副局长', 0.6, ['信访维稳', '社会治理'], true, 30),
  d('data', '{C}数据资源管理局', '局长', '副局长', 0.6, ['信息化建设'], true, 31, { before: [{ until: 2019, name: '{C}人民政府办公室' }] }),
  d('science', '{C}科学技术局', '局长', '副局长', 0.6, ['科技管理'], true, null),
  d('forestry', '{C}林业局', '局长', '副局长', 0.6, ['林业', '生态环保'], true, 33),
  d('sasac', '{C}人民政府国有资产监督管理委员会', '主任', '副主任', 0.6, ['国资监管', '财务管理'], true, null),
  d('staffing', '中共{C}委机构编制委员会办公室', '主任', '副主任', 0.5, ['机构编制'], true, 34),
  d('social', '中共{C}委社会工作部', '部长', '副部长', 0.6, ['基层治理', '党建工作'], true, 32, {
    before: [{ until: 2024, name: '中共{C}委组织部' }],
  }),
  d('urban', '{C}城市管理局', '局长', '副局长', 0.9, ['城市管理'], true, 35, { before: [{ until: 2017, name: '{C}城市管理行政执法局' }] }),
  d('union', '{C}总工会', '主席', '副主席', 0.5, ['群团工作'], true, 19, { kind: '群团' }),
  d('youth', '共青团{C}委员会', '书记', '副书记', 0.3, ['群团工作', '青年工作'], true, 20, { kind: '群团' }),
  d('women', '{C}妇女联合会', '主席', '副主席', 0.3, ['群团工作', '妇女儿童工作'], true, 21, { kind: '群团' }),
  d('sast', '{C}科学技术协会', '主席', '副主席', 0.3, ['科普工作'], true, null, { kind: '群团' }),
  d('federation', '{C}工商业联合会', '主席', '副主席', 0.3, ['统战工作', '经济管理'], true, null, { kind: '群团', nonPartyChief: true }),
  d('disabled', '{C}残疾人联合会', '理事长', '副理事长', 0.3, ['社会保障'], true, null, { kind: '群团' }),
];

/** 内设科室 of city departments, for 科长/副科长 and resume lines. */
export const CITY_SECTIONS: Record<string, string[]> = {
  org: ['办公室', '组织科', '干部一科', '干部二科', '干部监督科', '干部教育科', '公务员科', '人才工作科', '研究室'],
  finance: ['办公室', '预算科', '国库科', '经济建设科', '农业农村科', '社会保障科', '行政政法科', '政府采购监督管理科'],
  ndrc: ['办公室', '综合科', '发展规划科', '固定资产投资科', '产业发展科', '价格管理科', '重点项目科'],
  discipline: ['办公室', '党风政风监督室', '第一纪检监察室', '第二纪检监察室', '第三纪检监察室', '案件审理室', '信访室'],
  congress: ['办公室', '法制工作委员会', '财政经济工作委员会', '人事代表工作委员会', '农业农村工作委员会'],
  cppcc: ['办公室', '提案委员会', '经济委员会', '文化文史和学习委员会', '社会法制和民族宗教委员会'],
  default: ['办公室', '综合科', '政策法规科', '人事科', '计划财务科', '行政审批科', '监督检查科', '规划发展科', '业务指导科'],
};

/** 事业单位, 国企 and the development zone of an area. level 'top' = 正县/副县 in the city, 正科/副科 in a county. */
export interface InstitutionDef {
  name: string;
  kind: '事业' | '国企' | '开发区';
  teamKind: '事业单位班子' | '国企班子' | '党委班子';
  posts: { title: string; chief: boolean; top: boolean; quota: number; display: string }[];
  staff: number;
  specialties: string[];
  city: boolean;
  county: boolean;
}

export const INSTITUTIONS: InstitutionDef[] = [
  {
    name: '中共{C}委党校',
    kind: '事业',
    teamKind: '事业单位班子',
    posts: [
      { title: '常务副校长', chief: false, top: true, quota: 1, display: '{U}常务副校长' },
      { title: '副校长', chief: false, top: false, quota: 3, display: '{U}副校长' },
    ],
    staff: 0.4,
    specialties: ['党史党建', '理论教学'],
    city: true,
    county: true,
  },
  {
    name: '{C}融媒体中心',
    kind: '事业',
    teamKind: '事业单位班子',
    posts: [
      { title: '主任', chief: true, top: true, quota: 1, display: '{U}主任' },
      { title: '副主任', chief: false, top: false, quota: 3, display: '{U}副主任' },
    ],
    staff: 0.3,
    specialties: ['新闻宣传'],
    city: true,
    county: true,
  },
  {
    name: '{C}城市建设投资集团有限公司',
    kind: '国企',
    teamKind: '国企班子',
    posts: [
      { title: '党委书记、董事长', chief: true, top: true, quota: 1, display: '{U}党委书记、董事长' },
      { title: '党委副书记、总经理', chief: false, top: false, quota: 1, display: '{U}党委副书记、总经理' },
      { title: '副总经理', chief: false, top: false, quota: 3, display: '{U}副总经理' },
    ],
    staff: 0,
    specialties: ['项目管理', '投融资'],
    city: true,
    county: true,
  },
  {
    name: '青川职业技术学院',
    kind: '事业',
    teamKind: '事业单位班子',
    posts: [
      { title: '党委书记', chief: true, top: true, quota: 1, display: '{U}党委书记' },
      { title: '院长', chief: true, top: true, quota: 1, display: '{U}党委副书记、院长' },
      { title: '副院长', chief: false, top: false, quota: 3, display: '{U}副院长' },
    ],
    staff: 0,
    specialties: ['教育管理'],
    city: true,
    county: false,
  },
  {
    name: '青川经济技术开发区',
    kind: '开发区',
    teamKind: '党委班子',
    posts: [
      { title: '党工委书记', chief: true, top: true, quota: 1, display: '{U}党工委书记' },
      { title: '管委会主任', chief: true, top: true, quota: 1, display: '{U}党工委副书记、管委会主任' },
      { title: '管委会副主任', chief: false, top: false, quota: 4, display: '{U}管委会副主任' },
    ],
    staff: 0.8,
    specialties: ['招商引资', '项目管理'],
    city: true,
    county: false,
  },
  {
    name: '青川市住房公积金管理中心',
    kind: '事业',
    teamKind: '事业单位班子',
    posts: [
      { title: '主任', chief: true, top: true, quota: 1, display: '{U}主任' },
      { title: '副主任', chief: false, top: false, quota: 2, display: '{U}副主任' },
    ],
    staff: 0,
    specialties: ['财务管理'],
    city: true,
    county: false,
  },
  {
    name: '青川市交通投资集团有限公司',
    kind: '国企',
    teamKind: '国企班子',
    posts: [
      { title: '党委书记、董事长', chief: true, top: true, quota: 1, display: '{U}党委书记、董事长' },
      { title: '党委副书记、总经理', chief: false, top: false, quota: 1, display: '{U}党委副书记、总经理' },
      { title: '副总经理', chief: false, top: false, quota: 3, display: '{U}副总经理' },
    ],
    staff: 0,
    specialties: ['交通管理', '投融资'],
    city: true,
    county: false,
  },
  {
    name: '青川市国有资本投资运营集团有限公司',
    kind: '国企',
    teamKind: '国企班子',
    posts: [
      { title: '党委书记、董事长', chief: true, top: true, quota: 1, display: '{U}党委书记、董事长' },
      { title: '党委副书记、总经理', chief: false, top: false, quota: 1, display: '{U}党委副书记、总经理' },
      { title: '副总经理', chief: false, top: false, quota: 3, display: '{U}副总经理' },
    ],
    staff: 0,
    specialties: ['国资监管', '投融资'],
    city: true,
    county: false,
  },
];

/** Roots of township names; each is used once in the city. */
export const TOWNSHIP_ROOTS = words(`
  桃源 白沙 龙泉 双桥 石门 枫林 梅岭 新港 凤鸣 杨柳 清水 黄岗 太平 永安 柳溪 马鞍 金桥 青石 河口 三河 官塘 高岭 长岗 竹林 松山 槐塘 杏花 荷塘 月湖 文昌 振兴 永丰 丰乐 安乐 兴隆 宝山 玉泉 碧溪 莲花 石桥
  古城 新桥 平安 云岭 鹤山 望江 龙潭 狮岭 大桥 孔店 茶山 黄泥 烟墩 庙前 东岳 西河 南塘 北港 湖东 秀水 芦溪 横塘 仙霞 丁湾 钱桥 白鹤 柏林 泉水 长乐 黄石 梨园 金牛 银湖 锦绣 翠屏
`);

export const STREET_ROOTS = words(`
  湖滨 城东 城西 城南 城北 东城 西城 南门 北关 滨江 江北 朝阳 新华 和平 解放 人民 花园 学府 翠苑 中山
`);

export const VILLAGE_ROOTS = words(`
  柳塘 新河 石岗 大井 双庙 杨湾 高庄 前进 红星 三合 桥头 王岗 李圩 张湾 刘集 陈庄 曹店 马坊 龙岗 周圩
`);

/** Offices of a township, for 科员 resume lines. */
export const TOWNSHIP_OFFICES = ['党政办公室', '经济发展办公室', '社会事务办公室', '党建工作办公室', '综合治理办公室'];

// ---- education ----

export interface MajorDef {
  major: string;
  college: string;
  bachelor: string;
  master: string;
  specialties: string[];
}

export const MAJORS: MajorDef[] = [
  { major: '经济学', college: '经济学院', bachelor: '402', master: '302', specialties: ['经济管理'] },
  { major: '财政学', college: '财政税务学院', bachelor: '402', master: '302', specialties: ['财政金融'] },
  { major: '金融学', college: '金融学院', bachelor: '402', master: '302', specialties: ['财政金融'] },
  { major: '会计学', college: '会计学院', bachelor: '412', master: '312', specialties: ['财务管理'] },
  { major: '工商管理', college: '管理学院', bachelor: '412', master: '312', specialties: ['经济管理'] },
  { major: '行政管理', college: '公共管理学院', bachelor: '412', master: '312', specialties: ['行政管理'] },
  { major: '法学', college: '法学院', bachelor: '403', master: '303', specialties: ['法律'] },
  { major: '思想政治教育', college: '马克思主义学院', bachelor: '403', master: '303', specialties: ['党建工作'] },
  { major: '汉语言文学', college: '文学院', bachelor: '405', master: '305', specialties: ['文字综合'] },
  { major: '新闻学', college: '新闻传播学院', bachelor: '405', master: '305', specialties: ['新闻宣传'] },
  { major: '英语', college: '外国语学院', bachelor: '405', master: '305', specialties: ['外事工作'] },
  { major: '历史学', college: '历史学院', bachelor: '406', master: '306', specialties: ['文字综合'] },
  { major: '数学与应用数学', college: '数学科学学院', bachelor: '407', master: '307', specialties: ['统计分析'] },
  { major: '地理科学', college: '地理与旅游学院', bachelor: '407', master: '307', specialties: ['国土管理'] },
  { major: '计算机科学与技术', college: '计算机学院', bachelor: '408', master: '308', specialties: ['信息化建设'] },
  { major: '土木工程', college: '土木工程学院', bachelor: '408', master: '308', specialties: ['城乡建设'] },
  { major: '城乡规划', college: '建筑与规划学院', bachelor: '408', master: '308', specialties: ['城市规划'] },
  { major: '环境工程', college: '环境学院', bachelor: '408', master: '308', specialties: ['生态环保'] },
  { major: '水利水电工程', college: '水利学院', bachelor: '408', master: '308', specialties: ['水利工程'] },
  { major: '农学', college: '农学院', bachelor: '409', master: '309', specialties: ['农业农村工作'] },
  { major: '临床医学', college: '临床医学院', bachelor: '410', master: '310', specialties: ['卫生管理'] },
  { major: '教育学', college: '教育科学学院', bachelor: '404', master: '304', specialties: ['教育管理'] },
  { major: '哲学', college: '哲学学院', bachelor: '401', master: '301', specialties: ['理论研究'] },
];

/** Invented universities (本科 and 研究生). */
export const UNIVERSITIES = words(`
  皖中大学 江淮大学 皖中师范大学 江淮财经大学 皖中理工大学 长淮农业大学 皖中医科大学 皖东政法学院 淮滨学院 青川学院 江淮建筑大学 皖西学院
`);
/** Invented 专科 and 中专 schools. */
export const COLLEGES = ['青川职业技术学院', '皖中职业技术学院', '青川师范高等专科学校', '江淮财贸职业学院', '皖中广播电视大学'];
export const SECONDARY_SCHOOLS = ['青川财贸学校', '青川师范学校', '皖中农业学校', '青川卫生学校', '皖中水利电力学校'];
/** Majors of the 省委党校 in-service programmes (在职大学 / 在职研究生). */
export const PARTY_SCHOOL_MAJORS = ['经济管理', '法律', '行政管理', '政治学理论', '公共管理'];
export const PARTY_SCHOOL = '安徽省委党校';
/** In-service master's degrees (在职研究生): GB/T 6864 code and major. */
export const IN_SERVICE_MASTERS: [string, string, string][] = [
  ['349', '公共管理学院', '公共管理'],
  ['346', '商学院', '工商管理'],
  ['341', '法学院', '法律'],
  ['302', '经济学院', '区域经济学'],
];

/** 专业技术职务 sometimes held by cadres (most have none). */
export const PROFESSIONAL_TITLES = words(`
  经济师 高级经济师 工程师 高级工程师 会计师 高级会计师 讲师 副教授 主治医师 农艺师 高级农艺师 助理经济师
`);

/** 熟悉专业有何专长 beside the unit's own. */
export const GENERAL_SPECIALTIES = ['党建工作', '经济管理', '文字综合', '社会治理', '基层治理', '项目管理', '招商引资', '法律', '乡村振兴'];

// ---- rewards ----

/** Honours a cadre may have received (the year is prefixed). {C} is the area. */
export const HONOURS = [
  '被评为{C}优秀共产党员',
  '被评为{C}优秀党务工作者',
  '被评为{C}脱贫攻坚先进个人',
  '被评为{C}防汛救灾先进个人',
  '被评为{C}疫情防控先进个人',
  '被评为{C}信访工作先进个人',
  '被评为{C}招商引资先进个人',
  '被评为{C}文明创建工作先进个人',
  '被评为{C}平安建设先进个人',
  '被评为全省优秀公务员',
];
export const WOMEN_HONOURS = ['被评为{C}三八红旗手'];
export const PUNISHMENTS = ['受到党内警告处分', '受到政务警告处分', '受到党内严重警告处分'];

// ---- family ----

export const FIRMS = [
  '青川恒达建材有限公司',
  '青川华信科技有限公司',
  '青川宏远物流有限公司',
  '青川新城置业有限公司',
  '青川天成电子有限公司',
  '青川农村商业银行',
  '青川市供水有限公司',
  '青川瑞丰食品有限公司',
];
export const SPOUSE_JOBS: [string, number][] = [
  ['{C}第一中学教师', 8],
  ['{C}实验小学教师', 8],
  ['{C}人民医院医生', 5],
  ['{C}人民医院护士', 5],
  ['{DEPT}科员', 10],
  ['{DEPT}四级主任科员', 6],
  ['{FIRM}职员', 14],
  ['{FIRM}会计', 5],
  ['个体经营', 6],
  ['自由职业', 3],
  ['{C}疾病预防控制中心职员', 3],
  ['{C}不动产登记中心职员', 3],
];
