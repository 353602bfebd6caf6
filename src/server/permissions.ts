// Permissions are a closed list; roles map to permissions as data (seeded from here, editable by the
// 安全管理员). DESIGN.md practice 6.

export const PERMISSIONS = {
  'cadre:read': '查阅干部信息',
  'cadre:write': '维护干部信息',
  'cadre:export': '导出干部信息',
  'unit:read': '查阅单位、班子和职位',
  'unit:write': '维护单位、班子和职位',
  'appointment:write': '办理任免',
  'stats:read': '查看统计',
  'analysis:write': '维护研判和调研记录',
  'audit:read': '查阅审计日志',
  'user:manage': '管理用户账号',
  'user:unlock': '解锁账号、重置密码',
  'role:manage': '管理角色和权限',
  'settings:manage': '维护业务参数',
  'supervision:submit': '报送干部监督信息',
  'pool:read': '查阅干部库、清单、后备库和年轻干部',
  'pool:write': '维护干部库、清单、后备库和年轻干部',
  'pool:manage': '维护五类干部库的设置',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** Permissions that read cadre data: none of the three admin roles may hold them (三员分立). */
export const CADRE_DATA_PERMISSIONS: Permission[] = [
  'cadre:read',
  'cadre:write',
  'cadre:export',
  'stats:read',
  'appointment:write',
  'analysis:write',
  'pool:read',
  'pool:write',
];

export interface BuiltInRole {
  code: string;
  name: string;
  permissions: Permission[];
}

const sectionBase: Permission[] = ['cadre:read', 'unit:read', 'stats:read', 'cadre:export'];

export const BUILT_IN_ROLES = [
  { code: 'system_admin', name: '系统管理员', permissions: ['user:manage', 'settings:manage', 'pool:manage'] },
  { code: 'security_admin', name: '安全管理员', permissions: ['role:manage', 'user:unlock'] },
  { code: 'audit_admin', name: '审计管理员', permissions: ['audit:read'] },
  { code: 'leader', name: '部领导', permissions: [...sectionBase, 'pool:read'] },
  {
    code: 'cadre_section',
    name: '干部科',
    permissions: [...sectionBase, 'cadre:write', 'unit:write', 'appointment:write', 'analysis:write', 'pool:read', 'pool:write', 'pool:manage'],
  },
  { code: 'education_section', name: '干部教育科', permissions: [...sectionBase, 'pool:read'] },
  { code: 'supervision_section', name: '干部监督科', permissions: [...sectionBase, 'pool:read'] },
  {
    code: 'county_department',
    name: '县(市、区)委组织部',
    permissions: [...sectionBase, 'cadre:write', 'unit:write', 'appointment:write', 'analysis:write', 'pool:read', 'pool:write'],
  },
  { code: 'member_department', name: '成员单位', permissions: ['supervision:submit'] },
] as const satisfies readonly BuiltInRole[];

export type BuiltInRoleCode = (typeof BUILT_IN_ROLES)[number]['code'];

/** The three separated admin roles (三员分立). */
export const ADMIN_ROLE_CODES: string[] = ['system_admin', 'security_admin', 'audit_admin'];
