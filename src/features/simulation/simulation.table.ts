import type { Generated } from 'kysely';

/** A scratch plan (模拟调配方案) for one team as of a date; nothing in it changes real records. */
export interface AdjustmentPlanTable {
  id: Generated<number>;
  teamId: number;
  name: string;
  asOf: string;
  note: Generated<string>;
  authorId: number;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

/** One move of a plan: a cadre into a post of the team ('in'), or a member out of it ('out'). */
export interface AdjustmentPlanMoveTable {
  id: Generated<number>;
  planId: number;
  seq: number;
  kind: 'in' | 'out';
  cadreId: number;
  postId: number | null;
}
