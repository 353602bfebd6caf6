// The overview's figures in the best SQL we can write by hand, run directly on the database, two ways:
// - `kept` (stats_raw_ms): reading the counts the triggers keep (migrations 0009 and 0015), as the API
//   does, plus the cadres born in today's month of the year after today's day. Once those counts
//   exist this is the best hand-written SQL for the figures, so it is what the API is held to.
// - `scan` (stats_raw_scan_ms): one pass over the active cadres grouped by authority and 职务层次 with
//   every count as a conditional sum — what the figures cost without kept counts.
// Both count the holders of posts the same way (one grouped pass over the appointments in force).
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { latestBirthDateForAge } from '../src/domain/dates.js';

async function staffing(db: Db, authorityIds: number[], on: string, all = false) {
  const ids = sql.join(authorityIds);
  // every authority: no join to the units for the scope
  const posts = all ? sql`posts p` : sql`posts p join teams t on t.id = p.team_id join units u on u.id = t.unit_id and u.authority_id in (${ids})`;
  const staffing = await sql<Record<string, number>>`
    select count(distinct team_id) as teams, sum(quota) as quota, sum(filled) as filled,
      sum(case when quota > filled then quota - filled else 0 end) as vacant,
      sum(case when filled > quota then filled - quota else 0 end) as over_quota,
      count(distinct case when is_chief = 1 and quota > filled then team_id end) as chief_vacant
    from (
      select p.team_id, p.quota, p.is_chief, coalesce(h.n, 0) as filled
      from ${posts}
      left join (select post_id, count(*) as n from appointments
                 where start_date <= ${on} and (end_date is null or end_date > ${on}) group by post_id) h on h.post_id = p.id
    ) x`.execute(db);
  const units = await sql`select count(*) as n from units ${all ? sql`` : sql`where authority_id in (${ids})`}`.execute(db);
  return { staffing: staffing.rows[0], units: units.rows[0] };
}

export async function rawStatisticsScan(db: Db, authorityIds: number[], on: string) {
  const ids = sql.join(authorityIds);
  const md = on.slice(5, 10);
  const b = (age: number) => latestBirthDateForAge(age, on);
  const cadres = await sql<Record<string, number>>`
    select authority_id, level_code, count(*) as total,
      sum(case when gender = '2' then 1 else 0 end) as women,
      sum(case when political_status not in ('01', '02') then 1 else 0 end) as non_party,
      sum(case when ethnic_code <> '01' then 1 else 0 end) as minority,
      sum(cast(substr(birth_date, 1, 4) as integer)) as birth_years,
      sum(case when substr(birth_date, 6, 5) > ${md} then 1 else 0 end) as later,
      sum(case when birth_date > ${b(36)} then 1 else 0 end) as a35,
      sum(case when birth_date <= ${b(36)} and birth_date > ${b(41)} then 1 else 0 end) as a40,
      sum(case when birth_date <= ${b(41)} and birth_date > ${b(46)} then 1 else 0 end) as a45,
      sum(case when birth_date <= ${b(46)} and birth_date > ${b(51)} then 1 else 0 end) as a50,
      sum(case when birth_date <= ${b(51)} and birth_date > ${b(56)} then 1 else 0 end) as a55,
      sum(case when birth_date <= ${b(56)} then 1 else 0 end) as a56,
      sum(case when highest_education like '1%' then 1 else 0 end) as graduate,
      sum(case when highest_education like '2%' then 1 else 0 end) as bachelor,
      sum(case when highest_education in ('3', '31', '32', '33', '34') then 1 else 0 end) as college,
      sum(case when highest_education is null then 1 else 0 end) as unknown
    from cadres where status = 'active' and authority_id in (${ids})
    group by authority_id, level_code`.execute(db);
  return { groups: cadres.rows.length, ...(await staffing(db, authorityIds, on)) };
}

/** `all`: the ids are every authority, so no condition on them is written (as the API does). */
export async function rawStatisticsKept(db: Db, authorityIds: number[], on: string, all: boolean) {
  const inScope = all ? sql`` : sql`and authority_id in (${sql.join(authorityIds)})`;
  const mm = on.slice(5, 7);
  // per 职务层次 (the totals follow from it), and per authority from cadre_counts (migration 0009)
  const profile = await sql<Record<string, number>>`
    select level_code, sum(n) as total,
      sum(case when gender = '2' then n else 0 end) as women,
      sum(case when political_status not in ('01', '02') then n else 0 end) as non_party,
      sum(case when ethnic_code <> '01' then n else 0 end) as minority,
      sum(case when highest_education like '1%' then n else 0 end) as graduate,
      sum(case when highest_education like '2%' then n else 0 end) as bachelor,
      sum(case when highest_education in ('3', '31', '32', '33', '34') then n else 0 end) as college,
      sum(case when highest_education = '' then n else 0 end) as unknown
    from cadre_profile_counts where status = 'active' ${inScope}
    group by level_code`.execute(db);
  const byAuthority = await sql`select authority_id, sum(n) as n from cadre_counts where status = 'active' ${inScope} group by authority_id`.execute(
    db,
  );
  const months = await sql<{ month: string; n: number }>`
    select birth_month as month, sum(n) as n from cadre_birth_counts where status = 'active' ${inScope}
    group by birth_month`.execute(db);
  const years = months.rows.filter((m) => m.month.slice(5, 7) === mm).map((m) => m.month.slice(0, 4));
  const later = years.length
    ? await sql`with r (lo, hi) as (values ${sql.join(years.map((y) => sql`(${`${y}-${on.slice(5)}`}, ${`${y}-${mm}-31`})`))})
        select r.lo, count(*) as n from r join cadres c on c.status = 'active' and c.birth_date > r.lo and c.birth_date <= r.hi
          ${inScope} group by r.lo`.execute(db)
    : { rows: [] };
  return {
    groups: profile.rows.length,
    authorities: byAuthority.rows.length,
    months: months.rows.length,
    later: later.rows.length,
    ...(await staffing(db, authorityIds, on, all)),
  };
}
