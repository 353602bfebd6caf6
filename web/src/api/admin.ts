// Accounts, roles, authorities, settings and the audit log: the three admin roles' APIs.
import { api } from './client';

export interface Authority {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  roleId: number;
  roleName: string;
  authorityId: number;
  authorityName: string;
  failedAttempts: number;
  lockedUntil: string | null;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
  version: number;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  builtIn: number;
  permissions: string[];
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roleId: number;
  authorityId: number;
}

export interface SettingVersion {
  value: unknown;
  effectiveFrom: string;
  updatedBy: string;
  updatedAt: string;
}

export interface Setting {
  key: string;
  label: string;
  source: string;
  default: unknown;
  value: unknown;
  versions: SettingVersion[];
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  ip: string;
  event: string;
  eventName: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  event?: string;
  username?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export const adminApi = {
  authorities: () => api.get<Authority[]>('/api/authorities'),
  permissions: () => api.get<Record<string, string>>('/api/permissions'),
  users: () => api.get<User[]>('/api/users'),
  createUser: (u: NewUser) => api.post<{ id: number }>('/api/users', u),
  updateUser: (id: number, patch: { displayName?: string; roleId?: number; authorityId?: number; disabled?: boolean; version: number }) =>
    api.patch<void>(`/api/users/${id}`, patch),
  unlockUser: (id: number) => api.post<void>(`/api/users/${id}/unlock`),
  resetPassword: (id: number, password: string) => api.post<void>(`/api/users/${id}/password`, { password }),
  roles: () => api.get<Role[]>('/api/roles'),
  setRolePermissions: (id: number, permissions: string[]) => api.put<void>(`/api/roles/${id}/permissions`, { permissions }),
  settings: () => api.get<Setting[]>('/api/settings'),
  setSetting: (key: string, value: unknown, effectiveFrom: string) =>
    api.put<void>(`/api/settings/${encodeURIComponent(key)}`, { value, effectiveFrom }),
  audit: (q: AuditQuery) => api.get<{ total: number; items: AuditEntry[] }>('/api/audit', { ...q }),
  auditEvents: () => api.get<Record<string, string>>('/api/audit/events'),
};
