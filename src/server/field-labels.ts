// Chinese labels for field names, so a validation message names the field the user sees.
// Features add their own with registerFieldLabels at import time.
const labels = new Map<string, string>();

export function registerFieldLabels(map: Record<string, string>) {
  for (const [k, v] of Object.entries(map)) labels.set(k, v);
}

/** '家庭成员 第2行 出生年月' for ['family', 1, 'birthMonth']. */
export function labelForPath(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`第${p + 1}行`);
    else parts.push(labels.get(p) ?? p);
  }
  return parts.join(' ') || '请求';
}

registerFieldLabels({
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  roleId: '角色',
  authorityId: '所属组织部',
  page: '页码',
  pageSize: '每页条数',
  version: '版本号',
  id: '编号',
});
