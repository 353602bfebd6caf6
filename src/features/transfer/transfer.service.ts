// 任免审批表 import and export (issue 4). Files are read by the codecs in src/io, mapped to a profile,
// and written through the cadre profile's own validation and write path (cadres.service), each file in
// its own transaction together with its audit row and the extras the profile cannot hold. A file for a
// cadre who exists is compared field by field and written only when confirmed (or with --update).
import { zipSync } from 'fflate';
import { requireAccess, type Actor, type Ctx } from '../../server/access.js';
import { AppError, notFound, type FieldIssue } from '../../server/errors.js';
import { ALL_PERMISSIONS } from '../../server/permissions.js';
import type { ControlledTransaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { displayMonth, todayOf } from '../../domain/dates.js';
import { parseIdCard } from '../../domain/idcard.js';
import { codeName } from '../codes/codes.catalog.js';
import { buildAuditRow } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { getSetting } from '../settings/settings.service.js';
import * as cadresRepo from '../cadres/cadres.repository.js';
import {
  guardDuplicateId,
  insertProfile,
  insertProfiles,
  replaceProfile,
  storedInput,
  validateProfile,
  validationSettings,
  type StoredCadre,
  type ValidationLookups,
  type ValidProfile,
} from '../cadres/cadres.service.js';
import { CADRE_LABELS, type CadreInput } from '../cadres/cadres.rules.js';
import { importRmbFile } from '../../io/rmb-import.js';
import { cadreToRmb, jianliLinesOf, type RmbCadreInput, type RmbExtras, type RmbProposal } from '../../io/rmb-mapping.js';
import { formatJianli } from '../../io/jianli.js';
import { serializeLrmx } from '../../io/lrmx.js';
import { rmbLabel, type RmbIssue } from '../../io/rmb-record.js';
import { pairRmbFiles, readZip, type ZipEntry } from '../../io/zip.js';
import * as repo from './transfer.repository.js';

// ---- types ----

export const IMPORT_STATUSES = ['created', 'updated', 'unchanged', 'error', 'needs-confirmation', 'ambiguous'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One 任免审批表 to import: an .lrmx, or an .lrm with its .pic. `file` is how results name it. */
export interface ImportSource {
  file: string;
  format: 'lrmx' | 'lrm';
  bytes: Uint8Array;
  pic?: Uint8Array | null;
}

/** One field that differs between the cadre in the database and the file, as the user reads it. */
export interface DiffEntry {
  field: string;
  label: string;
  old: string;
  new: string;
}

export interface ImportIssue extends FieldIssue {
  severity?: 'error' | 'warning';
}

/** What a confirmation writes: the profile from the file, its photo, the proposal and the extras. */
interface ImportPayload {
  input: RmbCadreInput;
  photo: { mime: string; base64: string } | null;
  proposal: RmbProposal;
  extras: RmbExtras;
}

/** A cadre that a file without 身份证号 may be (same 姓名 and 出生年月), for the user to choose. */
export interface ImportCandidate {
  cadreId: number;
  idCard: string;
  name: string;
  currentPost: string;
  unitName: string | null;
}

export interface ImportResult {
  file: string;
  status: ImportStatus;
  name: string;
  idCard: string;
  message?: string;
  issues?: ImportIssue[];
  diff?: DiffEntry[];
  cadreId?: number;
  /** the cadre's version when the difference was computed */
  baseVersion?: number;
  /** an 'ambiguous' file's possible cadres */
  candidates?: ImportCandidate[];
  /** kept for a later confirmation (or resolution of an ambiguous file); never sent to clients */
  payload?: ImportPayload;
}

/** Where new cadres go. */
export interface ImportTarget {
  authorityId: number;
  unitId: number | null;
}

// ---- uploads → sources ----

const extOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

const errorResult = (file: string, message: string, issues?: ImportIssue[]): ImportResult => ({
  file,
  status: 'error',
  name: '',
  idCard: '',
  message,
  ...(issues && { issues }),
});

/**
 * Uploaded files (or files named on the command line) → the 任免审批表 to import, zips opened and each
 * .lrm paired with its .pic. What cannot be imported at all (a refused zip, a damaged entry, a photo
 * without its .lrm, a file of another kind given directly) comes back as error results; other files
 * inside a zip are only listed as ignored.
 */
export function expandUploads(uploads: readonly ZipEntry[]): {
  sources: ImportSource[];
  errors: ImportResult[];
  ignored: { name: string; reason: string }[];
} {
  const sources: ImportSource[] = [];
  const errors: ImportResult[] = [];
  const ignored: { name: string; reason: string }[] = [];
  const loose: ZipEntry[] = [];
  const add = (entries: readonly ZipEntry[], prefix: string, inZip: boolean) => {
    const { sets, ignored: skipped } = pairRmbFiles(entries);
    for (const s of sets) sources.push({ file: prefix + s.file.name, format: s.format, bytes: s.file.bytes, pic: s.pic?.bytes ?? null });
    for (const s of skipped) {
      if (inZip && extOf(s.name) !== 'pic') ignored.push({ name: prefix + s.name, reason: s.reason });
      else errors.push(errorResult(prefix + s.name, s.reason));
    }
  };
  for (const u of uploads) {
    if (extOf(u.name) !== 'zip') {
      loose.push(u);
      continue;
    }
    const zip = readZip(u.bytes);
    if (!zip.ok) {
      errors.push(errorResult(u.name, zip.message));
      continue;
    }
    for (const s of zip.skipped) {
      if (s.reason.startsWith('macOS')) ignored.push({ name: `${u.name}:${s.name}`, reason: s.reason });
      else errors.push(errorResult(`${u.name}:${s.name}`, s.reason));
    }
    add(zip.entries, `${u.name}:`, true);
  }
  add(loose, '', false);
  return { sources, errors, ignored };
}

// ---- comparing ----

/** The profile fields a 任免审批表 carries, in form order; the rest (职务层次, 职级, tags …) stay as they are. */
const FILE_FIELDS = [
  'idCard',
  'name',
  'gender',
  'birthMonth',
  'ethnicCode',
  'nativePlace',
  'birthplace',
  'politicalStatus',
  'partyJoinMonth',
  'otherParty',
  'workStartMonth',
  'healthCode',
  'professionalTitle',
  'specialty',
  'ftEducation',
  'ftDegree',
  'ftEducationSchool',
  'ftDegreeSchool',
  'ipEducation',
  'ipDegree',
  'ipEducationSchool',
  'ipDegreeSchool',
  'currentPost',
  'resume',
  'rewardsText',
  'appraisalText',
  'family',
] as const satisfies readonly (keyof CadreInput)[];

const PROPOSAL_FIELDS = [
  'NiRenZhiWu',
  'NiMianZhiWu',
  'RenMianLiYou',
  'ChengBaoDanWei',
  'JiSuanNianLingShiJian',
  'TianBiaoShiJian',
  'TianBiaoRen',
] as const satisfies readonly (keyof RmbProposal)[];

const CODED: Partial<Record<keyof CadreInput, Parameters<typeof codeName>[0]>> = {
  gender: 'gender',
  ethnicCode: 'ethnic',
  politicalStatus: 'political',
  healthCode: 'health',
  ftEducation: 'education',
  ipEducation: 'education',
  ftDegree: 'degree',
  ipDegree: 'degree',
};

/** The lists with their keys in one order, so that old and new compare as JSON. */
const canonical = (field: string, value: unknown): unknown => {
  if (field === 'resume')
    return (value as CadreInput['resume']).map((r) => ({ kind: r.kind, startMonth: r.startMonth, endMonth: r.endMonth, text: r.text }));
  if (field === 'family')
    return (value as CadreInput['family']).map((f) => ({
      relation: f.relation,
      name: f.name,
      birthMonth: f.birthMonth,
      politicalStatus: f.politicalStatus,
      workUnitPost: f.workUnitPost,
    }));
  return value ?? null;
};

/** A value as the user reads it: names for codes, 1985.03 for months, the 简历 as laid out on the form. */
function display(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const table = CODED[field as keyof CadreInput];
  if (table) return codeName(table, value as string) || String(value);
  if (field === 'birthMonth' || field === 'partyJoinMonth' || field === 'workStartMonth') return displayMonth(value as string);
  if (field === 'resume') return formatJianli(jianliLinesOf(value as CadreInput['resume']));
  if (field === 'family')
    return (value as CadreInput['family'])
      .map((f) =>
        [f.relation, f.name, displayMonth(f.birthMonth), codeName('political', f.politicalStatus), f.workUnitPost].filter(Boolean).join(' '),
      )
      .join('\n');
  return String(value);
}

const sameResumeText = (a: CadreInput['resume'], b: CadreInput['resume']) => display('resume', a) === display('resume', b);

const kb = (n: number) => `有（${Math.max(1, Math.round(n / 1024))} KB）`;

/** Field-by-field differences of what the file would write, old → new. */
export function diffProfile(
  old: CadreInput,
  next: CadreInput,
  oldProposal: RmbProposal | null,
  nextProposal: RmbProposal,
  oldPhoto: Uint8Array | null,
  nextPhoto: Uint8Array | null,
): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const f of FILE_FIELDS) {
    // 简历 compares as the form shows it: a note's dates typed in by hand are not in the file's text.
    const a = f === 'resume' ? display(f, old[f]) : canonical(f, old[f]);
    const b = f === 'resume' ? display(f, next[f]) : canonical(f, next[f]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: f, label: CADRE_LABELS[f], old: display(f, old[f]), new: display(f, next[f]) });
  }
  if (nextPhoto && !(oldPhoto && Buffer.from(oldPhoto).equals(Buffer.from(nextPhoto))))
    out.push({ field: 'photo', label: '照片', old: oldPhoto ? kb(oldPhoto.length) : '无', new: kb(nextPhoto.length) });
  for (const p of PROPOSAL_FIELDS) {
    const a = oldProposal?.[p] ?? '';
    if (a !== nextProposal[p]) out.push({ field: `proposal.${p}`, label: rmbLabel(p), old: a, new: nextProposal[p] });
  }
  return out;
}

// ---- importing one file ----

/** '出生年月：…（另有 2 处问题）', as the profile's own validation words it. */
function summary(issues: readonly { label?: string; field: string; message: string }[]): string {
  const first = issues[0];
  if (!first) return '文件无法导入';
  return `${first.label ?? first.field}：${first.message}` + (issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '');
}

const asIssue = (i: RmbIssue): ImportIssue => ({ field: i.field, label: i.label, message: i.message, severity: i.severity });

/** Runs one file's writes all-or-nothing: its own transaction, or a savepoint inside a batch's. */
type WriteRunner = <T>(ctx: Ctx, fn: (trx: Db) => Promise<T>) => Promise<T>;

const ownTransaction: WriteRunner = (ctx, fn) => ctx.db.transaction().execute(fn);

interface ImportOptions {
  /** write differences to existing cadres without asking (the CLI's --update) */
  apply: boolean;
  /** detail for the audit rows (e.g. the job) */
  detail?: Record<string, unknown>;
  write?: WriteRunner;
  /** what the batch has read once for all its files (settings, the target unit's authority) */
  lookups?: ValidationLookups;
  /** files per transaction (default CHUNK.job) */
  chunk?: number;
}

/** A file read by the codecs without errors, not yet matched to a cadre. */
interface ReadFile {
  base: { file: string; name: string; idCard: string };
  input: RmbCadreInput;
  photo: { mime: string; bytes: Uint8Array } | null;
  proposal: RmbProposal;
  extras: RmbExtras;
  warnings: ImportIssue[];
  /** the file has no 身份证号 (it is matched by 姓名 + 出生年月) */
  noId: boolean;
}

/** Read one file (pure): the error result when the codecs or the mapping refuse it. */
function readSource(ctx: Ctx, src: ImportSource): ReadFile | ImportResult {
  const today = todayOf(ctx.now);
  const read = importRmbFile({ format: src.format, bytes: src.bytes, pic: src.pic ?? null }, { today, format: src.format });
  const warnings = read.issues.filter((i) => i.severity === 'warning').map(asIssue);
  if (read.record === null) return errorResult(src.file, summary(read.issues), read.issues.map(asIssue));
  const { input, photo, proposal, extras } = read;
  const base = { file: src.file, name: input.name, idCard: input.idCard || read.record.ShenFenZheng.trim() };
  const noId = read.record.ShenFenZheng.trim() === '';
  const errors = read.issues.filter((i) => i.severity === 'error' && !(noId && i.field === 'ShenFenZheng'));
  if (errors.length) return { ...base, status: 'error', message: summary(errors), issues: [...errors.map(asIssue), ...warnings] };
  return { base, input, photo, proposal, extras, warnings, noId };
}

const isRead = (r: ReadFile | ImportResult): r is ReadFile => !('status' in r);

/**
 * Import one file: all or nothing. Errors of the codecs or of the profile's validation reject it with
 * the reason naming the field; an existing cadre (by 身份证号, or for a file without one by 姓名 + 出生年月)
 * yields the differences and is written only when `apply`.
 */
export async function importOne(ctx: Ctx, src: ImportSource, target: ImportTarget, opts: ImportOptions): Promise<ImportResult> {
  const read = readSource(ctx, src);
  return isRead(read) ? importRead(ctx, read, target, opts) : read;
}

/** Match a file read to its cadre and import it. `owner`: its ID number's owner, when looked up already. */
async function importRead(
  ctx: Ctx,
  read: ReadFile,
  target: ImportTarget,
  opts: ImportOptions,
  owner?: { id: number | undefined },
): Promise<ImportResult> {
  const { base, input, photo, proposal, extras, warnings, noId } = read;
  // Who is it?
  let existingId: number | undefined;
  let byName = false;
  if (noId) {
    const matches = await repo.findByNameAndBirthMonth(ctx.db, input.name, input.birthMonth, ctx.actor.visibleAuthorityIds);
    const who = `姓名为“${input.name}”、出生年月为 ${displayMonth(input.birthMonth)} `;
    if (matches.length === 0)
      return {
        ...base,
        status: 'error',
        message: `身份证号：文件中没有身份证号（.lrm 2.0 格式没有此栏），也没有${who}的干部可以对应；请补录身份证号后再导入`,
        issues: [{ field: 'ShenFenZheng', label: '身份证号', message: '未填写', severity: 'error' }, ...warnings],
      };
    if (matches.length > 1)
      return {
        ...base,
        status: 'ambiguous',
        message: `文件中没有身份证号，${who}的干部有 ${matches.length} 名（${matches
          .map((m) => `编号 ${m.id}，身份证号 ${m.idCard}${m.unitName ? `，${m.unitName}` : ''}${m.currentPost ? `，${m.currentPost}` : ''}`)
          .join('；')}），请确定是哪一位（网页“数据导入”中选择）或补录身份证号后再导入`,
        candidates: matches.map((m) => ({ cadreId: m.id, idCard: m.idCard, name: m.name, currentPost: m.currentPost, unitName: m.unitName })),
        payload: { input, photo: photo ? { mime: photo.mime, base64: Buffer.from(photo.bytes).toString('base64') } : null, proposal, extras },
        ...(warnings.length && { issues: warnings }),
      };
    existingId = matches[0].id;
    byName = true;
    input.idCard = matches[0].idCard;
    base.idCard = matches[0].idCard;
  } else {
    existingId = owner ? owner.id : await cadresRepo.findIdCardOwner(ctx.db, input.idCard);
  }
  return importMatched(ctx, { base, input, photo, proposal, extras, warnings, byName, existingId }, target, opts);
}

/** A validation or version error of one file as its result (nothing of it written). */
function failedResult(base: ReadFile['base'], e: unknown, warnings: readonly ImportIssue[]): ImportResult {
  if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'STALE_VERSION'))
    return { ...base, status: 'error', message: e.message, issues: [...e.issues.map((i) => ({ ...i, severity: 'error' as const })), ...warnings] };
  throw e;
}

/** A file read and matched: what importMatched writes or compares. */
interface MatchedFile extends Omit<ReadFile, 'noId'> {
  /** matched by 姓名 + 出生年月 (the file has no 身份证号) */
  byName: boolean;
  /** the cadre it is; undefined: a new cadre */
  existingId: number | undefined;
}

/** Create the new cadre, or compare with (and with `apply` write to) the existing one. */
async function importMatched(ctx: Ctx, m: MatchedFile, target: ImportTarget, opts: ImportOptions): Promise<ImportResult> {
  const { base, input, photo, proposal, extras, warnings, byName, existingId } = m;
  // The validation below looks up the same ID number; it takes this answer instead of asking again.
  const known: ValidationLookups = { ...opts.lookups, idCardOwner: { idCard: input.idCard, ownerId: existingId } };

  const photoBytes = photo ? { mime: photo.mime, bytes: photo.bytes } : null;
  const payloadOf = (full: CadreInput): ImportPayload => ({
    input: full,
    photo: photo ? { mime: photo.mime, base64: Buffer.from(photo.bytes).toString('base64') } : null,
    proposal,
    extras,
  });
  const detail = { source: 'import', file: base.file, ...opts.detail };

  try {
    if (existingId === undefined) {
      const full: CadreInput = { ...input, authorityId: target.authorityId, unitId: target.unitId };
      const v = await validateProfile(ctx, full, undefined, known);
      const id = await guardDuplicateId(
        (opts.write ?? ownTransaction)(ctx, async (trx) => {
          const id = await insertProfile(trx, ctx, v, { photo: photoBytes, detail });
          await repo.saveExtras(trx, id, JSON.stringify(proposal), JSON.stringify(extras), ctx.now.toISOString(), true);
          return id;
        }),
      );
      return { ...base, name: v.clean.name, status: 'created', cadreId: id, ...(warnings.length && { issues: warnings }) };
    }

    const before = await cadresRepo.findCadre(ctx.db, existingId, ctx.actor.visibleAuthorityIds);
    if (!before) return { ...base, status: 'error', message: '身份证号：该身份证号的干部不在您的干部管理权限范围内' };
    const [children, kept, storedPhoto] = await Promise.all([
      cadresRepo.loadChildren(ctx.db, before.id),
      repo.findExtras(ctx.db, before.id),
      cadresRepo.findPhoto(ctx.db, before.id),
    ]);
    const old = storedInput(before, children);
    // What the form does not carry stays as it is: unit, authority, 职务层次, 职级, records, tags, remarks.
    // The same 简历 text keeps the lines as stored (with the dates of notes entered by hand).
    const full: CadreInput = { ...old, ...input, resume: sameResumeText(old.resume, input.resume) ? old.resume : input.resume };
    const v = await validateProfile(ctx, full, before.id, known);
    const diff = diffProfile(
      old,
      v.clean,
      kept ? (JSON.parse(kept.proposal) as RmbProposal) : null,
      proposal,
      storedPhoto?.data ?? null,
      photo?.bytes ?? null,
    );
    const found = { ...base, name: v.clean.name, cadreId: before.id, baseVersion: before.version };
    if (diff.length === 0) return { ...found, status: 'unchanged', ...(warnings.length && { issues: warnings }) };
    if (!opts.apply) {
      const message = byName
        ? `文件中没有身份证号，按姓名和出生年月对应到已有干部（${base.idCard}），有 ${diff.length} 处不同，请确认`
        : `已有此干部，有 ${diff.length} 处不同，确认后覆盖`;
      return { ...found, status: 'needs-confirmation', message, diff, payload: payloadOf(full), ...(warnings.length && { issues: warnings }) };
    }
    await writeUpdate(ctx, before, before.version, v, photoBytes, proposal, extras, detail, opts.write);
    return { ...found, status: 'updated', diff, ...(warnings.length && { issues: warnings }) };
  } catch (e) {
    return failedResult(base, e, warnings);
  }
}

async function writeUpdate(
  ctx: Ctx,
  before: StoredCadre,
  version: number,
  v: Awaited<ReturnType<typeof validateProfile>>,
  photo: { mime: string; bytes: Uint8Array } | null,
  proposal: RmbProposal,
  extras: RmbExtras,
  detail: Record<string, unknown>,
  write: WriteRunner = ownTransaction,
) {
  await guardDuplicateId(
    write(ctx, async (trx) => {
      await replaceProfile(trx, ctx, before, version, v, { photo, detail });
      await repo.saveExtras(trx, before.id, JSON.stringify(proposal), JSON.stringify(extras), ctx.now.toISOString());
    }),
  );
}

// ---- batches ----

export interface ImportCounts {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  needsConfirmation: number;
  ambiguous: number;
  errors: number;
}

export function countResults(results: readonly Pick<ImportResult, 'status'>[]): ImportCounts {
  const n = (s: ImportStatus) => results.filter((r) => r.status === s).length;
  return {
    files: results.length,
    created: n('created'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    needsConfirmation: n('needs-confirmation'),
    ambiguous: n('ambiguous'),
    errors: n('error'),
  };
}

/** The authority and unit new cadres go to: the actor's own authority unless another visible one is asked for. */
export async function resolveTarget(ctx: Ctx, ask: { authorityId?: number | null; unitId?: number | null } = {}): Promise<ImportTarget> {
  const authorityId = ask.authorityId ?? ctx.actor.authorityId;
  if (!ctx.actor.visibleAuthorityIds.includes(authorityId))
    throw new AppError('VALIDATION', '管理权限：不在您的干部管理权限范围内', [
      { field: 'authorityId', label: '管理权限', message: '不在您的干部管理权限范围内' },
    ]);
  const unitId = ask.unitId ?? null;
  if (unitId !== null) {
    const unitAuthority = await cadresRepo.findUnitAuthority(ctx.db, unitId);
    if (unitAuthority === undefined || !ctx.actor.visibleAuthorityIds.includes(unitAuthority))
      throw new AppError('VALIDATION', '工作单位：单位不存在或不在您的管理范围内', [
        { field: 'unitId', label: '工作单位', message: '单位不存在或不在您的管理范围内' },
      ]);
  }
  return { authorityId, unitId };
}

/**
 * Files written per transaction: one commit (one fsync on PostgreSQL) per chunk, not per file. A web job
 * keeps its chunks short (on SQLite the other requests wait for the one connection meanwhile, ≈ 50 ms);
 * `ganbu import` takes longer ones, since every commit writes each index page its chunk touched: at 1,000
 * files a chunk the SQL of 10,000 new cadres took 2.9 s instead of 6.2 s (bench/README.md, load_s).
 */
const CHUNK = { job: 50, command: 1_000 } as const;

/**
 * One chunk of a batch, its files read already, inside its transaction. The chunk's ID numbers are
 * looked up at once; the new cadres (an ID number nobody has, once in the chunk) that pass validation
 * are written together in multi-row inserts under one savepoint. Should that write fail (a unique ID
 * taken meanwhile, anything the checks did not foresee), it is rolled back and those files go the way
 * of the others: one at a time, each under its own savepoint, so that a bad file takes only itself down.
 */
async function importChunk(
  ctx: Ctx,
  trx: ControlledTransaction<Database>,
  reads: readonly (ReadFile | ImportResult)[],
  target: ImportTarget,
  opts: ImportOptions & { lookups: ValidationLookups },
): Promise<ImportResult[]> {
  const out: ImportResult[] = new Array<ImportResult>(reads.length);
  const withId = reads.filter(isRead).filter((r) => !r.noId);
  const owners = withId.length
    ? await cadresRepo.findIdCardOwners(
        ctx.db,
        withId.map((r) => r.input.idCard),
      )
    : new Map<string, number>();
  const times = new Map<string, number>();
  for (const r of withId) times.set(r.input.idCard, (times.get(r.input.idCard) ?? 0) + 1);
  // The owner looked up for the chunk still holds for a file whose ID number no other file of the chunk has.
  const ownerOf = (r: ReadFile) => (!r.noId && times.get(r.input.idCard) === 1 ? { id: owners.get(r.input.idCard) } : undefined);

  const fresh: { index: number; read: ReadFile; v: ValidProfile }[] = [];
  let oneByOne: number[] = [];
  for (const [index, r] of reads.entries()) {
    if (!isRead(r)) out[index] = r;
    else if (ownerOf(r) && ownerOf(r)!.id === undefined) {
      const full: CadreInput = { ...r.input, authorityId: target.authorityId, unitId: target.unitId };
      const known: ValidationLookups = { ...opts.lookups, idCardOwner: { idCard: r.input.idCard, ownerId: undefined } };
      try {
        fresh.push({ index, read: r, v: await validateProfile(ctx, full, undefined, known) });
      } catch (e) {
        out[index] = failedResult(r.base, e, r.warnings);
      }
    } else oneByOne.push(index);
  }

  if (fresh.length) {
    const sp = await trx.savepoint('rmb_chunk').execute();
    try {
      const ids = await insertProfiles(
        sp,
        ctx,
        fresh.map(({ read, v }) => ({ v, photo: read.photo, detail: { source: 'import', file: read.base.file, ...opts.detail } })),
      );
      const at = ctx.now.toISOString();
      await repo.insertExtras(
        sp,
        fresh.map(({ read }, k) => ({
          cadreId: ids[k],
          proposal: JSON.stringify(read.proposal),
          extras: JSON.stringify(read.extras),
          updatedAt: at,
        })),
      );
      await sp.releaseSavepoint('rmb_chunk').execute();
      fresh.forEach(({ index, read, v }, k) => {
        out[index] = { ...read.base, name: v.clean.name, status: 'created', cadreId: ids[k], ...(read.warnings.length && { issues: read.warnings }) };
      });
    } catch {
      await sp.rollbackToSavepoint('rmb_chunk').execute();
      oneByOne = [...oneByOne, ...fresh.map((f) => f.index)].sort((a, b) => a - b);
      // their owners are looked up again, one by one
      for (const f of fresh) times.set(f.read.input.idCard, 0);
    }
  }
  for (const index of oneByOne) {
    const r = reads[index] as ReadFile;
    out[index] = await importRead(ctx, r, target, opts, ownerOf(r));
  }
  return out;
}

/** Read files one per turn of the event loop: the database's answers arriving meanwhile are taken between two files. */
async function readInTurns(ctx: Ctx, sources: readonly ImportSource[]): Promise<(ReadFile | ImportResult)[]> {
  const out: (ReadFile | ImportResult)[] = [];
  for (const src of sources) {
    await new Promise((resolve) => setImmediate(resolve));
    out.push(readSource(ctx, src));
  }
  return out;
}

/**
 * Import files one after another, one failing file never stopping the others. Files are written in
 * chunks, one transaction per chunk with a savepoint per file, so each file stays all-or-nothing while
 * the commits are few. Everything of a chunk reads through its transaction (SQLite has one connection).
 * `onResult` sees each result once its chunk is committed (progress).
 */
export async function importBatch(
  ctx: Ctx,
  sources: readonly ImportSource[],
  target: ImportTarget,
  opts: ImportOptions & { onResult?: (r: ImportResult, index: number) => void | Promise<void> },
): Promise<ImportResult[]> {
  requireAccess(ctx.actor, 'cadre:write');
  const results: ImportResult[] = [];
  // Read once for the whole batch, not once per file.
  const lookups: ValidationLookups = {
    ...(await validationSettings(ctx)),
    ...(target.unitId !== null && {
      unitAuthority: { unitId: target.unitId, authorityId: await cadresRepo.findUnitAuthority(ctx.db, target.unitId) },
    }),
    ...opts.lookups,
  };
  const savepoint: WriteRunner = async (c, fn) => {
    const trx = c.db as ControlledTransaction<Database>;
    const sp = await trx.savepoint('rmb_file').execute();
    try {
      const value = await fn(sp);
      await sp.releaseSavepoint('rmb_file').execute();
      return value;
    } catch (e) {
      await sp.rollbackToSavepoint('rmb_file').execute();
      throw e;
    }
  };
  // On PostgreSQL the next chunk's files are read while this chunk's statements are on their way to the
  // server and back (the CPU would wait idle); SQLite answers synchronously, with nothing to overlap.
  const ahead = repo.writesOverNetwork(ctx.db);
  let readAhead: Promise<(ReadFile | ImportResult)[]> | undefined;
  const size = opts.chunk ?? CHUNK.job;
  for (let start = 0; start < sources.length; start += size) {
    const reads = readAhead ? await readAhead : sources.slice(start, start + size).map((src) => readSource(ctx, src));
    readAhead = undefined;
    if (ahead && start + size < sources.length) {
      readAhead = readInTurns(ctx, sources.slice(start + size, start + 2 * size));
      // awaited with the next chunk; a batch stopped by an error here leaves it unawaited
      readAhead.catch(() => undefined);
    }
    const trx = await ctx.db.startTransaction().execute();
    let chunk: ImportResult[];
    try {
      const inChunk: Ctx = { ...ctx, db: trx };
      chunk = await importChunk(inChunk, trx, reads, target, { ...opts, lookups, write: savepoint });
      await trx.commit().execute();
    } catch (e) {
      await trx.rollback().execute();
      throw e;
    }
    for (const r of chunk) {
      results.push(r);
      await opts.onResult?.(r, results.length - 1);
    }
  }
  return results;
}

async function auditImport(ctx: Ctx, results: readonly Pick<ImportResult, 'status' | 'cadreId'>[], detail: Record<string, unknown>) {
  await insertAudit(
    ctx.db,
    buildAuditRow({
      event: 'cadre.import',
      actor: ctx.actor,
      at: ctx.now,
      detail: {
        ...detail,
        ...countResults(results),
        cadres: results.filter((r) => r.cadreId !== undefined && (r.status === 'created' || r.status === 'updated')).map((r) => r.cadreId),
      },
    }),
  );
}

/**
 * The command line's import: synchronous, audited as one 'cadre.import'. The uploads come in groups (a
 * zip, a folder), each read only when its turn comes and let go once imported, so that a province's
 * files (a million .lrmx, gigabytes) never sit in memory together. A group's .lrm pairs with its .pic.
 */
export async function importGroups(
  ctx: Ctx,
  groups: Iterable<() => readonly ZipEntry[]>,
  ask: { authorityId?: number | null; unitId?: number | null; apply: boolean },
  onResult?: (r: ImportResult, done: number) => void,
): Promise<{ counts: ImportCounts; ignored: { name: string; reason: string }[] }> {
  requireAccess(ctx.actor, 'cadre:write');
  const target = await resolveTarget(ctx, ask);
  // What the audit row needs of each result, not the results themselves.
  const seen: Pick<ImportResult, 'status' | 'cadreId'>[] = [];
  const ignored: { name: string; reason: string }[] = [];
  const take = (r: ImportResult) => {
    seen.push({ status: r.status, cadreId: r.cadreId });
    onResult?.(r, seen.length);
  };
  for (const group of groups) {
    const expanded = expandUploads(group());
    ignored.push(...expanded.ignored);
    expanded.errors.forEach(take);
    await importBatch(ctx, expanded.sources, target, { apply: ask.apply, onResult: take, chunk: CHUNK.command });
  }
  await auditImport(ctx, seen, { via: 'cli', update: ask.apply });
  return { counts: countResults(seen), ignored };
}

/** importGroups with the uploads in one group, answering the results. */
export async function importFiles(
  ctx: Ctx,
  uploads: readonly ZipEntry[],
  ask: { authorityId?: number | null; unitId?: number | null; apply: boolean },
) {
  const results: ImportResult[] = [];
  const { ignored } = await importGroups(ctx, [() => uploads], ask, (r) => results.push(r));
  return { results, ignored };
}

// ---- background jobs (web) ----

/**
 * Jobs running in this process, per database (job ids are per database, and tests run two databases
 * in one process); a 'running' job not here was cut off by a restart.
 */
const runningByDb = new WeakMap<Db, Set<number>>();
function runningIn(db: Db): Set<number> {
  let set = runningByDb.get(db);
  if (!set) runningByDb.set(db, (set = new Set()));
  return set;
}
/** Jobs not yet finished, for tests and a clean shutdown. */
const pending = new Set<Promise<void>>();

export const waitForImportJobs = async () => {
  await Promise.all([...pending]);
};

const toRow = (jobId: number, seq: number, r: ImportResult) => ({
  candidates: r.candidates ? JSON.stringify(r.candidates) : null,
  jobId,
  seq,
  file: r.file,
  status: r.status,
  name: r.name,
  idCard: r.idCard,
  message: r.message ?? null,
  issues: r.issues?.length ? JSON.stringify(r.issues) : null,
  diff: r.diff ? JSON.stringify(r.diff) : null,
  cadreId: r.cadreId ?? null,
  baseVersion: r.baseVersion ?? null,
  payload: r.payload ? JSON.stringify(r.payload) : null,
});

/**
 * Start importing uploaded files (any number of .lrmx, .lrm + .pic and .zip) in the background; the
 * results go to the database as they come so that the page can be left and the job looked up later.
 */
export async function startImportJob(ctx: Ctx, uploads: readonly ZipEntry[], ask: { authorityId?: number | null; unitId?: number | null } = {}) {
  requireAccess(ctx.actor, 'cadre:write');
  const target = await resolveTarget(ctx, ask);
  const { sources, errors } = expandUploads(uploads);
  const total = sources.length + errors.length;
  if (total === 0)
    throw new AppError('VALIDATION', '文件：没有可导入的任免审批表文件（.lrmx、.lrm + .pic 或其 .zip）', [
      { field: 'files', label: '文件', message: '没有可导入的任免审批表文件' },
    ]);
  await cleanupImportJobs(ctx.db, ctx.now);
  const jobId = await repo.insertJob(ctx.db, { userId: ctx.actor.userId, ...target, total, createdAt: ctx.now.toISOString() });
  await repo.insertJobFiles(
    ctx.db,
    errors.map((r, i) => toRow(jobId, i, r)),
  );
  const running = runningIn(ctx.db);
  running.add(jobId);
  const work: Promise<void> = runJob(ctx, jobId, sources, target, errors)
    .catch(async (e: unknown) => {
      console.error(`import job ${jobId} failed`, e);
      await repo.finishJob(ctx.db, jobId, 'failed', total, new Date().toISOString()).catch(() => undefined);
    })
    .finally(() => {
      running.delete(jobId);
      pending.delete(work);
    });
  pending.add(work);
  return { jobId };
}

async function runJob(ctx: Ctx, jobId: number, sources: readonly ImportSource[], target: ImportTarget, errors: ImportResult[]) {
  // Let the request that started the job answer first.
  await new Promise((r) => setImmediate(r));
  let buffer: ReturnType<typeof toRow>[] = [];
  let done = errors.length;
  let flushedAt = Date.now();
  const flush = async () => {
    if (buffer.length) await repo.insertJobFiles(ctx.db, buffer);
    buffer = [];
    await repo.setJobProgress(ctx.db, jobId, done);
    flushedAt = Date.now();
  };
  const results = await importBatch(ctx, sources, target, {
    apply: false,
    detail: { importJob: jobId },
    onResult: async (r, i) => {
      buffer.push(toRow(jobId, errors.length + i, r));
      done++;
      if (buffer.length >= 100 || Date.now() - flushedAt > 500) await flush();
    },
  });
  await flush();
  // Audited before the job is marked done: once a poll reads 'done', the job is no longer running here
  // (a confirmation sent at once was refused as 'not finished yet' while the audit row was written).
  await auditImport(ctx, [...errors, ...results], { via: 'web', importJob: jobId });
  await repo.finishJob(ctx.db, jobId, 'done', done, new Date().toISOString());
}

/** The actor's latest import jobs (without their results), newest first. */
export async function listImportJobs(ctx: Ctx) {
  requireAccess(ctx.actor, 'cadre:write');
  const live = new Set(runningIn(ctx.db)); // before the rows: see getImportJob
  const jobs = await repo.listJobs(ctx.db, ctx.actor.userId, 20);
  return jobs.map((j) => ({
    id: j.id,
    status: (j.status === 'running' && !live.has(j.id) ? 'failed' : j.status) as 'running' | 'done' | 'failed',
    total: j.total,
    done: j.done,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
  }));
}

const parseJson = <T>(s: string | null): T | undefined => (s === null ? undefined : (JSON.parse(s) as T));

/** Results are sent a page at a time: a 1,000-file zip's job is not one answer of 1,000 rows. */
export interface ResultPage {
  page: number;
  pageSize: number;
  status?: ImportStatus;
}

export async function getImportJob(ctx: Ctx, id: number, q: ResultPage = { page: 1, pageSize: 50 }) {
  requireAccess(ctx.actor, 'cadre:write');
  // Whether the job runs here is read before its row: a job that finishes between the two reads is then
  // reported as still running (its row was read before it finished), not as interrupted by a restart.
  const live = runningIn(ctx.db).has(id);
  const job = await repo.findJob(ctx.db, id, ctx.actor.userId);
  if (!job) throw notFound('该导入任务');
  const [rows, byStatus] = await Promise.all([
    repo.jobFilesPage(ctx.db, id, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, status: q.status }),
    repo.jobStatusCounts(ctx.db, id),
  ]);
  const n = (s: ImportStatus) => byStatus.get(s) ?? 0;
  const counts: ImportCounts = {
    files: [...byStatus.values()].reduce((a, b) => a + b, 0),
    created: n('created'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    needsConfirmation: n('needs-confirmation'),
    ambiguous: n('ambiguous'),
    errors: n('error'),
  };
  const interrupted = job.status === 'running' && !live;
  return {
    id: job.id,
    status: (interrupted ? 'failed' : job.status) as 'running' | 'done' | 'failed',
    ...(interrupted && { message: '服务重启，导入中断；已处理的文件结果保留，其余请重新导入' }),
    total: job.total,
    done: job.done,
    authorityId: job.authorityId,
    unitId: job.unitId,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    counts,
    page: q.page,
    pageSize: q.pageSize,
    resultsTotal: q.status ? n(q.status) : counts.files,
    results: rows.map((r) => ({
      seq: r.seq,
      file: r.file,
      status: r.status as ImportStatus,
      name: r.name,
      idCard: r.idCard,
      ...(r.message !== null && { message: r.message }),
      ...(r.issues !== null && { issues: parseJson<ImportIssue[]>(r.issues) }),
      ...(r.diff !== null && { diff: parseJson<DiffEntry[]>(r.diff) }),
      ...(r.cadreId !== null && { cadreId: r.cadreId }),
      ...(r.candidates !== null && { candidates: parseJson<ImportCandidate[]>(r.candidates) }),
    })),
  };
}

/**
 * Delete import jobs (their results and the file contents kept for confirmation) older than the
 * retention setting; runs when a new job starts. The number of jobs deleted.
 */
export async function cleanupImportJobs(db: Db, now: Date): Promise<number> {
  const days = await getSetting(db, 'import.retentionDays', now);
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return repo.deleteJobsBefore(db, before);
}

/**
 * Apply the confirmed differences of a finished job, file by file, each only if the cadre has not been
 * saved since the difference was shown (else the file reports it and is left alone).
 */
export async function confirmImport(ctx: Ctx, id: number, which: readonly string[] | 'all') {
  requireAccess(ctx.actor, 'cadre:write');
  const job = await repo.findJob(ctx.db, id, ctx.actor.userId);
  if (!job) throw notFound('该导入任务');
  if (runningIn(ctx.db).has(id)) throw new AppError('CONFLICT', '导入尚未完成，请完成后再确认');
  const rows = await repo.pendingJobFiles(ctx.db, id);
  const files = which === 'all' ? rows.map((r) => r.file) : which;
  const unknown = files.filter((f) => !rows.some((r) => r.file === f && r.status === 'needs-confirmation'));
  if (unknown.length)
    throw new AppError(
      'VALIDATION',
      `文件：${unknown.join('、')} 不是此任务中待确认的文件`,
      unknown.map((f) => ({ field: 'files', label: '文件', message: `${f} 不是此任务中待确认的文件` })),
    );
  const applied: ImportResult[] = [];
  for (const row of rows.filter((r) => files.includes(r.file))) {
    const payload = parseJson<ImportPayload>(row.payload)!;
    const result = await applyConfirmed(ctx, row, payload, job.id);
    await repo.updateJobFile(ctx.db, row.id, {
      status: result.status,
      message: result.message ?? null,
      ...(result.status === 'updated' && { payload: null }),
      ...(result.issues && { issues: JSON.stringify(result.issues) }),
    });
    applied.push(result);
  }
  await auditImport(ctx, applied, { via: 'web', importJob: job.id, confirmed: files });
  return getImportJob(ctx, id);
}

/** How the user resolves an ambiguous file: one of its candidates, or the 身份证号 the file lacks. */
export type ResolveChoice = { cadreId: number } | { idCard: string };

/**
 * Resolve a file without 身份证号 that matched several cadres: with a candidate chosen, the file is
 * compared with that cadre (then confirmed as any other difference); with a 身份证号 given, it is
 * matched by that number, or a new cadre is created when nobody has it. A choice the file cannot take
 * (its data invalid for that cadre) is refused and the file stays to be resolved.
 */
export async function resolveImport(ctx: Ctx, id: number, file: string, choice: ResolveChoice) {
  requireAccess(ctx.actor, 'cadre:write');
  const job = await repo.findJob(ctx.db, id, ctx.actor.userId);
  if (!job) throw notFound('该导入任务');
  if (runningIn(ctx.db).has(id)) throw new AppError('CONFLICT', '导入尚未完成，请完成后再处理');
  const row = await repo.findJobFile(ctx.db, id, file);
  if (!row || row.status !== 'ambiguous' || row.payload === null)
    throw new AppError('VALIDATION', `文件：${file} 不是此任务中待确定对应干部的文件`, [
      { field: 'file', label: '文件', message: `${file} 不是此任务中待确定对应干部的文件` },
    ]);
  const payload = parseJson<ImportPayload>(row.payload)!;
  const candidates = parseJson<ImportCandidate[]>(row.candidates) ?? [];
  const input: RmbCadreInput = { ...payload.input };
  let existingId: number | undefined;
  let byName = false;
  if ('cadreId' in choice) {
    const c = candidates.find((x) => x.cadreId === choice.cadreId);
    if (!c)
      throw new AppError('VALIDATION', '对应干部：不是此文件的候选干部', [{ field: 'cadreId', label: '对应干部', message: '不是此文件的候选干部' }]);
    input.idCard = c.idCard;
    existingId = c.cadreId;
    byName = true;
  } else {
    const parsed = parseIdCard(choice.idCard, todayOf(ctx.now));
    if (!parsed.ok) throw new AppError('VALIDATION', `身份证号：${parsed.reason}`, [{ field: 'idCard', label: '身份证号', message: parsed.reason }]);
    input.idCard = parsed.id;
    existingId = await cadresRepo.findIdCardOwner(ctx.db, parsed.id);
  }
  const issues = parseJson<ImportIssue[]>(row.issues) ?? [];
  const result = await importMatched(
    ctx,
    {
      base: { file: row.file, name: row.name, idCard: input.idCard },
      input,
      photo: payload.photo ? { mime: payload.photo.mime, bytes: new Uint8Array(Buffer.from(payload.photo.base64, 'base64')) } : null,
      proposal: payload.proposal,
      extras: payload.extras,
      warnings: issues.filter((i) => i.severity === 'warning'),
      byName,
      existingId,
    },
    { authorityId: job.authorityId, unitId: job.unitId },
    { apply: false, detail: { importJob: id, resolved: 'cadreId' in choice ? 'candidate' : 'idCard' } },
  );
  if (result.status === 'error')
    throw new AppError(
      'VALIDATION',
      result.message ?? '文件无法按此选择导入',
      (result.issues ?? []).filter((i) => i.severity !== 'warning'),
    );
  await repo.updateJobFile(ctx.db, row.id, {
    status: result.status,
    idCard: result.idCard,
    name: result.name,
    message: result.message ?? null,
    issues: result.issues?.length ? JSON.stringify(result.issues) : null,
    diff: result.diff ? JSON.stringify(result.diff) : null,
    cadreId: result.cadreId ?? null,
    baseVersion: result.baseVersion ?? null,
    payload: result.payload ? JSON.stringify(result.payload) : null,
  });
  if (result.status === 'created') await auditImport(ctx, [result], { via: 'web', importJob: id, resolved: file });
  return getImportJob(ctx, id);
}

async function applyConfirmed(ctx: Ctx, row: repo.JobFileRow, payload: ImportPayload, jobId: number): Promise<ImportResult> {
  const base = { file: row.file, name: row.name, idCard: row.idCard, cadreId: row.cadreId ?? undefined };
  const before = row.cadreId === null ? undefined : await cadresRepo.findCadre(ctx.db, row.cadreId, ctx.actor.visibleAuthorityIds);
  if (!before) return { ...base, status: 'error', message: '该干部已不存在或不在您的干部管理权限范围内' };
  if (before.version !== row.baseVersion)
    return { ...base, status: 'error', message: '该干部在比对之后已被修改，未覆盖；请重新导入此文件，核对新的差异' };
  try {
    // The parts the form does not carry are taken from the cadre now (unchanged, as the version shows).
    const children = await cadresRepo.loadChildren(ctx.db, before.id);
    const current = storedInput(before, children);
    const full: CadreInput = { ...current, ...pickFileFields(payload.input) };
    if (sameResumeText(current.resume, full.resume)) full.resume = current.resume;
    const v = await validateProfile(ctx, full, before.id);
    const photo = payload.photo ? { mime: payload.photo.mime, bytes: new Uint8Array(Buffer.from(payload.photo.base64, 'base64')) } : null;
    await writeUpdate(ctx, before, before.version, v, photo, payload.proposal, payload.extras, {
      source: 'import',
      file: row.file,
      importJob: jobId,
    });
    return { ...base, status: 'updated' };
  } catch (e) {
    if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'STALE_VERSION'))
      return { ...base, status: 'error', message: e.message, issues: e.issues.map((i) => ({ ...i, severity: 'error' as const })) };
    throw e;
  }
}

const pickFileFields = (input: RmbCadreInput): Partial<CadreInput> => Object.fromEntries(FILE_FIELDS.map((f) => [f, input[f]]));

// ---- export ----

export interface ExportedFile {
  cadreId: number;
  name: string;
  idCard: string;
  bytes: Uint8Array;
}

/** Cadres as .lrmx files: names from the code tables, YYYYMM dates, the photo, what the last import kept. */
export async function exportLrmx(ctx: Ctx, ids: readonly number[], detail: Record<string, unknown> = {}): Promise<ExportedFile[]> {
  requireAccess(ctx.actor, 'cadre:export');
  const out: ExportedFile[] = [];
  for (const id of [...new Set(ids)]) {
    const row = await cadresRepo.findCadre(ctx.db, id, ctx.actor.visibleAuthorityIds);
    if (!row) throw notFound(`编号为 ${id} 的干部`);
    const [children, kept, photo] = await Promise.all([
      cadresRepo.loadChildren(ctx.db, id),
      repo.findExtras(ctx.db, id),
      cadresRepo.findPhoto(ctx.db, id),
    ]);
    const record = cadreToRmb(storedInput(row, children), {
      proposal: kept ? (JSON.parse(kept.proposal) as RmbProposal) : undefined,
      extras: kept ? (JSON.parse(kept.extras) as RmbExtras) : undefined,
      photo: photo ? new Uint8Array(photo.data) : null,
    });
    out.push({ cadreId: id, name: row.name, idCard: row.idCard, bytes: serializeLrmx(record) });
  }
  await insertAudit(
    ctx.db,
    buildAuditRow({
      event: 'cadre.export',
      actor: ctx.actor,
      at: ctx.now,
      ...(out.length === 1 && { target: { type: 'cadre', id: out[0].cadreId } }),
      detail: { format: 'lrmx', count: out.length, cadres: out.map((f) => ({ id: f.cadreId, name: f.name })), ...detail },
    }),
  );
  return out;
}

/** The ids of cadres within scope by ID number; an unknown number is an error naming it. */
export async function idsByIdCard(ctx: Ctx, idCards: readonly string[]): Promise<number[]> {
  const wanted = idCards.map((s) => s.trim().toUpperCase());
  const rows = await repo.findIdsByIdCard(ctx.db, wanted, ctx.actor.visibleAuthorityIds);
  const missing = wanted.filter((w) => !rows.some((r) => r.idCard === w));
  if (missing.length) throw notFound(`身份证号为 ${missing.join('、')} 的干部`);
  return wanted.map((w) => rows.find((r) => r.idCard === w)!.id);
}

/** File names that are safe on Windows and unique within one archive. */
export function exportFileName(f: Pick<ExportedFile, 'name' | 'idCard'>, withId: boolean): string {
  const safe = f.name.replace(/[\\/:*?"<>|\s]+/g, '_') || '干部';
  return withId ? `${safe}_${f.idCard}.lrmx` : `${safe}.lrmx`;
}

export function zipExports(files: readonly ExportedFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[exportFileName(f, true)] = f.bytes;
  return zipSync(entries, { level: 6 });
}

// ---- the command line's actor ----

/** The command line acts as 'ganbu-cli' with every permission over every authority (no account: userId 0). */
export async function systemActor(db: Db, authorityId?: number): Promise<Actor> {
  const root = await repo.rootAuthority(db);
  if (!root) throw new Error('数据库中还没有任何组织部（管理权限），请先运行 ganbu demo 或建立组织部');
  const all = await repo.allAuthorityIds(db);
  return {
    userId: 0,
    username: 'ganbu-cli',
    displayName: '命令行',
    roleCode: 'system',
    roleName: '命令行',
    permissions: new Set(ALL_PERMISSIONS),
    authorityId: authorityId ?? root.id,
    authorityName: root.name,
    visibleAuthorityIds: all,
    ip: 'local',
  };
}
