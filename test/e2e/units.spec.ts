import { expect, test } from '@playwright/test';
import { apiAs, type CadreItem, loginOk, pickCadre } from './support';

interface Post {
  id: number;
  title: string;
  quota: number;
  filled: number;
  vacant: number;
  holders: { cadreId: number }[];
}
interface UnitDetail {
  unit: { id: number; name: string };
  teams: { id: number; posts: Post[] }[];
}
interface TreeNode {
  id: number;
  children: TreeNode[];
}

test("appointing a cadre to a vacant post lowers the team's vacancy count", async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const tree = await api.get<TreeNode[]>('/api/units/tree');
  const ids: number[] = [];
  const walk = (nodes: TreeNode[]) => nodes.forEach((n) => (ids.push(n.id), walk(n.children)));
  walk(tree);
  let found: { unit: UnitDetail; post: Post } | undefined;
  for (const id of ids) {
    const unit = await api.get<UnitDetail>(`/api/units/${id}`);
    const post = unit.teams.flatMap((t) => t.posts).find((p) => p.vacant > 0);
    if (post) {
      found = { unit, post };
      break;
    }
  }
  expect(found, 'the demo city has a vacant post').toBeTruthy();
  const { unit, post } = found!;
  const holders = new Set(post.holders.map((h) => h.cadreId));
  const { items } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=50&sort=name');
  const candidate = items.find((c) => !holders.has(c.id))!;

  await loginOk(page, 'ganbuke');
  await page.goto(`/units/${unit.unit.id}`);
  const vacancy = page.getByTestId(`vacancy-${post.id}`);
  await expect(vacancy).toHaveAttribute('data-vacant', String(post.vacant));

  await page.getByTestId(`appoint-button-${post.id}`).click();
  const form = page.getByTestId('appoint-form');
  await pickCadre(page, form.getByTestId('appoint-cadre'), candidate.name);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '.');
  await form.getByTestId('appoint-start-date').click();
  await page.keyboard.type(today);
  await page.keyboard.press('Enter');
  await form.getByTestId('appoint-doc-no').fill('青组干〔2026〕99号');
  await page.getByTestId('appoint-form-ok').click();

  await expect(vacancy).toHaveAttribute('data-vacant', String(post.vacant - 1));
  const after = await api.get<UnitDetail>(`/api/units/${unit.unit.id}`);
  const p = after.teams.flatMap((t) => t.posts).find((x) => x.id === post.id)!;
  expect(p.filled).toBe(post.filled + 1);
  expect(p.holders.map((h) => h.cadreId)).toContain(candidate.id);
});
