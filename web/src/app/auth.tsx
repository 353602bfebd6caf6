// Who is signed in (GET /api/auth/me), sign-in and sign-out, and what a lost session does.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthorized } from '../api/client';
import { authApi, type Me } from '../api/auth';

interface AuthState {
  user: Me | null;
  loading: boolean;
  /** why the user was sent to the login page (session timed out …) */
  notice: string | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const me = useQuery<Me | null>({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await authApi.me();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    retry: false,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

  useEffect(() => {
    onUnauthorized((message) => {
      setNotice(message);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], null);
    });
    return () => onUnauthorized(null);
  }, [qc]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { user } = await authApi.login(username, password);
      // Drop another user's cached data, but keep the 'me' query this provider observes.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      setNotice(null);
      qc.setQueryData(['me'], user);
      return user;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      setNotice(null);
      qc.setQueryData(['me'], null);
    }
  }, [qc]);

  const value = useMemo<AuthState>(
    () => ({ user: me.data ?? null, loading: me.isLoading, notice, login, logout }),
    [me.data, me.isLoading, notice, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
