import type { Generated } from 'kysely';

/** A promising young cadre (好苗子) marked on a date from a source; withdrawnOn ends the mark. */
export interface PromisingCadreTable {
  id: Generated<number>;
  cadreId: number;
  /** see PROMISING_SOURCES in young.rules.ts */
  source: string;
  markedOn: string;
  note: string;
  /** the 大调研 survey whose 好苗子 recommendation made the mark (migration 0011) */
  sourceSurveyId: number | null;
  /** the 研判 record the mark was made from (migration 0011) */
  sourceAnalysisId: number | null;
  withdrawnOn: string | null;
  createdBy: string;
  createdAt: string;
}

/** A two-way secondment (双挂双任): a cadre from a home unit to a host unit between city and county. */
export interface SecondmentTable {
  id: Generated<number>;
  cadreId: number;
  homeUnitId: number;
  hostUnitId: number;
  /** 'city_to_county' | 'county_to_city', from the units' tiers */
  direction: string;
  /** the post held at the host unit (挂任职务), as written */
  hostPost: string;
  startDate: string;
  endDate: string | null;
  createdBy: string;
  createdAt: string;
}

/** One of the two mentors of a young cadre ("2+1" 导师帮带). */
export interface MentorshipTable {
  id: Generated<number>;
  /** the young cadre */
  cadreId: number;
  mentorId: number;
  startDate: string;
  endDate: string | null;
  createdBy: string;
  createdAt: string;
}

/** A dated record of a mentor's work with the young cadre (谈心谈话, 带教 …). */
export interface MentoringRecordTable {
  id: Generated<number>;
  mentorshipId: number;
  date: string;
  content: string;
  createdBy: string;
  createdAt: string;
}
