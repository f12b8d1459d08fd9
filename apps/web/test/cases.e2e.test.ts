import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectImagesLoaded, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';

const webUrl = inject('webUrl');
const cases = inject('e2eCases');
let browser: Browser;

// Signing in is covered by auth.e2e.test.ts; here one session (its cookie) is reused by every test.
let session: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  browser = await launchBrowser();
  const { page } = await openPage(browser, webUrl);
  await page.goto('/login');
  await signIn(page, 'clinician@dermino.local', 'dermino-demo');
  await page.waitForURL(/\/cases$/);
  session = await page.context().storageState();
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

async function signedInPage(viewport?: { width: number; height: number }) {
  const tracked = await openPage(browser, webUrl, viewport, session);
  await tracked.page.goto('/cases');
  // React reveals the streamed list a moment after the load event: wait for it.
  await tracked.page.getByTestId('total-count').waitFor();
  return tracked;
}

// count() does not wait, and React reveals streamed boundaries a moment after the load event: poll it.
const cardCount = (page: Page) => page.getByTestId('case-card').count();
const totalText = (page: Page) => page.getByTestId('total-count').textContent();
const rangeText = (page: Page) => page.getByTestId('page-range').textContent();

describe('cases list', () => {
  it('shows every case with a real thumbnail and the total count', async () => {
    const { page, errors } = await signedInPage();
    expect(await totalText(page)).toBe(`${cases.length} cases`);
    await expect.poll(() => cardCount(page)).toBe(cases.length);
    expect(await expectImagesLoaded(page, '[data-testid=case-card] img')).toBe(cases.length);
    // Newest first: the first card is the first seeded case (melanoma, histopathology).
    const first = page.getByTestId('case-card').first();
    expect(await first.textContent()).toContain('Melanoma');
    expect(await first.textContent()).toContain(cases[0]!.pseudonym);
    expect(await first.getAttribute('href')).toBe(`/cases/${cases[0]!.id}`);
    await saveScreenshot(page, 'cases');
    expect(errors).toEqual([]);
  });

  it('filters by site and skin type through the URL, and says when nothing matches', async () => {
    const { page, errors } = await signedInPage();
    await page.getByLabel('Site').selectOption('back');
    await page.getByRole('button', { name: 'Apply' }).click();
    // The form sends every field; the proxy drops the empty ones so the shared link stays short.
    await page.waitForURL(`${webUrl}/cases?site=back`);
    const backCases = cases.filter((item) => item.site === 'back');
    await expect.poll(() => totalText(page)).toBe(`${backCases.length} cases match these filters`);
    await expect.poll(() => cardCount(page)).toBe(backCases.length);
    await saveScreenshot(page, 'cases-filtered');

    await page.getByLabel('Skin type').selectOption('VI');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(`${webUrl}/cases?site=back&skinType=VI`);
    await expect.poll(() => page.getByTestId('empty-state').isVisible()).toBe(true);
    expect(await page.getByTestId('empty-state').textContent()).toContain('No cases match these filters');
    await saveScreenshot(page, 'cases-empty');
    await page.getByRole('link', { name: 'Reset filters' }).click();
    await page.waitForURL(/\/cases$/);
    await expect.poll(() => cardCount(page)).toBe(cases.length);
    expect(errors).toEqual([]);
  });

  it('filters by diagnosis including descendants, and by labelled', async () => {
    const { page } = await signedInPage();
    await page.goto('/cases?diagnosis=melanocytic');
    const melanocytic = cases.filter((item) => item.diagnosis === 'mel' || item.diagnosis === 'nv');
    await expect.poll(() => cardCount(page)).toBe(melanocytic.length);
    expect(await page.getByLabel('Diagnosis').inputValue()).toBe('melanocytic');
    await page.goto('/cases?labelled=no');
    await expect.poll(() => cardCount(page)).toBe(cases.filter((item) => item.diagnosis === null).length);
    expect(await page.getByTestId('case-card').first().textContent()).toContain('Unlabelled');
  });

  it('pages forward and back with a cursor stack in the URL', async () => {
    const { page, errors } = await signedInPage();
    await page.goto('/cases?size=3');
    expect(await rangeText(page)).toContain(`1–3 of ${cases.length}`);
    const firstPageIds = await page
      .getByTestId('case-card')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/after=/);
    await expect.poll(() => rangeText(page)).toContain(`4–6 of ${cases.length}`);
    const secondPageIds = await page
      .getByTestId('case-card')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(secondPageIds).toEqual(cases.slice(3, 6).map((item) => `/cases/${item.id}`));
    expect(secondPageIds.some((id) => firstPageIds.includes(id))).toBe(false);
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect.poll(() => rangeText(page)).toContain(`7–7 of ${cases.length}`);
    expect(await page.getByRole('link', { name: 'Next →' }).count()).toBe(0);
    await saveScreenshot(page, 'cases-page-3');
    await page.getByRole('link', { name: '← Previous' }).click();
    await expect.poll(() => rangeText(page)).toContain(`4–6 of ${cases.length}`);
    // The paged view is shareable: reloading the URL shows the same page.
    await page.reload();
    expect(await rangeText(page)).toContain(`4–6 of ${cases.length}`);
    expect(errors).toEqual([]);
  });

  it('explains a bad cursor or unknown diagnosis in the URL instead of failing', async () => {
    const { page } = await signedInPage();
    await page.goto('/cases?site=back&after=not-a-cursor');
    expect(await page.getByTestId('invalid-search').textContent()).toMatch(/cursor/i);
    await page.getByRole('link', { name: 'Go to the first page' }).click();
    await page.waitForURL(/\/cases\?site=back$/);
    await expect.poll(() => cardCount(page)).toBe(cases.filter((item) => item.site === 'back').length);
    await page.goto('/cases?diagnosis=no-such-concept');
    expect(await page.getByTestId('invalid-search').textContent()).toContain('no-such-concept');
  });

  it('stays usable on a tablet', async () => {
    const { page, errors } = await signedInPage({ width: 820, height: 1180 });
    await expect.poll(() => cardCount(page)).toBe(cases.length);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'cases-tablet');
    expect(errors).toEqual([]);
  });
});

describe('case page', () => {
  it('opens from the list and shows patient, images and annotation provenance', async () => {
    const { page, errors } = await signedInPage();
    const target = cases[6]!; // two images, single-reader dermatofibroma, unknown skin type
    await page.goto(`/cases?source=${target.source}&site=${target.site}`);
    await page.locator(`a[href="/cases/${target.id}"]`).click();
    await page.waitForURL(new RegExp(`/cases/${target.id}$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Dermatofibroma');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(target.pseudonym);
    expect(text).toContain('Female');
    expect(text).toContain('40-49');
    expect(text).toContain('Face');
    expect(text).toContain(target.source);
    expect(await expectImagesLoaded(page, '[data-testid=case-image] img')).toBe(2);
    const row = page.getByTestId('annotation-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Dermatofibroma.*Single reader.*dr-e2e.*Image 1/);
    await saveScreenshot(page, 'case');
    expect(errors).toEqual([]);
  });

  it('shows capture time, size and quality statistics of a measured image', async () => {
    const { page } = await signedInPage();
    await page.goto(`/cases/${cases[0]!.id}`);
    const facts = (await page.getByTestId('case-image').textContent()) ?? '';
    expect(facts).toContain('4 Mar 2026, 09:15 UTC');
    expect(facts).toContain('192 × 192 px');
    expect(facts).toMatch(/Brightness0\.52.*Contrast0\.18.*Colour cast0\.03.*Blur variance412\.5/);
    expect(await page.getByTestId('annotation-row').textContent()).toMatch(
      /Melanoma.*Histopathology.*dr-e2e/,
    );
  });

  it('answers 404 for an unknown case id', async () => {
    const { page } = await signedInPage();
    const response = await page.goto('/cases/00000000-0000-4000-8000-000000000000');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { name: 'Case not found' }).isVisible()).toBe(true);
    await page.goto('/cases/not-a-uuid');
    expect(await page.getByRole('heading', { name: 'Case not found' }).isVisible()).toBe(true);
  });
});
