import { z } from 'zod';
import { ctxOf, errorResponses, IdParams, type App, type AppDeps } from '../../server/http.js';
import { registerFieldLabels } from '../../server/field-labels.js';
import { LEVEL_BANDS, RULE_LABELS, RULE_SOURCES, TEAM_RULE_IDS } from '../../domain/team-rules.js';
import { TEAM_KINDS, UNIT_KINDS, UNIT_TIER_CODES } from '../../domain/unit-kinds.js';
import * as svc from './analysis.service.js';

// Registered before the units' labels for /api/teams (see app.ts), so a member's name reads 姓名.
registerFieldLabels(
  {
    asOf: '研判日期',
    team: '班子',
    kind: '班子类别',
    unitKind: '单位类别',
    unitName: '单位名称',
    tier: '层级',
    place: '所在县(市、区)',
    level: '班子层级',
    quota: '职数',
    total: '核定职数',
    chief: '正职职数',
    byLevel: '分层次职数',
    members: '成员',
    cadreId: '干部编号',
    name: '姓名',
    gender: '性别',
    birthDate: '出生日期',
    politicalStatus: '政治面貌',
    ethnicCode: '民族',
    levelCode: '职务层次',
    isChief: '正职',
    unitId: '单位',
    rule: '规则',
    postStartDate: '任现职时间',
    levelSince: '任现职级时间',
    nativePlace: '籍贯',
    specialties: '专长',
    relatives: '家庭成员',
    relation: '称谓',
    birthMonth: '出生年月',
    supervisors: '上级单位班子成员',
    education: '最高学历',
    tags: '标签',
  },
  ['/api/teams/analyze', '/api/teams/:id/analysis', '/api/teams/findings'],
);

const tags = ['班子研判'];
const date = (what: string) => z.iso.date('应为有效日期（YYYY-MM-DD）').describe(what);
const count = (what: string) => z.number('须为数字').int('应为整数').min(0, '不能为负数').max(999).describe(what);

const Person = z.object({
  cadreId: z.number().int().positive().optional().describe('干部编号'),
  name: z.string().trim().min(1, '必填').max(50).describe('姓名'),
  birthDate: date('出生日期'),
});

const Relative = z.object({
  relation: z.string().trim().min(1, '必填').max(20).describe('称谓（GB/T 4761），如“妻子”“儿子”'),
  name: z.string().trim().min(1, '必填').max(50).describe('姓名'),
  birthMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月（YYYY-MM）')
    .nullable()
    .optional()
    .describe('出生年月（YYYY-MM）：有则须与对方出生年月一致才认定为同一人'),
});

const TeamFacts = z
  .object({
    kind: z.enum(TEAM_KINDS).describe('班子类别，如“党委班子”“法院班子”'),
    unitKind: z.enum(UNIT_KINDS).describe('单位类别，如“党委”“法院”“部门”'),
    unitName: z.string().trim().max(100).optional().describe('单位名称：用于判断七部门及组织部、公安（成长地回避）'),
    tier: z.enum(UNIT_TIER_CODES).optional().describe('层级：city 市直 / county 县(市、区) / township 乡镇(街道)'),
    place: z.string().trim().max(50).optional().describe('所在县(市、区)名称，如“东湖区”：用于成长地回避；缺省则不判断'),
    level: z.enum(LEVEL_BANDS).optional().describe('班子层级（乡科/县处/厅局），决定年轻干部年龄；缺省取成员最高职务层次'),
    quota: z
      .object({
        total: count('核定职数合计').optional(),
        chief: count('正职职数（缺省 1）').optional(),
        byLevel: z.record(z.string().max(8), count('该层次核定职数')).optional().describe('按职务层次（ZB09 代码）的核定职数'),
      })
      .describe('职数'),
    supervisors: z.array(Person).max(200).optional().describe('上级单位领导班子成员：用于直接上下级领导关系的亲属回避'),
  })
  .describe('班子');

const MemberFacts = z
  .object({
    cadreId: z.number().int().positive().optional().describe('干部编号（有则在结论中以编号指代）'),
    name: z.string().trim().min(1, '必填').max(50).describe('姓名'),
    gender: z.enum(['1', '2'], '应为 1（男）或 2（女）').describe('性别代码：1 男，2 女'),
    birthDate: date('出生日期'),
    politicalStatus: z
      .string()
      .regex(/^\d{2}$/, '应为两位政治面貌代码（GB/T 4762）')
      .describe('政治面貌代码（GB/T 4762）：01 中共党员，02 中共预备党员'),
    ethnicCode: z
      .string()
      .regex(/^\d{2}$/, '应为两位民族代码（GB 3304）')
      .describe('民族代码（GB 3304）'),
    levelCode: z.string().trim().max(8).nullable().optional().describe('职务层次代码（ZB09），如 1A31 县处级正职'),
    isChief: z.boolean('须为是或否').describe('是否正职'),
    postStartDate: date('任现职时间（同一职位连续任职的起始日期）').nullable().optional(),
    levelSince: date('任现职务层次时间').nullable().optional(),
    nativePlace: z.string().trim().max(50).nullable().optional().describe('籍贯（成长地），如“安徽肥东”'),
    specialties: z.array(z.string().trim().min(1).max(20)).max(20).optional().describe('专长，如“经济”“法治”（五类干部库的类别）'),
    relatives: z.array(Relative).max(30).optional().describe('家庭成员：与其他成员或上级班子成员同名（且出生年月一致）即认定为亲属'),
    education: z.string().max(8).nullable().optional().describe('最高学历代码（ZB64）'),
    tags: z.array(z.string().max(20)).max(30).optional().describe('标签，如“选调生”'),
  })
  .describe('班子成员');

const Finding = z.object({
  rule: z.enum(TEAM_RULE_IDS).describe('规则编号（稳定，见 src/domain/team-rules.ts 顶部的规则表）'),
  source: z.string().describe('依据（法规及条款）'),
  detail: z.string().describe('结论说明'),
  members: z
    .array(z.union([z.number(), z.string()]))
    .optional()
    .describe('涉及的成员（干部编号，无编号时为姓名）'),
});

const StoredAnalysis = z.object({
  asOf: z.string().describe('研判日期'),
  teamId: z.number(),
  teamName: z.string(),
  unitName: z.string(),
  team: z
    .object({
      kind: z.string().describe('班子类别'),
      unitKind: z.string().describe('单位类别'),
      unitName: z.string().optional(),
      tier: z.string().optional().describe('层级'),
      place: z.string().optional().describe('所在县(市、区)'),
      quota: z.object({ total: z.number().optional(), chief: z.number().optional(), byLevel: z.record(z.string(), z.number()).optional() }),
      supervisors: z.array(z.object({ cadreId: z.number().optional(), name: z.string(), birthDate: z.string() })).optional(),
    })
    .describe('从库中读取的班子情况'),
  members: z
    .array(
      z.object({
        cadreId: z.number().optional(),
        name: z.string(),
        gender: z.string().describe('性别代码：1 男，2 女'),
        birthDate: z.string(),
        politicalStatus: z.string(),
        ethnicCode: z.string(),
        levelCode: z.string().nullable().optional().describe('所任职位的职务层次'),
        isChief: z.boolean(),
        postStartDate: z.string().nullable().optional().describe('同一职位连续任职的起始日期'),
        levelSince: z.string().nullable().optional(),
        nativePlace: z.string().nullable().optional(),
        specialties: z.array(z.string()).optional().describe('专长（据“熟悉专业有何专长”认定）'),
        relatives: z.array(z.object({ relation: z.string(), name: z.string(), birthMonth: z.string().nullable().optional() })).optional(),
        education: z.string().nullable().optional().describe('最高学历代码'),
        tags: z.array(z.string()).optional(),
      }),
    )
    .describe('研判日期在任的成员'),
  findings: z.array(Finding),
});

const ScopeFinding = Finding.extend({
  teamId: z.number(),
  teamName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  memberNames: z.array(z.string()).describe('涉及成员的姓名'),
});

export async function analysisRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/teams/rules',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '班子结构研判规则目录：编号、名称、依据（适用范围见业务参数 teamRules.applicability）',
        response: { 200: z.array(z.object({ id: z.enum(TEAM_RULE_IDS), label: z.string(), source: z.string() })) },
      },
    },
    async () => TEAM_RULE_IDS.map((id) => ({ id, label: RULE_LABELS[id], source: RULE_SOURCES[id] })),
  );

  app.get(
    '/api/teams/findings',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '班子结构研判总览：单位及其下属单位全部班子的研判结论',
        querystring: z.object({
          asOf: date('研判日期（默认今天）').optional(),
          unitId: z.coerce.number('须为数字').int().positive().optional().describe('单位（含下属单位）；缺省为管理范围内全部单位'),
          rule: z.enum(TEAM_RULE_IDS, '不是已知的规则编号').optional().describe('只列出该规则的结论'),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            unitName: z.string().nullable(),
            teams: z.number().describe('研判的班子数'),
            byRule: z.record(z.string(), z.number()).describe('各规则的结论数'),
            findings: z.array(ScopeFinding),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => svc.findingsInScope(ctxOf(req, deps), req.query),
  );

  app.post(
    '/api/teams/analyze',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '班子结构研判：按给定的班子和成员情况（可用于模拟）',
        body: z.object({
          asOf: date('研判日期：年龄、任职年限按该日计算，参数取该日有效的版本'),
          team: TeamFacts,
          members: z.array(MemberFacts).max(200, '成员不能多于 200 人').describe('班子成员'),
        }),
        response: { 200: z.object({ findings: z.array(Finding) }), ...errorResponses },
      },
    },
    async (req) => svc.analyzeFacts(ctxOf(req, deps), req.body),
  );

  app.get(
    '/api/teams/:id/analysis',
    {
      config: { permission: 'unit:read' },
      schema: {
        tags,
        summary: '班子结构研判：库中班子（按日期的在任成员、职数）',
        params: IdParams,
        querystring: z.object({ asOf: date('研判日期（默认今天）').optional() }),
        response: { 200: StoredAnalysis, ...errorResponses },
      },
    },
    async (req) => svc.analyzeStoredTeam(ctxOf(req, deps), req.params.id, req.query.asOf),
  );
}
