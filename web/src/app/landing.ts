import type { Me } from '../api/auth';

/** Where a user lands: the dashboard for those who read statistics, each admin role on its own page. */
export function landingPath(user: Me): string {
  const has = (p: string) => user.permissions.includes(p);
  if (has('stats:read')) return '/';
  if (has('user:manage')) return '/admin/users';
  if (has('role:manage')) return '/admin/roles';
  if (has('audit:read')) return '/audit';
  if (has('supervision:submit')) return '/welcome';
  if (has('cadre:read')) return '/cadres';
  if (has('unit:read')) return '/units';
  if (has('settings:manage')) return '/admin/settings';
  if (has('user:unlock')) return '/admin/users';
  return '/welcome';
}
