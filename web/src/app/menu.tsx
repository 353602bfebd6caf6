// The side menu: each entry shows only to users holding one of its permissions.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AimOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  DatabaseOutlined,
  RiseOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileTextOutlined,
  PieChartOutlined,
  ExperimentOutlined,
  HomeOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  ToolOutlined,
} from '@ant-design/icons';

export interface MenuEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  perms: string[];
  testId: string;
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: MenuEntry[];
}

export const MENU: (MenuEntry | MenuGroup)[] = [
  { key: 'home', path: '/', label: '首页', icon: <DashboardOutlined />, perms: ['stats:read'], testId: 'menu-home' },
  { key: 'cadres', path: '/cadres', label: '干部查询', icon: <TeamOutlined />, perms: ['cadre:read'], testId: 'menu-cadres' },
  { key: 'units', path: '/units', label: '单位班子', icon: <ApartmentOutlined />, perms: ['unit:read'], testId: 'menu-units' },
  {
    key: 'selection',
    label: '精准选人',
    icon: <AimOutlined />,
    children: [
      { key: 'structure', path: '/structure', label: '结构分析', icon: <PieChartOutlined />, perms: ['stats:read'], testId: 'menu-structure' },
      { key: 'findings', path: '/analysis/findings', label: '班子研判', icon: <FileSearchOutlined />, perms: ['unit:read'], testId: 'menu-findings' },
      { key: 'analysis', path: '/analysis-records', label: '研判记录', icon: <FileTextOutlined />, perms: ['unit:read'], testId: 'menu-analysis' },
      { key: 'simulation', path: '/simulation', label: '模拟调配', icon: <ExperimentOutlined />, perms: ['cadre:read'], testId: 'menu-simulation' },
      { key: 'figures', path: '/figures', label: '报告数据', icon: <BarChartOutlined />, perms: ['stats:read'], testId: 'menu-figures' },
    ],
  },
  { key: 'pools', path: '/pools', label: '干部库与清单', icon: <DatabaseOutlined />, perms: ['pool:read'], testId: 'menu-pools' },
  { key: 'young', path: '/young', label: '年轻干部', icon: <RiseOutlined />, perms: ['pool:read'], testId: 'menu-young' },
  { key: 'imports', path: '/imports', label: '数据导入', icon: <ImportOutlined />, perms: ['cadre:write'], testId: 'menu-imports' },
  { key: 'welcome', path: '/welcome', label: '工作台', icon: <HomeOutlined />, perms: ['supervision:submit'], testId: 'menu-welcome' },
  { key: 'audit', path: '/audit', label: '审计日志', icon: <AuditOutlined />, perms: ['audit:read'], testId: 'menu-audit' },
  {
    key: 'admin',
    label: '系统管理',
    icon: <ToolOutlined />,
    children: [
      { key: 'users', path: '/admin/users', label: '用户管理', icon: <UserOutlined />, perms: ['user:manage', 'user:unlock'], testId: 'menu-users' },
      { key: 'roles', path: '/admin/roles', label: '角色权限', icon: <SafetyCertificateOutlined />, perms: ['role:manage'], testId: 'menu-roles' },
      { key: 'settings', path: '/admin/settings', label: '业务参数', icon: <SettingOutlined />, perms: ['settings:manage'], testId: 'menu-settings' },
      {
        key: 'team-rules',
        path: '/admin/team-rules',
        label: '研判规则',
        icon: <FileSearchOutlined />,
        perms: ['settings:manage'],
        testId: 'menu-team-rules',
      },
    ],
  },
];

export function visibleMenu(perms: string[]): (MenuEntry | MenuGroup)[] {
  const ok = (e: MenuEntry) => e.perms.some((p) => perms.includes(p));
  const out: (MenuEntry | MenuGroup)[] = [];
  for (const m of MENU) {
    if ('children' in m) {
      const children = m.children.filter(ok);
      if (children.length) out.push({ ...m, children });
    } else if (ok(m)) out.push(m);
  }
  return out;
}

/** The menu key of a location, for highlighting. */
export function menuKeyOf(pathname: string): string {
  const all = MENU.flatMap((m) => ('children' in m ? m.children : [m]));
  const match = all
    .filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/')))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? '';
}
