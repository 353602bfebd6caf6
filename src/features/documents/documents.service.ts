// Documents: the 任免审批表 as Word, the roster (花名册) as Excel, and Excel import templates with a
// dry run, an error workbook and a confirmed import. Exports are audited as 'cadre.export'; imports
// write through the cadre profile's own validation and audit (cadres.service).
import crypto from 'node:crypto';
import type { Writable } from 'node:stream';
import { requireAccess, type Ctx } from '../../server/access.js';
import { AppError, notFound, validationError, type FieldIssue } from '../../server/errors.js';
import { dialectOf, type Db } from '../../db/database.js';
import type { Kysely } from 'kysely';
import { todayOf } from '../../domain/dates.js';
import { parseIdCard } from '../../domain/idcard.js';
import { buildAuditRow, type AuditRow } from '../audit/audit.events.js';
import { insertAudit, insertAudits } from '../audit/audit.repository.js';
import * as cadresRepo from '../cadres/cadres.repository.js';
import {
  guardDuplicateId,
  insertProfile,
  replaceProfile,
  searchConditions,
  storedInput,
  validateProfile,
  validationSettings,
  type CadreSearchInput,
  type ValidationLookups,
  type StoredCadre,
  type ValidProfile,
} from '../cadres/cadres.service.js';
import type { CadreInput } from '../cadres/cadres.rules.js';
import { cadreToRmb, compactDate } from '../../io/rmb-mapping.js';
import { rmbToDocx } from '../../io/docx-rmb.js';
import { createRosterWriter } from '../../io/excel-roster.js';
import { buildTemplate, errorWorkbook, headerLabel, readFirstSheet, type CellError } from '../../io/excel-import.js';
import * as repo from './documents.repository.js';
import * as unitsRepo from '../units/units.repository.js';
import { getSetting } from '../settings/settings.service.js';
import { writeAppointment } from '../units/appointments.service.js';
import { appointmentProblems } from '../../domain/teams.js';
import {
  IMPORT_COLUMNS,
  IMPORT_INSTRUCTIONS,
  IMPORT_KINDS,
  dateFromCell,
  pickColumns,
  readCadreCells,
  ROSTER_COLUMNS,
  type ImportColumn,
  type ImportKind,
} from './documents.rules.js';

// ---- the 任免审批表 as Word ----

/** Who and when for the form's 填表人 / 填表时间 / 计算年龄时间. */
export interface FormFiller {
  name: string;
  now: Date;
}

/** The .docx of one cadre within `authorityIds`; undefined when not found there. */
export async function cadreDocx(db: Db, id: number, authorityIds: readonly number[], filler: FormFiller) {
  const row = await cadresRepo.findCadre(db, id, authorityIds);
  if (!row) return undefined;
  const [children, photo] = await Promise.all([cadresRepo.loadChildren(db, id), cadresRepo.findPhoto(db, id)]);
  const today = todayOf(filler.now);
  const record = cadreToRmb(
    { ...row, birthMonth: row.birthDate.slice(0, 7), ...children, resume: children.resume, family: children.family },
    {
      photo: photo ? photo.data : null,
      proposal: { JiSuanNianLingShiJian: compactDate(today), TianBiaoShiJian: compactDate(today), TianBiaoRen: filler.name },
    },
  );
  const data = await rmbToDocx(record, { ageDate: today });
  return { name: row.name, idCard: row.idCard, data, filename: `干部任免审批表_${row.name}.docx` };
}

export async function exportCadreDocx(ctx: Ctx, id: number) {
  requireAccess(ctx.actor, 'cadre:export');
  const doc = await cadreDocx(ctx.db, id, ctx.actor.visibleAuthorityIds, { name: ctx.actor.displayName, now: ctx.now });
  if (!doc) throw notFound('该干部');
  await insertAudit(
    ctx.db,
    buildAuditRow({
      event: 'cadre.export',
      actor: ctx.actor,
      at: ctx.now,
      target: { type: 'cadre', id },
      detail: { format: 'docx', name: doc.name },
    }),
  );
  return doc;
}

// ---- roster ----

export type RosterQuery = Omit<CadreSearchInput, 'page' | 'pageSize'> & { columns?: string };

/**
 * Rows read per query: a bounded page, whatever the size of the result. 5,000 rather than 1,000: each
 * keyset query has a fixed cost, and on PostgreSQL 100,000 rows took 15.6 s in pages of 1,000 and
 * 11.4 s in pages of 5,000 (server peak 351 → 398 MB).
 */
export const ROSTER_PAGE = 5000;

/**
 * Check the request, count and audit the export, and hand back the writer of the workbook: it reads
 * the result ROSTER_PAGE rows at a time and streams them out, so validation errors answer before
 * the first byte and the memory stays that of one page.
 */
export async function prepareRoster(ctx: Ctx, s: RosterQuery) {
  requireAccess(ctx.actor, 'cadre:export');
  const keys = s.columns
    ? s.columns
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
    : ROSTER_COLUMNS.slice(0, 10).map((c) => c.key);
  const { columns, unknown } = pickColumns(keys);
  if (unknown.length) throw validationError([{ field: 'columns', label: '列', message: `未知的列：${unknown.join('、')}` }]);
  if (!columns.length) throw validationError([{ field: 'columns', label: '列', message: '至少选择一列' }]);
  const filter = await searchConditions(ctx, s);
  const total = await repo.countRoster(ctx.db, filter);
  const { columns: _c, ...query } = s;
  await insertAudit(
    ctx.db,
    buildAuditRow({
      event: 'cadre.export',
      actor: ctx.actor,
      at: ctx.now,
      detail: { format: 'xlsx', kind: 'roster', total, columns: columns.map((c) => c.key), query },
    }),
  );
  const ageOn = s.ageOn ?? todayOf(ctx.now);
  const write = async (stream: Writable) => {
    const out = createRosterWriter(
      stream,
      columns.map((c) => ({ label: c.label, width: c.width })),
    );
    let cursor: repo.RosterCursor | null = null;
    let read = 0;
    for (;;) {
      const rows = await repo.rosterPage(ctx.db, filter, s.sort, s.order, cursor, ROSTER_PAGE);
      if (!rows.length) break;
      const tags = columns.some((c) => c.key === 'tags')
        ? await cadresRepo.tagsOf(
            ctx.db,
            rows.map((r) => r.id),
          )
        : new Map<number, string[]>();
      const c = { ageOn, tags: (id: number) => tags.get(id) ?? [] };
      out.addRows(rows.map((r) => columns.map((col) => col.value(r, c))));
      const last = rows[rows.length - 1];
      read += rows.length;
      cursor = { key: repo.sortKey(last, s.sort), id: last.id, read };
      if (rows.length < ROSTER_PAGE) break;
      // Let the consumer take what was written before reading the next page.
      if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
    }
    await out.finish();
  };
  return { total, write, filename: `干部花名册_${todayOf(ctx.now)}.xlsx` };
}

// ---- import templates ----

export async function template(ctx: Ctx, kind: ImportKind) {
  requireAccess(ctx.actor, 'cadre:write');
  const data = await buildTemplate(IMPORT_KINDS[kind], IMPORT_COLUMNS[kind], IMPORT_INSTRUCTIONS[kind]);
  return { data, filename: `${IMPORT_KINDS[kind]}导入模板.xlsx` };
}

// ---- import ----

export interface ImportError {
  row: number;
  /** column letter (A, B …); absent for a problem of the whole row */
  column?: string;
  columnLabel?: string;
  message: string;
}

export interface ImportReport {
  token: string;
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  errors: ImportError[];
}

/**
 * Delete uploaded templates older than the retention setting of import jobs (their bytes are cadre
 * data, not kept for long); runs when a new upload starts. The number deleted.
 */
export async function cleanupExcelUploads(db: Db, now: Date): Promise<number> {
  const days = await getSetting(db, 'import.retentionDays', now);
  return repo.deleteUploadsBefore(db, new Date(now.getTime() - days * 86_400_000).toISOString());
}

/**
 * An upload the actor may use: the uploader's, or one of an account with the same 干部管理权限 (who sees
 * the same cadres, so the check and the write are the same); anything else, or one past its retention,
 * is not found (without saying whether it exists).
 */
async function ownUpload(ctx: Ctx, token: string) {
  const u = await repo.findUpload(ctx.db, token);
  const days = await getSetting(ctx.db, 'import.retentionDays', ctx.now);
  if (
    !u ||
    (u.userId !== ctx.actor.userId && u.authorityId !== ctx.actor.authorityId) ||
    Date.parse(u.createdAt) < ctx.now.getTime() - days * 86_400_000
  )
    throw notFound('该导入记录（已过期或不存在）');
  return u;
}

/** One block of a cadres template as a dry run checked it, with what the check depended on in the database. */
interface CheckedBlock {
  owners: Map<string, number>;
  /** versions of the stored cadres read (those within scope) */
  versions: Map<number, number>;
  unitIds: number[];
  unitAuthorities: Map<number, number>;
  planned: PlannedWrite[];
  errors: CellError[];
}

type ReadRow = { row: number; idCard: string; fields: Partial<CadreInput>; birthMonth?: string };

/**
 * A dry run's result for a cadres template, kept for the confirm of the same file by the same user (one
 * per user, for a few minutes): the confirm re-reads only what the checks depended on (owners of the
 * ID numbers, versions of the stored cadres, units' authorities, settings) and checks again only the
 * blocks where any of it changed, instead of reading the workbook and validating every row twice.
 */
interface CheckedPlan {
  key: string;
  header: string[];
  rowCount: number;
  read: ReadRow[];
  readErrors: CellError[];
  settings: string;
  blocks: CheckedBlock[];
  expires: number;
}

const checkedPlans = new Map<number, CheckedPlan>();
const PLAN_TTL_MS = 15 * 60_000;

function planKey(ctx: Ctx, kind: ImportKind, data: Buffer): string {
  const h = crypto.createHash('sha256').update(data).digest('hex');
  return JSON.stringify([h, kind, ctx.actor.authorityId, ctx.actor.visibleAuthorityIds, todayOf(ctx.now)]);
}

const sameMap = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

const letter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The whole profile as the form would submit it, from what is stored. */
async function storedProfile(db: Db, id: number, authorityIds: readonly number[]) {
  const before = await cadresRepo.findCadre(db, id, authorityIds);
  if (!before) return undefined;
  return { before, input: storedInput(before, await cadresRepo.loadChildren(db, id)) };
}

function blankInput(ctx: Ctx, idCard: string): CadreInput {
  const parsed = parseIdCard(idCard, todayOf(ctx.now));
  return {
    idCard,
    name: '',
    gender: parsed.ok ? parsed.gender : '',
    birthMonth: parsed.ok ? parsed.birthDate.slice(0, 7) : '',
    ethnicCode: '',
    nativePlace: '',
    birthplace: '',
    politicalStatus: '',
    partyJoinMonth: null,
    otherParty: null,
    workStartMonth: '',
    healthCode: '',
    professionalTitle: '',
    specialty: '',
    ftEducation: null,
    ftDegree: null,
    ftEducationSchool: '',
    ftDegreeSchool: '',
    ipEducation: null,
    ipDegree: null,
    ipEducationSchool: '',
    ipDegreeSchool: '',
    currentPost: '',
    levelCode: null,
    levelSince: null,
    unitId: null,
    authorityId: ctx.actor.authorityId,
    status: 'active',
    rewardsText: '',
    appraisalText: '',
    remarks: '',
    resume: [],
    rewards: [],
    appraisals: [],
    family: [],
    ranks: [],
    tags: [],
  };
}

/** A row ready to write: the validated profile, and the stored one it replaces (none: a new cadre). */
interface PlannedWrite {
  row: number;
  valid: ValidProfile;
  before?: StoredCadre;
  oldChildren?: cadresRepo.CadreChildren;
}

/** Rows validated (and written, when confirmed) per block: bulk reads of a block, bounded memory. */
const EXCEL_BLOCK = 1000;

/** Plans an import through `db`: checks every row, and hands each block's valid rows to `write` (confirmed). */
type ImportPlan = (db: Db, write?: (rows: PlannedWrite[]) => Promise<void>) => Promise<void>;

/**
 * Read an uploaded template of `kind`, check every row through the cadre validation rules (codes may
 * be names), and report every bad cell with its row and column. With dryRun false, the valid rows are
 * written all together in one transaction (rows with errors are left out and reported, and if any
 * write fails nothing is written).
 */
export async function importExcel(ctx: Ctx, kind: ImportKind, data: Buffer, dryRun: boolean, filename: string): Promise<ImportReport> {
  requireAccess(ctx.actor, 'cadre:write');
  return runImport(ctx, kind, data, dryRun, filename);
}

/** Confirm the import of a workbook uploaded for a dry run (kept in excel_uploads), once. */
export async function confirmUpload(ctx: Ctx, token: string): Promise<ImportReport> {
  requireAccess(ctx.actor, 'cadre:write');
  const u = await ownUpload(ctx, token);
  if (u.confirmedAt) throw new AppError('CONFLICT', '该工作簿已确认导入，不能重复导入；如需再次导入请重新上传');
  return runImport(ctx, u.kind as ImportKind, Buffer.from(u.data), false, u.fileName, token);
}

/**
 * The import itself. `stored`: the token of an upload being confirmed (marked confirmed in the
 * import's transaction); without it the workbook is kept as a new upload (confirmed at once when
 * not a dry run).
 */
async function runImport(ctx: Ctx, kind: ImportKind, data: Buffer, dryRun: boolean, filename: string, stored?: string): Promise<ImportReport> {
  const key = kind === 'cadres' ? planKey(ctx, kind, data) : '';
  let cached = dryRun ? undefined : checkedPlans.get(ctx.actor.userId);
  if (cached && (cached.key !== key || cached.expires < Date.now())) cached = undefined;
  checkedPlans.delete(ctx.actor.userId);
  for (const [u, p] of checkedPlans) if (p.expires < Date.now()) checkedPlans.delete(u);
  let sheet: Awaited<ReturnType<typeof readFirstSheet>>;
  try {
    sheet = cached ? { header: cached.header, rows: [] } : await readFirstSheet(data);
  } catch (e) {
    throw new AppError('VALIDATION', `无法读取 Excel 文件：${e instanceof Error ? e.message : String(e)}`);
  }
  const specs = IMPORT_COLUMNS[kind];
  const labels = sheet.header.map(headerLabel);
  const cols = new Map<ImportColumn, number>();
  for (const c of specs) {
    const i = labels.indexOf(c.label);
    if (i >= 0) cols.set(c, i);
  }
  const missing = specs.filter((c) => c.required && !cols.has(c)).map((c) => c.label);
  if (missing.length) throw new AppError('VALIDATION', `表头缺少必填列：${missing.join('、')}（请使用系统生成的模板）`);
  const colOf = (field: string) => [...cols].find(([c]) => c.field === field)?.[1];
  const errors: CellError[] = [];
  let plan: ImportPlan;
  const rowCount = cached ? cached.rowCount : sheet.rows.length;
  let keep: (() => CheckedPlan) | undefined;
  let created = 0;
  let updated = 0;
  let appointed = 0;
  const seen = new Map<string, number>();
  const today = todayOf(ctx.now);
  const idCol = colOf('idCard')!;

  /** validation issues of a profile, as cell errors of the sheet row */
  const issuesToCells = (row: number, issues: FieldIssue[]) => {
    for (const i of issues) {
      const field = i.field.split('.')[0];
      const col = colOf(field === 'birthMonth' ? 'idCard' : field);
      errors.push({ row, col, message: `${i.label ?? i.field}：${i.message}` });
    }
  };
  const check = async (inDb: Ctx, row: number, input: CadreInput, selfId?: number, known?: ValidationLookups): Promise<ValidProfile | undefined> => {
    try {
      return await validateProfile(inDb, input, selfId, known);
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION') {
        issuesToCells(row, e.issues.length ? e.issues : [{ field: 'idCard', message: e.message }]);
        return undefined;
      }
      throw e;
    }
  };

  if (kind === 'cadres') {
    // First every row's cells in pure code; then, block by block, the stored cadres of the block read in
    // bulk (owners of the ID numbers, profiles, child lists, units' authorities), each row validated by
    // the profile's own rules, and (when confirmed) written with its audit row collected for one insert.
    const read: ReadRow[] = cached ? cached.read : [];
    if (cached) errors.push(...cached.readErrors);
    for (const r of sheet.rows) {
      const { fields, problems } = readCadreCells(r.cells, cols);
      const before = errors.length;
      for (const p of problems) errors.push({ row: r.row, col: p.col, message: p.message });
      const idCard = fields.idCard ?? '';
      if (!idCard) errors.push({ row: r.row, col: idCol, message: '身份证号：必填' });
      const parsed = idCard ? parseIdCard(idCard, today) : undefined;
      const key = parsed?.ok ? parsed.id : idCard;
      if (parsed && !parsed.ok) errors.push({ row: r.row, col: idCol, message: `身份证号：${parsed.reason}` });
      if (key && seen.has(key)) errors.push({ row: r.row, col: idCol, message: `身份证号：与第${seen.get(key)}行重复` });
      else if (key) seen.set(key, r.row);
      if (errors.length > before || !parsed?.ok) continue;
      read.push({ row: r.row, idCard: parsed.id, fields: { ...fields, idCard: parsed.id }, birthMonth: parsed.birthDate.slice(0, 7) });
    }
    const readErrors = errors.slice();
    /** What a block's check reads from the database, all of it before any row is validated. */
    const readBlock = async (db: Db, block: ReadRow[]) => {
      const owners = await cadresRepo.findIdCardOwners(
        db,
        block.map((b) => b.idCard),
      );
      const stored = await cadresRepo.findCadres(db, [...owners.values()], ctx.actor.visibleAuthorityIds);
      // The template has no list columns: the lists stay as stored, untouched and not re-read, except
      // the 职级 history from which the current 职级 is derived.
      const children = await cadresRepo.loadChildrenMany(db, [...stored.keys()], ['ranks']);
      const unitIds = [
        ...new Set([
          ...[...stored.values()].flatMap((c) => (c.unitId === null ? [] : [c.unitId])),
          ...block.flatMap((b) => (typeof b.fields.unitId === 'number' ? [b.fields.unitId] : [])),
        ]),
      ];
      const unitAuthorities = await cadresRepo.unitAuthorities(db, unitIds);
      return { owners, stored, children, unitIds, unitAuthorities };
    };
    const checkBlock = async (
      db: Db,
      block: ReadRow[],
      settings: Awaited<ReturnType<typeof validationSettings>>,
      { owners, stored, children, unitIds, unitAuthorities }: Awaited<ReturnType<typeof readBlock>>,
    ): Promise<CheckedBlock> => {
      const inDb: Ctx = { ...ctx, db };
      const errorsBefore = errors.length;
      const planned: PlannedWrite[] = [];
      for (const b of block) {
        const ownerId = owners.get(b.idCard);
        const before = ownerId === undefined ? undefined : stored.get(ownerId);
        if (ownerId !== undefined && !before) {
          errors.push({ row: b.row, col: idCol, message: '身份证号：该干部已存在，但不在您的干部管理权限范围内' });
          continue;
        }
        if (!before) {
          const empty = specs.filter((c) => c.required && (b.fields as Record<string, unknown>)[c.field] === undefined);
          for (const c of empty) errors.push({ row: b.row, col: cols.get(c), message: `${c.label}：新建干部时必填` });
          if (empty.length) continue;
        }
        const old = before ? storedInput(before, children.get(before.id)!) : undefined;
        const input = { ...(old ?? blankInput(ctx, b.idCard)), ...b.fields };
        if (b.birthMonth) input.birthMonth = b.birthMonth;
        const valid = await check(inDb, b.row, input, before?.id, {
          ...settings,
          unitAuthorities,
          idCardOwner: { idCard: b.idCard, ownerId },
        });
        if (valid) planned.push({ row: b.row, valid, before, oldChildren: before && children.get(before.id) });
      }
      const versions = new Map([...stored.values()].map((c) => [c.id, c.version]));
      return { owners, versions, unitIds, unitAuthorities, planned, errors: errors.slice(errorsBefore) };
    };
    /** Whether what a block's check read is still what the database holds. */
    const stillCurrent = async (db: Db, block: ReadRow[], c: CheckedBlock) => {
      const now = await repo.ownersWithVersions(
        db,
        block.map((b) => b.idCard),
      );
      const versions = new Map([...now.values()].map((o) => [o.id, o.version]));
      return (
        now.size === c.owners.size &&
        [...c.owners].every(([idCard, id]) => now.get(idCard)?.id === id) &&
        sameMap(c.versions, new Map([...c.versions.keys()].map((id) => [id, versions.get(id)]))) &&
        sameMap(c.unitAuthorities, await cadresRepo.unitAuthorities(db, c.unitIds))
      );
    };
    const blocks: CheckedBlock[] = [];
    let settingsText = '';
    plan = async (db, write) => {
      const settings = await validationSettings({ ...ctx, db });
      settingsText = JSON.stringify(settings);
      const reuse = cached?.settings === settingsText ? cached.blocks : undefined;
      const blockAt = (i: number) => read.slice(i * EXCEL_BLOCK, (i + 1) * EXCEL_BLOCK);
      // On PostgreSQL a confirm's reads go to another pooled connection, beside its transaction's
      // writes: they see the same rows (a block's writes touch only its own cadres, none of another
      // block's), and what changes meanwhile is caught by the writes (the version in each UPDATE, the
      // unique ID number). SQLite has the one connection the transaction holds.
      const reader = write && dialectOf(ctx.db as unknown as Kysely<unknown>) === 'postgres' ? ctx.db : db;
      // A block's reads (or the check that a dry run's result still holds) are started before the block
      // above it is validated and written: on PostgreSQL a dry run reads on another pooled connection
      // meanwhile, and a confirm's reads wait on its one connection while this process works. The blocks
      // are distinct ID numbers and cadres, so a block's writes cannot change what the next one reads.
      const fetch = (i: number) => {
        const block = blockAt(i);
        const p = (async () => {
          const c = reuse?.[i];
          return c && (await stillCurrent(reader, block, c)) ? { block, current: c } : { block, reads: await readBlock(reader, block) };
        })();
        p.catch(() => undefined); // awaited below; not an unhandled rejection while an earlier block is written
        return p;
      };
      const count = Math.ceil(read.length / EXCEL_BLOCK);
      let next = count ? fetch(0) : undefined;
      for (let i = 0; i < count; i++) {
        const got = await next!;
        next = i + 1 < count ? fetch(i + 1) : undefined;
        let checked: CheckedBlock;
        if (got.current) {
          checked = got.current;
          errors.push(...checked.errors);
        } else checked = await checkBlock(db, got.block, settings, got.reads!);
        blocks.push(checked);
        await write?.(checked.planned);
      }
      await next; // none left: for the type checker, and for a failed fetch past the last block
    };
    keep = () => ({
      key,
      header: sheet.header,
      rowCount,
      read,
      readErrors,
      settings: settingsText,
      blocks,
      expires: Date.now() + PLAN_TTL_MS,
    });
  } else if (kind === 'appointments') {
    // Each row an appointment: the cadre by 身份证号, the post by the names of its unit (and team) and its
    // title; the rules of an appointment (domain/teams.ts: quota on every day since the start, the cadre
    // in office) checked against the post's tenures and the rows above it in the sheet; written through
    // the appointments' own write path (appointments.service.ts writeAppointment).
    requireAccess(ctx.actor, 'appointment:write');
    const col = (f: string) => colOf(f);
    const cell = (r: { cells: string[] }, f: string) => {
      const i = col(f);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    plan = async (db, write) => {
      const rows = sheet.rows.map((r) => ({
        row: r.row,
        idCard: cell(r, 'idCard').replace(/\s+/g, '').toUpperCase(),
        name: cell(r, 'name'),
        unit: cell(r, 'unit'),
        team: cell(r, 'team'),
        post: cell(r, 'post'),
        startRaw: cell(r, 'startDate'),
        startDocNo: cell(r, 'startDocNo'),
      }));
      const parsedIds = rows.map((r) => (r.idCard ? parseIdCard(r.idCard, today) : undefined));
      const owners = await cadresRepo.findIdCardOwners(
        db,
        parsedIds.flatMap((p) => (p?.ok ? [p.id] : [])),
      );
      const cadres = new Map((await repo.appointmentCadres(db, [...owners.values()])).map((c) => [c.id, c]));
      const units = await repo.unitsByName(db, rows.map((r) => r.unit).filter(Boolean), ctx.actor.visibleAuthorityIds);
      const posts = await repo.postsOfUnits(
        db,
        units.map((u) => u.id),
      );
      const tenures = new Map<number, { id: number; cadreId: number; startDate: string; endDate: string | null }[]>();
      const tenuresOf = async (postId: number) => {
        if (!tenures.has(postId)) tenures.set(postId, await unitsRepo.tenuresOfPost(db, postId));
        return tenures.get(postId)!;
      };
      const fieldCol: Record<string, string> = { cadreId: 'idCard', startDate: 'startDate', postId: 'post', quota: 'post' };
      for (const [k, r] of rows.entries()) {
        const before = errors.length;
        const err = (field: string, message: string) => errors.push({ row: r.row, col: col(field), message });
        const parsed = parsedIds[k];
        if (!r.idCard) err('idCard', '身份证号：必填');
        else if (parsed && !parsed.ok) err('idCard', `身份证号：${parsed.reason}`);
        const cadreId = parsed?.ok ? owners.get(parsed.id) : undefined;
        const cadre = cadreId === undefined ? undefined : cadres.get(cadreId);
        if (parsed?.ok && (!cadre || !ctx.actor.visibleAuthorityIds.includes(cadre.authorityId)))
          err('idCard', '身份证号：没有此干部，或不在您的干部管理权限范围内');
        else if (cadre && r.name && r.name !== cadre.name) err('name', `姓名：与身份证号对应的干部“${cadre.name}”不一致`);
        const startDate = r.startRaw ? dateFromCell(r.startRaw) : undefined;
        if (!r.startRaw) err('startDate', '任职时间：必填');
        else if (!startDate) err('startDate', `任职时间“${r.startRaw}”不是有效的日期（如 2024.03.15）`);
        let post: (typeof posts)[number] | undefined;
        const named = units.filter((u) => u.name === r.unit);
        if (!r.unit) err('unit', '单位：必填');
        else if (named.length === 0) err('unit', `单位：没有名为“${r.unit}”的单位，或不在您的管理范围内`);
        else if (named.length > 1) err('unit', `单位：名为“${r.unit}”的单位有 ${named.length} 个，请在“单位班子”中核对名称`);
        else if (!r.post) err('post', '职务：必填');
        else {
          const found = posts.filter((p) => p.unitId === named[0].id && p.title === r.post && (!r.team || p.teamName === r.team));
          if (found.length === 0) err('post', `职务：${r.unit}${r.team ? ` ${r.team}` : ''}没有“${r.post}”这一职务`);
          else if (found.length > 1) err('team', `班子：${r.unit}有 ${found.length} 个“${r.post}”职务，请填写班子`);
          else post = found[0];
        }
        if (errors.length > before || !cadre || !post || !startDate) continue;
        const postAppointments = await tenuresOf(post.id);
        const problems = appointmentProblems({ today, cadreId: cadre.id, startDate, cadre, quota: post.quota, postAppointments });
        for (const p of problems)
          err(fieldCol[p.field] ?? 'post', `${p.field === 'startDate' ? '任职时间' : p.field === 'cadreId' ? '干部' : '职务'}：${p.message}`);
        if (problems.length) continue;
        // the rows below see this one, as the database will once it is written
        postAppointments.push({ id: -r.row, cadreId: cadre.id, startDate, endDate: null });
        if (write) {
          await writeAppointment(db, ctx, cadre, post, { cadreId: cadre.id, postId: post.id, startDate, startDocNo: r.startDocNo });
          appointed++;
        }
      }
    };
  } else {
    // appraisals: rows grouped by cadre, each cadre's profile saved once with its new years
    plan = async (db, write) => {
      const inDb: Ctx = { ...ctx, db };
      const planned: PlannedWrite[] = [];
      const byCadre = new Map<
        number,
        { rows: number[]; stored: NonNullable<Awaited<ReturnType<typeof storedProfile>>>; years: Map<number, string> }
      >();
      const yearCol = colOf('year')!;
      const gradeCol = colOf('grade')!;
      const nameCol = colOf('name');
      for (const r of sheet.rows) {
        const before = errors.length;
        const idCard = (r.cells[idCol] ?? '').replace(/\s+/g, '').toUpperCase();
        const yearText = r.cells[yearCol] ?? '';
        const grade = r.cells[gradeCol] ?? '';
        const year = /^\d{4}$/.test(yearText.replace(/年度?$/, '')) ? Number(yearText.replace(/年度?$/, '')) : NaN;
        if (!idCard) errors.push({ row: r.row, col: idCol, message: '身份证号：必填' });
        if (!Number.isInteger(year) || year < 1950) errors.push({ row: r.row, col: yearCol, message: `年度：“${yearText}”应为四位年份，如 2024` });
        else if (year > Number(today.slice(0, 4))) errors.push({ row: r.row, col: yearCol, message: '年度：不能晚于今年' });
        if (!IMPORT_COLUMNS.appraisals[3].values!.includes(grade))
          errors.push({ row: r.row, col: gradeCol, message: `等次：“${grade}”应为 优秀、称职、基本称职、不称职 或 不定等次` });
        const parsed = idCard ? parseIdCard(idCard, today) : undefined;
        if (parsed && !parsed.ok) errors.push({ row: r.row, col: idCol, message: `身份证号：${parsed.reason}` });
        if (errors.length > before || !parsed?.ok) continue;
        const ownerId = await cadresRepo.findIdCardOwner(db, parsed.id);
        let entry = ownerId !== undefined ? byCadre.get(ownerId) : undefined;
        if (!entry && ownerId !== undefined) {
          const stored = await storedProfile(db, ownerId, ctx.actor.visibleAuthorityIds);
          if (stored) {
            entry = { rows: [], stored, years: new Map() };
            byCadre.set(ownerId, entry);
          }
        }
        if (!entry) {
          errors.push({ row: r.row, col: idCol, message: '身份证号：没有此干部，或不在您的干部管理权限范围内' });
          continue;
        }
        const name = nameCol !== undefined ? (r.cells[nameCol] ?? '') : '';
        if (name && name !== entry.stored.input.name) {
          errors.push({ row: r.row, col: nameCol, message: `姓名：与身份证号对应的干部“${entry.stored.input.name}”不一致` });
          continue;
        }
        const dupKey = `${parsed.id}/${year}`;
        if (seen.has(dupKey)) {
          errors.push({ row: r.row, col: yearCol, message: `年度：与第${seen.get(dupKey)}行重复` });
          continue;
        }
        seen.set(dupKey, r.row);
        entry.rows.push(r.row);
        entry.years.set(year, grade);
      }
      for (const [id, e] of byCadre) {
        if (!e.rows.length) continue;
        const kept = e.stored.input.appraisals.filter((a) => !e.years.has(a.year));
        const appraisals = [...kept, ...[...e.years].map(([year, grade]) => ({ year, grade: grade as CadreInput['appraisals'][number]['grade'] }))];
        const valid = await check(inDb, e.rows[0], { ...e.stored.input, appraisals }, id);
        if (valid) planned.push({ row: e.rows[0], valid, before: e.stored.before });
      }
      await write?.(planned);
    };
  }

  const token = stored ?? crypto.randomBytes(16).toString('hex');
  const upload = (confirmedAt: string | null) => ({
    token,
    userId: ctx.actor.userId,
    authorityId: ctx.actor.authorityId,
    kind,
    fileName: filename,
    data,
    rows: rowCount,
    errors: JSON.stringify(errors),
    createdAt: ctx.now.toISOString(),
    confirmedAt,
  });
  if (!stored) await cleanupExcelUploads(ctx.db, ctx.now);
  if (dryRun) {
    await plan(ctx.db);
    if (keep) checkedPlans.set(ctx.actor.userId, keep());
    await repo.insertUpload(ctx.db, upload(null));
  } else {
    const detail = { source: 'excel', kind, file: filename };
    await guardDuplicateId(
      ctx.db.transaction().execute(async (trx) => {
        // first, so that a second confirm of the same upload (here or in another process) waits and then fails
        if (stored && !(await repo.markUploadConfirmed(trx, stored, ctx.now.toISOString())))
          throw new AppError('CONFLICT', '该工作簿已确认导入，不能重复导入；如需再次导入请重新上传');
        const auditRows: AuditRow[] = [];
        const updates: cadresRepo.CadreUpdate[] = [];
        // A block's rows are written by two statements sent while the next block is prepared: the
        // database works on them while this process validates. Awaited before the next block's are sent
        // (a stale version fails the import there) and before the commit.
        const flush = async (u: cadresRepo.CadreUpdate[], a: AuditRow[]) => {
          if (await cadresRepo.updateCadres(trx, u)) throw new AppError('STALE_VERSION');
          await insertAudits(trx, a);
        };
        let flushing = Promise.resolve();
        await plan(trx, async (rows) => {
          for (const p of rows) {
            if (p.before) {
              await replaceProfile(trx, ctx, p.before, p.before.version, p.valid, {
                detail,
                auditRows,
                updates,
                oldChildren: p.oldChildren,
                // the cadres template has no list columns: its rows keep the lists as stored
                keepLists: kind === 'cadres',
              });
              updated++;
            } else {
              await insertProfile(trx, ctx, p.valid, { detail, auditRows });
              created++;
            }
          }
          await flushing;
          flushing = flush(updates.splice(0), auditRows.splice(0));
          flushing.catch(() => undefined); // awaited above or below; not unhandled meanwhile
        });
        await flushing;
        // the error workbook after a confirm shows what the confirm found
        if (stored) await repo.setUploadErrors(trx, stored, JSON.stringify(errors));
        else await repo.insertUpload(trx, upload(ctx.now.toISOString()));
      }),
    );
  }
  const badRows = new Set(errors.map((e) => e.row));
  const headerOf = (col?: number) => (col === undefined ? undefined : sheet.header[col]);
  return {
    token,
    kind,
    dryRun,
    rows: rowCount,
    valid: rowCount - badRows.size,
    invalid: badRows.size,
    created: created + appointed,
    updated,
    errors: errors
      .sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1))
      .map((e) => ({
        row: e.row,
        ...(e.col !== undefined && { column: letter(e.col), columnLabel: headerLabel(headerOf(e.col)) }),
        message: e.message,
      })),
  };
}

/** The uploaded workbook with a 错误 column, for the user who uploaded it. */
export async function errorsWorkbook(ctx: Ctx, token: string) {
  requireAccess(ctx.actor, 'cadre:write');
  const u = await ownUpload(ctx, token);
  const kind = u.kind as ImportKind;
  const data = await errorWorkbook(Buffer.from(u.data), JSON.parse(u.errors) as CellError[]);
  // the workbook holds cadre data and may be fetched by another account of the authority: audited as an export
  await insertAudit(
    ctx.db,
    buildAuditRow({
      event: 'cadre.export',
      actor: ctx.actor,
      at: ctx.now,
      detail: { format: 'xlsx', kind: 'import-errors', template: kind, file: u.fileName, uploadedBy: u.userId, rows: u.rows },
    }),
  );
  return { data, filename: `${IMPORT_KINDS[kind]}_错误.xlsx` };
}
