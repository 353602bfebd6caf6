import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { ctxOf, errorResponses, IdParams, rememberingQueryValidator, type App, type AppDeps } from '../../server/http.js';
import type { Ctx } from '../../server/access.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import { isDate, isMonth, todayOf } from '../../domain/dates.js';
import { readCache } from '../../db/read-cache.js';
import { cadreSearchStamp } from '../../db/data-versions.js';
import { ALL_CADRE_LABELS, APPRAISAL_GRADES, CADRE_STATUSES, type CadreInput } from './cadres.rules.js';
import * as svc from './cadres.service.js';

// Labels for zod's errors on the cadre routes, so a message names the field the form shows.
registerFieldLabels({ ...ALL_CADRE_LABELS, ...svc.SEARCH_LABELS }, ['/api/cadres']);

/**
 * Searches answered again unchanged while nothing they read has been written (src/db/read-cache.ts),
 * kept as the bytes sent: serialising 20 rows again on every reuse cost more than the rest of it.
 */
const searches = readCache(500, cadreSearchStamp);
/**
 * JSON already encoded as UTF-8 bytes is sent as it is: no serializer runs (fastify reply.send), and
 * neither the length nor the encoding of a 10 kB string is computed again for each reuse.
 */
const sendJson = (reply: FastifyReply, body: Buffer) => reply.type('application/json; charset=utf-8').send(body);
/** A search's answer as the bytes sent. */
const searchBytes = async (ctx: Ctx, query: svc.CadreSearchInput) => Buffer.from(JSON.stringify(await svc.searchCadres(ctx, query)));

const Month = z
  .string()
  .regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM 格式的年月')
  .refine(isMonth, '不是有效的年月');
const DateStr = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期')
  .refine(isDate, '不是有效的日期');
const Text = z.string().default('');
const Code = z.string().min(1, '必填');

const ResumeLine = z.object({
  kind: z.enum(['segment', 'note']).default('segment').describe('segment 经历段落；note 其间/说明行（附于上一段落）'),
  startMonth: Month.nullable().default(null).describe('起始年月'),
  endMonth: Month.nullable().default(null).describe('截止年月，空为至今'),
  text: z.string().min(1, '必填').describe('内容'),
});

const Reward = z.object({
  kind: z.enum(['reward', 'punishment']).describe('reward 奖励；punishment 惩处'),
  month: Month.describe('年月'),
  description: z.string().min(1, '必填').describe('内容'),
  docNo: Text.describe('文号'),
});

const Appraisal = z.object({
  year: z.number().int().min(1950).describe('年度'),
  grade: z.enum(APPRAISAL_GRADES).describe('等次'),
});

const FamilyMember = z.object({
  relation: z.string().min(1, '必填').describe('称谓（GB/T 4761 名称，如 妻子、女儿）'),
  name: z.string().min(1, '必填').describe('姓名'),
  birthMonth: Month.nullable().default(null).describe('出生年月'),
  politicalStatus: Code.nullable().default(null).describe('政治面貌代码（GB/T 4762）'),
  workUnitPost: Text.describe('工作单位及职务'),
});

const RankEntry = z.object({
  rankCode: Code.describe('职级代码（ZJ01 一级巡视员 … ZJ12 二级科员）'),
  startDate: DateStr.describe('任职级日期'),
  endDate: DateStr.nullable().default(null).describe('免职级日期，空为现任'),
  docNo: Text.describe('文号'),
});

/** The whole profile as the form submits it; omitted optional fields are saved empty. */
const CadreBody = z.object({
  idCard: z.string().min(1, '必填').describe('身份证号（18 位，或 15 位旧号自动升位）'),
  name: z.string().min(1, '必填').describe('姓名'),
  gender: Code.describe('性别代码（GB/T 2261.1：1 男，2 女）'),
  birthMonth: Month.describe('出生年月，须与身份证号一致'),
  ethnicCode: Code.describe('民族代码（GB 3304）'),
  nativePlace: Text.describe('籍贯，如“安徽合肥”'),
  birthplace: Text.describe('出生地'),
  politicalStatus: Code.describe('政治面貌代码（GB/T 4762）'),
  partyJoinMonth: Month.nullable().default(null).describe('入党时间（中共党员、预备党员必填）'),
  otherParty: z.string().nullable().default(null).describe('民主党派或无党派（入党时间栏写的党派名称，如“民建”）'),
  workStartMonth: Month.describe('参加工作时间'),
  healthCode: Code.describe('健康状况代码（1 健康，3 一般，4 较差）'),
  professionalTitle: Text.describe('专业技术职务'),
  specialty: Text.describe('熟悉专业有何专长'),
  ftEducation: Code.nullable().default(null).describe('全日制教育 学历代码（ZB64）'),
  ftDegree: Code.nullable().default(null).describe('全日制教育 学位代码（GB/T 6864）'),
  ftEducationSchool: Text.describe('全日制教育 学历毕业院校系及专业'),
  ftDegreeSchool: Text.describe('全日制教育 学位毕业院校系及专业'),
  ipEducation: Code.nullable().default(null).describe('在职教育 学历代码（ZB64）'),
  ipDegree: Code.nullable().default(null).describe('在职教育 学位代码（GB/T 6864）'),
  ipEducationSchool: Text.describe('在职教育 学历毕业院校系及专业'),
  ipDegreeSchool: Text.describe('在职教育 学位毕业院校系及专业'),
  currentPost: Text.describe('现任职务'),
  levelCode: Code.nullable().default(null).describe('职务层次代码（ZB09）'),
  levelSince: DateStr.nullable().default(null).describe('任现职务层次时间'),
  unitId: z.number().int().positive().nullable().default(null).describe('工作单位编号'),
  authorityId: z.number().int().positive().describe('管理权限（组织部）编号'),
  status: z.enum(CADRE_STATUSES).default('active').describe('状态：active 在职，retired 退休，left 调离'),
  rewardsText: Text.describe('奖惩情况（任免表文字）'),
  appraisalText: Text.describe('年度考核结果（任免表文字）'),
  remarks: Text.describe('备注'),
  resume: z.array(ResumeLine).max(200).default([]).describe('简历'),
  rewards: z.array(Reward).max(200).default([]).describe('奖惩记录'),
  appraisals: z.array(Appraisal).max(100).default([]).describe('年度考核'),
  family: z.array(FamilyMember).max(50).default([]).describe('家庭主要成员及重要社会关系'),
  ranks: z.array(RankEntry).max(50).default([]).describe('职级任职经历；未免的一条为现职级'),
  tags: z.array(z.string()).max(50).default([]).describe('标签'),
});

const Profile = z.object({
  id: z.number(),
  idCard: z.string(),
  name: z.string(),
  gender: z.string(),
  genderName: z.string(),
  birthDate: z.string().describe('出生日期（来自身份证号）'),
  birthMonth: z.string().describe('出生年月 YYYY-MM'),
  age: z.number().describe('今天的周岁年龄'),
  ethnicCode: z.string(),
  ethnicName: z.string(),
  nativePlace: z.string(),
  birthplace: z.string(),
  politicalStatus: z.string(),
  politicalName: z.string(),
  partyJoinMonth: z.string().nullable(),
  otherParty: z.string().nullable(),
  workStartMonth: z.string(),
  healthCode: z.string(),
  healthName: z.string(),
  professionalTitle: z.string(),
  specialty: z.string(),
  ftEducation: z.string().nullable(),
  ftEducationName: z.string(),
  ftDegree: z.string().nullable(),
  ftDegreeName: z.string(),
  ftEducationSchool: z.string(),
  ftDegreeSchool: z.string(),
  ipEducation: z.string().nullable(),
  ipEducationName: z.string(),
  ipDegree: z.string().nullable(),
  ipDegreeName: z.string(),
  ipEducationSchool: z.string(),
  ipDegreeSchool: z.string(),
  highestEducation: z.string().nullable(),
  highestEducationName: z.string(),
  currentPost: z.string(),
  levelCode: z.string().nullable(),
  levelName: z.string(),
  levelSince: z.string().nullable(),
  rankCode: z.string().nullable().describe('现职级（职级经历中未免的一条）'),
  rankName: z.string(),
  rankSince: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string(),
  authorityId: z.number(),
  authorityName: z.string(),
  status: z.string(),
  rewardsText: z.string(),
  appraisalText: z.string(),
  remarks: z.string(),
  resume: z.array(z.object({ kind: z.string(), startMonth: z.string().nullable(), endMonth: z.string().nullable(), text: z.string() })),
  rewards: z.array(z.object({ kind: z.string(), month: z.string(), description: z.string(), docNo: z.string() })),
  appraisals: z.array(z.object({ year: z.number(), grade: z.string() })),
  family: z.array(
    z.object({
      relation: z.string(),
      name: z.string(),
      birthMonth: z.string().nullable(),
      politicalStatus: z.string().nullable(),
      politicalName: z.string(),
      workUnitPost: z.string(),
    }),
  ),
  ranks: z.array(z.object({ rankCode: z.string(), rankName: z.string(), startDate: z.string(), endDate: z.string().nullable(), docNo: z.string() })),
  tags: z.array(z.string()),
  hasPhoto: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Codes only: their names are in GET /api/codes (the web names them there); see searchCadres.
const ListItem = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().describe('性别代码（GB/T 2261.1，名称见 /api/codes gender）'),
  birthDate: z.string(),
  age: z.number().describe('在 ageOn 日期的周岁年龄'),
  ethnicCode: z.string().describe('民族代码（GB/T 3304，/api/codes ethnic）'),
  politicalStatus: z.string().describe('政治面貌代码（GB/T 4762，/api/codes political）'),
  highestEducation: z.string().nullable().describe('最高学历代码（ZB64，/api/codes education）'),
  levelCode: z.string().nullable().describe('职务层次代码（ZB09，/api/codes level）'),
  rankCode: z.string().nullable().describe('职级代码（/api/codes rank）'),
  unitId: z.number().nullable(),
  unitName: z.string(),
  currentPost: z.string(),
  authorityId: z.number(),
  authorityName: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
});

/** The search conditions of GET /api/cadres, without paging; the roster export takes the same. */
export const SearchConditionsQuery = z.object({
  q: z.string().max(40).optional().describe('姓名（汉字，包含匹配）或拼音（全拼前缀或首字母前缀，如 zs、zhangs）'),
  gender: z.string().optional().describe('性别代码'),
  ageMin: z.coerce.number().int().min(0).max(120).optional().describe('最小年龄（含）'),
  ageMax: z.coerce.number().int().min(0).max(120).optional().describe('最大年龄（含）'),
  ageOn: DateStr.optional().describe('计算年龄的日期，默认今天'),
  ethnic: z.string().optional().describe('民族代码；minority 为全部少数民族'),
  political: z.string().optional().describe('政治面貌代码，或 party（中共党员和预备党员）、nonParty（党外）'),
  education: z.string().optional().describe('最高学历代码（ZB64）；分组代码 1/2/3 表示研究生/本科/专科整组；secondary 中专及以下，none 未填学历'),
  educationAtLeast: z.string().optional().describe('最高学历不低于此代码所在层次，如 21 = 本科及以上'),
  level: z.string().optional().describe('职务层次代码（ZB09）；分组代码（如 1A）包含其下全部；none 未定职务层次'),
  rank: z.string().optional().describe('职级代码'),
  unitId: z.coerce.number().int().positive().optional().describe('单位编号，含下级单位'),
  specialty: z.string().max(40).optional().describe('熟悉专业有何专长（包含匹配）'),
  tag: z.string().max(20).optional().describe('标签'),
  status: z.enum(['active', 'retired', 'left', 'all']).default('active').describe('状态，默认在职'),
  authorityId: z.coerce.number().int().positive().optional().describe('只查此管理权限（须在本账号范围内）'),
  sort: z.enum(['name', 'pinyin', 'birthDate', 'level', 'workStart']).default('pinyin').describe('排序字段'),
  order: z.enum(['asc', 'desc']).default('asc').describe('排序方向'),
});

const SearchQuery = SearchConditionsQuery.extend({
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数（最多 200）'),
});

export async function cadresRoutes(app: App, deps: AppDeps) {
  // The raw-image body parser lives in this plugin's scope only.
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(/^image\//, { parseAs: 'buffer', bodyLimit: svc.MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));
    routes(scope, deps);
  });
}

function routes(app: App, deps: AppDeps) {
  const tags = ['干部'];

  app.get(
    '/api/cadres',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '查询干部（条件组合、分页、排序）',
        querystring: SearchQuery,
        response: { 200: z.object({ items: z.array(ListItem), total: z.number() }), ...errorResponses },
      },
      // The busiest route: its body is built field by field in the service (svc.searchCadres), so it is
      // sent as it is; parsing 20 rows with zod before JSON.stringify was ≈ 6 % of a request. The schema
      // above still documents it and types the handler.
      serializerCompiler: () => (data) => JSON.stringify(data),
      validatorCompiler: rememberingQueryValidator,
    },
    async (req, reply) => {
      const ctx = ctxOf(req, deps);
      // `Cache-Control: no-cache` asks for the answer computed afresh (the benchmark times searches so).
      if (req.headers['cache-control']?.includes('no-cache')) return sendJson(reply, await searchBytes(ctx, req.query));
      const { userId, roleCode, authorityId } = ctx.actor;
      // the query as sent: it determines the parsed query (a spelling of its own is only another entry)
      const q = req.url.indexOf('?');
      const key = `${userId}/${roleCode}/${authorityId}/${todayOf(ctx.now)}/${q < 0 ? '' : req.url.slice(q)}`;
      // The stamp read with the session (before the search is computed) is reused: one read less.
      // (an unnamed closure: tsx names every named one per request, ≈ 1 % of a cached request)
      return sendJson(reply, await searches(ctx.db, key, () => searchBytes(ctx, req.query), req.stamps?.cadres));
    },
  );

  app.get(
    '/api/cadres/tags',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '在用的标签及在职干部人数',
        response: { 200: z.array(z.object({ tag: z.string(), count: z.number() })), ...errorResponses },
      },
    },
    async (req) => svc.listTags(ctxOf(req, deps)),
  );

  app.get(
    '/api/cadres/:id',
    {
      config: { permission: 'cadre:read' },
      schema: { tags, summary: '干部档案（一人一档）', params: IdParams, response: { 200: Profile, ...errorResponses } },
    },
    async (req) => svc.getCadre(ctxOf(req, deps), req.params.id),
  );

  app.post(
    '/api/cadres',
    {
      config: { permission: 'cadre:write' },
      schema: { tags, summary: '新建干部档案', body: CadreBody, response: { 201: Profile, ...errorResponses } },
    },
    async (req, reply) => {
      const input: CadreInput = req.body;
      return reply.status(201).send(await svc.createCadre(ctxOf(req, deps), input));
    },
  );

  app.put(
    '/api/cadres/:id',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '保存干部档案（整体替换，含各子表；须带读取时的 version）',
        params: IdParams,
        body: CadreBody.extend({ version: z.number().int().describe('读取时的版本号') }),
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (req) => svc.updateCadre(ctxOf(req, deps), req.params.id, req.body),
  );

  app.get(
    '/api/cadres/:id/photo',
    {
      config: { permission: 'cadre:read' },
      schema: {
        tags,
        summary: '照片（图片字节）',
        params: IdParams,
        // Fastify sends a Buffer as is; the schema only documents it.
        response: { 200: z.any().describe('图片字节，Content-Type 为 image/jpeg 或 image/png'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const photo = await svc.getPhoto(ctxOf(req, deps), req.params.id);
      return reply.type(photo.mime).header('cache-control', 'private, no-cache').send(photo.data);
    },
  );

  app.put(
    '/api/cadres/:id/photo',
    {
      config: { permission: 'cadre:write' },
      schema: {
        tags,
        summary: '上传照片（请求体为 image/jpeg 或 image/png 原始字节，不超过 5 MB）',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      await svc.setPhoto(ctxOf(req, deps), req.params.id, body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/cadres/:id/photo',
    {
      config: { permission: 'cadre:write' },
      schema: { tags, summary: '删除照片', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await svc.removePhoto(ctxOf(req, deps), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
