// Issue 5 gaps: the forms for what the API allowed but the screens did not (a reserve entry's
// readiness and posts, a secondment's ends and dates, the end of a mentorship).
import { expect, test, type Page } from '@playwright/test';
import { apiAs, type CadreItem, chooseOption, loginOk, pickCadre } from './support';

interface Reserve {
  id: number;
  cadreId: number;
  name: string;
  readiness: string;
}
interface Secondment {
  id: number;
  cadreId: number;
  name: string;
  startDate: string;
  endDate: string | null;
}
interface Mentorship {
  id: number;
  name: string;
  mentorName: string;
  startDate: string;
  endDate: string | null;
}

const dotted = (d: string) => d.replaceAll('-', '.');

/** Replace a date picker's text with a date typed as the page shows it (YYYY.MM.DD). */
async function typeDate(page: Page, testId: string, date: string) {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .first()
    .or(page.locator(`input[data-testid="${testId}"]`));
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(dotted(date));
  // Tab, not Enter: Enter in a modal's field submits the form
  await page.keyboard.press('Tab');
}

test('editing a reserve entry, a secondment and ending a mentorship, with bad input refused', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const reserve = await api.get<Reserve[]>('/api/chief-reserve?status=active');
  expect(reserve.length, 'the demo city has active reserve candidates').toBeGreaterThan(0);
  const r = reserve[0];
  const readiness = r.readiness === 'now' ? { code: 'later', name: '2年以上' } : { code: 'now', name: '近期可用' };

  await loginOk(page, 'ganbuke');
  await page.goto('/pools?tab=reserve');
  await page.getByTestId(`reserve-edit-${r.cadreId}`).click();
  const form = page.getByTestId('reserve-edit-form');
  await form.getByText(readiness.name).click();
  await form.locator('textarea').fill('经研判，可提前使用');
  await page.screenshot({ path: '/tmp/issue5-gaps-reserve-edit.png' });
  await page.getByTestId('reserve-edit-form-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  const row = page.getByTestId('reserve-table').locator('tr', { has: page.getByTestId(`cadre-link-${r.cadreId}`) });
  await expect(row).toContainText(readiness.name);
  await expect(row).toContainText('经研判，可提前使用');
  expect((await api.get<Reserve[]>('/api/chief-reserve?status=active')).find((x) => x.id === r.id)!.readiness).toBe(readiness.code);

  // 双挂双任: an end before the start is refused at the field; a good end is saved
  const secs = await api.get<Secondment[]>('/api/young/secondments');
  const s = secs[0];
  await page.goto('/young?tab=secondments');
  await page.getByTestId(`secondment-edit-${s.id}`).click();
  const before = new Date(Date.parse(`${s.startDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await typeDate(page, 'secondment-edit-end', before);
  await page.getByTestId('secondment-edit-form-ok').click();
  await expect(page.getByRole('dialog').getByText(`不能早于开始日期 ${s.startDate}`).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/issue5-gaps-secondment-refused.png' });
  expect((await api.get<Secondment[]>('/api/young/secondments')).find((x) => x.id === s.id)!.endDate).toBe(s.endDate);
  await typeDate(page, 'secondment-edit-end', s.startDate);
  await page.getByTestId('secondment-edit-post').fill('挂任副职（已调整）');
  await page.getByTestId('secondment-edit-form-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('挂任副职（已调整）')).toBeVisible();
  expect((await api.get<Secondment[]>('/api/young/secondments')).find((x) => x.id === s.id)!.endDate).toBe(s.startDate);

  // “2+1”: ending a mentorship before it began is refused; ending it today is kept
  const ms = await api.get<Mentorship[]>('/api/young/mentorships');
  const m = ms.slice(0, 16).find((x) => x.endDate === null)!;
  expect(m, 'a current mentorship on the first page').toBeTruthy();
  await page.goto('/young?tab=mentoring');
  await page.getByTestId(`mentorship-end-${m.id}`).click();
  await typeDate(page, 'mentorship-end-date', '2000-01-01');
  await page.getByTestId('mentorship-end-form-ok').click();
  await expect(page.getByRole('dialog').getByText(`不能早于帮带开始日期 ${m.startDate}`).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/issue5-gaps-mentorship-refused.png' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await typeDate(page, 'mentorship-end-date', today);
  await page.getByTestId('mentorship-end-form-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId(`mentorship-end-${m.id}`)).toBeHidden();
  await expect(page.getByTestId('mentorship-table').locator('tr', { hasText: m.mentorName }).filter({ hasText: m.name }).first()).toContainText(
    `— ${dotted(today)}`,
  );
  expect((await api.get<Mentorship[]>('/api/young/mentorships')).find((x) => x.id === m.id)!.endDate).toBe(today);
  await page.screenshot({ path: '/tmp/issue5-gaps-mentoring.png' });
});

interface ExperienceCounts {
  read: number;
  counts: { key: string; label: string; count: number }[];
}

test('the structure summary and the plan comparison show 基层 and 市直 experience read from the 简历', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const { items } = await api.get<{ items: { id: number; teamId: number; unitId: number; name: string }[] }>('/api/adjustment-plans');
  expect(items.length, 'the demo city keeps example plans').toBeGreaterThan(0);
  const plan = items[0];
  const ev = await api.get<{ current: { structure: { experience: ExperienceCounts; size: { members: number } } } }>(
    `/api/adjustment-plans/${plan.id}/evaluation`,
  );
  const exp = ev.current.structure.experience;
  expect(exp.read, 'members of the example plan’s team have a 简历').toBeGreaterThan(0);
  const text = exp.counts.map((c) => `${c.label} ${c.count}`).join('，');

  await loginOk(page, 'ganbuke');
  await page.goto(`/units/${plan.unitId}`);
  await page.getByTestId(`team-analysis-${plan.teamId}`).click();
  const drawer = page.getByTestId('team-analysis');
  await expect(drawer.getByTestId('structure-experience-0')).toContainText(text);
  if (exp.counts.some((c) => c.count > 0)) await expect(drawer.locator('[data-testid^="experience-"]').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/issue5-gaps-structure.png', fullPage: true });

  await page.goto(`/simulation/${plan.id}`);
  await expect(page.getByTestId('structure-experience-0')).toContainText(text);
  await expect(page.getByTestId('structure-experience-1')).toContainText('基层经历');
  await page.screenshot({ path: '/tmp/issue5-gaps-plan.png', fullPage: true });
});

test('a 研判 record marks a 好苗子 that the 好苗子 list shows with its source, and a survey’s mark is shown on the survey', async ({
  page,
  request,
}) => {
  const api = await apiAs(request, 'ganbuke');
  const { items: records } = await api.get<{ items: { id: number; title: string; asOf: string }[] }>('/api/analysis-records');
  const rec = records.find((r) => r.title.includes('定期研判')) ?? records[0];
  expect(rec, 'the demo city has 研判 records').toBeTruthy();
  const marked = new Set((await api.get<{ cadreId: number }[]>('/api/young/promising')).map((m) => m.cadreId));
  const { items } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=100&sort=name&status=active');
  const c = items.find((x) => !marked.has(x.id) && items.filter((y) => y.name === x.name).length === 1 && x.birthDate > '1985-01-01')!;
  expect(c, 'a young cadre not yet marked').toBeTruthy();

  await loginOk(page, 'ganbuke');
  await page.goto(`/analysis-records/${rec.id}`);
  const card = page.getByTestId('record-promising');
  await expect(card).toBeVisible();
  await card.getByTestId('record-promising-new').click();
  await pickCadre(page, page.getByTestId('record-promising-form').getByTestId('record-promising-cadre'), c.name);
  // a date before the record's is refused at the field; today's (first in the 好苗子 list) is kept
  const dayBefore = new Date(Date.parse(`${rec.asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await typeDate(page, 'record-promising-date', dayBefore);
  await page.getByTestId('record-promising-form-ok').click();
  await expect(page.getByRole('dialog').getByText(`不能早于来源记录的日期 ${rec.asOf}`).first()).toBeVisible();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await typeDate(page, 'record-promising-date', today);
  await page.getByTestId('record-promising-form-ok').click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(card.getByTestId(`record-promising-${c.id}`)).toHaveText(c.name);
  await expect(card).toContainText(`${dotted(today)} 标记`);
  await page.screenshot({ path: '/tmp/issue5-gaps-record-promising.png', fullPage: true });

  // the 好苗子 list shows the record as the source and opens it
  await page.goto('/young?tab=promising');
  const source = page.getByTestId(`promising-source-${c.id}`);
  await expect(source).toContainText(rec.title);
  await page.screenshot({ path: '/tmp/issue5-gaps-promising-sources.png' });
  await source.click();
  await expect(page).toHaveURL(new RegExp(`/analysis-records/${rec.id}$`));

  // a survey recommending a 好苗子 shows the mark it made
  await page.goto('/analysis-records?tab=surveys');
  await chooseOption(page, page.getByTestId('survey-filter-recommendation'), '好苗子');
  await expect(page.locator('[data-testid^="survey-promising-"]').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/issue5-gaps-surveys.png' });
});

test('the structure dashboard says what a past date counts', async ({ page }) => {
  await loginOk(page, 'ganbuke');
  await page.goto('/structure');
  await expect(page.getByTestId('structure-people-note')).toHaveCount(0);
  await page.goto('/structure?asOf=2024-01-01');
  await expect(page.getByTestId('structure-people-note')).toContainText('人员仍为今天在职的干部、按其现所在单位统计');
  await page.screenshot({ path: '/tmp/issue5-gaps-structure-past.png' });
});
