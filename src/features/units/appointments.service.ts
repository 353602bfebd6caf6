// Appointments (任职) and removals (免职): a cadre holding a post from a start date, until an end date.
// The checks are the pure rules of domain/teams.ts; this file loads their facts and records the result.
import { requireAccess, canSeeAuthority, type Ctx } from '../../server/access.js';
import { AppError, notFound } from '../../server/errors.js';
import type { Db } from '../../db/database.js';
import { todayOf } from '../../domain/dates.js';
import { appointmentProblems, endProblems, isInForce } from '../../domain/teams.js';
import { buildAuditRow } from '../audit/audit.events.js';
import { insertAudit } from '../audit/audit.repository.js';
import { codeName } from '../codes/codes.catalog.js';
import * as repo from './units.repository.js';
import { raise, visiblePost } from './units.service.js';

async function visibleCadre(ctx: Ctx, id: number) {
  const cadre = await repo.findCadreForAppointment(ctx.db, id);
  if (!cadre || !canSeeAuthority(ctx.actor, cadre.authorityId)) throw notFound('该干部');
  return cadre;
}

export interface AppointmentInput {
  cadreId: number;
  postId: number;
  startDate: string;
  startDocNo: string;
}

export async function createAppointment(ctx: Ctx, input: AppointmentInput): Promise<number> {
  requireAccess(ctx.actor, 'appointment:write');
  const cadre = await visibleCadre(ctx, input.cadreId);
  const post = await visiblePost(ctx, ctx.db, input.postId);
  return ctx.db.transaction().execute((trx) => writeAppointment(trx, ctx, cadre, post, input));
}

export type AppointmentCadre = NonNullable<Awaited<ReturnType<typeof repo.findCadreForAppointment>>>;
export type AppointmentPost = NonNullable<Awaited<ReturnType<typeof repo.findPost>>>;

/**
 * One appointment inside the caller's transaction (an Excel import writes many in one): the post
 * locked, the quota and the cadre checked against the post's tenures as they are now, the row and its
 * audit. The caller has checked the permission and that the actor sees the cadre and the post.
 */
export async function writeAppointment(trx: Db, ctx: Ctx, cadre: AppointmentCadre, post: AppointmentPost, input: AppointmentInput): Promise<number> {
  {
    await repo.lockPost(trx, post.id);
    const postAppointments = await repo.tenuresOfPost(trx, post.id);
    raise(
      appointmentProblems({ today: todayOf(ctx.now), cadreId: cadre.id, startDate: input.startDate, cadre, quota: post.quota, postAppointments }),
    );
    const id = await repo.insertAppointment(trx, { ...input, createdAt: ctx.now.toISOString() });
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'appointment.create',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'appointment', id },
        detail: { ...input, cadreName: cadre.name, postTitle: post.title, teamName: post.teamName, unitName: post.unitName },
      }),
    );
    return id;
  }
}

export interface EndInput {
  endDate: string;
  endDocNo: string;
  endReason: string;
}

export async function endAppointment(ctx: Ctx, id: number, input: EndInput): Promise<void> {
  requireAccess(ctx.actor, 'appointment:write');
  const a = await repo.findAppointment(ctx.db, id);
  if (!a || !canSeeAuthority(ctx.actor, a.unitAuthorityId) || !canSeeAuthority(ctx.actor, a.cadreAuthorityId)) throw notFound('该任职记录');
  raise(endProblems({ today: todayOf(ctx.now), startDate: a.startDate, endedOn: a.endDate, endDate: input.endDate }));
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.endAppointment(trx, id, input))) throw new AppError('CONFLICT', '该任职已被他人办理免职，请刷新');
    await insertAudit(
      trx,
      buildAuditRow({
        event: 'appointment.end',
        actor: ctx.actor,
        at: ctx.now,
        target: { type: 'appointment', id },
        detail: { cadreId: a.cadreId, postId: a.postId, ...input },
      }),
    );
  });
}

/** A cadre's posts, past and present, newest first. */
export async function cadreAppointments(ctx: Ctx, cadreId: number) {
  requireAccess(ctx.actor, 'cadre:read');
  await visibleCadre(ctx, cadreId);
  const today = todayOf(ctx.now);
  const rows = await repo.appointmentsOfCadre(ctx.db, cadreId);
  return rows.map((r) => ({ ...r, levelName: codeName('level', r.levelCode), isChief: r.isChief === 1, current: isInForce(r, today) }));
}
