// The fictional demo city 青川市 and its five county-level areas: units, leadership teams and posts,
// about 3,000 city-managed and 20,000 county-managed cadres with full profiles, and their
// appointments. Deterministic: the same seed and scale give the same rows (dates are fixed, not today).
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { Random } from '../../domain/random.js';
import type { AppointmentTable } from '../units/units.table.js';
import type { DemoAuthorityKey } from './demo.accounts.js';
import { CREATED_AT } from './demo.catalog.js';
import { plantTeamFindings } from './demo.findings.js';
import { PeopleFactory, type CadreBundle, type PersonSpec } from './demo.people.js';
import { insertMany, nextIds, putSetting, syncIdSequences } from './demo.repository.js';
import { writePoolsDemo } from './demo.pools.js';
import { buildStructure, type Seat, type Structure, type StructureIds, type UnitInfo } from './demo.structure.js';

export interface DemoOptions {
  seed: number;
  /** 1 = the full city (about 3,000 city-managed and 20,000 county-managed cadres); tests use less */
  scale: number;
  /** townships per county (min, max); default the city's 8–14 (a province asks for more) */
  townships?: readonly [number, number];
  /** ID numbers already used, shared by the cities of a province so none repeats */
  usedIds?: Set<string>;
}

/** Cadres managed by the city and by all five counties together at scale 1. */
const CITY_CADRES = 3_000;
const COUNTY_CADRES = 20_000;
/** 县处级 non-leading cadres (调研员) per county at scale 1: city-managed, placed in 人大/政协/政府. */
const COUNTY_RESEARCHERS = 22;

export interface DemoCity {
  structure: Structure;
  bundles: CadreBundle[];
  appointments: Insertable<AppointmentTable>[];
}

/** Split n over weights by largest remainder (deterministic). */
function apportion(n: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (n <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (n * w) / total);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** Everything the demo city consists of, in memory: pure, no database. */
export function buildDemoCity(authorityIds: Record<DemoAuthorityKey, number>, opts: DemoOptions, ids: StructureIds & { cadre: number }): DemoCity {
  const rng = new Random(opts.seed);
  const structure = buildStructure(rng.fork('structure'), opts.scale, authorityIds, ids, opts.townships);
  const people = new PeopleFactory(rng.fork('people'), structure.areas, opts.usedIds);
  const pick = rng.fork('staff');
  const bundles: CadreBundle[] = [];
  const appointments: Insertable<AppointmentTable>[] = [];
  let nextCadre = ids.cadre;
  const cityId = authorityIds.city;
  const managed = new Map<number, number>();
  const add = (spec: PersonSpec) => {
    const bundle = people.build(nextCadre++, spec);
    bundles.push(bundle);
    managed.set(spec.authorityId, (managed.get(spec.authorityId) ?? 0) + 1);
    return bundle;
  };

  // Leaders: one cadre per filled seat, with the appointment.
  for (const seat of structure.seats) {
    if (seat.vacant) continue;
    const b = add(leaderSpec(seat, cityId));
    if (b.appointment) {
      appointments.push({
        cadreId: b.cadre.id,
        postId: seat.postId,
        startDate: b.appointment.startDate,
        startDocNo: b.appointment.docNo,
        createdAt: CREATED_AT,
      });
    }
  }

  // 调研员 of the county areas (县处级职级, city-managed) in their 人大, 政协 and 政府.
  for (const area of structure.areas.filter((a) => !a.isCity)) {
    const hosts = [...new Map(structure.seats.map((s) => [s.unit.id, s.unit])).values()].filter(
      (u) => u.area.key === area.key && ['人大', '政协', '政府'].includes(u.kind),
    );
    const n = Math.round(COUNTY_RESEARCHERS * opts.scale * area.size);
    for (let i = 0; i < n && hosts.length; i++) {
      const unit = pick.weighted(hosts.map((u) => [u, u.kind === '政府' ? 1 : 2] as const));
      add(staffSpec(unit, cityId, 'researcher', true));
    }
  }

  // City staff: 科长/副科长 of sections, non-leading ranks and 调研员, up to the city's total.
  const cityUnits = structure.staffUnits.get('city') ?? [];
  const cityStaff = Math.max(0, Math.round(CITY_CADRES * opts.scale) - (managed.get(cityId) ?? 0));
  apportion(
    cityStaff,
    cityUnits.map((u) => u.weight),
  ).forEach((n, i) => {
    const unit = cityUnits[i].unit;
    for (let k = 0; k < n; k++) {
      const role = pick.weighted([
        ['chief', 17],
        ['deputy', 15],
        ['researcher', 8],
        ['staff', 60],
      ] as const);
      if (role === 'chief' || role === 'deputy') {
        const section = pick.pick(unit.sections);
        const post = `${unit.name}${section}${role === 'chief' ? '科长' : '副科长'}`;
        add({
          unit,
          authorityId: cityId,
          role: 'section',
          levelCode: role === 'chief' ? '1A41' : '1A42',
          currentPost: post,
          isChief: role === 'chief',
          female: false,
          nonParty: false,
          cycle: null,
          cityManaged: true,
        });
      } else add(staffSpec(unit, cityId, role, true));
    }
  });

  // County staff: non-leading civil servants of departments, organs and townships.
  for (const area of structure.areas.filter((a) => !a.isCity)) {
    const units = structure.staffUnits.get(area.key) ?? [];
    const total = Math.round((COUNTY_CADRES / 5) * opts.scale * area.size);
    const n = Math.max(0, total - (managed.get(area.authorityId) ?? 0));
    apportion(
      n,
      units.map((u) => u.weight),
    ).forEach((count, i) => {
      for (let k = 0; k < count; k++) add(staffSpec(units[i].unit, area.authorityId, 'staff', false));
    });
  }

  const city = { structure, bundles, appointments };
  plantTeamFindings(city, rng.fork('findings'));
  return city;
}

function leaderSpec(seat: Seat, cityId: number): PersonSpec {
  return {
    unit: seat.unit,
    authorityId: seat.authorityId,
    role: 'leader',
    levelCode: seat.levelCode,
    currentPost: seat.display,
    isChief: seat.isChief,
    female: seat.female,
    nonParty: seat.nonParty,
    cycle: seat.cycle,
    cityManaged: seat.authorityId === cityId,
  };
}

function staffSpec(unit: UnitInfo, authorityId: number, role: 'staff' | 'researcher', cityManaged: boolean): PersonSpec {
  return { unit, authorityId, role, levelCode: null, currentPost: '', isChief: false, female: false, nonParty: false, cycle: null, cityManaged };
}

/** Build the demo city and write it in one transaction. scale 0 writes nothing. */
export async function generateDemoCity(
  db: Db,
  authorityIds: Record<DemoAuthorityKey, number>,
  opts: DemoOptions,
): Promise<{ cadres: number; units: number }> {
  if (!(opts.scale > 0)) return { cadres: 0, units: 0 };
  return db.transaction().execute(async (trx) => {
    const ids = await nextIds(trx);
    const city = buildDemoCity(authorityIds, opts, { unit: ids.units, team: ids.teams, post: ids.posts, cadre: ids.cadres });
    await writeDemoCity(trx, city);
    await writePoolsDemo(trx, city, opts.seed);
    return { cadres: city.bundles.length, units: city.structure.units.length };
  });
}

/** Write a built city; `finish` (the default) also moves the sequences and sets the demo flag. */
export async function writeDemoCity(db: Db, city: DemoCity, opts: { finish?: boolean } = {}): Promise<void> {
  const { structure, bundles } = city;
  await insertMany(db, 'units', structure.units);
  await insertMany(db, 'teams', structure.teams);
  await insertMany(db, 'posts', structure.posts);
  await insertMany(
    db,
    'cadres',
    bundles.map((b) => b.cadre),
  );
  await insertMany(
    db,
    'cadreResume',
    bundles.flatMap((b) => b.resume),
  );
  await insertMany(
    db,
    'cadreFamily',
    bundles.flatMap((b) => b.family),
  );
  await insertMany(
    db,
    'cadreAppraisals',
    bundles.flatMap((b) => b.appraisals),
  );
  await insertMany(
    db,
    'cadreRanks',
    bundles.flatMap((b) => b.ranks),
  );
  await insertMany(
    db,
    'cadreRewards',
    bundles.flatMap((b) => b.rewards),
  );
  await insertMany(
    db,
    'cadreTags',
    bundles.flatMap((b) => b.tags),
  );
  await insertMany(db, 'appointments', city.appointments);
  if (opts.finish === false) return;
  await syncIdSequences(db);
  await putSetting(db, {
    key: 'system.demoData',
    value: 'true',
    effectiveFrom: '2000-01-01',
    source: '演示数据',
    updatedBy: 'demo',
    updatedAt: CREATED_AT,
  });
}
