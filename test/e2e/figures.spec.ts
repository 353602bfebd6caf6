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

test('an admin switches a structure rule off from a date, and the analysis follows', async ({ page, request }) => {
  const ganbuke = await apiAs(request, 'ganbuke');
  const before = await ganbuke.get<{ byRule: Record<string, number> }>('/api/teams/findings');
  expect(before.byRule['specialty-gap']).toBeGreaterThan(0);

  await loginOk(page, 'sysadmin');
  await page.getByTestId('menu-team-rules').click();
  await expect(page.getByTestId('rules-table')).toContainText('县(市、区) · 党委班子、政府班子');
  await page.getByTestId('rule-edit-specialty-gap').click();
  await page.getByTestId('rule-enabled').click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('rules-table').locator('tr', { has: page.getByTestId('rule-specialty-gap') })).toContainText('停用');
  await page.screenshot({ path: 'test-results/team-rules-page.png', fullPage: true });

  const after = await ganbuke.get<{ byRule: Record<string, number> }>('/api/teams/findings');
  expect(after.byRule['specialty-gap']).toBe(0);
  expect(after.byRule['no-woman']).toBe(before.byRule['no-woman']);

  // Put the rule back for the journeys that follow.
  const login = await request.post('/api/auth/login', { data: { username: 'sysadmin', password: 'Ganbu@2026' } });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const settings = (await (await request.get('/api/settings', { headers })).json()) as { key: string; value: Record<string, { enabled: boolean }> }[];
  const value = settings.find((s) => s.key === 'teamRules.applicability')!.value;
  value['specialty-gap']!.enabled = true;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const put = await request.put('/api/settings/teamRules.applicability', { headers, data: { value, effectiveFrom: today } });
  expect(put.status(), await put.text()).toBeLessThan(300);
});
