// The overview's figures in the best SQL we can write by hand, run directly on the database: one
// pass over the active cadres grouped by authority and 职务层次 with every count as a conditional sum
// (totals, per authority and per level all follow from it), and one grouped pass over the posts.
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { latestBirthDateForAge } from '../src/domain/dates.js';

export async function rawStatistics(db: Db, dialect: 'sqlite' | 'postgres', authorityIds: number[], on: string) {
  const ids = sql.join(authorityIds);
  const md = on.slice(5, 10);
  const b = (age: number) => latestBirthDateForAge(age, on);
  const year = dialect === 'postgres' ? sql`cast(substr(birth_date, 1, 4) as integer)` : sql`cast(substr(birth_date, 1, 4) as integer)`;
  const cadres = await sql<Record<string, number>>`
    select authority_id, level_code, count(*) as total,
      sum(case when gender = '2' then 1 else 0 end) as women,
      sum(case when political_status not in ('01', '02') then 1 else 0 end) as non_party,
      sum(case when ethnic_code <> '01' then 1 else 0 end) as minority,
      sum(${year}) as birth_years,
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
  const staffing = await sql<Record<string, number>>`
    select count(distinct team_id) as teams, sum(quota) as quota, sum(filled) as filled,
      sum(case when quota > filled then quota - filled else 0 end) as vacant,
      sum(case when filled > quota then filled - quota else 0 end) as over_quota,
      count(distinct case when is_chief = 1 and quota > filled then team_id end) as chief_vacant
    from (
      select p.team_id, p.quota, p.is_chief,
        (select count(*) from appointments a where a.post_id = p.id and a.start_date <= ${on} and (a.end_date is null or a.end_date > ${on})) as filled
      from posts p join teams t on t.id = p.team_id join units u on u.id = t.unit_id
      where u.authority_id in (${ids})
    ) x`.execute(db);
  const units = await sql`select count(*) as n from units where authority_id in (${ids})`.execute(db);
  return { groups: cadres.rows.length, staffing: staffing.rows[0], units: units.rows[0] };
}
