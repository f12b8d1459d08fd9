import { createDb, type Db } from '@dermino/db';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectImagesLoaded, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { PREDICT_CLASSES, seedPredictChampion } from './support/seed-predict';

const webUrl = inject('webUrl');
let browser: Browser;
let db: Db;
let championId: string;
let embedded: number;
let lesionPng: Buffer;

beforeAll(async () => {
  db = createDb({ url: inject('databaseUrl') });
  // This file owns the champion alias while it runs (files run one after another): first none, then its own.
  await db.modelAlias.deleteMany({ where: { alias: 'champion' } });
  // A synthetic lesion the registry has never seen (another cohort seed than the e2e cases).
  const [lesion] = generateCohort({ seed: 97, imageCount: 1 }).images;
  lesionPng = await encodeImage(renderImage(lesion!, { size: 256 }), 'png');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function signedIn(email: string, viewport?: { width: number; height: number }) {
  const tracked = await openPage(browser, webUrl, viewport);
  await tracked.page.goto('/login');
  await signIn(tracked.page, email, 'dermino-demo');
  await tracked.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return tracked;
}

async function uploadFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/predict');
  await page.getByLabel('Image', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
}

describe('new image without a champion model', () => {
  it('says clearly that no model is in service, instead of failing', async () => {
    const { page, errors } = await signedIn('clinician@dermino.local');
    await uploadFile(page, { name: 'lesion.png', mimeType: 'image/png', buffer: lesionPng });
    const panel = page.getByTestId('no-champion');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain('No model is in service yet');
    expect(await page.getByTestId('model-limits').isVisible()).toBe(true);
    await saveScreenshot(page, 'predict-no-champion');
    expect(errors).toEqual([]);
  });
});

describe('new image (clinician)', () => {
  beforeAll(async () => {
    ({
      model: { id: championId },
      embedded,
    } = await seedPredictChampion(db, inject('dataHome')));
  });

  it('uploads an image and shows probabilities, uncertainty, heatmap and similar cases, and stores a rating', async () => {
    const { page, errors } = await signedIn('clinician@dermino.local');
    await page.goto('/predict');
    expect(await page.getByTestId('model-limits').textContent()).toMatch(
      /not validated for clinical use.*Tschandl/s,
    );
    await page.getByTestId('predict-empty').waitFor();
    await page
      .getByLabel('Image', { exact: true })
      .setInputFiles({ name: 'lesion.png', mimeType: 'image/png', buffer: lesionPng });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.getByTestId('prediction').waitFor({ timeout: 30_000 });

    // Probabilities: one bar per class of the champion, highest first, summing to 100%.
    const rows = page.getByTestId('probability-row');
    expect(await rows.count()).toBe(PREDICT_CLASSES.length);
    const shares = (await page.getByTestId('probability-value').allTextContents()).map((text) =>
      Number.parseFloat(text),
    );
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 0);
    expect(await page.getByTestId('model-version').textContent()).toContain(championId);

    const uncertainty = (await page.getByTestId('uncertainty').textContent()) ?? '';
    expect(uncertainty).toMatch(/Confidence\d+\.\d%/);
    expect(uncertainty).toMatch(/Entropy\d\.\d{3} nats/);
    expect(uncertainty).toContain('not calibrated'); // the seeded champion has no evaluation

    // The heatmap: gridSize² cells over the uploaded image, with an opacity control.
    const cells = await page.getByTestId('heatmap-cell').count();
    expect(Math.sqrt(cells) % 1).toBe(0);
    expect(cells).toBeGreaterThan(1);
    await expectImagesLoaded(page, '[data-testid=heatmap] img');
    await page.getByLabel('Heatmap opacity').fill('0.2');
    expect(
      await page.locator('[data-testid=heatmap] svg').evaluate((svg) => getComputedStyle(svg).opacity),
    ).toBe('0.2');

    // Similar confirmed cases: at least the four e2e cases confirmed beyond a single reader (other test files may
    // add more to the shared database), at most the six asked for, with real thumbnails.
    const similar = page.getByTestId('similar-case');
    expect(embedded).toBeGreaterThanOrEqual(8);
    const shown = await similar.count();
    expect(shown).toBeGreaterThanOrEqual(4);
    expect(shown).toBeLessThanOrEqual(6);
    expect(await expectImagesLoaded(page, '[data-testid=similar-case] img')).toBe(shown);
    expect(await page.getByTestId('neighbour-distribution').textContent()).toMatch(
      /Melanocytic nevus|Nevus/i,
    );
    const firstHref = await similar.first().locator('a').getAttribute('href');
    expect(firstHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    // Back to the top, so the sticky header does not land mid-page in the full-page screenshot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'predict');

    await similar.first().getByRole('button', { name: 'Helpful', exact: true }).click();
    await expect
      .poll(() => similar.first().getByTestId('rating-status').textContent())
      .toBe('Saved: helpful');
    const stored = await db.similarCaseFeedback.findMany({ where: { modelVersionId: championId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ helpful: true });
    expect(stored[0]!.queryUploadId).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('explains why a text file is refused', async () => {
    const { page, errors } = await signedIn('clinician@dermino.local');
    await page.goto('/predict');
    await page.getByLabel('Image', { exact: true }).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image, just some notes\n'),
    });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    const error = page.getByTestId('upload-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/The image was not accepted\. The file was refused: .+/);
    expect(await page.getByTestId('prediction').count()).toBe(0);
    await saveScreenshot(page, 'predict-refused');
    // The refusal is the API's 400 answer, which Chromium also logs as a failed resource load.
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });

  it('explains why an oversized file is refused', async () => {
    const { page } = await signedIn('clinician@dermino.local');
    // 21 MiB: over the API's 20 MiB limit; the web route forwards it whole and shows the API's answer.
    await uploadFile(page, {
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(21 * 1024 * 1024, 7),
    });
    const error = page.getByTestId('upload-error');
    await error.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'predict-oversized');
    expect(await error.textContent()).toMatch(/The image was not accepted\. The file is larger than 20 MiB/);
  });

  it('stays usable on a tablet', async () => {
    const { page } = await signedIn('clinician@dermino.local', { width: 820, height: 1180 });
    await page.goto('/predict');
    await page
      .getByLabel('Image', { exact: true })
      .setInputFiles({ name: 'lesion.png', mimeType: 'image/png', buffer: lesionPng });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.getByTestId('prediction').waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'predict-tablet');
  });

  it('is not for the data team: 403 page', async () => {
    const { page } = await signedIn('data@dermino.local');
    const response = await page.goto('/predict');
    expect(response?.status()).toBe(403);
    expect(await page.getByTestId('forbidden').isVisible()).toBe(true);
  });
});
