import type { Generated } from 'kysely';

/** A 研判 (analysis) by one department: 定期 regular, 重点 key or 专项 special. */
export interface AnalysisRecordTable {
  id: Generated<number>;
  /** 'regular' 定期 | 'key' 重点 | 'special' 专项 */
  kind: string;
  title: string;
  /** the analysis date: the findings are those of this date */
  asOf: string;
  /** the department that made it; it is seen by that department and those above it */
  authorityId: number;
  /** how the scope was chosen, in words (e.g. 全部班子（128个）) */
  scopeLabel: string;
  /** JSON string[]: 参加人员 */
  participants: string;
  /** the department's own judgement (研判意见) */
  judgement: string;
  /** JSON Shortfall[] (短板 / 弱项) */
  shortfalls: string;
  suggestions: string;
  /** 'pending' 待跟进 | 'following' 跟进中 | 'done' 已完成 */
  status: string;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

/** One team in an analysis's scope, with the automatic analysis as it was on the analysis date. */
export interface AnalysisRecordItemTable {
  id: Generated<number>;
  recordId: number;
  seq: number;
  teamId: number;
  /** the key post of a 专项 analysis of a post */
  postId: number | null;
  teamName: string;
  unitName: string;
  postTitle: string | null;
  findingCount: number;
  /** JSON { team, members, findings } from the team structure analysis on asOf */
  snapshot: string;
}

/** A dated follow-up of an analysis; its status is the record's status after it. */
export interface AnalysisFollowUpTable {
  id: Generated<number>;
  recordId: number;
  date: string;
  note: string;
  status: string;
  createdByName: string;
  createdAt: string;
}

/** A 大调研 note on a team or a cadre. */
export interface SurveyRecordTable {
  id: Generated<number>;
  /** 'team' | 'cadre' */
  subject: string;
  teamId: number | null;
  cadreId: number | null;
  /** the subject's management authority (data scope) */
  authorityId: number;
  date: string;
  /** 调研人员 */
  surveyors: string;
  assessment: string;
  /** JSON Record<dimension, grade> */
  ratings: string;
  createdBy: number;
  createdByName: string;
  createdAt: string;
}

/** A recommendation of a survey (建议入库, 好苗子, 列入清单 …) that the pools and lists pick up. */
export interface SurveyRecommendationTable {
  id: Generated<number>;
  surveyId: number;
  kind: string;
  detail: string;
}
