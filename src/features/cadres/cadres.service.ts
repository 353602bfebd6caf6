// The cadre profile (一人一档): search, read, create, replace, photo. Every use case checks the
// permission first, reads only within the actor's 干部管理权限, and writes with its audit row in one
// transaction.
import { requireAccess, type Ctx } from '../../server/access.js';
import type { Db } from '../../db/database.js';
import { AppError, notFound, validationError } from '../../server/errors.js';
import { ageOn, latestBirthDateForAge, todayOf } from '../../domain/dates.js';
import { parseIdCard } from '../../domain/idcard.js';
import { isPinyinQuery, nameKeys } from '../../domain/pinyin.js';
import { CODE_TABLES, codeName, educationTier, isCode, type CodeTable } from '../codes/codes.catalog.js';
import { buildAuditRow, diffFields, type AuditRow, type FieldChange } from '../audit/audit.events.js';
import { insertAudit, insertAudits } from '../audit/audit.repository.js';
import { getSetting } from '../settings/settings.service.js';
import type { SettingValue } from '../settings/settings.catalog.js';
import type { FieldIssue } from '../../server/errors.js';
import * as repo from './cadres.repository.js';
import { cadreIssues, cadreLabel, PARTY_CODES, type CadreInput, type RankEntry } from './cadres.rules.js';

// ---- derived values (pure) ----

/** The higher of the full-time and in-service 学历 (lower tier is higher); full-time wins a tie. */
export function highestEducation(ft: string | null, ip: string | null): string | null {
  if (!ft) return ip;
  if (!ip) return ft;
  return educationTier(ip) < educationTier(ft) ? ip : ft;
}

/** The current 职级 is the open entry of the history (no end date). */
export function currentRank(ranks: RankEntry[]): { rankCode: string | null; rankSince: string | null } {
  const open = ranks.find((r) => r.endDate === null);
  return { rankCode: open?.rankCode ?? null, rankSince: open?.startDate ?? null };
}

/** Text as stored: trimmed; a name loses the spaces some files pad two-character names with (LRMX.md §2 #1). */
function normalize(input: CadreInput, idCard: string): CadreInput {
  const t = (s: string) => s.trim();
  return {
    ...input,
    idCard,
    name: input.name.replace(/\s+/g, ''),
    nativePlace: t(input.nativePlace),
    birthplace: t(input.birthplace),
    otherParty: input.otherParty?.trim() || null,
    professionalTitle: t(input.professionalTitle),
    specialty: t(input.specialty),
    ftEducationSchool: t(input.ftEducationSchool),
    ftDegreeSchool: t(input.ftDegreeSchool),
    ipEducationSchool: t(input.ipEducationSchool),
    ipDegreeSchool: t(input.ipDegreeSchool),
    currentPost: t(input.currentPost),
    resume: input.resume.map((r) => ({ ...r, text: r.text.trim() })),
    rewards: input.rewards.map((r) => ({ ...r, description: r.description.trim(), docNo: r.docNo.trim() })),
    family: input.family.map((f) => ({ ...f, relation: t(f.relation), name: t(f.name), workUnitPost: t(f.workUnitPost) })),
    ranks: input.ranks.map((r) => ({ ...r, docNo: r.docNo.trim() })),
    tags: input.tags.map(t),
  };
}

/** Lists in the order they are stored and read back; only after validation, whose issues name submitted rows. */
function ordered(input: CadreInput): CadreInput {
  return {
    ...input,
    appraisals: [...input.appraisals].sort((a, b) => a.year - b.year),
    ranks: [...input.ranks].sort((a, b) => a.startDate.localeCompare(b.startDate)),
    tags: [...new Set(input.tags)].sort(),
  };
}

/**
 * `before`: the stored row, whose pinyin keys are kept when the name is the same (pinyin is slow to compute).
 * Built field by field (not by rest/spread of the input): one object shape for every row, and no stray keys.
 */
function toRow(input: CadreInput, birthDate: string, now: Date, before?: Pick<repo.CadreRow, 'name' | 'namePinyin' | 'nameInitials'>): repo.CadreRow {
  const keys = before?.name === input.name ? { namePinyin: before.namePinyin, nameInitials: before.nameInitials } : nameKeys(input.name);
  const rank = currentRank(input.ranks);
  const at = now.toISOString();
  // keys in the order the audit lists changes: the form's fields, then the derived ones
  return {
    idCard: input.idCard,
    name: input.name,
    gender: input.gender,
    ethnicCode: input.ethnicCode,
    nativePlace: input.nativePlace,
    birthplace: input.birthplace,
    politicalStatus: input.politicalStatus,
    partyJoinMonth: input.partyJoinMonth,
    otherParty: input.otherParty,
    workStartMonth: input.workStartMonth,
    healthCode: input.healthCode,
    professionalTitle: input.professionalTitle,
    specialty: input.specialty,
    ftEducation: input.ftEducation,
    ftDegree: input.ftDegree,
    ftEducationSchool: input.ftEducationSchool,
    ftDegreeSchool: input.ftDegreeSchool,
    ipEducation: input.ipEducation,
    ipDegree: input.ipDegree,
    ipEducationSchool: input.ipEducationSchool,
    ipDegreeSchool: input.ipDegreeSchool,
    currentPost: input.currentPost,
    levelCode: input.levelCode,
    levelSince: input.levelSince,
    unitId: input.unitId,
    authorityId: input.authorityId,
    status: input.status,
    rewardsText: input.rewardsText,
    appraisalText: input.appraisalText,
    remarks: input.remarks,
    birthDate,
    namePinyin: keys.namePinyin,
    nameInitials: keys.nameInitials,
    highestEducation: highestEducation(input.ftEducation, input.ipEducation),
    rankCode: rank.rankCode,
    rankSince: rank.rankSince,
    createdAt: at,
    updatedAt: at,
  };
}

/** The child lists with their keys in one fixed order, so old and new compare as JSON. */
const childrenOf = (c: repo.CadreChildren): repo.CadreChildren => ({
  resume: c.resume.map((r) => ({ kind: r.kind, startMonth: r.startMonth, endMonth: r.endMonth, text: r.text })),
  rewards: c.rewards.map((r) => ({ kind: r.kind, month: r.month, description: r.description, docNo: r.docNo })),
  appraisals: c.appraisals.map((a) => ({ year: a.year, grade: a.grade })),
  family: c.family.map((f) => ({
    relation: f.relation,
    name: f.name,
    birthMonth: f.birthMonth,
    politicalStatus: f.politicalStatus,
    workUnitPost: f.workUnitPost,
  })),
  ranks: c.ranks.map((r) => ({ rankCode: r.rankCode, startDate: r.startDate, endDate: r.endDate, docNo: r.docNo })),
  tags: [...c.tags],
});

/** A cadre as the repository reads it (within scope), with its unit and authority names. */
export type StoredCadre = NonNullable<Awaited<ReturnType<typeof repo.findCadre>>>;

/** The profile as stored, in the shape of an input: what the form would submit to keep it as it is. */
export function storedInput(row: StoredCadre, children: repo.CadreChildren): CadreInput {
  return {
    idCard: row.idCard,
    name: row.name,
    gender: row.gender,
    birthMonth: row.birthDate.slice(0, 7),
    ethnicCode: row.ethnicCode,
    nativePlace: row.nativePlace,
    birthplace: row.birthplace,
    politicalStatus: row.politicalStatus,
    partyJoinMonth: row.partyJoinMonth,
    otherParty: row.otherParty,
    workStartMonth: row.workStartMonth,
    healthCode: row.healthCode,
    professionalTitle: row.professionalTitle,
    specialty: row.specialty,
    ftEducation: row.ftEducation,
    ftDegree: row.ftDegree,
    ftEducationSchool: row.ftEducationSchool,
    ftDegreeSchool: row.ftDegreeSchool,
    ipEducation: row.ipEducation,
    ipDegree: row.ipDegree,
    ipEducationSchool: row.ipEducationSchool,
    ipDegreeSchool: row.ipDegreeSchool,
    currentPost: row.currentPost,
    levelCode: row.levelCode,
    levelSince: row.levelSince,
    unitId: row.unitId,
    authorityId: row.authorityId,
    status: row.status as CadreInput['status'],
    rewardsText: row.rewardsText,
    appraisalText: row.appraisalText,
    remarks: row.remarks,
    ...children,
  };
}

/** Columns whose old and new values the audit records; keys and bookkeeping columns are left out. */
const NOT_AUDITED = new Set(['namePinyin', 'nameInitials', 'highestEducation', 'createdAt', 'updatedAt']);
let auditedOfRow: string[] | undefined;
/** The audited keys of a row from toRow (every row has the same keys: computed once). */
const AUDITED = (row: Partial<repo.CadreRow>) => (auditedOfRow ??= Object.keys(row).filter((k) => !NOT_AUDITED.has(k)));

// ---- validation ----

/**
 * What a batch (an import) may have read already, so that validation does not read it again for every
 * file: the settings of the batch's date, the authority of the batch's unit, and the owner of the ID
 * number just looked up (used only when it is the same number the validation would look up).
 */
export interface ValidationLookups {
  minWorkAge?: SettingValue<'cadre.minWorkAge'>;
  unitAuthority?: { unitId: number; authorityId: number | undefined };
  /** authorities of units read for a whole batch; a unit not in it is looked up */
  unitAuthorities?: ReadonlyMap<number, number>;
  idCardOwner?: { idCard: string; ownerId: number | undefined };
}

/** The settings validation reads, once for a whole batch. */
export async function validationSettings(ctx: Ctx): Promise<Pick<ValidationLookups, 'minWorkAge'>> {
  return { minWorkAge: await getSetting(ctx.db, 'cadre.minWorkAge', ctx.now) };
}

async function validate(ctx: Ctx, input: CadreInput, selfId?: number, known: ValidationLookups = {}) {
  const today = todayOf(ctx.now);
  const parsed = parseIdCard(input.idCard, today);
  const idCard = parsed.ok ? parsed.id : input.idCard.trim().toUpperCase();
  const clean = normalize(input, idCard);
  const unitId = clean.unitId;
  const issues = cadreIssues(clean, {
    today,
    minWorkAge: known.minWorkAge ?? (await getSetting(ctx.db, 'cadre.minWorkAge', ctx.now)),
    visibleAuthorityIds: ctx.actor.visibleAuthorityIds,
    unitAuthorityId:
      unitId === null
        ? undefined
        : known.unitAuthority?.unitId === unitId
          ? known.unitAuthority.authorityId
          : (known.unitAuthorities?.get(unitId) ?? (await repo.findUnitAuthority(ctx.db, unitId))),
    idCardOwner: !parsed.ok
      ? undefined
      : known.idCardOwner?.idCard === idCard
        ? known.idCardOwner.ownerId
        : await repo.findIdCardOwner(ctx.db, idCard),
    selfId,
  });
  if (issues.length || !parsed.ok) throw validationError(issues);
  return { clean: ordered(clean), birthDate: parsed.birthDate };
}

/** A profile that passed validation: normalised, lists ordered, with the birth date of its ID number. */
export type ValidProfile = Awaited<ReturnType<typeof validate>>;

/** The form's validation, for use cases that write profiles in their own transaction (imports). */
export const validateProfile = (ctx: Ctx, input: CadreInput, selfId?: number, known?: ValidationLookups): Promise<ValidProfile> =>
  validate(ctx, input, selfId, known);

/** Two saves of the same new ID number at once: the unique index catches the second one. */
export async function guardDuplicateId<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    // SQLite names the column in the message, PostgreSQL names the constraint.
    const err = e as { code?: string; message?: string; constraint?: string };
    if ((err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === '23505') && /id_card/.test(`${err.message} ${err.constraint}`)) {
      throw validationError([{ field: 'idCard', label: cadreLabel('idCard'), message: '该身份证号已存在' }]);
    }
    throw e;
  }
}

// ---- read ----

/** The whole profile as the form edits it, with the display name of every code. */
async function loadProfile(ctx: Ctx, id: number) {
  const row = await repo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds);
  if (!row) throw notFound('该干部');
  const children = await repo.loadChildren(ctx.db, id);
  const { namePinyin: _p, nameInitials: _i, photoMime, ...cadre } = row;
  return {
    ...cadre,
    birthMonth: cadre.birthDate.slice(0, 7),
    age: ageOn(cadre.birthDate, todayOf(ctx.now)),
    genderName: codeName('gender', cadre.gender),
    ethnicName: codeName('ethnic', cadre.ethnicCode),
    politicalName: codeName('political', cadre.politicalStatus),
    healthName: codeName('health', cadre.healthCode),
    ftEducationName: codeName('education', cadre.ftEducation),
    ftDegreeName: codeName('degree', cadre.ftDegree),
    ipEducationName: codeName('education', cadre.ipEducation),
    ipDegreeName: codeName('degree', cadre.ipDegree),
    highestEducationName: codeName('education', cadre.highestEducation),
    levelName: codeName('level', cadre.levelCode),
    rankName: codeName('rank', cadre.rankCode),
    unitName: cadre.unitName ?? '',
    hasPhoto: photoMime !== null,
    ...children,
    family: children.family.map((f) => ({ ...f, politicalName: codeName('political', f.politicalStatus) })),
    ranks: children.ranks.map((r) => ({ ...r, rankName: codeName('rank', r.rankCode) })),
  };
}

export type CadreProfile = Awaited<ReturnType<typeof loadProfile>>;

export async function getCadre(ctx: Ctx, id: number): Promise<CadreProfile> {
  requireAccess(ctx.actor, 'cadre:read');
  const profile = await loadProfile(ctx, id);
  await insertAudit(
    ctx.db,
    buildAuditRow({ event: 'cadre.read', actor: ctx.actor, at: ctx.now, target: { type: 'cadre', id }, detail: { name: profile.name } }),
  );
  return profile;
}

// ---- write ----

/** What a write may add to the profile's own: a photo saved with it, more detail for the audit row. */
export interface ProfileWriteOptions {
  photo?: { mime: string; bytes: Uint8Array } | null;
  /** merged into the audit row's detail (e.g. { source: 'import', file }) */
  detail?: Record<string, unknown>;
  /** a batch's collector: the audit row is added here for one multi-row insert, instead of written now */
  auditRows?: AuditRow[];
}

/** Update: the child lists as stored, when the caller has read them already (a batch reads them in bulk). */
export interface ProfileReplaceOptions extends ProfileWriteOptions {
  oldChildren?: repo.CadreChildren;
  /** a batch's collector: the cadre's row update is added here for repo.updateCadres (which checks the versions) */
  updates?: repo.CadreUpdate[];
  /** the write cannot change the child lists (a template without list columns): they are neither compared nor rewritten */
  keepLists?: boolean;
}

const CHILD_LISTS = ['resume', 'rewards', 'appraisals', 'family', 'ranks', 'tags'] as const;

async function writeAudit(trx: Db, row: AuditRow, opts: ProfileWriteOptions) {
  if (opts.auditRows) opts.auditRows.push(row);
  else await insertAudit(trx, row);
}

/** Insert a validated profile and its audit row inside the caller's transaction; the new id. */
export async function insertProfile(trx: Db, ctx: Ctx, v: ValidProfile, opts: ProfileWriteOptions = {}): Promise<number> {
  const [id] = await insertProfiles(trx, ctx, [{ v, photo: opts.photo, detail: opts.detail }], opts.auditRows);
  return id;
}

/** One new profile of a batch: what insertProfile takes. */
export interface NewProfile {
  v: ValidProfile;
  photo?: { mime: string; bytes: Uint8Array } | null;
  detail?: Record<string, unknown>;
}

/** The audited fields of a new cadre: every one that has a value (all old values are null). */
function createdChanges(row: repo.CadreRow, children: repo.CadreChildren): FieldChange[] {
  // diffFields({}, …) without its JSON comparisons: against nothing, any value is a change.
  const after: Record<string, unknown> = { ...row, ...children };
  const changes: FieldChange[] = [];
  for (const field of [...AUDITED(row), ...CHILD_LISTS]) {
    const n = after[field] ?? null;
    if (n === null || n === '' || (Array.isArray(n) && n.length === 0)) continue;
    changes.push({ field, old: null, new: n });
  }
  return changes;
}

/**
 * Insert many validated profiles, with their photos and audit rows, inside the caller's transaction:
 * one multi-row insert per table instead of ≈ 8 statements per profile (an import's chunk of files).
 * The new ids in the order given. `auditRows`: a batch's collector, as in ProfileWriteOptions.
 */
export async function insertProfiles(trx: Db, ctx: Ctx, items: readonly NewProfile[], auditRows?: AuditRow[]): Promise<number[]> {
  const rows = items.map(({ v }) => toRow(v.clean, v.birthDate, ctx.now));
  const children = items.map(({ v }) => childrenOf(v.clean));
  const ids = await repo.insertCadres(trx, rows);
  await repo.insertChildrenMany(
    trx,
    ids.map((cadreId, k) => ({ cadreId, children: children[k] })),
  );
  const photos: repo.NewPhoto[] = [];
  const audits = items.map(({ photo, detail }, k) => {
    const changes = createdChanges(rows[k], children[k]);
    if (photo) {
      photos.push({ cadreId: ids[k], mime: photo.mime, data: photo.bytes });
      changes.push({ field: 'photo', old: null, new: { mime: photo.mime, bytes: photo.bytes.length } });
    }
    return buildAuditRow({
      event: 'cadre.create',
      actor: ctx.actor,
      at: ctx.now,
      target: { type: 'cadre', id: ids[k] },
      detail: { name: rows[k].name, ...detail },
      changes,
    });
  });
  await repo.insertPhotos(trx, photos);
  if (auditRows) auditRows.push(...audits);
  else await insertAudits(trx, audits);
  return ids;
}

/**
 * Replace a profile (child lists included) with a validated one and write the audit row, inside the
 * caller's transaction; STALE_VERSION when somebody saved it since `version` was read.
 */
export async function replaceProfile(
  trx: Db,
  ctx: Ctx,
  before: StoredCadre,
  version: number,
  v: ValidProfile,
  opts: ProfileReplaceOptions = {},
): Promise<void> {
  const id = before.id;
  const row = toRow(v.clean, v.birthDate, ctx.now, before);
  const scalarChanges = diffFields(before, row, AUDITED(row));
  // Only the columns that change are set (fewer index entries to rewrite); the version always moves.
  const changed = Object.fromEntries(scalarChanges.map((c) => [c.field, row[c.field as keyof typeof row]]));
  const derived = ['namePinyin', 'nameInitials', 'highestEducation'] as const;
  for (const k of derived) if (row[k] !== before[k]) changed[k] = row[k];
  if (opts.updates) opts.updates.push({ id, version, row: { ...changed, updatedAt: row.updatedAt } });
  else if (!(await repo.updateCadre(trx, id, version, { ...changed, updatedAt: row.updatedAt }))) throw new AppError('STALE_VERSION');
  let childChanges: FieldChange[] = [];
  if (!opts.keepLists) {
    const oldChildren = opts.oldChildren ?? (await repo.loadChildren(trx, id));
    childChanges = diffFields({ ...childrenOf(oldChildren) }, { ...childrenOf(v.clean) });
    // Only the lists that differ are rewritten (an import of scalar fields rewrites none).
    await repo.replaceSomeChildren(
      trx,
      id,
      childrenOf(v.clean),
      CHILD_LISTS.filter((k) => childChanges.some((c) => c.field === k)),
    );
  }
  const changes: FieldChange[] = [...scalarChanges, ...childChanges];
  if (opts.photo) {
    await repo.savePhoto(trx, id, opts.photo.mime, opts.photo.bytes);
    changes.push({
      field: 'photo',
      old: before.photoMime ? { mime: before.photoMime } : null,
      new: { mime: opts.photo.mime, bytes: opts.photo.bytes.length },
    });
  }
  await writeAudit(
    trx,
    buildAuditRow({
      event: 'cadre.update',
      actor: ctx.actor,
      at: ctx.now,
      target: { type: 'cadre', id },
      detail: { name: row.name, ...opts.detail },
      changes,
    }),
    opts,
  );
}

export async function createCadre(ctx: Ctx, input: CadreInput): Promise<CadreProfile> {
  requireAccess(ctx.actor, 'cadre:write');
  const v = await validate(ctx, input);
  const id = await guardDuplicateId(ctx.db.transaction().execute((trx) => insertProfile(trx, ctx, v)));
  return loadProfile(ctx, id);
}

/** Replace the whole profile, child lists included, if nobody saved it since `version` was read. */
export async function updateCadre(ctx: Ctx, id: number, input: CadreInput & { version: number }): Promise<CadreProfile> {
  requireAccess(ctx.actor, 'cadre:write');
  const before = await repo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds);
  if (!before) throw notFound('该干部');
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const { version, ...profile } = input;
  const v = await validate(ctx, profile, id);
  await guardDuplicateId(ctx.db.transaction().execute((trx) => replaceProfile(trx, ctx, before, version, v)));
  return loadProfile(ctx, id);
}

// ---- search ----

export interface CadreSearchInput {
  q?: string;
  gender?: string;
  ageMin?: number;
  ageMax?: number;
  ageOn?: string;
  ethnic?: string;
  /** a GB/T 4762 code, or 'party' (中共党员 and 预备党员) or 'nonParty' (everyone else) */
  political?: string;
  /** a ZB64 code: exactly that 学历, or for a group heading (1 研究生, 2 本科, 3 专科) the whole group */
  education?: string;
  /** a ZB64 code: that 学历 tier or higher (e.g. 21 大学 → 本科及以上) */
  educationAtLeast?: string;
  /** a ZB09 code; a series heading (e.g. 1A) takes every level under it */
  level?: string;
  rank?: string;
  unitId?: number;
  specialty?: string;
  tag?: string;
  status: 'active' | 'retired' | 'left' | 'all';
  authorityId?: number;
  sort: repo.CadreSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A code and every code below it in its table (for group headings). */
function codeAndBelow(table: CodeTable, code: string): string[] {
  const items: { code: string; parent?: string }[] = CODE_TABLES[table].items;
  const out = [code];
  for (let i = 0; i < out.length; i++) for (const it of items) if (it.parent === out[i]) out.push(it.code);
  return out;
}

/**
 * The statistics' education shortcuts: 'secondary' = 中专及以下 (ZB64 35–39, tiers below 大专, as the
 * home page's 中专及以下 counts them), 'none' = no 学历 recorded.
 */
const EDUCATION_SHORTCUTS = ['secondary', 'none'];
const educationCodes = (education: string) =>
  education === 'secondary'
    ? CODE_TABLES.education.items.map((i) => i.code).filter((c) => educationTier(c) > 3 && educationTier(c) < 99)
    : codeAndBelow('education', education);

const knownCode = (table: CodeTable, code: string) => CODE_TABLES[table].items.some((i: { code: string }) => i.code === code);

/** The search's conditions without sort and paging: what the roster export takes too. */
export type CadreConditionsInput = Omit<CadreSearchInput, 'sort' | 'order' | 'page' | 'pageSize'>;

/**
 * The search conditions as a repository filter, within the actor's scope: unknown codes, an
 * authority out of scope and an inverted age range are validation errors. The cadre search and the
 * roster export both read through it, so a condition means the same in both.
 */
export async function searchConditions(ctx: Ctx, s: CadreConditionsInput): Promise<repo.CadreConditions> {
  const issues: FieldIssue[] = [];
  const bad = (field: string, message: string) => issues.push({ field, label: SEARCH_LABELS[field] ?? field, message });
  const on = s.ageOn ?? todayOf(ctx.now);

  let authorityIds = ctx.actor.visibleAuthorityIds;
  if (s.authorityId !== undefined) {
    if (!authorityIds.includes(s.authorityId)) bad('authorityId', '不在您的干部管理权限范围内');
    authorityIds = [s.authorityId];
  }
  if (s.gender && !isCode('gender', s.gender)) bad('gender', `未知的性别代码 ${s.gender}`);
  if (s.ethnic && s.ethnic !== 'minority' && !isCode('ethnic', s.ethnic)) bad('ethnic', `未知的民族代码 ${s.ethnic}`);
  if (s.political && !['party', 'nonParty'].includes(s.political) && !isCode('political', s.political))
    bad('political', `未知的政治面貌代码 ${s.political}`);
  if (s.education && !EDUCATION_SHORTCUTS.includes(s.education) && !knownCode('education', s.education))
    bad('education', `未知的学历代码 ${s.education}`);
  if (s.educationAtLeast && !knownCode('education', s.educationAtLeast)) bad('educationAtLeast', `未知的学历代码 ${s.educationAtLeast}`);
  if (s.level && s.level !== 'none' && !knownCode('level', s.level)) bad('level', `未知的职务层次代码 ${s.level}`);
  if (s.rank && !isCode('rank', s.rank)) bad('rank', `未知的职级代码 ${s.rank}`);
  if (s.ageMin !== undefined && s.ageMax !== undefined && s.ageMin > s.ageMax) bad('ageMax', '最大年龄小于最小年龄');
  if (issues.length) throw validationError(issues);

  const q = s.q?.replace(/\s+/g, '');
  let unitPath: string | undefined;
  if (s.unitId !== undefined) {
    // An unknown unit has no cadres: an impossible path keeps the query (and the answer) empty.
    unitPath = (await repo.findUnitPath(ctx.db, s.unitId)) ?? '/-/';
  }
  let educationIn = !s.education || s.education === 'none' ? undefined : educationCodes(s.education);
  if (s.educationAtLeast) {
    const tier = educationTier(s.educationAtLeast);
    educationIn = (educationIn ?? CODE_TABLES.education.items.map((i) => i.code)).filter((c) => educationTier(c) <= tier);
  }
  return {
    authorityIds,
    // visibleAuthorityIds is a subtree of distinct existing ids: as many as there are means all of them
    allAuthorities: authorityIds.length === (await repo.authorityCount(ctx.db)) || undefined,
    pinyinPrefix: q && isPinyinQuery(q) ? q.toLowerCase() : undefined,
    nameContains: q && !isPinyinQuery(q) ? q : undefined,
    gender: s.gender,
    bornOnOrBefore: s.ageMin !== undefined ? latestBirthDateForAge(s.ageMin, on) : undefined,
    bornAfter: s.ageMax !== undefined ? latestBirthDateForAge(s.ageMax + 1, on) : undefined,
    ethnic: s.ethnic,
    politicalIn: s.political === 'party' ? PARTY_CODES : s.political && s.political !== 'nonParty' ? [s.political] : undefined,
    politicalNotIn: s.political === 'nonParty' ? PARTY_CODES : undefined,
    educationIn,
    educationMissing: s.education === 'none' || undefined,
    levelIn: s.level && s.level !== 'none' ? codeAndBelow('level', s.level) : undefined,
    levelMissing: s.level === 'none' || undefined,
    rank: s.rank,
    unitPath,
    specialtyContains: s.specialty?.trim() || undefined,
    tag: s.tag?.trim() || undefined,
    status: s.status === 'all' ? undefined : s.status,
  };
}

export async function searchCadres(ctx: Ctx, s: CadreSearchInput) {
  requireAccess(ctx.actor, 'cadre:read');
  const conditions = await searchConditions(ctx, s);
  const on = s.ageOn ?? todayOf(ctx.now);
  const { items, total } = await repo.searchCadres(ctx.db, {
    ...conditions,
    sort: s.sort,
    order: s.order,
    limit: s.pageSize,
    offset: (s.page - 1) * s.pageSize,
  });
  const tags = await repo.tagsOf(
    ctx.db,
    items.map((i) => i.id),
  );
  return {
    total,
    // Field by field, no spread: the list route sends this as it is (see cadres.routes.ts), so nothing
    // the query adds may slip into the response. Codes without their names: the web names them from
    // GET /api/codes, and the busiest answer is ≈ 40 % smaller (issue 3, api_rps).
    items: items.map((c) => ({
      id: c.id,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      age: ageOn(c.birthDate, on),
      ethnicCode: c.ethnicCode,
      politicalStatus: c.politicalStatus,
      highestEducation: c.highestEducation,
      levelCode: c.levelCode,
      rankCode: c.rankCode,
      unitId: c.unitId,
      unitName: c.unitName ?? '',
      currentPost: c.currentPost,
      authorityId: c.authorityId,
      authorityName: c.authorityName,
      status: c.status,
      tags: tags.get(c.id) ?? [],
    })),
  };
}

export const SEARCH_LABELS: Record<string, string> = {
  q: '姓名或拼音',
  ageMin: '最小年龄',
  ageMax: '最大年龄',
  ageOn: '年龄计算日期',
  ethnic: '民族',
  political: '政治面貌',
  education: '学历',
  educationAtLeast: '最低学历',
  level: '职务层次',
  rank: '职级',
  specialty: '熟悉专业有何专长',
  tag: '标签',
  sort: '排序',
  order: '排序方向',
  gender: '性别',
  unitId: '单位',
  authorityId: '管理权限',
  status: '状态',
};

export async function listTags(ctx: Ctx) {
  requireAccess(ctx.actor, 'cadre:read');
  return repo.tagCounts(ctx.db, ctx.actor.visibleAuthorityIds);
}

// ---- photo ----

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The image type from its first bytes; the declared content type is not trusted. */
export function sniffImage(bytes: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

export async function getPhoto(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'cadre:read');
  if (!(await repo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds))) throw notFound('该干部');
  const photo = await repo.findPhoto(ctx.db, id);
  if (!photo) throw notFound('该干部的照片');
  return { mime: photo.mime, data: Buffer.from(photo.data) };
}

export async function setPhoto(ctx: Ctx, id: number, bytes: Uint8Array) {
  requireAccess(ctx.actor, 'cadre:write');
  const cadre = await repo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds);
  if (!cadre) throw notFound('该干部');
  const mime = sniffImage(bytes);
  const field = { field: 'photo', label: '照片' };
  if (!mime) throw validationError([{ ...field, message: '照片须为 JPEG 或 PNG 图片' }]);
  if (bytes.length > MAX_PHOTO_BYTES) throw validationError([{ ...field, message: '照片不能超过 5 MB' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.savePhoto(trx, id, mime, bytes);
    const changes = [{ field: 'photo', old: cadre.photoMime ? { mime: cadre.photoMime } : null, new: { mime, bytes: bytes.length } }];
    await insertAudit(
      trx,
      buildAuditRow({ event: 'cadre.update', actor: ctx.actor, at: ctx.now, target: { type: 'cadre', id }, detail: { name: cadre.name }, changes }),
    );
  });
}

export async function removePhoto(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'cadre:write');
  const cadre = await repo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds);
  if (!cadre) throw notFound('该干部');
  if (!cadre.photoMime) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePhoto(trx, id);
    const changes = [{ field: 'photo', old: { mime: cadre.photoMime }, new: null }];
    await insertAudit(
      trx,
      buildAuditRow({ event: 'cadre.update', actor: ctx.actor, at: ctx.now, target: { type: 'cadre', id }, detail: { name: cadre.name }, changes }),
    );
  });
}
