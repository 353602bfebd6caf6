import { api } from './client';

export interface Me {
  /** the data are the fictional demo city */
  demo: boolean;
  id: number;
  username: string;
  displayName: string;
  roleCode: string;
  roleName: string;
  authorityId: number;
  authorityName: string;
  permissions: string[];
}

export const authApi = {
  me: () => api.get<Me>('/api/auth/me'),
  login: (username: string, password: string) => api.post<{ token: string; user: Me }>('/api/auth/login', { username, password }),
  logout: () => api.post<void>('/api/auth/logout'),
};
