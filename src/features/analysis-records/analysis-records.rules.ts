// 研判 and 大调研: the closed lists and the pure checks (report part 二 “系统研判精准选”).
// Kinds after the report: 定期研判 (at least once a year, all Party and government teams), 重点研判
// (at 换届 or a mass adjustment), 专项研判 (a team with marked problems, a key post).

export const ANALYSIS_KINDS = { regular: '定期研判', key: '重点研判', special: '专项研判' } as const;
export type AnalysisKind = keyof typeof ANALYSIS_KINDS;
export const ANALYSIS_KIND_CODES = Object.keys(ANALYSIS_KINDS) as [AnalysisKind, ...AnalysisKind[]];

export const FOLLOW_UP_STATUSES = { pending: '待跟进', following: '跟进中', done: '已完成' } as const;
export type FollowUpStatus = keyof typeof FOLLOW_UP_STATUSES;
export const FOLLOW_UP_STATUS_CODES = Object.keys(FOLLOW_UP_STATUSES) as [FollowUpStatus, ...FollowUpStatus[]];

/** 短板 (a structural gap) or 弱项 (a weakness in function or ability). */
export const SHORTFALL_KINDS = ['短板', '弱项'] as const;
/** Where a shortfall lies; the report's four fits and the structure rules' areas. */
export const SHORTFALL_AREAS = [
  '年龄结构',
  '性别结构',
  '党外干部',
  '专业结构',
  '经历结构',
  '职数配备',
  '任职年限',
  '回避',
  '能力素质',
  '作风',
  '其他',
] as const;

export interface Shortfall {
  kind: (typeof SHORTFALL_KINDS)[number];
  area: (typeof SHORTFALL_AREAS)[number];
  description: string;
  /** the team it concerns, one of the analysis's teams */
  teamId?: number | null;
}

export interface Problem {
  field: string;
  message: string;
}

/** Shortfalls that name a team must name one of the analysis's teams. */
export function shortfallProblems(shortfalls: readonly Shortfall[], teamIds: ReadonlySet<number>): Problem[] {
  return shortfalls.flatMap((s, i) =>
    s.teamId != null && !teamIds.has(s.teamId)
      ? [{ field: `shortfalls.${i}.teamId`, message: `第${i + 1}条短板弱项所指班子不在本次研判范围内` }]
      : [],
  );
}

/**
 * A follow-up: a closed (已完成) analysis takes none; it cannot predate the analysis, nor lie after
 * today; and it moves the status to 跟进中 or 已完成 (never back to 待跟进).
 */
export function followUpProblems(record: { status: string; asOf: string }, f: { date: string; status: string }, today: string): Problem[] {
  if (record.status === 'done') return [{ field: 'status', message: '该研判已完成跟进，不能再添加跟进记录' }];
  const out: Problem[] = [];
  if (f.date < record.asOf) out.push({ field: 'date', message: `跟进日期不能早于研判日期 ${record.asOf}` });
  if (f.date > today) out.push({ field: 'date', message: '跟进日期不能晚于今天' });
  if (f.status !== 'following' && f.status !== 'done') out.push({ field: 'status', message: '跟进后的状态应为“跟进中”或“已完成”' });
  return out;
}

/** An analysis date may be today or earlier: the findings of a future date would be guesses. */
export function analysisDateProblems(asOf: string, today: string): Problem[] {
  return asOf > today ? [{ field: 'asOf', message: '研判日期不能晚于今天' }] : [];
}

// ---- 大调研 ----

export const SURVEY_SUBJECTS = { team: '班子', cadre: '干部' } as const;
export type SurveySubject = keyof typeof SURVEY_SUBJECTS;

/**
 * Rating dimensions. A cadre: the report's 岗位匹配度、经历相关度、能力契合度、性格相容度 (part 二
 * “聚焦干部岗位匹配度、经历相关度、能力契合度、性格相容度”). A team: overall function, structure,
 * unity and results, the usual headings of a 班子 assessment.
 */
export const RATING_DIMENSIONS = {
  cadre: { postFit: '岗位匹配度', experienceFit: '经历相关度', abilityFit: '能力契合度', temperamentFit: '性格相容度' },
  team: { function: '整体功能', structure: '结构状况', unity: '团结协作', results: '工作实绩' },
} as const satisfies Record<SurveySubject, Record<string, string>>;

export const RATING_GRADES = ['好', '较好', '一般', '较差'] as const;

/**
 * What a survey recommends. For a cadre these feed the pools and lists (五类干部库, 好苗子, 四类干部清单,
 * 正职人选后备库); for a team, an adjustment.
 */
export const RECOMMENDATION_KINDS = {
  pool: { label: '建议入库', subject: 'cadre' },
  seedling: { label: '好苗子', subject: 'cadre' },
  list: { label: '列入清单', subject: 'cadre' },
  reserve: { label: '正职人选后备', subject: 'cadre' },
  strengthen: { label: '建议配强', subject: 'team' },
  adjust: { label: '建议调整', subject: 'team' },
  other: { label: '其他建议', subject: null },
} as const satisfies Record<string, { label: string; subject: SurveySubject | null }>;
export type RecommendationKind = keyof typeof RECOMMENDATION_KINDS;
export const RECOMMENDATION_KIND_CODES = Object.keys(RECOMMENDATION_KINDS) as [RecommendationKind, ...RecommendationKind[]];

/** The four lists of the report (四类干部清单); a 列入清单 recommendation names one. */
export const CADRE_LISTS = ['近期提拔', '中期培养', '长期关注', '不适宜担任现职'] as const;

export interface Recommendation {
  kind: RecommendationKind;
  detail: string;
}

export function surveyProblems(
  s: { subject: SurveySubject; date: string; ratings: Record<string, string>; recommendations: readonly Recommendation[] },
  today: string,
): Problem[] {
  const out: Problem[] = [];
  if (s.date > today) out.push({ field: 'date', message: '调研日期不能晚于今天' });
  const dims: Record<string, string> = RATING_DIMENSIONS[s.subject];
  for (const [k, v] of Object.entries(s.ratings)) {
    if (!(k in dims)) out.push({ field: `ratings.${k}`, message: `${SURVEY_SUBJECTS[s.subject]}调研没有“${k}”这一评价项` });
    else if (!(RATING_GRADES as readonly string[]).includes(v))
      out.push({ field: `ratings.${k}`, message: `${dims[k]}应为 ${RATING_GRADES.join('、')} 之一` });
  }
  s.recommendations.forEach((r, i) => {
    const def = RECOMMENDATION_KINDS[r.kind];
    if (def.subject && def.subject !== s.subject)
      out.push({ field: `recommendations.${i}.kind`, message: `“${def.label}”只适用于${SURVEY_SUBJECTS[def.subject]}调研` });
    if (r.kind === 'list' && !(CADRE_LISTS as readonly string[]).includes(r.detail))
      out.push({ field: `recommendations.${i}.detail`, message: `列入清单须指明类别：${CADRE_LISTS.join('、')}` });
    if ((r.kind === 'pool' || r.kind === 'other') && !r.detail.trim())
      out.push({ field: `recommendations.${i}.detail`, message: r.kind === 'pool' ? '建议入库须写明干部库（如 经济、法治）' : '请写明建议内容' });
  });
  return out;
}
