// Helpers for the end-to-end journeys: log in through the page, and ask the API (as a given demo
// account) for the facts a journey needs, so no test hard-codes generated demo data.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'Ganbu@2026';

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function loginOk(page: Page, username: string) {
  await login(page, username);
  await expect(page.getByTestId('header-user')).toBeVisible();
}

/**
 * Picks the option of an Ant Design select until the select shows it: a click on an option while its
 * list is still opening can be lost (seen once in CI), so the pick is tried again, opening the list
 * only when none is open.
 */
export async function chooseOption(page: Page, select: Locator, text: string) {
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click({ timeout: 2000 });
    await expect(select).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 15000 });
}

/**
 * Types a name into a cadre picker (a Select searching as one types) and picks the cadre whose option
 * shows it, again until the picker shows the name: as in chooseOption, a click while the list is still
 * opening can be lost.
 */
export async function pickCadre(page: Page, picker: Locator, name: string) {
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
      await picker.click();
      await page.keyboard.type(name);
    }
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click({ timeout: 5000 });
    await expect(picker).toContainText(name, { timeout: 1000 });
  }).toPass({ timeout: 20000 });
}

/** An API client logged in as one demo account (its own cookie jar). */
export async function apiAs(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  return {
    async get<T>(url: string): Promise<T> {
      const r = await request.get(url, { headers });
      expect(r.status(), `${url}: ${await r.text()}`).toBe(200);
      return (await r.json()) as T;
    },
    async status(url: string): Promise<number> {
      return (await request.get(url, { headers })).status();
    },
  };
}

export interface CadreItem {
  id: number;
  name: string;
  idCard?: string;
  authorityId: number;
  authorityName: string;
  gender: string;
  birthDate: string;
  ethnicCode: string;
  politicalStatus: string;
  levelCode: string | null;
  rankCode: string | null;
}
