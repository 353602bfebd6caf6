// 任免审批表 in and out through the browser: a zip of two .lrmx files (a new fictional person and an
// existing demo cadre with one field changed) is imported, the difference reviewed and confirmed, and
// the new cadre's Word form downloaded.
import { readFileSync, statSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { loginOk, PASSWORD, type CadreItem } from './support';

const SAMPLE = 'assets/lrmx/SYNTHETIC_fictional_example.lrmx';
const SAMPLE_ID = '11010519491231002X';

/** A bearer-token client that can also fetch files (the support helper reads JSON only). */
async function session(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const get = async (url: string) => {
    const r = await request.get(url, { headers });
    expect(r.status(), `${url}: ${r.status()}`).toBe(200);
    return r;
  };
  return {
    json: async <T>(url: string) => (await (await get(url)).json()) as T,
    bytes: async (url: string) => (await get(url)).body(),
  };
}

test('imports a zip of .lrmx files, confirms the difference, and downloads the Word form', async ({ page, request }) => {
  const api = await session(request, 'ganbuke');
  const { items } = await api.json<{ items: CadreItem[] }>('/api/cadres?pageSize=1&sort=name');
  const existing = await api.json<{ id: number; name: string; idCard: string; specialty: string }>(`/api/cadres/${items[0].id}`);
  const specialty = `应急管理与城市规划（导入测试${Date.now() % 100000}）`;
  expect(existing.specialty).not.toBe(specialty);

  // The existing cadre's own export with 熟悉专业有何专长 changed, and the fictional sample.
  const exported = (await api.bytes(`/api/cadres/${existing.id}/export.lrmx`)).toString('utf8');
  const tag = /<ShuXiZhuanYeYouHeZhuanChang\s*\/>|<ShuXiZhuanYeYouHeZhuanChang>[\s\S]*?<\/ShuXiZhuanYeYouHeZhuanChang>/;
  expect(exported).toMatch(tag);
  const changed = exported.replace(tag, `<ShuXiZhuanYeYouHeZhuanChang>${specialty}</ShuXiZhuanYeYouHeZhuanChang>`);
  const zip = zipSync({
    'new-person.lrmx': new Uint8Array(readFileSync(SAMPLE)),
    'existing-cadre.lrmx': strToU8(changed),
  });

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-imports').click();
  await expect(page).toHaveURL(/\/imports/);
  // the Dragger's test id is on its file input
  await page.getByTestId('import-dragger').setInputFiles({ name: 'batch.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByTestId('import-file-summary')).toContainText('batch.zip');
  await page.getByTestId('import-submit').click();

  const job = page.getByTestId('import-job');
  await expect(job.getByTestId('import-job-status')).toHaveText('已完成', { timeout: 30_000 });
  await expect(page.getByTestId('import-progress')).toContainText('2/2');

  const results = page.getByTestId('import-results');
  const newRow = results.locator('tr[data-testid^="import-result-"]', { hasText: 'new-person.lrmx' });
  const oldRow = results.locator('tr[data-testid^="import-result-"]', { hasText: 'existing-cadre.lrmx' });
  await expect(newRow.getByTestId('import-status')).toHaveText('新建');
  await expect(newRow).toContainText(SAMPLE_ID);
  await expect(oldRow.getByTestId('import-status')).toHaveText('待确认');
  await expect(oldRow).toContainText(existing.name);

  // The difference, field by field, shown before anything is written.
  const index = (await oldRow.getAttribute('data-testid'))!.replace('import-result-', '');
  const diff = page.getByTestId(`import-diff-${index}`);
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('熟悉专业有何专长');
  await expect(diff).toContainText(specialty);
  if (existing.specialty) await expect(diff).toContainText(existing.specialty);
  expect((await api.json<{ specialty: string }>(`/api/cadres/${existing.id}`)).specialty).toBe(existing.specialty);

  await oldRow.locator('input[type=checkbox]').check();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-confirm-ok').click();
  await expect(oldRow.getByTestId('import-status')).toHaveText('更新');
  expect((await api.json<{ specialty: string }>(`/api/cadres/${existing.id}`)).specialty).toBe(specialty);

  // The new cadre's profile, and its 任免审批表 as Word.
  await newRow.getByRole('link', { name: '测试甲' }).click();
  await expect(page).toHaveURL(/\/cadres\/\d+$/);
  await expect(page.getByTestId('cadre-idcard-view')).toHaveText(SAMPLE_ID);
  await expect(page.getByTestId('rmb-name')).toHaveText('测试甲');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('profile-export-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const path = await download.path();
  expect(statSync(path).size).toBeGreaterThan(10 * 1024);
});

/** GB 11643 check character of the first 17 digits. */
const checkChar = (s: string) =>
  '10X98765432'[[...s].reduce((a, d, i) => a + Number(d) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i], 0) % 11];

test('a file without 身份证号 matching two cadres: the user chooses one, reviews the difference and confirms', async ({ page, request }) => {
  // Two women named 周八 born in May 1990 (the legacy .lrm fixture's person), copies of a demo cadre.
  const login = await request.post('/api/auth/login', { data: { username: 'ganbuke', password: PASSWORD } });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await request.get('/api/cadres?pageSize=1', { headers })).json()) as { items: CadreItem[] };
  const base = (await (await request.get(`/api/cadres/${list.items[0].id}`, { headers })).json()) as Record<string, unknown>;
  const ids: number[] = [];
  for (const [day, seq] of [
    ['02', '342'],
    ['20', '364'],
  ]) {
    const body17 = `340102199005${day}${seq}`;
    const res = await request.post('/api/cadres', {
      headers,
      data: {
        ...base,
        name: '周八',
        gender: '2',
        idCard: body17 + checkChar(body17),
        birthMonth: '1990-05',
        workStartMonth: '2012-07',
        partyJoinMonth: null,
        politicalStatus: '13',
        resume: [],
        family: [],
        ranks: [],
        rewards: [],
        appraisals: [],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push(((await res.json()) as { id: number }).id);
  }

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-imports').click();
  await page
    .getByTestId('import-dragger')
    .setInputFiles({ name: '周八.lrm', mimeType: 'application/octet-stream', buffer: readFileSync('test/fixtures/lrmx/fictional_legacy.lrm') });
  await page.getByTestId('import-submit').click();
  const job = page.getByTestId('import-job');
  await expect(job.getByTestId('import-job-status')).toHaveText('已完成', { timeout: 30_000 });
  const row = page.getByTestId('import-result-0');
  await expect(row.getByTestId('import-status')).toHaveText('待定（多名匹配）');
  const choose = page.getByTestId('import-ambiguous-0');
  await expect(choose).toContainText('没有身份证号');
  await choose.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/issue4-finish-ambiguous.png' });

  // A wrong 身份证号 is refused in Chinese, the file stays to be resolved.
  await page.getByTestId('import-idcard-0').fill('340102199005150000');
  await page.getByTestId('import-idcard-ok-0').click();
  await expect(choose).toContainText('身份证号');
  await expect(row.getByTestId('import-status')).toHaveText('待定（多名匹配）');

  await page.getByTestId(`import-choose-${ids[1]}`).click();
  await expect(row.getByTestId('import-status')).toHaveText('待确认');
  await expect(page.getByTestId('import-diff-0')).toContainText('现任职务');
  await page.screenshot({ path: '/tmp/issue4-finish-resolved.png' });
  await page.getByTestId('import-confirm-one-0').click();
  await expect(row.getByTestId('import-status')).toHaveText('更新');
  const after = (await (await request.get(`/api/cadres/${ids[1]}`, { headers })).json()) as { currentPost: string };
  expect(after.currentPost).not.toBe(base.currentPost);
});
