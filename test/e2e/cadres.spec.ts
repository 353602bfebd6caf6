import { expect, test } from '@playwright/test';
import { nameKeys } from '../../src/domain/pinyin';
import { checkCharacter } from '../../src/domain/idcard';
import { apiAs, loginOk, type CadreItem } from './support';

test('finds a cadre by the initials of the pinyin of the name', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  // A cadre whose initials are rare enough that the first page of results shows them.
  const { items } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=50&sort=pinyin&order=desc');
  let target: CadreItem | undefined;
  let initials = '';
  for (const c of items) {
    initials = nameKeys(c.name).nameInitials;
    if ((await api.get<{ total: number }>(`/api/cadres?q=${initials}&pageSize=1`)).total <= 10) {
      target = c;
      break;
    }
  }
  expect(target, 'a cadre with rare initials').toBeTruthy();
  await loginOk(page, 'ganbuke');
  await page.goto('/cadres');
  await page.getByTestId('search-q').fill(initials);
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('results-table')).toContainText(target!.name);
  await expect(page).toHaveURL(new RegExp(`q=${initials}`));
  // The list answers codes; the page names them from the code tables.
  const codes = await api.get<Record<string, { items: { code: string; name: string }[] }>>('/api/codes');
  const name = (table: string, code: string | null) => codes[table]!.items.find((i) => i.code === code)?.name ?? '';
  const row = page.getByTestId(`result-row-${target!.id}`);
  const t = target!;
  for (const shown of [
    name('gender', t.gender),
    name('ethnic', t.ethnicCode),
    name('political', t.politicalStatus),
    name('level', t.levelCode),
    name('rank', t.rankCode),
  ])
    if (shown) await expect(row).toContainText(shown);
  await expect(row).toContainText(`${t.birthDate.slice(0, 4)}.${t.birthDate.slice(5, 7)}`);
});

test('a county department cannot find or open a city-managed cadre', async ({ page, request }) => {
  const city = await apiAs(request, 'ganbuke');
  const authorities = await city.get<{ id: number; level: string }[]>('/api/authorities');
  const cityId = authorities.find((a) => a.level === 'city')!.id;
  const { items } = await city.get<{ items: CadreItem[] }>(`/api/cadres?authorityId=${cityId}&pageSize=1`);
  const cityCadre = items[0];
  const county = await apiAs(request, 'donghu');
  expect(await county.status(`/api/cadres/${cityCadre.id}`)).toBe(404);

  await loginOk(page, 'donghu');
  await page.goto(`/cadres?q=${encodeURIComponent(cityCadre.name)}`);
  await expect(page.getByTestId('results-table')).not.toContainText(cityCadre.name);
  await page.goto(`/cadres/${cityCadre.id}`);
  await expect(page.getByText('未找到该干部')).toBeVisible();
});

test('editing a profile: a wrong ID number is refused at the field and nothing is saved; a right one is saved', async ({ page, request }) => {
  const api = await apiAs(request, 'ganbuke');
  const { items } = await api.get<{ items: CadreItem[] }>('/api/cadres?pageSize=1&sort=name');
  const before = await api.get<{ idCard: string; version: number }>(`/api/cadres/${items[0].id}`);
  const id = before.idCard;
  const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  // Another sequence number of the same gender (step by two keeps the parity), with its check digit.
  const seq = Number(id.slice(14, 17));
  const body = id.slice(0, 14) + String(seq >= 990 ? seq - 2 : seq + 2).padStart(3, '0');
  const rightNew = body + checkCharacter(body);

  await loginOk(page, 'ganbuke');
  await page.goto(`/cadres/${items[0].id}`);
  await page.getByTestId('profile-edit').click();
  const idInput = page.getByTestId('cadre-idcard');
  await idInput.fill(wrongCheck);
  await page.getByTestId('cadre-save').click();
  const field = page.locator('.ant-form-item').filter({ has: idInput });
  await expect(field.locator('.ant-form-item-explain-error')).toContainText('校验位');
  const unchanged = await api.get<{ idCard: string; version: number }>(`/api/cadres/${items[0].id}`);
  expect(unchanged).toMatchObject({ idCard: id, version: before.version });

  await idInput.fill(rightNew.toLowerCase());
  await page.getByTestId('cadre-save').click();
  await expect(page.getByTestId('cadre-idcard-view')).toContainText(rightNew);
  const after = await api.get<{ idCard: string; version: number }>(`/api/cadres/${items[0].id}`);
  expect(after).toMatchObject({ idCard: rightNew, version: before.version + 1 });
});
