import { expect, test } from '@playwright/test';
import { login, loginOk } from './support';

test('logs in, shows who is signed in, and logs out', async ({ page }) => {
  await loginOk(page, 'ganbuke');
  await expect(page.getByTestId('header-role')).toContainText('干部科');
  await expect(page.getByTestId('demo-tag')).toBeVisible();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await page.getByTestId('logout-button').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.goto('/cadres');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password says so; five lock the account, even for the right password', async ({ page }) => {
  await login(page, 'jiaoyuke', 'wrong-password-1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  for (let i = 2; i <= 5; i++) {
    await page.getByTestId('login-password').fill(`wrong-password-${i}`);
    await page.getByTestId('login-submit').click();
    if (i < 5) await expect(page.getByTestId('login-error')).toContainText(`再错 ${5 - i} 次`);
  }
  await expect(page.getByTestId('login-error')).toContainText('锁定');
  await page.getByTestId('login-password').fill('Ganbu@2026');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('锁定');
  await expect(page).toHaveURL(/\/login/);
});

test('the audit administrator reads the audit log, not cadres', async ({ page }) => {
  await loginOk(page, 'auditor');
  await page.goto('/audit');
  await expect(page.getByTestId('audit-table')).toContainText('登录');
  await expect(page.getByTestId('side-menu')).not.toContainText('干部查询');
});
