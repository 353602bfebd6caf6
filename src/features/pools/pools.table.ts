import type { Generated } from 'kysely';

/** A specialty pool (五类干部库): 党建, 社会治理, 经济, 城建, 法治 seeded; the set is data. */
export interface SpecialtyPoolTable {
  id: Generated<number>;
  name: string;
  sortOrder: Generated<number>;
  version: Generated<number>;
}

/** A cadre in a pool from addedOn; removedOn closes the row (history is never deleted). */
export interface PoolMembershipTable {
  id: Generated<number>;
  cadreId: number;
  poolId: number;
  reason: string;
  addedOn: string;
  /** username of who added the cadre */
  addedBy: string;
  removedOn: string | null;
  removedBy: string | null;
  removalReason: string | null;
  createdAt: string;
}

/**
 * One stay of a cadre on a category list (四类干部清单) from startDate until endDate (exclusive);
 * null endDate = the current category. A cadre has at most one current row.
 */
export interface CategoryEntryTable {
  id: Generated<number>;
  cadreId: number;
  /** see CATEGORIES in pools.rules.ts */
  category: string;
  reason: string;
  startDate: string;
  endDate: string | null;
  /** when the department should look at this cadre again */
  reviewDue: string;
  lastReviewedOn: string | null;
  reviewNote: string | null;
  decidedBy: string;
  createdAt: string;
}

/** A candidate in the chief reserve pool (正职人选后备库). */
export interface ChiefReserveTable {
  id: Generated<number>;
  cadreId: number;
  /** see READINESS in pools.rules.ts */
  readiness: string;
  enteredOn: string;
  note: string;
  /** 'active' | 'used' | 'withdrawn' */
  status: string;
  outcomeOn: string | null;
  /** the considered post the candidate was appointed to (status 'used') */
  outcomePostId: number | null;
  outcomeReason: string | null;
  createdBy: string;
  createdAt: string;
  version: Generated<number>;
}

/** The posts a reserve candidate is considered for. */
export interface ChiefReservePostTable {
  reserveId: number;
  postId: number;
}
