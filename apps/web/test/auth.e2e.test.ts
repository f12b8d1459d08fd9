import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectImagesLoaded, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';

const webUrl = inject('webUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in and out', () => {
  it('sends a signed-out visit to /cases to the login page and back after signing in', async () => {
    const { page, errors } = await openPage(browser, webUrl);
    await page.goto('/cases?site=back');
    await page.waitForURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/cases?site=back');
    await saveScreenshot(page, 'login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await page.waitForURL(/\/cases\?site=back$/);
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Clinician');
    expect(errors).toEqual([]);
  });

  it('shows an inline error for a wrong password and sets no cookie', async () => {
    const { page, errors } = await openPage(browser, webUrl);
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Wrong email or password.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('Email').inputValue()).toBe('clinician@dermino.local');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('dermino_session');
    await saveScreenshot(page, 'login-error');
    expect(errors).toEqual([]);
  });

  it('stores the session in an httpOnly, sameSite=lax cookie, not secure over http', async () => {
    const { page } = await openPage(browser, webUrl);
    await page.goto('/login');
    await signIn(page, 'manager@dermino.local', 'dermino-demo');
    // A manager's home is the overview.
    await page.waitForURL(/\/overview$/);
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'dermino_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('dermino_session');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Manager');
    // Signed in, the login page sends you on instead of asking again.
    await page.goto('/login?next=/cases?labelled=yes');
    await page.waitForURL(/\/cases\?labelled=yes$/);
  });

  it('signs out: the cookie is gone and /cases redirects to login again', async () => {
    const { page, errors } = await openPage(browser, webUrl);
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await page.waitForURL(/\/cases$/);
    // Let the thumbnails finish first: requests still in flight after sign-out rightly get a 401.
    await expectImagesLoaded(page, '[data-testid=case-card] img');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('dermino_session');
    await page.goto('/cases');
    await page.waitForURL(/\/login\?next=%2Fcases$/);
    expect(errors).toEqual([]);
  });

  it('clears a session the API rejects and asks to sign in again', async () => {
    const { page } = await openPage(browser, webUrl);
    const { hostname } = new URL(webUrl);
    await page
      .context()
      .addCookies([{ name: 'dermino_session', value: 'forged.token', domain: hostname, path: '/' }]);
    await page.goto('/cases');
    await page.waitForURL(/\/login\?reason=expired$/);
    expect(await page.getByTestId('session-notice').textContent()).toContain('session has ended');
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('dermino_session');
  });

  it('refuses images without a session', async () => {
    const response = await fetch(`${webUrl}/media/00000000-0000-0000-0000-000000000000/thumb`);
    expect(response.status).toBe(401);
  });
});
