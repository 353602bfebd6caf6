// The fictional demo city's organization departments and one account per built-in role.
// Demo only: the README lists these passwords; never use them on real data.

export const DEMO_CITY = '青川市';

export const DEMO_AUTHORITIES = [
  { key: 'city', name: '中共青川市委组织部', level: 'city', parent: null, county: null },
  { key: 'donghu', name: '中共东湖区委组织部', level: 'county', parent: 'city', county: '东湖区' },
  { key: 'xishan', name: '中共西山区委组织部', level: 'county', parent: 'city', county: '西山区' },
  { key: 'nanxi', name: '中共南溪县委组织部', level: 'county', parent: 'city', county: '南溪县' },
  { key: 'beiling', name: '中共北岭县委组织部', level: 'county', parent: 'city', county: '北岭县' },
  { key: 'linjiang', name: '中共临江市委组织部', level: 'county', parent: 'city', county: '临江市' },
] as const;

export type DemoAuthorityKey = (typeof DEMO_AUTHORITIES)[number]['key'];

export const DEMO_PASSWORD = 'Ganbu@2026';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: string; roleCode: string; authority: DemoAuthorityKey }[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: '系统管理员', roleCode: 'system_admin', authority: 'city' },
  { username: 'secadmin', displayName: '安全管理员', role: '安全管理员', roleCode: 'security_admin', authority: 'city' },
  { username: 'auditor', displayName: '审计管理员', role: '审计管理员', roleCode: 'audit_admin', authority: 'city' },
  { username: 'leader', displayName: '部领导', role: '部领导', roleCode: 'leader', authority: 'city' },
  { username: 'ganbuke', displayName: '干部科', role: '干部科', roleCode: 'cadre_section', authority: 'city' },
  { username: 'jiaoyuke', displayName: '干部教育科', role: '干部教育科', roleCode: 'education_section', authority: 'city' },
  { username: 'jianduke', displayName: '干部监督科', role: '干部监督科', roleCode: 'supervision_section', authority: 'city' },
  { username: 'donghu', displayName: '东湖区委组织部', role: '县(市、区)委组织部', roleCode: 'county_department', authority: 'donghu' },
  { username: 'jiwei', displayName: '市纪委监委（成员单位）', role: '成员单位', roleCode: 'member_department', authority: 'city' },
];

export function demoAccountsJson() {
  return DEMO_ACCOUNTS.map((a) => ({ username: a.username, password: DEMO_PASSWORD, role: a.role }));
}
