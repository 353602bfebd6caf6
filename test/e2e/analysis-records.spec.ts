import { expect, test } from '@playwright/test';
import { apiAs, loginOk } from './support';

interface TreeNode {
  id: number;
  name: string;
  children: TreeNode[];
}
interface StatItem {
  key: string;
  count: number;
  filter?: Record<string, string>;
}

test('structure dashboard: a unit subtree on a date, a slice opens the names behind it', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const tree = await api.get<TreeNode[]>('/api/units/tree');
  // the county-level area with the most women among its cadres
  const candidates = tree.flatMap((n) => [n, ...n.children]);
  let unit: TreeNode | undefined;
  let women: StatItem | undefined;
  for (const u of candidates) {
    const s = await api.get<{ gender: StatItem[] }>(`/api/stats/structure?unitId=${u.id}&asOf=2026-06-01`);
    const w = s.gender.find((g) => g.key === 'women')!;
    if (w.count > 0 && (!women || w.count > women.count)) [unit, women] = [u, w];
  }
  expect(unit, 'a unit with women cadres').toBeTruthy();

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-structure').click();
  await expect(page.getByTestId('structure-page')).toBeVisible();
  await page.goto(`/structure?unitId=${unit!.id}&asOf=2026-06-01`);
  await expect(page.getByTestId('structure-page')).toContainText(`${unit!.name}（含下级单位） · 统计日期 2026.06.01`);
  await expect(page.getByTestId('chart-pyramid-chart').locator('svg')).toBeVisible();
  await page.screenshot({ path: '/tmp/analysis-records-structure.png', fullPage: true });

  // The women's slice of the gender pie (drawn in SVG, filled with the women colour).
  await page.getByTestId('chart-gender-chart').locator('path[fill="#e05a76"]').first().click();
  await expect(page).toHaveURL(/\/cadres\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual(women!.filter);
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${women!.count} 人`);
  await expect(page.getByTestId('result-name').first()).toBeVisible();

  // A vacancy bar opens the vacant posts.
  await page.goto(`/structure?asOf=2026-06-01`);
  // the widest red bar (the legend's icon and empty levels' bars are small or hidden)
  const reds = page.getByTestId('chart-vacancy-chart').locator('path[fill="#cf1322"]');
  await expect(reds.first()).toBeAttached();
  const widths = await reds.evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().width));
  // force: under load the bar may still be animating (never "stable"); it is attached and measured above
  await reds.nth(widths.indexOf(Math.max(...widths))).click({ force: true });
  await expect(page.getByTestId('vacancy-drawer')).toContainText('有空缺的职位');
  await expect(page.getByTestId('vacancy-drawer').locator('.ant-table-row').first()).toBeVisible();
});

test('a 定期 analysis of every team in scope, read back with its findings, then followed up', async ({ page, request }) => {
  await loginOk(page, 'donghu');
  await page.getByTestId('menu-analysis').click();
  await expect(page.getByTestId('analysis-page')).toBeVisible();
  await page.getByTestId('analysis-new').click();
  await page.getByTestId('analysis-title').fill('端到端定期研判');
  await page.getByTestId('analysis-participants').locator('input').fill('张部长');
  await page.getByTestId('analysis-participants').locator('input').press('Enter');
  await page.screenshot({ path: '/tmp/analysis-records-create.png' });
  await page.getByTestId('analysis-form-ok').click();

  await expect(page).toHaveURL(/\/analysis-records\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const api = await apiAs(request, 'donghu');
  const d = await api.get<{ title: string; items: { teamName: string; findings: { detail: string }[] }[] }>(`/api/analysis-records/${id}`);
  expect(d.title).toBe('端到端定期研判');
  expect(d.items.length).toBeGreaterThan(1);
  const withFinding = d.items.find((i) => i.findings.length > 0)!;
  expect(withFinding, 'the demo county has a team with a finding').toBeTruthy();

  const detail = page.getByTestId('analysis-detail');
  await expect(detail).toContainText('端到端定期研判');
  await expect(detail).toContainText(`管理范围内全部班子（${d.items.length}个班子）`);
  await expect(detail).toContainText('参加人员张部长');

  await page.getByTestId('analysis-edit-button').click();
  await page.getByTestId('analysis-judgement').fill('班子年龄结构偏大，需配备年轻干部。');
  await page.getByTestId('analysis-edit-ok').click();
  await expect(page.getByTestId('analysis-judgement-view')).toHaveText('班子年龄结构偏大，需配备年轻干部。');
  await page.getByTestId('only-problems').click();
  const row = page.getByTestId('analysis-items').locator('.ant-table-row').filter({ hasText: withFinding.teamName }).first();
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('analysis-items')).toContainText(withFinding.findings[0].detail);

  await page.getByTestId('followup-add').click();
  await page.getByTestId('followup-note').fill('已报区委常委会研究');
  await page.getByTestId('followup-form-ok').click();
  await expect(page.getByTestId('analysis-status')).toHaveText('跟进中');
  await expect(detail).toContainText('已报区委常委会研究');
  await page.screenshot({ path: '/tmp/analysis-records-detail.png', fullPage: true });

  await page.goto('/analysis-records?tab=surveys');
  await expect(page.getByTestId('surveys-panel').locator('.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/analysis-records-surveys.png', fullPage: true });
});
