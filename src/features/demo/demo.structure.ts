// The demo city's organs as rows: the unit tree (青川市 → 市委, 市政府 … → the five county areas →
// their organs and townships), each unit's leadership teams and posts with quotas, and one "seat" per
// quota place for the generator to fill or leave vacant. Pure: ids come from the caller.
import type { Insertable } from 'kysely';
import type { Random } from '../../domain/random.js';
import type { UnitTable, TeamTable, PostTable } from '../units/units.table.js';
import type { DemoAuthorityKey } from './demo.accounts.js';
import {
  CITY_AREA,
  CITY_SECTIONS,
  COUNTY_AREAS,
  DEPARTMENTS,
  INSTITUTIONS,
  STREET_ROOTS,
  TOWNSHIP_ROOTS,
  type AreaDef,
  type DeptDef,
} from './demo.catalog.js';

export type UnitRow = Insertable<UnitTable> & { id: number; path: string; sortOrder: number };
export type TeamRow = Insertable<TeamTable> & { id: number };
export type PostRow = Insertable<PostTable> & { id: number };

export interface Township {
  name: string;
  /** 镇 / 乡 / 街道 */
  type: '镇' | '乡' | '街道';
}

export interface Area extends AreaDef {
  authorityId: number;
  isCity: boolean;
  /** 中共青川市委, 中共南溪县委 */
  party: string;
  /** every department of this area by name (also those not generated at a small scale), for resume lines */
  departments: AreaDepartment[];
  /** every township name of the area (none for the city itself) */
  townships: Township[];
}

/** A department of an area, with the names it had before (for resume lines of earlier years). */
export interface AreaDepartment {
  key: string;
  name: string;
  chief: string;
  deputy: string;
  standing: boolean;
  before: { until: number; name: string }[];
}

/** The name an organ had in a year: its current name, or the earlier one then in use. */
export function nameInYear(current: string, before: readonly { until: number; name: string }[] | undefined, year: number): string {
  return before?.find((b) => year < b.until)?.name ?? current;
}

/** The place of one unit, as the people generator needs it. */
export interface UnitInfo {
  id: number;
  name: string;
  /** the name as 现任职务 and 简历 write it: townships with their county (南溪县青石镇) */
  label: string;
  kind: string;
  area: Area;
  authorityId: number;
  specialties: string[];
  /** 内设科室 for city 科长/副科长 */
  sections: string[];
  township?: Township;
  deptKey?: string;
  /** earlier names of the organ (departments renamed by reforms) */
  before?: { until: number; name: string }[];
}

/** One place of a post's quota. */
export interface Seat {
  postId: number;
  unit: UnitInfo;
  levelCode: string;
  isChief: boolean;
  /** 现任职务 as the form writes it */
  display: string;
  /** the authority managing the holder: the city for 县处级 and above, else the unit's */
  authorityId: number;
  vacant: boolean;
  female: boolean;
  nonParty: boolean;
  /** month of the general election (换届) this post is usually filled at */
  cycle: string | null;
}

export interface StaffUnit {
  unit: UnitInfo;
  weight: number;
}

export interface Structure {
  units: UnitRow[];
  teams: TeamRow[];
  posts: PostRow[];
  seats: Seat[];
  /** units that have non-leading staff, by area key */
  staffUnits: Map<DemoAuthorityKey, StaffUnit[]>;
  areas: Area[];
}

/** 厅局级 and 县处级 posts are managed by the city; 乡科级 ones by the unit's own authority. */
export const CITY_MANAGED_LEVELS = new Set(['1A11', '1A12', '1A21', '1A22', '1A31', '1A32']);

interface PostDef {
  title: string;
  level: string;
  chief?: boolean;
  quota: number;
  /** 现任职务 of seat i; {U} unit, {C} area, {S} 市/区/县, {P} party committee */
  display: string | ((i: number) => string);
  female?: number[];
  nonParty?: number[];
}

interface TeamDef {
  name: string;
  kind: string;
  posts: PostDef[];
  cycle?: string;
}

interface UnitDef {
  name: string;
  kind: string;
  staff: number;
  specialties: string[];
  sectionsKey?: string;
  teams: TeamDef[];
  before?: { until: number; name: string }[];
}

const CITY_STANDING = ['组织部部长', '宣传部部长', '统战部部长', '政法委书记', '秘书长'];

function topBodies(area: Area): UnitDef[] {
  const { name: C, suffix: S, party: P } = area;
  if (area.isCity) {
    return [
      {
        name: P,
        kind: '党委',
        staff: 0,
        specialties: ['党建工作'],
        teams: [
          {
            name: `${P}常委会`,
            kind: '党委班子',
            cycle: '2021-10',
            posts: [
              { title: '书记', level: '1A21', chief: true, quota: 1, display: `${P}书记` },
              { title: '副书记', level: '1A22', quota: 1, display: `${P}副书记` },
              { title: '常委', level: '1A22', quota: CITY_STANDING.length, display: (i) => `${P}常委、${CITY_STANDING[i]}`, female: [2] },
            ],
          },
        ],
      },
      {
        name: `${C}人大常委会`,
        kind: '人大',
        staff: 0.6,
        specialties: ['人大工作', '法律'],
        sectionsKey: 'congress',
        teams: [
          {
            name: `${C}人大常委会领导班子`,
            kind: '人大常委会班子',
            cycle: '2022-01',
            posts: [
              { title: '主任', level: '1A21', chief: true, quota: 1, display: '{U}主任' },
              { title: '副主任', level: '1A22', quota: 5, display: '{U}副主任', female: [0], nonParty: [1] },
              { title: '秘书长', level: '1A31', quota: 1, display: '{U}秘书长' },
            ],
          },
        ],
      },
      {
        name: `${C}人民政府`,
        kind: '政府',
        staff: 0,
        specialties: ['经济管理'],
        teams: [
          {
            name: `${C}人民政府领导班子`,
            kind: '政府班子',
            cycle: '2022-01',
            posts: [
              { title: '市长', level: '1A21', chief: true, quota: 1, display: `${P}副书记、{U}市长` },
              { title: '常务副市长', level: '1A22', quota: 1, display: `${P}常委、{U}常务副市长` },
              { title: '副市长', level: '1A22', quota: 5, display: '{U}副市长', female: [0], nonParty: [1] },
              { title: '秘书长', level: '1A31', quota: 1, display: '{U}秘书长' },
            ],
          },
        ],
      },
      {
        name: `政协${C}委员会`,
        kind: '政协',
        staff: 0.5,
        specialties: ['政协工作', '统战工作'],
        sectionsKey: 'cppcc',
        teams: [
          {
            name: `政协${C}委员会领导班子`,
            kind: '政协班子',
            cycle: '2022-01',
            posts: [
              { title: '主席', level: '1A21', chief: true, quota: 1, display: '{U}主席' },
              { title: '副主席', level: '1A22', quota: 6, display: '{U}副主席', female: [0], nonParty: [1, 2, 3] },
              { title: '秘书长', level: '1A31', quota: 1, display: '{U}秘书长' },
            ],
          },
        ],
      },
      {
        name: `${C}纪委监委`,
        kind: '纪委',
        staff: 1.6,
        // 监察委员会 since 2018 (监察法).
        before: [{ until: 2018, name: `${C}纪委` }],
        specialties: ['纪检监察'],
        sectionsKey: 'discipline',
        teams: [
          {
            name: `${C}纪委监委领导班子`,
            kind: '纪委班子',
            cycle: '2021-10',
            posts: [
              { title: '书记', level: '1A22', chief: true, quota: 1, display: `${P}常委、${C}纪委书记、市监委主任` },
              { title: '副书记', level: '1A31', quota: 3, display: `${C}纪委副书记、市监委副主任` },
              { title: '常委', level: '1A32', quota: 3, display: `${C}纪委常委、市监委委员` },
            ],
          },
        ],
      },
      {
        name: `${C}中级人民法院`,
        kind: '法院',
        staff: 0,
        specialties: ['法律', '审判工作'],
        teams: [
          {
            name: `${C}中级人民法院领导班子`,
            kind: '法院班子',
            cycle: '2022-01',
            posts: [
              { title: '院长', level: '1A31', chief: true, quota: 1, display: '{U}院长' },
              { title: '副院长', level: '1A32', quota: 4, display: '{U}副院长', nonParty: [0] },
            ],
          },
        ],
      },
      {
        name: `${C}人民检察院`,
        kind: '检察院',
        staff: 0,
        specialties: ['法律', '检察工作'],
        teams: [
          {
            name: `${C}人民检察院领导班子`,
            kind: '检察院班子',
            cycle: '2022-01',
            posts: [
              { title: '检察长', level: '1A31', chief: true, quota: 1, display: '{U}检察长' },
              { title: '副检察长', level: '1A32', quota: 3, display: '{U}副检察长', nonParty: [0] },
            ],
          },
        ],
      },
    ];
  }
  const standing = ['组织部部长', '宣传部部长', '统战部部长', '政法委书记', '办公室主任', `${C}人民政府副${S}长`];
  return [
    {
      name: P,
      kind: '党委',
      staff: 0,
      specialties: ['党建工作'],
      teams: [
        {
          name: `${P}常委会`,
          kind: '党委班子',
          cycle: '2021-09',
          posts: [
            { title: '书记', level: '1A31', chief: true, quota: 1, display: `${P}书记` },
            { title: '副书记', level: '1A32', quota: 1, display: `${P}副书记` },
            { title: '常委', level: '1A32', quota: standing.length, display: (i) => `${P}常委、${standing[i]}`, female: [2] },
          ],
        },
      ],
    },
    {
      name: `${C}人大常委会`,
      kind: '人大',
      staff: 0.4,
      specialties: ['人大工作'],
      teams: [
        {
          name: `${C}人大常委会领导班子`,
          kind: '人大常委会班子',
          cycle: '2021-12',
          posts: [
            { title: '主任', level: '1A31', chief: true, quota: 1, display: '{U}主任' },
            { title: '副主任', level: '1A32', quota: 4, display: '{U}副主任', female: [0], nonParty: [1] },
          ],
        },
      ],
    },
    {
      name: `${C}人民政府`,
      kind: '政府',
      staff: 0,
      specialties: ['经济管理'],
      teams: [
        {
          name: `${C}人民政府领导班子`,
          kind: '政府班子',
          cycle: '2021-12',
          posts: [
            { title: `${S}长`, level: '1A31', chief: true, quota: 1, display: `${P}副书记、{U}${S}长` },
            { title: `常务副${S}长`, level: '1A32', quota: 1, display: `${P}常委、{U}常务副${S}长` },
            { title: `副${S}长`, level: '1A32', quota: 4, display: `{U}副${S}长`, female: [0], nonParty: [1] },
          ],
        },
      ],
    },
    {
      name: `政协${C}委员会`,
      kind: '政协',
      staff: 0.3,
      specialties: ['政协工作'],
      teams: [
        {
          name: `政协${C}委员会领导班子`,
          kind: '政协班子',
          cycle: '2021-12',
          posts: [
            { title: '主席', level: '1A31', chief: true, quota: 1, display: '{U}主席' },
            { title: '副主席', level: '1A32', quota: 4, display: '{U}副主席', female: [0], nonParty: [1, 2] },
          ],
        },
      ],
    },
    {
      name: `${C}纪委监委`,
      kind: '纪委',
      staff: 1.2,
      before: [{ until: 2018, name: `${C}纪委` }],
      specialties: ['纪检监察'],
      teams: [
        {
          name: `${C}纪委监委领导班子`,
          kind: '纪委班子',
          cycle: '2021-09',
          posts: [
            { title: '书记', level: '1A32', chief: true, quota: 1, display: `${P}常委、${C}纪委书记、${S}监委主任` },
            { title: '副书记', level: '1A41', quota: 2, display: `${C}纪委副书记、${S}监委副主任` },
            { title: '常委', level: '1A42', quota: 2, display: `${C}纪委常委、${S}监委委员` },
          ],
        },
      ],
    },
    {
      name: `${C}人民法院`,
      kind: '法院',
      staff: 0,
      specialties: ['法律', '审判工作'],
      teams: [
        {
          name: `${C}人民法院领导班子`,
          kind: '法院班子',
          cycle: '2021-12',
          posts: [
            { title: '院长', level: '1A32', chief: true, quota: 1, display: '{U}院长' },
            { title: '副院长', level: '1A41', quota: 3, display: '{U}副院长', nonParty: [0] },
          ],
        },
      ],
    },
    {
      name: `${C}人民检察院`,
      kind: '检察院',
      staff: 0,
      specialties: ['法律', '检察工作'],
      teams: [
        {
          name: `${C}人民检察院领导班子`,
          kind: '检察院班子',
          cycle: '2021-12',
          posts: [
            { title: '检察长', level: '1A32', chief: true, quota: 1, display: '{U}检察长' },
            { title: '副检察长', level: '1A41', quota: 2, display: '{U}副检察长', nonParty: [0] },
          ],
        },
      ],
    },
  ];
}

function departmentUnit(area: Area, def: DeptDef, deputies: number): UnitDef {
  const chiefLevel = area.isCity ? '1A31' : '1A41';
  const deputyLevel = area.isCity ? '1A32' : '1A42';
  const posts: PostDef[] = def.standing
    ? [
        { title: `常务副${def.chief}`, level: chiefLevel, quota: 1, display: `{U}常务副${def.chief}` },
        { title: def.deputy, level: deputyLevel, quota: deputies, display: `{U}${def.deputy}` },
      ]
    : [
        { title: def.chief, level: chiefLevel, chief: true, quota: 1, display: `{U}${def.chief}`, nonParty: def.nonPartyChief ? [0] : undefined },
        { title: def.deputy, level: deputyLevel, quota: deputies, display: `{U}${def.deputy}` },
      ];
  const name = fill(def.name, area);
  return {
    name,
    kind: def.kind,
    staff: def.staff,
    specialties: def.specialties,
    sectionsKey: def.key,
    teams: [{ name: `${name}领导班子`, kind: def.kind === '群团' ? '群团班子' : '部门班子', posts }],
  };
}

function townshipUnit(t: Township, area: Area): UnitDef {
  const U = t.name;
  if (t.type === '街道') {
    return {
      name: U,
      kind: '街道',
      staff: 1.3,
      specialties: ['基层治理', '社区工作'],
      teams: [
        {
          name: `${U}党工委`,
          kind: '党委班子',
          cycle: '2021-05',
          posts: [
            { title: '党工委书记', level: '1A41', chief: true, quota: 1, display: `${U}党工委书记` },
            { title: '党工委副书记', level: '1A42', quota: 1, display: `${U}党工委副书记` },
            { title: '纪工委书记', level: '1A42', quota: 1, display: `${U}党工委委员、纪工委书记` },
            { title: '党工委委员', level: '1A42', quota: 2, display: (i) => `${U}党工委委员、${['组织委员', '宣传委员'][i]}` },
            { title: '人大工委主任', level: '1A42', quota: 1, display: `${area.name}人大常委会${U}工作委员会主任` },
          ],
        },
        {
          name: `${U}办事处`,
          kind: '政府班子',
          cycle: '2021-05',
          posts: [
            { title: '办事处主任', level: '1A41', chief: true, quota: 1, display: `${U}党工委副书记、办事处主任` },
            { title: '办事处副主任', level: '1A42', quota: 3, display: `${U}办事处副主任` },
          ],
        },
      ],
    };
  }
  const head = t.type === '乡' ? '乡长' : '镇长';
  return {
    name: U,
    kind: '乡镇',
    staff: t.type === '乡' ? 1.1 : 1.5,
    specialties: ['基层治理', '农业农村工作', '乡村振兴'],
    teams: [
      {
        name: `${U}党委`,
        kind: '党委班子',
        cycle: '2021-05',
        posts: [
          { title: '党委书记', level: '1A41', chief: true, quota: 1, display: `${U}党委书记` },
          { title: '党委副书记', level: '1A42', quota: 1, display: `${U}党委副书记` },
          { title: '纪委书记', level: '1A42', quota: 1, display: `${U}党委委员、纪委书记` },
          { title: '党委委员', level: '1A42', quota: 3, display: (i) => `${U}党委委员、${['组织委员', '宣传委员', '武装部部长'][i]}` },
          { title: '人大主席', level: '1A42', quota: 1, display: `${U}人大主席` },
        ],
      },
      {
        name: `${U}人民政府`,
        kind: '政府班子',
        cycle: '2021-05',
        posts: [
          { title: head, level: '1A41', chief: true, quota: 1, display: `${U}党委副书记、${head}` },
          { title: `副${head}`, level: '1A42', quota: 4, display: (i) => (i === 0 ? `${U}党委委员、副${head}` : `${U}副${head}`) },
        ],
      },
    ],
  };
}

function fill(template: string, area: Area, unitName = ''): string {
  return template.replaceAll('{C}', area.name).replaceAll('{S}', area.suffix).replaceAll('{P}', area.party).replaceAll('{U}', unitName);
}

/** Once a province's many townships use up the roots: 东桃源, 西白沙 … (never reached by the city demo); unique for i < 80. */
const EXTRA_PREFIXES = ['东', '西', '南', '北', '新', '上', '下', '大', '小', '中'];
const extraRoot = (i: number) => `${EXTRA_PREFIXES[i % EXTRA_PREFIXES.length]}${TOWNSHIP_ROOTS[(i * 7) % TOWNSHIP_ROOTS.length]}`;

/** Township names of a county: 镇, 乡 or 街道 by the county's mix, each root used once in the city. */
function townshipsOf(rng: Random, def: AreaDef, count: number, roots: string[], streets: string[]): Township[] {
  const out: Township[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < def.streets && streets.length) out.push({ name: `${streets.pop()}街道`, type: '街道' });
    else
      out.push({
        name: `${roots.pop() ?? extraRoot(i)}${r < def.streets + def.xiang ? '乡' : '镇'}`,
        type: r < def.streets + def.xiang ? '乡' : '镇',
      });
  }
  // Streets first, as county lists usually print them.
  return out.sort((a, b) => (a.type === '街道' ? 0 : 1) - (b.type === '街道' ? 0 : 1));
}

export interface StructureIds {
  unit: number;
  team: number;
  post: number;
}

/** Smaller cities keep every organ with a team of its own but fewer departments and townships. */
export function buildStructure(
  rng: Random,
  scale: number,
  authorityIds: Record<DemoAuthorityKey, number>,
  ids: StructureIds,
  /** townships per county (min, max); the city demo's 8–14 unless a province asks for more */
  townships: readonly [number, number] = [8, 14],
): Structure {
  const units: UnitRow[] = [];
  const teams: TeamRow[] = [];
  const posts: PostRow[] = [];
  const seats: Seat[] = [];
  const staffUnits = new Map<DemoAuthorityKey, StaffUnit[]>();
  const sortCounters = new Map<number, number>();
  let nextUnit = ids.unit;
  let nextTeam = ids.team;
  let nextPost = ids.post;
  const cityId = authorityIds.city;

  const addUnit = (name: string, parent: UnitRow | null, kind: string, tier: string, authorityId: number): UnitRow => {
    const id = nextUnit++;
    const parentKey = parent?.id ?? 0;
    const sortOrder = (sortCounters.get(parentKey) ?? 0) + 1;
    sortCounters.set(parentKey, sortOrder);
    const row: UnitRow = { id, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, kind, tier, authorityId, sortOrder };
    units.push(row);
    return row;
  };

  const addOrgan = (
    def: UnitDef,
    parent: UnitRow,
    area: Area,
    tier: string,
    extra: { township?: Township; deptKey?: string; before?: { until: number; name: string }[] } = {},
  ) => {
    const row = addUnit(def.name, parent, def.kind, tier, area.authorityId);
    const info: UnitInfo = {
      id: row.id,
      name: row.name,
      label: extra.township ? `${area.name}${row.name}` : row.name,
      before: def.before,
      kind: def.kind,
      area,
      authorityId: area.authorityId,
      specialties: def.specialties,
      sections: CITY_SECTIONS[def.sectionsKey ?? 'default'] ?? CITY_SECTIONS.default,
      ...extra,
    };
    let teamOrder = 0;
    for (const t of def.teams) {
      const team: TeamRow = { id: nextTeam++, unitId: row.id, name: t.name, kind: t.kind, sortOrder: ++teamOrder };
      teams.push(team);
      let postOrder = 0;
      for (const p of t.posts) {
        const post: PostRow = {
          id: nextPost++,
          teamId: team.id,
          title: p.title,
          levelCode: p.level,
          isChief: p.chief ? 1 : 0,
          quota: p.quota,
          sortOrder: ++postOrder,
        };
        posts.push(post);
        for (let i = 0; i < p.quota; i++) {
          const female = p.female?.includes(i) ?? false;
          const nonParty = p.nonParty?.includes(i) ?? false;
          const text = fill(typeof p.display === 'function' ? p.display(i) : p.display, area, row.name);
          // Township posts are written with the county: 南溪县青石镇党委书记.
          const display = extra.township && text.startsWith(row.name) ? `${area.name}${text}` : text;
          // Forced seats (the team's woman, its 党外 member) are always filled.
          const vacant = !female && !nonParty && rng.chance(p.chief ? 0.03 : 0.065);
          seats.push({
            postId: post.id,
            unit: info,
            levelCode: p.level,
            isChief: !!p.chief,
            display,
            authorityId: CITY_MANAGED_LEVELS.has(p.level) ? cityId : area.authorityId,
            vacant,
            female,
            nonParty,
            cycle: t.cycle ?? null,
          });
        }
      }
    }
    if (def.staff > 0) {
      const list = staffUnits.get(area.key) ?? [];
      list.push({ unit: info, weight: def.staff });
      staffUnits.set(area.key, list);
    }
    return row;
  };

  const roots = rng.shuffle(TOWNSHIP_ROOTS);
  const streetRoots = rng.shuffle(STREET_ROOTS);
  const makeArea = (def: AreaDef, townships: Township[]): Area => {
    const isCity = def.key === 'city';
    const area: Area = {
      ...def,
      authorityId: authorityIds[def.key],
      isCity,
      party: `中共${def.name}委`,
      departments: [],
      townships,
    };
    area.departments = DEPARTMENTS.filter((x) => (isCity ? x.city : x.county !== null)).map((x) => ({
      key: x.key,
      name: fill(x.name, area),
      chief: x.chief,
      deputy: x.deputy,
      standing: !!x.standing,
      before: (x.before ?? []).map((b) => ({ until: b.until, name: fill(b.name, area) })),
    }));
    return area;
  };

  const city = makeArea(CITY_AREA, []);
  const counties = COUNTY_AREAS.map((def) => makeArea(def, townshipsOf(rng, def, rng.int(townships[0], townships[1]), roots, streetRoots)));
  const areas = [city, ...counties];

  // 青川市 and its organs.
  const cityRoot = addUnit(city.name, null, '地区', 'city', cityId);
  for (const def of topBodies(city)) addOrgan(def, cityRoot, city, 'city');
  const cityDepts = DEPARTMENTS.filter((x) => x.city);
  const nCityDepts = Math.min(cityDepts.length, Math.max(2, Math.round(cityDepts.length * scale)));
  const beforeOf = (area: Area, key: string) => area.departments.find((x) => x.key === key)?.before;
  for (const def of cityDepts.slice(0, nCityDepts)) {
    addOrgan(departmentUnit(city, def, rng.int(3, 4)), cityRoot, city, 'city', { deptKey: def.key, before: beforeOf(city, def.key) });
  }
  const cityInst = INSTITUTIONS.filter((x) => x.city);
  const nCityInst = Math.min(cityInst.length, Math.max(1, Math.round(cityInst.length * scale)));
  for (const inst of cityInst.slice(0, nCityInst)) addOrgan(institutionUnit(inst, city), cityRoot, city, 'city');

  // The five county areas.
  for (const area of counties) {
    const root = addUnit(area.name, cityRoot, '地区', 'county', area.authorityId);
    for (const def of topBodies(area)) addOrgan(def, root, area, 'county');
    const depts = DEPARTMENTS.filter((x) => x.county !== null).sort((a, b) => (a.county ?? 0) - (b.county ?? 0));
    const nDepts = Math.min(depts.length, Math.max(2, Math.round(rng.int(20, 26) * scale)));
    for (const def of depts.slice(0, nDepts)) {
      addOrgan(departmentUnit(area, def, rng.int(2, 3)), root, area, 'county', { deptKey: def.key, before: beforeOf(area, def.key) });
    }
    const insts = INSTITUTIONS.filter((x) => x.county);
    const nInst = Math.min(insts.length, Math.round(insts.length * scale));
    for (const inst of insts.slice(0, nInst)) addOrgan(institutionUnit(inst, area), root, area, 'county');
    const nTownships = Math.min(area.townships.length, Math.max(1, Math.round(area.townships.length * scale)));
    for (const t of area.townships.slice(0, nTownships)) addOrgan(townshipUnit(t, area), root, area, 'township', { township: t });
  }

  return { units, teams, posts, seats, staffUnits, areas };
}

function institutionUnit(inst: (typeof INSTITUTIONS)[number], area: Area): UnitDef {
  const name = fill(inst.name, area);
  const top = area.isCity ? '1A31' : '1A41';
  const deputy = area.isCity ? '1A32' : '1A42';
  return {
    name,
    kind: inst.kind,
    staff: area.isCity ? inst.staff : inst.staff * 0.5,
    specialties: inst.specialties,
    teams: [
      {
        name: `${name}领导班子`,
        kind: inst.teamKind,
        posts: inst.posts.map((p) => ({
          title: p.title,
          level: p.top ? top : deputy,
          chief: p.chief,
          quota: area.isCity ? p.quota : Math.min(p.quota, 2),
          display: p.display,
          nonParty: inst.kind === '事业' && !p.top ? [1] : undefined,
        })),
      },
    ],
  };
}
