// Fictional personal names for the demo city: surnames weighted roughly by their frequency in
// eastern China (汪, 方, 储, 檀 are commoner in Anhui), given names of one or two characters whose
// style follows the decade of birth. Names of well-known public figures are never produced.
import { Random, WeightedTable } from '../../domain/random.js';

/** A list written as space-separated words. */
const words = (text: string) => text.trim().split(/\s+/);

/** Surname and weight (per mille, approximate), as 'surname weight' words. */
const SURNAMES: [string, number][] = words(`
  王71 李70 张66 刘54 陈46 杨31 黄25 赵23 吴22 周21 徐17 孙15 马14 朱14 胡14 郭12 何11 高11 林7 罗8 郑8 梁6 谢8 宋8 唐8 许9 韩7 冯7 邓5 曹8 彭6 曾4 肖6 田7
  董6 袁6 潘5 于5 蒋6 蔡5 余7 杜5 叶6 程8 苏5 魏5 吕5 丁6 任4 沈5 姚5 卢4 姜4 崔3 钟3 谭3 陆5 汪9 范4 金4 石4 廖2 贾3 夏4 付3 方7 白3 邹3 孟3 熊3 秦3 邱2 江4 尹2
  薛3 闫2 段2 雷2 侯3 史3 陶4 贺2 顾3 毛3 郝2 龚2 邵3 万3 钱3 严2 武3 戴3 孔2 汤3 葛3 储3 檀1 桂2 鲍2 章3 查1 施2 凌1 岳1 常2 倪2 殷1 柏1 盛1 祝1 欧阳0.6 司马0.15
  上官0.15 诸葛0.1 东方0.1 皇甫0.1
`).map((w) => {
  const [, surname, weight] = /^(\D+)([\d.]+)$/.exec(w)!;
  return [surname, Number(weight)];
});

const surnames = new WeightedTable(SURNAMES);

type Era = 'old' | 'mid' | 'young';

/** Two-character given names in use by decade of birth: before 1975, 1975–1989, 1990 on. */
const GIVEN2: Record<'1' | '2', Record<Era, string[]>> = {
  '1': {
    old: words(`
      建国 建华 国庆 卫东 卫国 志强 志刚 振华 国华 国平 立新 新民 永刚 永胜 德胜 学军 春生 金山 宏伟 红兵 树林 长青 友谊 晓东 光明 跃进 文华 向东 爱民 保国 德华 明华 家宝 正平 世杰 广才 茂林 云峰 俊峰 成林
      庆华 庆丰 先进 道明 传志
    `),
    mid: words(`
      海涛 晓东 俊杰 志勇 明亮 文斌 建军 宏亮 永强 晓明 海峰 伟东 剑锋 立伟 云飞 鹏飞 亚军 国栋 振宇 文涛 冬冬 小龙 家明 春雷 大伟 学文 洪波 治国 启明 少华 晓峰 海波 志军 德明 正阳 兆丰 维民 红亮 子健 长江
      传东 继伟 为民 敬东 士杰
    `),
    young: words(`
      浩然 子轩 宇航 俊熙 一帆 博文 天宇 家豪 子豪 皓轩 思远 明哲 晨阳 嘉诚 梓豪 宇轩 昊天 文轩 子墨 奕辰 睿哲 鸿飞 锦程 致远 泽宇 逸飞 晟睿 天佑 书恒 星宇
    `),
  },
  '2': {
    old: words(`
      秀英 桂英 秀兰 玉兰 红梅 丽华 淑珍 凤英 红英 建英 玉梅 素珍 美华 爱华 春梅 桂芳 金凤 秀珍 月英 文英 小红 晓红 丽君 惠敏 雪梅 翠兰 玉珍 宝珍 美玲 秀芳
    `),
    mid: words(`
      丽娟 晓燕 海燕 静静 丽丽 婷婷 晓丽 春燕 艳红 慧敏 雪莲 晓霞 文静 小燕 玲玲 晓梅 俊英 娟娟 莉莉 冬梅 红霞 晶晶 倩倩 亚楠 佳佳 媛媛 晓琳 丹丹 雅琴 明月
    `),
    young: words(`
      欣怡 梓涵 雨桐 诗涵 子涵 思琪 佳怡 雨欣 可馨 梦瑶 若曦 语嫣 心怡 一诺 紫涵 嘉怡 雅婷 佳琪 梦琪 诗雨 欣妍 安琪 雨萱 静怡 思彤 晨曦 钰涵 沐晴 悦然 书瑶
    `),
  },
};

/** Characters for one-character given names and for composing new two-character ones. */
const GIVEN1: Record<'1' | '2', string[]> = {
  '1': [
    '伟',
    '强',
    '军',
    '勇',
    '磊',
    '涛',
    '斌',
    '杰',
    '峰',
    '鹏',
    '刚',
    '辉',
    '明',
    '超',
    '波',
    '华',
    '亮',
    '健',
    '平',
    '林',
    '飞',
    '龙',
    '东',
    '海',
    '宇',
    '浩',
    '凯',
    '俊',
    '晨',
    '阳',
    '文',
    '志',
    '国',
    '建',
    '新',
    '德',
    '松',
    '永',
    '立',
    '兵',
    '锋',
    '坤',
    '晖',
    '智',
    '远',
    '翔',
    '博',
    '睿',
    '泽',
    '航',
    '卫',
    '忠',
    '庆',
    '光',
    '成',
    '胜',
    '宏',
    '彬',
    '毅',
    '铭',
  ],
  '2': [
    '芳',
    '娟',
    '敏',
    '静',
    '丽',
    '艳',
    '娜',
    '霞',
    '燕',
    '玲',
    '洁',
    '婷',
    '琳',
    '红',
    '梅',
    '慧',
    '莉',
    '萍',
    '雪',
    '颖',
    '倩',
    '佳',
    '欣',
    '悦',
    '璐',
    '瑶',
    '雯',
    '蕾',
    '晶',
    '丹',
    '琴',
    '兰',
    '云',
    '凤',
    '英',
    '秀',
    '淑',
    '春',
    '晓',
    '思',
    '雨',
    '梦',
    '诗',
    '怡',
    '馨',
    '嘉',
    '薇',
    '岚',
    '菲',
    '青',
  ],
};

/**
 * Full names of national and provincial leaders and other well-known people: a generated name that
 * matches one is drawn again, so the demo never shows a real public figure as a county cadre.
 */
const BLOCKED = new Set(
  words(`
  毛泽东 周恩来 刘少奇 朱德 邓小平 陈云 江泽民 李鹏 朱镕基 胡锦涛 温家宝 吴邦国 贾庆林 习近平 李克强 李强 赵乐际 王沪宁 蔡奇 丁薛祥 李希 张德江 俞正声 刘云山 王岐山 张高丽 栗战书 汪洋 韩正 孙春兰 胡春华 杨洁篪
  王毅 刘鹤 陈敏尔 李鸿忠 黄坤明 郭声琨 王晨 杨晓渡 陈全国 马兴瑞 尹力 石泰峰 刘国中 李干杰 李书磊 何卫东 何立峰 张国清 陈文清 陈吉宁 袁家军 张又侠 王小洪 谌贻琴 吴政隆 王勇 肖捷 魏凤和 李尚福 彭丽媛 刘德华
  周杰伦 成龙 李连杰 王菲 刘翔 姚明 李宁 郎平 莫言 屠呦呦 钟南山 袁隆平 马云 马化腾 李彦宏 雷军 张艺谋 陈凯歌 赵薇 范冰冰 刘亦菲 杨幂 鲁迅 郭沫若
`),
);

function eraOf(birthYear: number): Era {
  return birthYear < 1975 ? 'old' : birthYear < 1990 ? 'mid' : 'young';
}

export function drawSurname(rng: Random): string {
  return surnames.draw(rng);
}

/** A given name for someone of this gender ('1' 男, '2' 女) born in this year. */
export function drawGivenName(rng: Random, gender: '1' | '2', birthYear: number): string {
  const era = eraOf(birthYear);
  const r = rng.next();
  // One-character given names were commoner among older generations.
  const single = era === 'old' ? 0.3 : era === 'mid' ? 0.22 : 0.1;
  if (r < single) return rng.pick(GIVEN1[gender]);
  if (r < single + 0.45) return rng.pick(GIVEN2[gender][era]);
  const first = rng.pick(GIVEN1[gender]);
  let second = rng.pick(GIVEN1[gender]);
  if (second === first) second = rng.pick(GIVEN1[gender]);
  return first + second;
}

/** A full name; a surname may be imposed (children, fathers). Never a blocked name. */
export function drawName(rng: Random, gender: '1' | '2', birthYear: number, surname?: string): string {
  for (;;) {
    const name = (surname ?? drawSurname(rng)) + drawGivenName(rng, gender, birthYear);
    if (!BLOCKED.has(name)) return name;
  }
}
