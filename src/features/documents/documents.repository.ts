// Reads of the documents feature: the roster in pages of keyset order, so an export of any size reads
// a bounded number of rows at a time; and the uploaded Excel templates kept for their confirmation.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { filtered, type CadreConditions, type CadreSort } from '../cadres/cadres.repository.js';
import type { RosterRow } from './documents.rules.js';
import type { ExcelUploadTable } from './documents.table.js';
import { chunks } from '../../domain/group.js';

/**
 * Sort columns that are never null: these page by keyset, on the columns of the search indexes
 * (migration 0002: status, then the sort column, name_pinyin, id) so that the next page starts where
 * the index says instead of after a scan; 职务层次 (nullable) pages by offset.
 */
const KEYSET = {
  name: ['cadres.name', 'cadres.namePinyin'],
  pinyin: ['cadres.namePinyin'],
  birthDate: ['cadres.birthDate', 'cadres.namePinyin'],
  workStart: ['cadres.workStartMonth'],
} as const;

export interface RosterCursor {
  /** the sort values (KEYSET's columns) and id of the last row read */
  key: string[];
  id: number;
  /** rows read so far (offset paging) */
  read: number;
}

/** One page of the roster after `cursor`, ordered by the sort column then id. */
export async function rosterPage(
  db: Db,
  f: CadreConditions,
  sort: CadreSort,
  order: 'asc' | 'desc',
  cursor: RosterCursor | null,
  limit: number,
): Promise<RosterRow[]> {
  if (f.authorityIds.length === 0) return [];
  let q = filtered(db, f)
    .innerJoin('authorities', 'authorities.id', 'cadres.authorityId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select([
      'cadres.id',
      'cadres.idCard',
      'cadres.name',
      'cadres.namePinyin',
      'cadres.gender',
      'cadres.birthDate',
      'cadres.ethnicCode',
      'cadres.nativePlace',
      'cadres.birthplace',
      'cadres.politicalStatus',
      'cadres.partyJoinMonth',
      'cadres.otherParty',
      'cadres.workStartMonth',
      'cadres.healthCode',
      'cadres.professionalTitle',
      'cadres.specialty',
      'cadres.ftEducation',
      'cadres.ftDegree',
      'cadres.ftEducationSchool',
      'cadres.ipEducation',
      'cadres.ipDegree',
      'cadres.ipEducationSchool',
      'cadres.highestEducation',
      'cadres.currentPost',
      'cadres.levelCode',
      'cadres.levelSince',
      'cadres.rankCode',
      'cadres.rankSince',
      'cadres.status',
      'cadres.remarks',
      'units.name as unitName',
      'authorities.name as authorityName',
    ]);
  if (sort === 'level') {
    q = q
      .orderBy(sql`case when ${sql.ref('cadres.levelCode')} is null then 1 else 0 end`)
      .orderBy('cadres.levelCode', order)
      .orderBy('cadres.id')
      .offset(cursor?.read ?? 0);
  } else {
    const cols = KEYSET[sort];
    if (cursor) {
      // A row comparison, (col, …, id) > (k, …, i): both databases read it as one range of the index
      // (PostgreSQL cannot use an index for the equivalent col > k OR (col = k AND id > i)).
      const left = sql.join([...cols.map((c) => sql.ref(c)), sql.ref('cadres.id')]);
      const right = sql.join([...cursor.key.map((k) => sql.val(k)), sql.val(cursor.id)]);
      q = q.where(sql<boolean>`(${left}) ${sql.raw(order === 'asc' ? '>' : '<')} (${right})`);
    }
    for (const c of cols) q = q.orderBy(c, order);
    q = q.orderBy('cadres.id', order);
  }
  return q.limit(limit).execute();
}

/** The sort values of a roster row (KEYSET's columns), for the next page's cursor. */
export function sortKey(r: RosterRow, sort: CadreSort): string[] {
  return {
    name: [r.name, r.namePinyin],
    pinyin: [r.namePinyin],
    birthDate: [r.birthDate, r.namePinyin],
    workStart: [r.workStartMonth],
    level: [],
  }[sort];
}

export async function countRoster(db: Db, f: CadreConditions): Promise<number> {
  if (f.authorityIds.length === 0) return 0;
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Units within scope by exact name (an appointments sheet names them). */
export async function unitsByName(db: Db, names: readonly string[], authorityIds: readonly number[]) {
  if (!names.length || !authorityIds.length) return [];
  const out: { id: number; name: string; authorityId: number }[] = [];
  const list = [...new Set(names)];
  for (let i = 0; i < list.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('units')
        .select(['id', 'name', 'authorityId'])
        .where('name', 'in', list.slice(i, i + 500))
        .where('authorityId', 'in', authorityIds)
        .execute()),
    );
  return out;
}

/** Every post of these units, with its team, as units.repository's findPost gives one. */
export async function postsOfUnits(db: Db, unitIds: readonly number[]) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .selectAll('posts')
    .select(['teams.name as teamName', 'teams.unitId', 'units.name as unitName', 'units.authorityId'])
    .where('teams.unitId', 'in', [...new Set(unitIds)])
    .orderBy('posts.id')
    .execute();
}

/** The facts appointment rules need of cadres, by id. */
export async function appointmentCadres(db: Db, ids: readonly number[]) {
  if (!ids.length) return [];
  const out: { id: number; name: string; authorityId: number; status: string; workStartMonth: string }[] = [];
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('cadres')
        .select(['id', 'name', 'authorityId', 'status', 'workStartMonth'])
        .where('id', 'in', list.slice(i, i + 500))
        .execute()),
    );
  return out;
}

// ---- uploaded Excel templates (migration 0017) ----

export type ExcelUploadRow = Selectable<ExcelUploadTable>;

export async function insertUpload(db: Db, row: Insertable<ExcelUploadTable>): Promise<void> {
  await db.insertInto('excelUploads').values(row).execute();
}

export async function findUpload(db: Db, token: string): Promise<ExcelUploadRow | undefined> {
  return db.selectFrom('excelUploads').selectAll().where('token', '=', token).executeTakeFirst();
}

/**
 * Mark an upload confirmed, once: false when it already was (a second confirm, or one running in
 * another process: on PostgreSQL the row stays locked until that transaction ends).
 */
export async function markUploadConfirmed(db: Db, token: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('excelUploads')
    .set({ confirmedAt: at })
    .where('token', '=', token)
    .where('confirmedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setUploadErrors(db: Db, token: string, errors: string): Promise<void> {
  await db.updateTable('excelUploads').set({ errors }).where('token', '=', token).execute();
}

/** Delete the uploads created before `before` (ISO instant), for the retention cleanup. */
export async function deleteUploadsBefore(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('excelUploads').where('createdAt', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Owner and version of each ID number held (any authority): a dry run's check of an import block is
 * still current when both are unchanged. One query per 500 ID numbers, for what took two.
 */
export async function ownersWithVersions(db: Db, idCards: readonly string[]): Promise<Map<string, { id: number; version: number }>> {
  const out = new Map<string, { id: number; version: number }>();
  for (const part of chunks([...new Set(idCards)], 500)) {
    const rows = await db.selectFrom('cadres').select(['id', 'idCard', 'version']).where('idCard', 'in', part).execute();
    for (const r of rows) out.set(r.idCard, { id: r.id, version: r.version });
  }
  return out;
}
