import { requireAccess, type Ctx } from '../../server/access.js';
import { searchAudit } from './audit.repository.js';
import { AUDIT_EVENTS } from './audit.events.js';

export interface AuditSearchInput {
  event?: string;
  username?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function searchAuditLog(ctx: Ctx, input: AuditSearchInput) {
  requireAccess(ctx.actor, 'audit:read');
  const { items, total } = await searchAudit(ctx.db, {
    ...input,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return {
    total,
    items: items.map((r) => ({
      ...r,
      eventName: AUDIT_EVENTS[r.event as keyof typeof AUDIT_EVENTS] ?? r.event,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    })),
  };
}
