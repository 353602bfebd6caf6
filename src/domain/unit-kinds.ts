// The closed lists behind units and teams: what kind of organ a unit is, the tier it sits on, and
// the kinds of leadership team (领导班子). Stored as the Chinese words the department uses.

/** 单位类别 */
export const UNIT_KINDS = [
  '党委',
  '政府',
  '人大',
  '政协',
  '纪委',
  '法院',
  '检察院',
  '部门',
  '群团',
  '事业',
  '国企',
  '乡镇',
  '街道',
  '地区',
  '开发区',
  '其他',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 单位层级: 市直, 县(市、区), 乡镇(街道) */
export const UNIT_TIERS = { city: '市直', county: '县(市、区)', township: '乡镇(街道)' } as const;
export type UnitTier = keyof typeof UNIT_TIERS;
export const UNIT_TIER_CODES = Object.keys(UNIT_TIERS) as [UnitTier, ...UnitTier[]];

/** 班子类别 */
export const TEAM_KINDS = [
  '党委班子',
  '政府班子',
  '人大常委会班子',
  '政协班子',
  '纪委班子',
  '法院班子',
  '检察院班子',
  '部门班子',
  '群团班子',
  '事业单位班子',
  '国企班子',
  '其他班子',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
