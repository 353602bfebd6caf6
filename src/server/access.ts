// One access check at the top of every use case (DESIGN.md practice 6), and the data scope by
// management authority (干部管理权限): an actor sees its own authority and the ones below it.
import { executeCompiled, type Db } from '../db/database.js';
import { AppError } from './errors.js';
import type { Permission } from './permissions.js';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  permissions: ReadonlySet<Permission>;
  authorityId: number;
  authorityName: string;
  /** the actor's authority and every authority below it */
  visibleAuthorityIds: readonly number[];
  ip: string;
}

/** What every use case receives: the database, who is acting, and the time of the request. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requireAccess(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new AppError('FORBIDDEN');
}

export function canSeeAuthority(actor: Actor, authorityId: number): boolean {
  return actor.visibleAuthorityIds.includes(authorityId);
}

/** The ids of an authority and all below it, walking the (small) authorities tree. */
export async function authoritySubtree(db: Db, rootId: number): Promise<number[]> {
  // read whenever a session is resolved from the database (session-cache.ts holds the result): compiled once
  const { rows: all } = await executeCompiled(db, 'authorities.tree', () => db.selectFrom('authorities').select(['id', 'parentId']));
  // children by parent first: walking all of them for each node is quadratic (264 authorities at 1,000,000 cadres)
  const children = new Map<number, number[]>();
  for (const a of all) {
    if (a.parentId === null) continue;
    const c = children.get(a.parentId);
    if (c) c.push(a.id);
    else children.set(a.parentId, [a.id]);
  }
  const result = [rootId];
  for (let i = 0; i < result.length; i++) for (const c of children.get(result[i]) ?? []) result.push(c);
  return result;
}
