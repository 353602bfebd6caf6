// The national and 中组部 code tables (assets/codes, from shared/domain/codes; see SOURCES.txt there),
// loaded once into memory. Cadre records store codes; everything shown to a user is the name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface CodeItem {
  code: string;
  name: string;
  /** parent code for hierarchical tables (ZB09 series, ZB64 groups, ZB01 provinces) */
  parent?: string;
  /** a group heading that is not itself selectable */
  header?: boolean;
}

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/codes');

function rows(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(assets, file), 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

function uniqueByCode(items: CodeItem[]): CodeItem[] {
  const seen = new Set<string>();
  return items.filter((i) => i.name && !seen.has(i.code) && seen.add(i.code));
}

/** 2019 公务员职级: no official ZB148 codes were found (LRMX.md §6), so local codes ZJ01 (highest) … ZJ12. */
const ranks = rows('civil_servant_rank_2019.csv').map((r) => ({
  code: `ZJ${String(r.order_high_to_low).padStart(2, '0')}`,
  name: r.rank_name,
}));

const zb09 = rows('zb09_position_level_observed.csv').map((r) => ({ code: r.code, name: r.name, parent: r.parent_guess || undefined }));
const zb09Parents = new Set(zb09.map((r) => r.parent).filter(Boolean));

export const CODE_TABLES = {
  gender: {
    label: '性别（GB/T 2261.1）',
    items: rows('gb2261_1_gender.csv')
      .filter((r) => r.name_in_rmb_software)
      .map((r) => ({ code: r.code, name: r.name_in_rmb_software })),
  },
  ethnic: {
    label: '民族（GB 3304）',
    items: uniqueByCode(rows('gb3304_ethnic_groups.csv').map((r) => ({ code: r.code, name: r.name_in_rmb_DmGrp || r.name_GB3304_1991 }))),
  },
  political: {
    label: '政治面貌（GB/T 4762）',
    items: rows('gb4762_political_status.csv').map((r) => ({ code: r.code, name: r['short_name_used_in_lrmx(DmGrp)'] || r.name_full_GB4762 })),
  },
  education: {
    label: '学历（ZB64）',
    items: rows('zb64_education_zzb.csv').map((r) => ({
      code: r.code,
      name: r.name,
      parent: r.parent === 'ZB64' ? undefined : r.parent,
      header: ['1', '2', '3'].includes(r.code),
    })),
  },
  degree: {
    label: '学位（GB/T 6864）',
    items: rows('gb6864_degree.csv').map((r) => ({
      code: r.code,
      // The source spells 352 "军士硕士", a typo for 军事硕士 (SOURCES.txt).
      name: r.code === '352' ? r.name_rmb_v3_DmGrp.replace('军士硕士', '军事硕士') : r.name_rmb_v3_DmGrp,
      parent: r.parent === 'GB6864' ? undefined : r.parent,
      header: r.parent === 'GB6864' && ['2', '3', '4'].includes(r.code),
    })),
  },
  health: { label: '健康状况', items: rows('rmb_health_GB22613.csv').map((r) => ({ code: r.code, name: r.name })) },
  relation: { label: '家庭关系（GB/T 4761）', items: rows('gb4761_family_relation.csv').map((r) => ({ code: r.code, name: r.name })) },
  professionalTitle: {
    label: '专业技术职务（GB/T 8561）',
    items: rows('gb8561_professional_title.csv').map((r) => ({ code: r.code, name: r.name })),
  },
  level: {
    label: '职务层次（ZB09）',
    items: zb09.map((r) => ({ ...r, header: zb09Parents.has(r.code) })),
  },
  rank: { label: '职级（2019 公务员职级，本地代码）', items: ranks },
  place: {
    label: '行政区划（ZB01）',
    items: rows('zb01_admin_division_rmb.csv').map((r) => ({ code: r.code, name: r.name, parent: r.parent === 'zb01' ? undefined : r.parent })),
  },
} satisfies Record<string, { label: string; items: CodeItem[] }>;

export type CodeTable = keyof typeof CODE_TABLES;

const indexes = new Map<CodeTable, Map<string, CodeItem>>();
function index(table: CodeTable) {
  let m = indexes.get(table);
  if (!m) {
    m = new Map(CODE_TABLES[table].items.map((i) => [i.code, i as CodeItem]));
    indexes.set(table, m);
  }
  return m;
}

export function codeName(table: CodeTable, code: string | null | undefined): string {
  if (!code) return '';
  return index(table).get(code)?.name ?? '';
}

export function isCode(table: CodeTable, code: string): boolean {
  const item = index(table).get(code);
  return !!item && !item.header;
}

/** Find a code by its name (imports and Excel give names); exact match. */
export function codeByName(table: CodeTable, name: string): string | undefined {
  const n = name.trim();
  return CODE_TABLES[table].items.find((i) => i.name === n)?.code;
}

/**
 * Tier of a ZB64 学历 code, 1 (研究生) … 8 (小学): lower is higher. Used to pick the highest of the
 * full-time and in-service 学历 and for education statistics.
 */
export function educationTier(code: string | null | undefined): number {
  if (!code) return 99;
  if (code[0] === '1') return 1;
  if (code[0] === '2') return 2;
  const tiers: Record<string, number> = { '3': 3, '31': 3, '32': 3, '33': 3, '34': 3, '35': 4, '36': 5, '37': 6, '38': 7, '39': 8 };
  return tiers[code] ?? 99;
}
