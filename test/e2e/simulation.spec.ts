// 班子研判 and 模拟调配: a county Party team without a woman shows the `no-woman` finding; a plan that
// moves a woman in resolves it in the plan column, and nothing changes in the real appointments.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { type CadreItem, loginOk, PASSWORD, pickCadre } from './support';

interface TreeNode {
  id: number;
  name: string;
  kind: string;
  tier: string;
  authorityId: number;
  children: TreeNode[];
}
interface UnitDetail {
  unit: { id: number; name: string };
  teams: { id: number; name: string; kind: string; posts: { id: number; title: string; vacant: number; holders: { cadreId: number }[] }[] }[];
}
interface Structure {
  findings: { rule: string }[];
  structure: { members: { cadreId: number }[] };
}

async function client(request: APIRequestContext, username: string) {
  const login = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const call = async <T>(method: 'get' | 'post', url: string, data?: object): Promise<T> => {
    const r = await request[method](url, { headers, ...(data && { data }) });
    expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300);
    return (await r.json()) as T;
  };
  return { get: <T>(url: string) => call<T>('get', url), post: <T>(url: string, data: object) => call<T>('post', url, data) };
}

test('a plan moving a woman into an all-male county Party team resolves the no-woman finding', async ({ page, request }) => {
  const api = await client(request, 'ganbuke');
  const all: TreeNode[] = [];
  const walk = (nodes: TreeNode[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
  walk(await api.get<TreeNode[]>('/api/units/tree'));

  // A county Party or government team the rules find without a woman: the demo's, or one made here.
  let found: { unitId: number; teamId: number; postId: number; postTitle: string } | undefined;
  for (const u of all.filter((x) => x.tier === 'county' && (x.kind === '党委' || x.kind === '政府'))) {
    const detail = await api.get<UnitDetail>(`/api/units/${u.id}`);
    for (const t of detail.teams.filter((x) => x.kind === '党委班子' || x.kind === '政府班子')) {
      const s = await api.get<Structure>(`/api/teams/${t.id}/structure`);
      const post = t.posts.find((p) => p.title !== '书记' && p.title !== '区长' && p.title !== '县长') ?? t.posts[0];
      if (post && s.findings.some((f) => f.rule === 'no-woman')) found = { unitId: u.id, teamId: t.id, postId: post.id, postTitle: post.title };
    }
    if (found) break;
  }
  const { items: cadres } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=100&sort=name');
  if (!found) {
    const area = all.find((x) => x.kind === '地区' && x.tier === 'county')!;
    const { id: unitId } = await api.post<{ id: number }>('/api/units', {
      name: `中共${area.name.slice(0, -1)}测试委员会`,
      kind: '党委',
      tier: 'county',
      authorityId: area.authorityId,
      parentId: area.id,
    });
    const { id: teamId } = await api.post<{ id: number }>('/api/teams', { unitId, name: '测试委员会常委会', kind: '党委班子' });
    const { id: chief } = await api.post<{ id: number }>('/api/posts', { teamId, title: '书记', levelCode: '1A31', isChief: true, quota: 1 });
    const { id: postId } = await api.post<{ id: number }>('/api/posts', { teamId, title: '常委', levelCode: '1A32', isChief: false, quota: 3 });
    const men = cadres.filter((c) => c.gender === '1' && c.birthDate < '1990-01-01').slice(0, 2);
    await api.post('/api/appointments', { cadreId: men[0]!.id, postId: chief, startDate: '2024-01-01', startDocNo: '测〔2024〕1号' });
    await api.post('/api/appointments', { cadreId: men[1]!.id, postId, startDate: '2024-01-01', startDocNo: '测〔2024〕2号' });
    found = { unitId, teamId, postId, postTitle: '常委' };
    const s = await api.get<Structure>(`/api/teams/${teamId}/structure`);
    expect(s.findings.map((f) => f.rule)).toContain('no-woman');
  }
  const { unitId, teamId, postId, postTitle } = found;
  const members = new Set((await api.get<Structure>(`/api/teams/${teamId}/structure`)).structure.members.map((m) => m.cadreId));
  // A woman whose name no other cadre in the list shares, so the picker's option is hers.
  const woman = cadres.find((c) => c.gender === '2' && !members.has(c.id) && cadres.filter((x) => x.name === c.name).length === 1)!;
  const appointmentsBefore = JSON.stringify(await api.get<UnitDetail>(`/api/units/${unitId}`));

  // 班子研判 on the unit page
  await loginOk(page, 'ganbuke');
  await page.goto(`/units/${unitId}`);
  await page.getByTestId(`team-analysis-${teamId}`).click();
  const drawer = page.getByTestId('team-analysis');
  await expect(drawer.getByTestId('finding-no-woman')).toBeVisible();
  await expect(drawer.getByTestId('structure-gender-0')).toContainText('女 0');
  await page.screenshot({ path: '/tmp/simulation-analysis.png' });

  // A new plan for this team
  await drawer.getByTestId('team-analysis-simulate').click();
  await expect(page).toHaveURL(new RegExp(`/simulation\\?teamId=${teamId}`));
  await page.getByTestId('plan-new').click();
  await expect(page.getByTestId('plan-form-team')).not.toHaveText('…');
  await page.getByTestId('plan-form-name').fill('调入女干部方案');
  await page.getByTestId('plan-form-ok').click();
  await expect(page.getByTestId('plan-page')).toBeVisible();

  // Move the woman in
  await pickCadre(page, page.getByTestId('move-in-cadre'), woman.name);
  await page.getByTestId('move-in-post').click();
  await page.locator(`.ant-select-item-option[title^="${postTitle}（"]`).click();
  await page.getByTestId('move-in-add').click();
  await expect(page.getByTestId('moves-table')).toContainText(woman.name);

  const planned = page.getByTestId('planned-column');
  await expect(planned.getByTestId('resolved-no-woman')).toBeVisible();
  await expect(planned.getByTestId('planned-findings').getByTestId('finding-no-woman')).toHaveCount(0);
  await expect(page.getByTestId('current-findings').getByTestId('finding-no-woman')).toBeVisible();
  await expect(page.getByTestId('structure-gender-1')).toContainText('女 1');
  await page.getByTestId('plan-save').click();
  await expect(page.getByText('已保存方案')).toBeVisible();
  await expect(page.getByTestId('plan-save')).toBeDisabled();
  await page.screenshot({ path: '/tmp/simulation-plan.png', fullPage: true });

  // Stored, listed, and the real team unchanged
  await page.goto(`/simulation?teamId=${teamId}`);
  await expect(page.getByTestId('plans-table')).toContainText('调入女干部方案');
  await expect(page.getByTestId('plans-table')).toContainText('调入 1，调出 0');
  await page.locator('[data-testid=plans-table] .ant-checkbox-input').nth(1).check();
  await page.getByTestId('plans-compare-button').click();
  await expect(page.getByTestId('plans-compare')).toContainText('调入女干部方案');
  await page.screenshot({ path: '/tmp/simulation-list.png', fullPage: true });
  expect(JSON.stringify(await api.get<UnitDetail>(`/api/units/${unitId}`))).toBe(appointmentsBefore);
  expect(postId).toBeGreaterThan(0);
});
