// Excel template import through the browser: a cadres template with one good row (an existing demo
// cadre's 备注) and one bad row is checked (dry run), its error workbook downloaded, and the upload
// confirmed by its 导入编号 (the server kept the workbook: nothing is uploaded again).
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginOk, PASSWORD, type CadreItem } from './support';

test('checks a cadres template, downloads the error workbook, and confirms the valid row', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { username: 'ganbuke', password: PASSWORD } });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const { items } = (await (await request.get('/api/cadres?pageSize=1&sort=name', { headers })).json()) as { items: CadreItem[] };
  const cadre = (await (await request.get(`/api/cadres/${items[0].id}`, { headers })).json()) as { idCard: string; version: number };
  const remarks = `Excel 导入测试 ${Date.now() % 100000}`;

  const tpl = await request.get('/api/templates/cadres.xlsx', { headers });
  expect(tpl.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tpl.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as string[]).slice(1).map((s) => s.replace('＊', ''));
  const put = (row: number, values: Record<string, string>) => {
    for (const [label, v] of Object.entries(values)) ws.getRow(row).getCell(header.indexOf(label) + 1).value = v;
  };
  put(2, { 身份证号: cadre.idCard, 备注: remarks });
  put(3, { 身份证号: '110105194912310021', 姓名: '不存在的人' });
  const data = Buffer.from(await wb.xlsx.writeBuffer());

  await loginOk(page, 'ganbuke');
  await page.getByTestId('menu-imports').click();
  await page.getByTestId('imports-tab-excel').click();
  await page.getByTestId('excel-upload').setInputFiles({
    name: '干部信息.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: data,
  });
  const report = page.getByTestId('excel-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('excel-valid')).toContainText('1');
  await expect(page.getByTestId('excel-invalid')).toContainText('1');
  await expect(page.getByTestId('excel-errors')).toContainText('第 3 行');
  await page.screenshot({ path: '/tmp/excel-jobs-import.png' });

  const download = page.waitForEvent('download');
  await page.getByTestId('excel-errors-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('错误');

  await page.getByTestId('excel-confirm').click();
  await expect(page.getByTestId('excel-result')).toContainText('更新 1 条', { timeout: 30_000 });
  await page.screenshot({ path: '/tmp/excel-jobs-import-done.png' });
  const after = (await (await request.get(`/api/cadres/${items[0].id}`, { headers })).json()) as { remarks: string; version: number };
  expect(after).toMatchObject({ remarks, version: cadre.version + 1 });
});
