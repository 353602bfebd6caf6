import type { Generated } from 'kysely';

/** A management authority (干部管理权限): the organization department that manages cadres and units. */
export interface AuthorityTable {
  id: Generated<number>;
  name: string;
  /** 'city' | 'county' (a province could add 'province' above) */
  level: string;
  parentId: number | null;
}

export interface RoleTable {
  id: Generated<number>;
  /** stable key, e.g. 'cadre_section' */
  code: string;
  /** the Chinese role name shown to users, e.g. 干部科 */
  name: string;
  /** 1 for the built-in roles, which cannot be deleted */
  builtIn: number;
}

export interface RolePermissionTable {
  roleId: number;
  permission: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  roleId: number;
  authorityId: number;
  failedAttempts: Generated<number>;
  lockedUntil: string | null;
  disabled: Generated<number>;
  createdAt: string;
  version: Generated<number>;
}

export interface SessionTable {
  /** sha256 of the token; the token itself is never stored */
  id: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
}
