// The only code that touches the 研判 and 大调研 tables. Reads take the visible authorities, so a record
// made by a department the actor cannot see is simply not found.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type {
  AnalysisFollowUpTable,
  AnalysisRecordItemTable,
  AnalysisRecordTable,
  SurveyRecommendationTable,
  SurveyRecordTable,
} from './analysis-records.table.js';

// ---- scope ----

/** Teams of units the actor sees, optionally only in the subtrees of the given unit paths or with the given ids. */
export async function teamsInScope(db: Db, authorityIds: readonly number[], f: { unitPaths?: readonly string[]; teamIds?: readonly number[] }) {
  if (authorityIds.length === 0) return [];
  let q = db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['teams.id', 'teams.name', 'units.name as unitName', 'units.path'])
    .where('units.authorityId', 'in', authorityIds);
  if (f.teamIds) q = q.where('teams.id', 'in', f.teamIds.length ? f.teamIds : [-1]);
  if (f.unitPaths) {
    const paths = f.unitPaths;
    q = q.where((eb) => (paths.length ? eb.or(paths.map((p) => eb('units.path', 'like', `${p}%`))) : eb.lit(false)));
  }
  return q.orderBy('units.path').orderBy('teams.sortOrder').orderBy('teams.id').execute();
}

export async function unitsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'name', 'path', 'authorityId']).where('id', 'in', ids).execute();
}

export async function findPost(db: Db, id: number) {
  return db
    .selectFrom('posts')
    .innerJoin('teams', 'teams.id', 'posts.teamId')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['posts.id', 'posts.title', 'posts.teamId', 'units.authorityId'])
    .where('posts.id', '=', id)
    .executeTakeFirst();
}

// ---- analysis records ----

export async function insertRecord(db: Db, row: Insertable<AnalysisRecordTable>): Promise<number> {
  const r = await db.insertInto('analysisRecords').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Items in batches: a regular analysis of a city covers a few hundred teams with their snapshots. */
export async function insertItems(db: Db, rows: readonly Insertable<AnalysisRecordItemTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('analysisRecordItems')
      .values(rows.slice(i, i + 200))
      .execute();
}

export interface RecordFilter {
  authorityIds: readonly number[];
  kind?: string;
  status?: string;
  year?: number;
  teamId?: number;
  limit: number;
  offset: number;
}

export async function listRecords(db: Db, f: RecordFilter) {
  if (f.authorityIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('analysisRecords').where('analysisRecords.authorityId', 'in', f.authorityIds);
  if (f.kind) q = q.where('analysisRecords.kind', '=', f.kind);
  if (f.status) q = q.where('analysisRecords.status', '=', f.status);
  if (f.year) q = q.where('analysisRecords.asOf', '>=', `${f.year}-01-01`).where('analysisRecords.asOf', '<=', `${f.year}-12-31`);
  if (f.teamId !== undefined) {
    const teamId = f.teamId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('analysisRecordItems')
          .select('analysisRecordItems.id')
          .whereRef('analysisRecordItems.recordId', '=', 'analysisRecords.id')
          .where('analysisRecordItems.teamId', '=', teamId),
      ),
    );
  }
  const [items, count] = await Promise.all([
    q
      .innerJoin('authorities', 'authorities.id', 'analysisRecords.authorityId')
      .select((eb) => [
        'analysisRecords.id',
        'analysisRecords.kind',
        'analysisRecords.title',
        'analysisRecords.asOf',
        'analysisRecords.authorityId',
        'authorities.name as authorityName',
        'analysisRecords.scopeLabel',
        'analysisRecords.status',
        'analysisRecords.createdByName',
        'analysisRecords.createdAt',
        eb
          .selectFrom('analysisRecordItems')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('analysisRecordItems.recordId', '=', 'analysisRecords.id')
          .as('teamCount'),
        eb
          .selectFrom('analysisRecordItems')
          .select((e) => e.fn.sum<number>('analysisRecordItems.findingCount').as('n'))
          .whereRef('analysisRecordItems.recordId', '=', 'analysisRecords.id')
          .as('findingCount'),
      ])
      .orderBy('analysisRecords.asOf', 'desc')
      .orderBy('analysisRecords.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((i) => ({ ...i, teamCount: Number(i.teamCount ?? 0), findingCount: Number(i.findingCount ?? 0) })),
    total: Number(count.n),
  };
}

export async function findRecord(db: Db, id: number, authorityIds: readonly number[]) {
  if (authorityIds.length === 0) return undefined;
  return db
    .selectFrom('analysisRecords')
    .innerJoin('authorities', 'authorities.id', 'analysisRecords.authorityId')
    .selectAll('analysisRecords')
    .select('authorities.name as authorityName')
    .where('analysisRecords.id', '=', id)
    .where('analysisRecords.authorityId', 'in', authorityIds)
    .executeTakeFirst();
}

export async function itemsOf(db: Db, recordId: number) {
  return db.selectFrom('analysisRecordItems').selectAll().where('recordId', '=', recordId).orderBy('seq').execute();
}

export async function teamIdsOf(db: Db, recordId: number): Promise<number[]> {
  const rows = await db.selectFrom('analysisRecordItems').select('teamId').where('recordId', '=', recordId).execute();
  return rows.map((r) => r.teamId);
}

export async function followUpsOf(db: Db, recordId: number) {
  return db
    .selectFrom('analysisFollowUps')
    .select(['id', 'date', 'note', 'status', 'createdByName', 'createdAt'])
    .where('recordId', '=', recordId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Update when the version still matches; false when someone else saved first. */
export async function updateRecord(db: Db, id: number, version: number, patch: Partial<Insertable<AnalysisRecordTable>>): Promise<boolean> {
  const r = await db
    .updateTable('analysisRecords')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertFollowUp(db: Db, row: Insertable<AnalysisFollowUpTable>): Promise<number> {
  const r = await db.insertInto('analysisFollowUps').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- surveys ----

export async function findTeam(db: Db, id: number) {
  return db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unitId')
    .select(['teams.id', 'teams.name', 'units.authorityId'])
    .where('teams.id', '=', id)
    .executeTakeFirst();
}

export async function findCadre(db: Db, id: number) {
  return db.selectFrom('cadres').select(['id', 'name', 'authorityId']).where('id', '=', id).executeTakeFirst();
}

export async function insertSurvey(db: Db, row: Insertable<SurveyRecordTable>): Promise<number> {
  const r = await db.insertInto('surveyRecords').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertRecommendations(db: Db, rows: readonly Insertable<SurveyRecommendationTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('surveyRecommendations').values(rows).execute();
}

export interface SurveyFilter {
  authorityIds: readonly number[];
  subject?: string;
  teamId?: number;
  cadreId?: number;
  recommendation?: string;
  limit: number;
  offset: number;
}

export async function listSurveys(db: Db, f: SurveyFilter) {
  if (f.authorityIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('surveyRecords').where('surveyRecords.authorityId', 'in', f.authorityIds);
  if (f.subject) q = q.where('surveyRecords.subject', '=', f.subject);
  if (f.teamId !== undefined) q = q.where('surveyRecords.teamId', '=', f.teamId);
  if (f.cadreId !== undefined) q = q.where('surveyRecords.cadreId', '=', f.cadreId);
  if (f.recommendation) {
    const kind = f.recommendation;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('surveyRecommendations')
          .select('surveyRecommendations.id')
          .whereRef('surveyRecommendations.surveyId', '=', 'surveyRecords.id')
          .where('surveyRecommendations.kind', '=', kind),
      ),
    );
  }
  const [items, count] = await Promise.all([
    q
      .leftJoin('teams', 'teams.id', 'surveyRecords.teamId')
      .leftJoin('units', 'units.id', 'teams.unitId')
      .leftJoin('cadres', 'cadres.id', 'surveyRecords.cadreId')
      .select([
        'surveyRecords.id',
        'surveyRecords.subject',
        'surveyRecords.teamId',
        'surveyRecords.cadreId',
        'surveyRecords.authorityId',
        'surveyRecords.date',
        'surveyRecords.surveyors',
        'surveyRecords.assessment',
        'surveyRecords.ratings',
        'surveyRecords.createdByName',
        'surveyRecords.createdAt',
        'teams.name as teamName',
        'units.name as unitName',
        'cadres.name as cadreName',
        'cadres.currentPost as cadrePost',
      ])
      .orderBy('surveyRecords.date', 'desc')
      .orderBy('surveyRecords.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function recommendationsOf(db: Db, surveyIds: readonly number[]) {
  if (surveyIds.length === 0) return [];
  return db.selectFrom('surveyRecommendations').select(['surveyId', 'kind', 'detail']).where('surveyId', 'in', surveyIds).orderBy('id').execute();
}
