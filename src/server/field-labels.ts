// Chinese labels for field names, so a validation message names the field the user sees.
// The same English name can mean different things in different features ('name' is 姓名 on a cadre,
// 名称 on a unit), so a feature registers its labels for the URL prefixes of its routes; labels
// registered without a prefix apply everywhere, after the route's own.
const global = new Map<string, string>();
const scoped: { prefix: string; labels: Map<string, string> }[] = [];

export function registerFieldLabels(map: Record<string, string>, routePrefixes?: string[]) {
  if (!routePrefixes) {
    for (const [k, v] of Object.entries(map)) global.set(k, v);
    return;
  }
  for (const prefix of routePrefixes) scoped.push({ prefix, labels: new Map(Object.entries(map)) });
}

/** The most specific registration wins: '/api/teams/analyze' before '/api/teams', whatever the import order. */
function label(key: string, url: string | undefined): string | undefined {
  let best: { prefix: string; labels: Map<string, string> } | undefined;
  if (url) for (const s of scoped) if (url.startsWith(s.prefix) && s.labels.has(key) && (!best || s.prefix.length > best.prefix.length)) best = s;
  return best?.labels.get(key) ?? global.get(key);
}

/** '家庭成员 第2行 出生年月' for ['family', 1, 'birthMonth'] on a route under url. */
export function labelForPath(path: readonly (string | number)[], url?: string): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`第${p + 1}行`);
    else parts.push(label(p, url) ?? p);
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
