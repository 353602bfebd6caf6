import { useAuth } from '../app/auth';

/** Whether the signed-in user holds a permission (any of several). */
export function useCan(): (...perms: string[]) => boolean {
  const { user } = useAuth();
  return (...perms) => !!user && perms.some((p) => user.permissions.includes(p));
}
