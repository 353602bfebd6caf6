import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, PageQuery, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import * as svc from './analysis-records.service.js';
import {
  ANALYSIS_KIND_CODES,
  ANALYSIS_KINDS,
  CADRE_LISTS,
  FOLLOW_UP_STATUS_CODES,
  FOLLOW_UP_STATUSES,
  RATING_DIMENSIONS,
  RATING_GRADES,
  RECOMMENDATION_KIND_CODES,
  RECOMMENDATION_KINDS,
  SHORTFALL_AREAS,
  SHORTFALL_KINDS,
  SURVEY_SUBJECTS,
} from './analysis-records.rules.js';

registerFieldLabels(
  {
    kind: '类别',
    title: '标题',
    asOf: '研判日期',
    scope: '研判范围',
    all: '全部班子',
    unitIds: '单位',
    teamIds: '班子',
    postId: '职位',
    participants: '参加人员',
    judgement: '研判意见',
    shortfalls: '短板弱项',
    area: '方面',
    description: '具体表现',
    teamId: '班子',
    suggestions: '意见建议',
    date: '日期',
    note: '跟进情况',
    status: '状态',
    year: '年度',
    version: '版本号',
  },
  ['/api/analysis-records'],
);
registerFieldLabels(
  {
    subject: '调研对象',
    teamId: '班子',
    cadreId: '干部',
    date: '调研日期',
    surveyors: '调研人员',
    assessment: '调研评价',
    ratings: '评价',
    recommendations: '建议',
    recommendation: '建议类别',
    kind: '类别',
    detail: '说明',
  },
  ['/api/surveys'],
);

const tags = ['研判与调研'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const Created = z.object({ id: z.number().describe('新记录编号') });
const version = z.number().int().describe('读取时的版本号（防止覆盖他人的修改）');
const longText = (what: string) => z.string().trim().max(20_000, '不能超过 20000 字').describe(what);

const Shortfall = z.object({
  kind: z.enum(SHORTFALL_KINDS, '应为“短板”或“弱项”').describe('短板或弱项'),
  area: z.enum(SHORTFALL_AREAS, `应为 ${SHORTFALL_AREAS.join('、')} 之一`).describe('方面'),
  description: z.string().trim().min(1, '必填').max(2000).describe('具体表现'),
  teamId: z.number().int().positive().nullable().optional().describe('所指班子（须在研判范围内）'),
});

const AnalysisBody = z.object({
  kind: z
    .enum(ANALYSIS_KIND_CODES, '应为 regular（定期）、key（重点）或 special（专项）')
    .describe('regular 定期研判 / key 重点研判 / special 专项研判'),
  title: z.string().trim().max(100).optional().describe('标题（默认“某年定期研判”等）'),
  asOf: date('研判日期：自动研判按该日的班子和成员计算'),
  scope: z
    .object({
      all: z.literal(true).optional().describe('管理范围内全部班子'),
      unitIds: z.array(z.number().int().positive()).max(500).optional().describe('这些单位及其下级单位的班子'),
      teamIds: z.array(z.number().int().positive()).max(2000).optional().describe('选定的班子'),
      postId: z.number().int().positive().optional().describe('关键岗位（专项研判）：该职位所在班子'),
    })
    .describe('研判范围，四者选一'),
  participants: z.array(z.string().trim().min(1, '不能为空').max(50)).max(50).default([]).describe('参加人员'),
  judgement: longText('研判意见').optional(),
  shortfalls: z.array(Shortfall).max(200).optional().describe('短板弱项'),
  suggestions: longText('意见建议').optional(),
});

const AnalysisPatch = AnalysisBody.pick({ title: true, participants: true, judgement: true, suggestions: true, shortfalls: true })
  .partial()
  .extend({ version });

const Finding = z.object({
  rule: z.string(),
  source: z.string(),
  detail: z.string(),
  members: z.array(z.union([z.number(), z.string()])).optional(),
});

const ListItem = z.object({
  id: z.number(),
  kind: z.string(),
  kindName: z.string(),
  title: z.string(),
  asOf: z.string(),
  authorityId: z.number(),
  authorityName: z.string().describe('研判部门'),
  scopeLabel: z.string().describe('研判范围'),
  status: z.string(),
  statusName: z.string().describe('待跟进 / 跟进中 / 已完成'),
  createdByName: z.string(),
  createdAt: z.string(),
  teamCount: z.number().describe('班子数'),
  findingCount: z.number().describe('自动研判发现的问题数'),
});

const PromisingMarks = z.array(
  z.object({ id: z.number(), cadreId: z.number(), name: z.string(), markedOn: z.string(), withdrawnOn: z.string().nullable() }),
);

const Detail = ListItem.omit({ teamCount: true, findingCount: true }).extend({
  participants: z.array(z.string()),
  judgement: z.string(),
  shortfalls: z.array(Shortfall),
  suggestions: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  items: z
    .array(
      z.object({
        id: z.number(),
        teamId: z.number(),
        postId: z.number().nullable(),
        teamName: z.string(),
        unitName: z.string(),
        postTitle: z.string().nullable(),
        findingCount: z.number(),
        team: z.unknown().describe('研判日期的班子情况（快照）'),
        members: z.array(z.unknown()).describe('研判日期的在任成员（快照）'),
        findings: z.array(Finding).describe('研判日期的自动研判结论（快照）'),
      }),
    )
    .describe('研判范围内的班子，各附当日的自动研判'),
  followUps: z.array(
    z.object({
      id: z.number(),
      date: z.string(),
      note: z.string(),
      status: z.string(),
      statusName: z.string(),
      createdByName: z.string(),
      createdAt: z.string(),
    }),
  ),
  promising: PromisingMarks.describe('据此研判标记的好苗子'),
});

const RatingsBody = z.record(z.string().max(30), z.string().max(10)).default({});

const SurveyBody = z.object({
  subject: z.enum(['team', 'cadre'], '应为 team（班子）或 cadre（干部）').describe('team 班子 / cadre 干部'),
  teamId: z.number().int().positive().optional().describe('班子（班子调研）'),
  cadreId: z.number().int().positive().optional().describe('干部（干部调研）'),
  date: date('调研日期'),
  surveyors: z.string().trim().min(1, '必填').max(200).describe('调研人员'),
  assessment: z.string().trim().min(1, '必填').max(20_000).describe('调研评价'),
  ratings: RatingsBody.describe(
    '评价：干部为 postFit 岗位匹配度、experienceFit 经历相关度、abilityFit 能力契合度、temperamentFit 性格相容度；班子为 function、structure、unity、results；等次 好/较好/一般/较差',
  ),
  recommendations: z
    .array(
      z.object({
        kind: z
          .enum(RECOMMENDATION_KIND_CODES, `应为 ${RECOMMENDATION_KIND_CODES.join('、')} 之一`)
          .describe('pool 建议入库 / seedling 好苗子 / list 列入清单 / reserve 正职人选后备 / strengthen 建议配强 / adjust 建议调整 / other'),
        detail: z.string().trim().max(500).default('').describe('说明：入库写干部库，列入清单写类别（近期提拔/中期培养/长期关注/不适宜担任现职）'),
      }),
    )
    .max(20)
    .default([])
    .describe('建议（供干部库、清单使用）'),
});

const SurveyItem = z.object({
  id: z.number(),
  subject: z.string(),
  subjectName: z.string(),
  teamId: z.number().nullable(),
  cadreId: z.number().nullable(),
  authorityId: z.number(),
  teamName: z.string().nullable(),
  unitName: z.string().nullable(),
  cadreName: z.string().nullable(),
  cadrePost: z.string().nullable(),
  date: z.string(),
  surveyors: z.string(),
  assessment: z.string(),
  ratings: z.array(z.object({ key: z.string(), label: z.string(), grade: z.string() })),
  recommendations: z.array(z.object({ kind: z.string(), label: z.string(), detail: z.string() })),
  promising: PromisingMarks.describe('据此调研标记的好苗子'),
  createdByName: z.string(),
  createdAt: z.string(),
});

const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

export async function analysisRecordsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/analysis-records/options',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '研判和调研的类别、状态、评价项等选项' } },
    async () => ({
      kinds: opts(ANALYSIS_KINDS),
      statuses: opts(FOLLOW_UP_STATUSES),
      shortfallKinds: SHORTFALL_KINDS,
      shortfallAreas: SHORTFALL_AREAS,
      subjects: opts(SURVEY_SUBJECTS),
      ratingDimensions: { cadre: opts(RATING_DIMENSIONS.cadre), team: opts(RATING_DIMENSIONS.team) },
      ratingGrades: RATING_GRADES,
      recommendationKinds: Object.entries(RECOMMENDATION_KINDS).map(([value, d]) => ({ value, label: d.label, subject: d.subject })),
      cadreLists: CADRE_LISTS,
    }),
  );

  app.get(
    '/api/analysis-records',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '研判记录列表（本部门及下级部门所作）',
        querystring: PageQuery.extend({
          kind: z.enum(ANALYSIS_KIND_CODES).optional().describe('类别'),
          status: z.enum(FOLLOW_UP_STATUS_CODES).optional().describe('跟进状态'),
          year: z.coerce.number().int().min(1949).max(2100).optional().describe('研判年度'),
          teamId: z.coerce.number().int().positive().optional().describe('含此班子的研判'),
        }),
        response: { 200: z.object({ items: z.array(ListItem), total: z.number() }), ...errorResponses },
      },
    },
    async (req) => svc.listAnalyses(ctxOf(req, deps), req.query),
  );

  app.post(
    '/api/analysis-records',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        summary: '新建研判：保存研判日期的自动研判结论（全部班子的定期研判一次完成）',
        body: AnalysisBody,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.createAnalysis(ctxOf(req, deps), req.body) }),
  );

  app.get(
    '/api/analysis-records/:id',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '研判详情：各班子当日的自动研判、研判意见、短板弱项、跟进',
        params: IdParams,
        response: { 200: Detail, ...errorResponses },
      },
    },
    async (req) => svc.getAnalysis(ctxOf(req, deps), req.params.id),
  );

  app.patch(
    '/api/analysis-records/:id',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        summary: '修改研判意见、短板弱项、建议（已完成的不能修改）',
        params: IdParams,
        body: AnalysisPatch,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await svc.updateAnalysis(ctxOf(req, deps), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/analysis-records/:id/follow-ups',
    {
      config: { permission: 'analysis:write' },
      schema: {
        tags,
        summary: '添加跟进记录（并改变跟进状态）',
        params: IdParams,
        body: z.object({
          date: date('跟进日期'),
          note: z.string().trim().min(1, '必填').max(5000).describe('跟进情况'),
          status: z.enum(['following', 'done'], '应为 following（跟进中）或 done（已完成）').describe('跟进后的状态'),
          version,
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.addFollowUp(ctxOf(req, deps), req.params.id, req.body) }),
  );

  app.get(
    '/api/surveys',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '大调研记录（班子、干部）',
        querystring: PageQuery.extend({
          subject: z.enum(['team', 'cadre']).optional().describe('调研对象'),
          teamId: z.coerce.number().int().positive().optional(),
          cadreId: z.coerce.number().int().positive().optional(),
          recommendation: z.enum(RECOMMENDATION_KIND_CODES).optional().describe('含此类建议的记录'),
        }),
        response: { 200: z.object({ items: z.array(SurveyItem), total: z.number() }), ...errorResponses },
      },
    },
    async (req) => svc.listSurveys(ctxOf(req, deps), req.query),
  );

  app.post(
    '/api/surveys',
    {
      config: { permission: 'analysis:write' },
      schema: { tags, summary: '新建大调研记录', body: SurveyBody, response: { 201: Created, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send({ id: await svc.createSurvey(ctxOf(req, deps), req.body) }),
  );
}
