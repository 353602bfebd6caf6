import { expect, test } from '@playwright/test';
import { apiAs, loginOk } from './support';

interface Figure {
  key: string;
  value: number;
  people?: { cadreId: number; name: string }[];
  teams?: { teamName: string; ok: boolean }[];
}

const chinaToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('the report figures open the names and the teams behind each number', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const year = chinaToday().slice(0, 4);
  const { figures } = await api.get<{ figures: Figure[] }>(`/api/figures?from=${year}-01-01&to=${chinaToday()}`);
  const promotions = figures.find((f) => f.key === 'promotions')!;
  const courts = figures.find((f) => f.key === 'non-party-deputy-courts')!;
  expect(promotions.value, 'the demo city promoted someone this year').toBeGreaterThan(0);

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-figures').click();
  await expect(page.getByTestId('figure-promotions')).toContainText(String(promotions.value));
  await page.screenshot({ path: 'test-results/figures-page.png', fullPage: true });

  await page.getByTestId('figure-non-party-deputy-courts').click();
  const teams = page.getByTestId('figure-teams');
  const failing = courts.teams!.find((t) => !t.ok)!;
  await expect(teams.locator('tbody tr').first()).toContainText(failing.teamName);
  await expect(teams.locator('tbody tr').first()).toContainText('未达到');
  await page.getByRole('button', { name: '关闭' }).click();

  await page.getByTestId('figure-promotions').click();
  const first = promotions.people![0]!;
  const people = page.getByTestId('figure-people');
  await expect(people.locator('tbody tr').first()).toContainText(first.name);
  await people.getByRole('link', { name: first.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/cadres/${first.cadreId}$`));
});

test('the team analysis overview counts each rule and filters the list by it', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const data = await api.get<{ byRule: Record<string, number>; findings: { rule: string; teamName: string }[] }>('/api/teams/findings');
  expect(data.byRule['avoidance-kin'], 'the demo city has a couple in one team').toBeGreaterThan(0);

  await loginOk(page, 'ganbuke');
  await page.goto('/analysis/findings');
  await expect(page.getByTestId('findings-count-avoidance-kin')).toContainText(String(data.byRule['avoidance-kin']));
  await page.getByTestId('findings-count-avoidance-kin').click();
  const rows = page.getByTestId('findings-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(data.byRule['avoidance-kin']!);
  await expect(rows.first()).toContainText('亲属回避');
  await expect(rows.first()).toContainText(data.findings.find((f) => f.rule === 'avoidance-kin')!.teamName);
  await page.screenshot({ path: 'test-results/findings-page.png', fullPage: true });
});
