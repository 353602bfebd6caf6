import type { Generated } from 'kysely';

/** Append-only: the migration adds triggers that refuse UPDATE and DELETE on both dialects. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  userId: number | null;
  username: string;
  ip: string;
  event: string;
  targetType: string | null;
  targetId: string | null;
  /** JSON: the event's details; for changes { changes: [{ field, old, new }] } */
  detail: string;
}
