import type { Db } from '../../db/database.js';
import type { AuditRow } from './audit.events.js';

export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await db.insertInto('auditLog').values(row).execute();
}

/** Many audit rows of one batch in multi-row inserts (under both databases' bound-parameter limits). */
export async function insertAudits(db: Db, rows: readonly AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('auditLog')
      .values(rows.slice(i, i + 500))
      .execute();
}

export interface AuditQuery {
  event?: string;
  username?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function searchAudit(db: Db, q: AuditQuery) {
  let query = db.selectFrom('auditLog');
  if (q.event) query = query.where('event', '=', q.event);
  if (q.username) query = query.where('username', '=', q.username);
  if (q.targetType) query = query.where('targetType', '=', q.targetType);
  if (q.targetId) query = query.where('targetId', '=', q.targetId);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
