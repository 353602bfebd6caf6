// The only code that reads and writes the young-cadre tables (好苗子, 双挂双任, “2+1” 导师帮带). Reads of
// people are scoped by the actor's visible authorities through the pools feature's `scoped`.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import { scoped } from '../pools/pools.repository.js';
import type { MentorshipTable, PromisingCadreTable, SecondmentTable } from './young.table.js';

type Auth = readonly number[];

/** Active cadres in scope counted by birth year, for the cohorts (“789” 计划). */
export async function birthYearCounts(db: Db, auth: Auth, unitPath?: string) {
  const year = sql<string>`substr(cadres.birth_date, 1, 4)`;
  const rows = await scoped(
    db
      .selectFrom('cadres')
      .select(year.as('year'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cadres.status', '=', 'active')
      .groupBy(year),
    auth,
    unitPath,
  ).execute();
  return rows.map((r) => ({ year: Number(r.year), n: Number(r.n) }));
}

// ---- 好苗子 ----

const promisingColumns = [
  'promisingCadres.id',
  'promisingCadres.cadreId',
  'promisingCadres.source',
  'promisingCadres.markedOn',
  'promisingCadres.note',
  'promisingCadres.sourceSurveyId',
  'promisingCadres.sourceAnalysisId',
  'promisingCadres.withdrawnOn',
  'promisingCadres.createdBy',
] as const;

export async function listPromising(db: Db, auth: Auth, f: { includeWithdrawn?: boolean; cadreId?: number; unitPath?: string }) {
  let q = db
    .selectFrom('promisingCadres')
    .innerJoin('cadres', 'cadres.id', 'promisingCadres.cadreId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .leftJoin('analysisRecords as sourceAnalysis', 'sourceAnalysis.id', 'promisingCadres.sourceAnalysisId')
    .leftJoin('surveyRecords as sourceSurvey', 'sourceSurvey.id', 'promisingCadres.sourceSurveyId')
    .select(promisingColumns)
    .select(['cadres.name', 'cadres.birthDate', 'cadres.gender', 'cadres.currentPost', 'units.name as unitName'])
    .select([
      'sourceAnalysis.title as sourceAnalysisTitle',
      'sourceAnalysis.asOf as sourceAnalysisDate',
      'sourceAnalysis.authorityId as sourceAnalysisAuthorityId',
      'sourceSurvey.date as sourceSurveyDate',
      'sourceSurvey.authorityId as sourceSurveyAuthorityId',
    ]);
  if (!f.includeWithdrawn) q = q.where('promisingCadres.withdrawnOn', 'is', null);
  if (f.cadreId) q = q.where('promisingCadres.cadreId', '=', f.cadreId);
  return scoped(q, auth, f.unitPath).orderBy('promisingCadres.markedOn', 'desc').orderBy('promisingCadres.id', 'desc').limit(2000).execute();
}

export async function currentPromising(db: Db, cadreId: number) {
  return db
    .selectFrom('promisingCadres')
    .select(['id', 'sourceSurveyId', 'sourceAnalysisId'])
    .where('cadreId', '=', cadreId)
    .where('withdrawnOn', 'is', null)
    .executeTakeFirst();
}

export async function findPromising(db: Db, id: number, auth: Auth) {
  return scoped(
    db
      .selectFrom('promisingCadres')
      .innerJoin('cadres', 'cadres.id', 'promisingCadres.cadreId')
      .select(promisingColumns)
      .where('promisingCadres.id', '=', id),
    auth,
  ).executeTakeFirst();
}

export async function insertPromising(db: Db, row: Insertable<PromisingCadreTable>): Promise<number> {
  return (await db.insertInto('promisingCadres').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Links a mark made by hand to the record that (also) found the cadre. */
export async function linkPromising(db: Db, id: number, link: { sourceSurveyId: number | null; sourceAnalysisId: number | null }) {
  await db.updateTable('promisingCadres').set(link).where('id', '=', id).execute();
}

/** A cadre survey (大调研) in scope, with whether it recommends a 好苗子. */
export async function findSurveySource(db: Db, id: number, auth: Auth) {
  return db
    .selectFrom('surveyRecords')
    .select(['id', 'cadreId', 'date'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('surveyRecommendations')
            .select('surveyRecommendations.id')
            .whereRef('surveyRecommendations.surveyId', '=', 'surveyRecords.id')
            .where('surveyRecommendations.kind', '=', 'seedling'),
        )
        .as('seedling'),
    )
    .where('id', '=', id)
    .where('authorityId', 'in', [...auth])
    .executeTakeFirst();
}

/** A 研判 record in scope (made by a department the actor sees). */
export async function findAnalysisSource(db: Db, id: number, auth: Auth) {
  return db
    .selectFrom('analysisRecords')
    .select(['id', 'title', 'asOf'])
    .where('id', '=', id)
    .where('authorityId', 'in', [...auth])
    .executeTakeFirst();
}

/** The 好苗子 marks made from some records (the record's side of the link). */
export async function promisingFromRecords(db: Db, auth: Auth, f: { surveyIds?: readonly number[]; analysisId?: number }) {
  let q = db
    .selectFrom('promisingCadres')
    .innerJoin('cadres', 'cadres.id', 'promisingCadres.cadreId')
    .select([
      'promisingCadres.id',
      'promisingCadres.cadreId',
      'promisingCadres.markedOn',
      'promisingCadres.withdrawnOn',
      'promisingCadres.sourceSurveyId',
      'cadres.name',
    ]);
  if (f.surveyIds) {
    if (f.surveyIds.length === 0) return [];
    q = q.where('promisingCadres.sourceSurveyId', 'in', [...f.surveyIds]);
  }
  if (f.analysisId !== undefined) q = q.where('promisingCadres.sourceAnalysisId', '=', f.analysisId);
  return scoped(q, auth).orderBy('promisingCadres.markedOn').orderBy('promisingCadres.id').execute();
}

export async function withdrawPromising(db: Db, id: number, withdrawnOn: string): Promise<boolean> {
  const r = await db.updateTable('promisingCadres').set({ withdrawnOn }).where('id', '=', id).where('withdrawnOn', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every 好苗子 mark (cadre, date) in scope, for 重点掌握好苗子. */
export async function promisingDates(db: Db, auth: Auth, unitPath?: string) {
  return scoped(
    db
      .selectFrom('promisingCadres')
      .innerJoin('cadres', 'cadres.id', 'promisingCadres.cadreId')
      .select(['promisingCadres.cadreId', 'promisingCadres.markedOn as date']),
    auth,
    unitPath,
  ).execute();
}

// ---- 双挂双任 ----

const SECONDMENT_COLUMNS = [
  'secondments.id',
  'secondments.cadreId',
  'secondments.homeUnitId',
  'secondments.hostUnitId',
  'secondments.direction',
  'secondments.hostPost',
  'secondments.startDate',
  'secondments.endDate',
] as const;

export async function listSecondments(db: Db, auth: Auth, f: { cadreId?: number; unitPath?: string }) {
  let q = db
    .selectFrom('secondments')
    .innerJoin('cadres', 'cadres.id', 'secondments.cadreId')
    .innerJoin('units as home', 'home.id', 'secondments.homeUnitId')
    .innerJoin('units as host', 'host.id', 'secondments.hostUnitId')
    .select([...SECONDMENT_COLUMNS, 'cadres.name', 'cadres.birthDate', 'cadres.gender', 'home.name as homeUnitName', 'host.name as hostUnitName']);
  if (f.cadreId) q = q.where('secondments.cadreId', '=', f.cadreId);
  return scoped(q, auth, f.unitPath).orderBy('secondments.startDate', 'desc').orderBy('secondments.id', 'desc').limit(2000).execute();
}

export async function insertSecondment(db: Db, row: Insertable<SecondmentTable>): Promise<number> {
  return (await db.insertInto('secondments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One secondment in scope (by the cadre's authority), with both units' tiers for the rules. */
export async function findSecondment(db: Db, id: number, auth: Auth) {
  return scoped(
    db.selectFrom('secondments').innerJoin('cadres', 'cadres.id', 'secondments.cadreId').select(SECONDMENT_COLUMNS).where('secondments.id', '=', id),
    auth,
  ).executeTakeFirst();
}

export async function updateSecondment(
  db: Db,
  id: number,
  set: Pick<Insertable<SecondmentTable>, 'homeUnitId' | 'hostUnitId' | 'direction' | 'hostPost' | 'startDate' | 'endDate'>,
) {
  await db.updateTable('secondments').set(set).where('id', '=', id).execute();
}

/** Every secondment (cadre, start date) in scope, for 双向互派挂(任)职; by the home unit's subtree. */
export async function secondmentDates(db: Db, auth: Auth, unitPath?: string) {
  let q = db
    .selectFrom('secondments')
    .innerJoin('cadres', 'cadres.id', 'secondments.cadreId')
    .innerJoin('units as home', 'home.id', 'secondments.homeUnitId')
    .select(['secondments.cadreId', 'secondments.startDate as date']);
  if (unitPath) q = q.where('home.path', 'like', `${unitPath.replace(/[%_\\]/g, '')}%`);
  return scoped(q, auth).execute();
}

// ---- “2+1” 导师帮带 ----

export async function mentorshipsOf(db: Db, cadreId: number) {
  return db
    .selectFrom('mentorships')
    .select(['id', 'mentorId', 'startDate', 'endDate'])
    .where('cadreId', '=', cadreId)
    .orderBy('startDate')
    .execute();
}

/** Mentorships in scope (by the young cadre), with both names and how many records each has. */
export async function listMentorships(db: Db, auth: Auth, f: { cadreId?: number; unitPath?: string }) {
  let q = db
    .selectFrom('mentorships')
    .innerJoin('cadres', 'cadres.id', 'mentorships.cadreId')
    .innerJoin('cadres as mentor', 'mentor.id', 'mentorships.mentorId')
    .leftJoin('units', 'units.id', 'cadres.unitId')
    .select([
      'mentorships.id',
      'mentorships.cadreId',
      'mentorships.mentorId',
      'mentorships.startDate',
      'mentorships.endDate',
      'cadres.name',
      'cadres.birthDate',
      'units.name as unitName',
      'mentor.name as mentorName',
      'mentor.currentPost as mentorPost',
    ])
    .select((eb) =>
      eb
        .selectFrom('mentoringRecords')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('mentoringRecords.mentorshipId', '=', 'mentorships.id')
        .as('records'),
    );
  if (f.cadreId) q = q.where('mentorships.cadreId', '=', f.cadreId);
  return scoped(q, auth, f.unitPath).orderBy('cadres.id').orderBy('mentorships.startDate').limit(2000).execute();
}

export async function findMentorship(db: Db, id: number, auth: Auth) {
  return scoped(
    db
      .selectFrom('mentorships')
      .innerJoin('cadres', 'cadres.id', 'mentorships.cadreId')
      .select(['mentorships.id', 'mentorships.cadreId', 'mentorships.mentorId', 'mentorships.startDate', 'mentorships.endDate'])
      .where('mentorships.id', '=', id),
    auth,
  ).executeTakeFirst();
}

/** Ends a mentorship on a day; false when it was ended meanwhile (a concurrent end). */
export async function endMentorship(db: Db, id: number, endDate: string, previous: string | null): Promise<boolean> {
  let q = db.updateTable('mentorships').set({ endDate }).where('id', '=', id);
  q = previous === null ? q.where('endDate', 'is', null) : q.where('endDate', '=', previous);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The last day on which a mentoring record was written, or null. */
export async function lastRecordDate(db: Db, mentorshipId: number): Promise<string | null> {
  const r = await db
    .selectFrom('mentoringRecords')
    .select((eb) => eb.fn.max('date').as('last'))
    .where('mentorshipId', '=', mentorshipId)
    .executeTakeFirst();
  return (r?.last as string | null | undefined) ?? null;
}

export async function insertMentorship(db: Db, row: Insertable<MentorshipTable>): Promise<number> {
  return (await db.insertInto('mentorships').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function mentoringRecords(db: Db, mentorshipId: number) {
  return db
    .selectFrom('mentoringRecords')
    .select(['id', 'date', 'content', 'createdBy'])
    .where('mentorshipId', '=', mentorshipId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertMentoringRecord(
  db: Db,
  row: { mentorshipId: number; date: string; content: string; createdBy: string; createdAt: string },
) {
  return (await db.insertInto('mentoringRecords').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
