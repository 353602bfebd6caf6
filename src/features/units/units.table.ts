import type { Generated } from 'kysely';

export interface UnitTable {
  id: Generated<number>;
  name: string;
  parentId: number | null;
  /** materialized path of ids, '/1/5/23/', for subtree queries with one indexed LIKE */
  path: string;
  /** 党委, 政府, 人大, 政协, 法院, 检察院, 纪委, 群团, 事业, 国企, 乡镇, 街道, 部门, 地区 … (see domain/unit-kinds) */
  kind: string;
  /** tier: 'city' (市级/市直), 'county' (县(市、区)), 'township' (乡镇(街道)) */
  tier: string;
  authorityId: number;
  sortOrder: Generated<number>;
  version: Generated<number>;
}

/** A leadership team (领导班子) of a unit. */
export interface TeamTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  /** 党委班子, 政府班子, 人大常委会班子, 政协班子, 法院班子, 检察院班子, 纪委班子, 部门班子 … */
  kind: string;
  sortOrder: Generated<number>;
  version: Generated<number>;
}

/** A post in a team: its title, 职务层次 (ZB09 code), chief or deputy, and approved quota (核定职数). */
export interface PostTable {
  id: Generated<number>;
  teamId: number;
  title: string;
  levelCode: string;
  isChief: number;
  quota: number;
  sortOrder: Generated<number>;
  version: Generated<number>;
}

/** A cadre holding a post from startDate until endDate (exclusive); null endDate = still holding. */
export interface AppointmentTable {
  id: Generated<number>;
  cadreId: number;
  postId: number;
  startDate: string;
  startDocNo: string;
  endDate: string | null;
  endDocNo: string | null;
  endReason: string | null;
  createdAt: string;
}
