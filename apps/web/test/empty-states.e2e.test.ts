import { DEMO_PASSWORD } from '@dermino/db';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFitsTablet, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type EmptyStack, startEmptyStack } from './support/empty-stack';

// Every page on a registry with nothing in it (its own API and web app on a fresh database, see empty-stack.ts):
// each says what is missing and how to get it, instead of failing or drawing empty charts.
let browser: Browser;
let stack: EmptyStack;
let admin: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startEmptyStack()]);
  const { page } = await openPage(browser, stack.webUrl);
  await page.goto('/login');
  await signIn(page, 'admin@dermino.local', DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname !== '/login');
  admin = await page.context().storageState();
  await page.context().close();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const PAGES: { path: string; testId: string; text: RegExp; screenshot: string }[] = [
  {
    path: '/overview',
    testId: 'no-champion',
    text: /No model holds the champion alias/,
    screenshot: 'overview',
  },
  { path: '/models', testId: 'empty-state', text: /No models yet/, screenshot: 'models' },
  { path: '/bias', testId: 'empty-state', text: /No evaluation yet/, screenshot: 'bias' },
  {
    path: '/bias?evaluation=00000000-0000-4000-8000-000000000000',
    testId: 'empty-state',
    text: /This evaluation cannot be found/,
    screenshot: 'bias-unknown-evaluation',
  },
  {
    // A hand-edited address: the API answers null for an id that is not one, so the page says the same.
    path: '/bias?evaluation=not-an-id',
    testId: 'empty-state',
    text: /This evaluation cannot be found/,
    screenshot: 'bias-malformed-evaluation',
  },
  { path: '/drift', testId: 'empty-state', text: /No drift report yet/, screenshot: 'drift' },
  { path: '/jobs', testId: 'empty-state', text: /No jobs yet/, screenshot: 'jobs' },
  { path: '/datasets', testId: 'empty-state', text: /No datasets yet/, screenshot: 'datasets' },
  { path: '/curation', testId: 'grid-empty', text: /No images yet/, screenshot: 'curation' },
  { path: '/embeddings', testId: 'empty-state', text: /No embeddings yet/, screenshot: 'embeddings' },
  { path: '/cases', testId: 'empty-state', text: /No cases/, screenshot: 'cases' },
  { path: '/predict', testId: 'predict-empty', text: /No image yet/, screenshot: 'predict' },
];

describe('on an empty registry', () => {
  it.each(PAGES)('$path says what is missing, without errors', async ({ path, testId, text, screenshot }) => {
    const { page, errors } = await openPage(browser, stack.webUrl, undefined, admin);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const panel = page.getByTestId(testId).first();
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(text);
    // Streamed pages: no skeleton may be left once the empty state shows.
    await expect.poll(() => page.locator('[aria-busy=true]').count()).toBe(0);
    await saveScreenshot(page, `empty-${screenshot}`);
    await expectFitsTablet(page, `empty-${screenshot}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the overview says there are no drift reports and no running jobs', async () => {
    const { page, errors } = await openPage(browser, stack.webUrl, undefined, admin);
    await page.goto('/overview');
    expect(await page.getByTestId('drift-alerts').innerText()).toContain('No drift report yet');
    expect(await page.getByTestId('running-jobs').innerText()).toContain('No job is running.');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('curation says when a filter matches nothing, apart from having no images at all', async () => {
    const { page, errors } = await openPage(browser, stack.webUrl, undefined, admin);
    await page.goto('/curation?site=back');
    expect(await page.getByTestId('grid-empty').innerText()).toContain('No images match these filters');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('curation says there is no audit and no import run', async () => {
    const { page, errors } = await openPage(browser, stack.webUrl, undefined, admin);
    await page.goto('/curation');
    await page.getByTestId('audit-empty').waitFor();
    expect(await page.getByTestId('imports-empty').innerText()).toContain('No imports yet');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
