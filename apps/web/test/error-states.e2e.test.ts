import { DEMO_PASSWORD } from '@dermino/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type EmptyStack, startEmptyStack } from './support/empty-stack';
import { type FailingApi, startFailingApi } from './support/failing-api';
import { type Service, startWebApp } from './support/services';

// The streamed pages when one of their queries fails after the shell has gone out: the segment's error state
// (error.tsx) replaces the page, with a retry; no half-drawn page with a skeleton left spinning.
let browser: Browser;
let stack: EmptyStack;
let failing: FailingApi;
let web: Service & { url: string };

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startEmptyStack()]);
  failing = await startFailingApi(stack.apiUrl, ['EvaluationSubgroups', 'EvaluationHeadline', 'DriftReports']);
  web = await startWebApp(failing.url);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await failing?.close();
  await stack?.stop();
});

async function signedInPage() {
  const tracked = await openPage(browser, web.url);
  await tracked.page.goto('/login');
  await signIn(tracked.page, 'manager@dermino.local', DEMO_PASSWORD);
  await tracked.page.waitForURL((url) => url.pathname !== '/login');
  return tracked;
}

describe('when a query fails while the page streams', () => {
  it('bias shows its error state with a retry', async () => {
    const { page } = await signedInPage();
    await page.goto('/bias?evaluation=00000000-0000-4000-8000-000000000000');
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The subgroup report could not be loaded');
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    expect(await page.locator('[aria-busy=true]').count()).toBe(0);
    await saveScreenshot(page, 'error-bias');
  });

  it('the overview shows its error state when the drift panel cannot load', async () => {
    const { page } = await signedInPage();
    await page.goto('/overview');
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The overview could not be loaded');
    expect(await page.locator('[aria-busy=true]').count()).toBe(0);
    await saveScreenshot(page, 'error-overview');
  });
});
