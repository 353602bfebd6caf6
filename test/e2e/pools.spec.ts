import { expect, test } from '@playwright/test';
import { apiAs, type CadreItem, chooseOption, loginOk, pickCadre } from './support';

interface Status {
  memberships: { poolName: string; removedOn: string | null }[];
  categories: { endDate: string | null }[];
}

test('adding a cadre to a pool, moving the category with a reason, and reading the figure’s names', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const { items } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=100&sort=name&status=active');
  // a cadre whose name is unique (the picker shows names) and who is neither in 法治 nor on a list
  let candidate: CadreItem | undefined;
  for (const c of items) {
    if (items.filter((x) => x.name === c.name).length > 1) continue;
    const s = await api.get<Status>(`/api/cadres/${c.id}/pool-status`);
    if (s.memberships.some((m) => m.poolName === '法治' && !m.removedOn) || s.categories.some((x) => !x.endDate)) continue;
    candidate = c;
    break;
  }
  expect(candidate, 'the demo city has a cadre outside the 法治 pool and the lists').toBeTruthy();
  const c = candidate!;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '.');

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-pools').click();
  await expect(page.getByRole('heading', { name: /干部库与清单/ })).toBeVisible();

  // 五类干部库: 法治 → 入库 with a reason
  await page.getByTestId('pool-法治').click();
  const before = Number((await page.getByTestId('pool-count-法治').textContent())!.replace(/\D/g, ''));
  await page.getByTestId('pool-add-member').click();
  const form = page.getByTestId('member-form');
  await pickCadre(page, form.getByTestId('member-cadre'), c.name);
  await form.getByTestId('member-reason').fill('法律专业背景，依法行政能力强');
  await page.getByTestId('member-form-ok').click();
  await expect(page.getByTestId('pool-members').getByTestId(`cadre-link-${c.id}`)).toBeVisible();
  await expect(page.getByTestId('pool-count-法治')).toHaveText(`${before + 1} 人`);
  await page.screenshot({ path: '/tmp/pools-young-pools.png' });

  // 四类干部清单: a move without a reason is refused, naming the field; with one it is made
  await page.getByRole('tab', { name: '四类干部清单' }).click();
  await page.getByTestId('category-new').click();
  const move = page.getByTestId('category-form');
  await pickCadre(page, move.getByTestId('category-cadre'), c.name);
  await chooseOption(page, move.getByTestId('category-select'), '近期提拔');
  await page.getByTestId('category-form-ok').click();
  await expect(page.getByRole('dialog').getByText('调整理由：调整清单必须填写理由')).toBeVisible();
  await move.getByTestId('category-reason').fill('年度考核优秀，大调研中民主推荐得票靠前');
  await page.getByTestId('category-form-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page
    .getByTestId('category-filter')
    .getByText(/近期提拔/)
    .click();
  await expect(page.getByTestId('category-table').getByTestId(`cadre-link-${c.id}`)).toBeVisible();
  await page.getByTestId(`category-history-${c.id}`).click();
  await expect(page.getByTestId('category-history')).toContainText('年度考核优秀，大调研中民主推荐得票靠前');
  await page.screenshot({ path: '/tmp/pools-young-categories.png' });
  await page.keyboard.press('Escape');

  // 报告数据: today's 累计入库 is this one cadre, and the figure opens the name
  await page.getByRole('tab', { name: '报告数据' }).click();
  await page.getByTestId('figures-range').locator('input').first().click();
  await page.keyboard.type(today);
  await page.keyboard.press('Enter');
  await page.keyboard.type(today);
  await page.keyboard.press('Enter');
  const figure = page.getByTestId('figure-pool_entries');
  await expect(figure.locator('.ant-statistic-content-value')).toHaveText('1');
  await figure.click();
  await expect(page.getByTestId('figure-names').getByTestId(`cadre-link-${c.id}`)).toHaveText(c.name);
  await page.screenshot({ path: '/tmp/pools-young-figures.png' });

  // the profile shows the cadre's pools and category
  await page.getByTestId('figure-names').getByTestId(`cadre-link-${c.id}`).click();
  await expect(page.getByTestId('cadre-pool-panel')).toContainText('法治');
  await expect(page.getByTestId('panel-category')).toContainText('近期提拔');
  await page.screenshot({ path: '/tmp/pools-young-profile.png', fullPage: true });

  // 年轻干部 page renders its cohorts and lists
  await page.getByTestId('menu-young').click();
  await expect(page.getByTestId('cohort-80后')).toBeVisible();
  await page.screenshot({ path: '/tmp/pools-young-young.png' });
  await page.getByRole('tab', { name: '好苗子' }).click();
  await expect(page.getByTestId('promising-table').locator('[data-testid^="cadre-link-"]').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/pools-young-promising.png' });
  await page.getByRole('tab', { name: '导师帮带' }).click();
  await expect(page.getByText(/共 \d+ 对帮带关系/)).toBeVisible();
  await page.screenshot({ path: '/tmp/pools-young-mentoring.png' });
});
