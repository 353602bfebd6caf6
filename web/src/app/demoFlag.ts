// Whether the data are the fictional demo city. Sources, best first: a `demo` field on the user or the
// statistics overview (not sent by the server yet), the system.demoData setting (only its managers
// may read it), and otherwise the name of the user's organization department (the demo city 青川市).
import { useQuery } from '@tanstack/react-query';
import type { StatsOverview } from '../api/stats';
import { adminApi } from '../api/admin';
import { useAuth } from './auth';

export function useDemoFlag(): boolean {
  const { user } = useAuth();
  const perms = user?.permissions ?? [];
  // Only what the home page already fetched: no extra request on every page.
  const stats = useQuery<StatsOverview>({ queryKey: ['stats', 'overview'], enabled: false });
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: adminApi.settings,
    enabled: perms.includes('settings:manage'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const fromUser = (user as { demo?: unknown } | null)?.demo;
  if (typeof fromUser === 'boolean') return fromUser;
  if (typeof stats.data?.demo === 'boolean') return stats.data.demo;
  const s = settings.data?.find((x) => x.key === 'system.demoData');
  if (s && typeof s.value === 'boolean') return s.value;
  return !!user?.authorityName.includes('青川市');
}
