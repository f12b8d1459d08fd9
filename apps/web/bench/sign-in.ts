import type { Browser, BrowserContext } from 'playwright-core';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in through the login page, as a user would, and keeps the session cookie for the cold loads. */
export async function signInAs(browser: Browser, baseURL: string, email: string, password: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 60_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** The first case the clinician's case list links to, for the detail page. */
export async function findFirstCasePath(browser: Browser, baseURL: string, storageState: StorageState): Promise<string> {
  const context = await browser.newContext({ baseURL, storageState });
  try {
    const page = await context.newPage();
    await page.goto('/cases');
    const href = await page.getByTestId('case-card').first().getAttribute('href', { timeout: 60_000 });
    if (!href) throw new Error('/cases shows no case card: the demo seed left no cases?');
    return href;
  } finally {
    await context.close();
  }
}
