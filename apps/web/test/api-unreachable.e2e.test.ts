import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { findFreePort, type Service, startWebApp } from './support/services';

// A second copy of the built app whose API address has nothing listening: what a user sees when the API is down.
let browser: Browser;
let web: Service & { url: string };

beforeAll(async () => {
  const deadPort = await findFreePort();
  [browser, web] = await Promise.all([launchBrowser(), startWebApp(`http://127.0.0.1:${deadPort}`)]);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('when the API is unreachable', () => {
  it('says so inline on the login page', async () => {
    const { page } = await openPage(browser, web.url);
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('cannot be reached');
    expect(new URL(page.url()).pathname).toBe('/login');
    await saveScreenshot(page, 'login-api-unreachable');
  });

  it('shows an error page with a retry button instead of the cases', async () => {
    const { page } = await openPage(browser, web.url);
    const { hostname } = new URL(web.url);
    await page
      .context()
      .addCookies([{ name: 'dermino_session', value: 'some.token', domain: hostname, path: '/' }]);
    await page.goto('/cases');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('DermINO is not available right now');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'api-unreachable');
  });
});
