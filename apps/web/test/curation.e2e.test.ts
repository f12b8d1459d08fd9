import { createDb, type Db } from '@dermino/db';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectFitsTablet,
  expectImagesLoaded,
  launchBrowser,
  openPage,
  saveScreenshot,
  signIn,
} from './support/browser';
import { type SeededCuration, seedCuration } from './support/seed-curation';

const webUrl = inject('webUrl');
let browser: Browser;
let db: Db;
let seeded: SeededCuration;
let session: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  db = createDb({ url: inject('databaseUrl') });
  seeded = await seedCuration(db, inject('dataHome'));
  browser = await launchBrowser();
  const { page } = await openPage(browser, webUrl);
  await page.goto('/login');
  await signIn(page, 'data@dermino.local', 'dermino-demo');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  session = await page.context().storageState();
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

const open = async (path: string) => {
  const tracked = await openPage(browser, webUrl, undefined, session);
  await tracked.page.goto(path);
  return tracked;
};
const curationPath = () =>
  `/curation?source=${seeded.source}&version=${seeded.versionId}&run=${seeded.importRunId}`;
const tile = (index: number) => `[data-testid=curation-tile][data-image-id="${seeded.imageIds[index]}"]`;

describe('embedding map (data team)', () => {
  it('draws one point per seeded embedding with axis titles, a legend, and recolours by skin type', async () => {
    const { page, errors } = await open(`/embeddings?model=${seeded.modelId}`);
    const points = page.getByTestId('projection-point');
    await points.first().waitFor();
    expect(await points.count()).toBe(seeded.imageIds.length);
    expect(await page.getByTestId('projection-summary').textContent()).toContain(
      `6 images of 6 · ${seeded.modelName}`,
    );
    expect(await page.getByTestId('x-title').textContent()).toMatch(/^PC1 \(\d+\.\d% of variance\)$/);
    expect(await page.getByTestId('y-title').textContent()).toMatch(/^PC2 \(\d+\.\d% of variance\)$/);
    const legend = await page.getByTestId('projection-legend').locator('li').allTextContents();
    expect(legend).toEqual(['nv (3)', 'bcc (1)', 'bkl (1)', 'mel (1)']);
    await page.locator('[data-testid=projection][data-hydrated=true]').waitFor();
    await page.getByLabel('Colour by').selectOption('skinType');
    await expect
      .poll(() => page.getByTestId('projection-legend').locator('li').allTextContents())
      .toEqual(['II (2)', 'IV (2)', 'VI (2)']);
    const groups = await points.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-group')));
    expect(groups.sort()).toEqual(['II', 'II', 'IV', 'IV', 'VI', 'VI']);
    await saveScreenshot(page, 'embeddings');
    await expectFitsTablet(page, 'embeddings');
    expect(errors).toEqual([]);
  });

  it('offers split colouring with a dataset version, and a click opens the case', async () => {
    const { page, errors } = await open(
      `/embeddings?model=${seeded.modelId}&version=${seeded.versionId}&colour=split`,
    );
    await page.locator('[data-testid=projection][data-hydrated=true]').waitFor();
    expect(await page.getByTestId('projection-legend').locator('li').allTextContents()).toEqual([
      'TRAIN (4)',
      'TEST (2)',
    ]);
    await page
      .locator(`[data-testid=projection-point][data-image-id="${seeded.imageIds[2]}"] circle`)
      .click();
    await page.waitForURL(`**/cases/${seeded.caseIds[2]}`);
    expect(errors).toEqual([]);
  });
});

describe('curation (data team)', () => {
  it('shows the filtered grid, the label issue, duplicate clusters and the import run problems', async () => {
    const { page, errors } = await open(curationPath());
    await page.getByTestId('curation-tile').first().waitFor();
    expect(await page.getByTestId('curation-tile').count()).toBe(seeded.imageIds.length);
    expect(await expectImagesLoaded(page, '[data-testid=curation-tile] img')).toBe(seeded.imageIds.length);
    expect(await page.locator(tile(2)).getByTestId('tile-label').textContent()).toBe('bkl');

    const issues = page.getByTestId('label-issue');
    expect(await issues.count()).toBe(1);
    expect(await issues.first().textContent()).toContain('nv');
    expect(await issues.first().getByTestId('issue-current-label').textContent()).toBe('nv');
    const exact = page.locator('[data-testid=duplicate-cluster][data-kind=exact]');
    expect(await exact.count()).toBe(1);
    expect(await exact.locator('img').count()).toBe(2);
    expect(await page.locator('[data-testid=duplicate-cluster][data-kind=near]').count()).toBe(1);

    const problems = page.getByTestId('import-problem');
    expect(await problems.count()).toBe(2);
    expect(await problems.allTextContents()).toEqual(
      seeded.problems.map((p) => `${p.row}${p.field}${p.reason}`),
    );
    await saveScreenshot(page, 'curation');
    await expectFitsTablet(page, 'curation');
    expect(errors).toEqual([]);
  });

  it('pages the grid with a cursor stack in the URL, keeping the filters', async () => {
    const { page, errors } = await open(`/curation?source=${seeded.source}&size=4`);
    const tiles = page.getByTestId('curation-tile');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBe(4);
    expect(await page.getByTestId('grid-range').innerText()).toBe('Cases 1–4 of 6 · page 1');
    const firstPage = await tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-image-id')));
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(/after=/);
    await expect.poll(() => tiles.count()).toBe(2);
    expect(await page.getByTestId('grid-range').innerText()).toBe('Cases 5–6 of 6 · page 2');
    const url = new URL(page.url());
    expect(url.searchParams.get('source')).toBe(seeded.source);
    expect(url.searchParams.get('size')).toBe('4');
    const secondPage = await tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-image-id')));
    expect([...firstPage, ...secondPage].sort()).toEqual([...seeded.imageIds].sort());
    await saveScreenshot(page, 'curation-page-2');
    await page.getByRole('link', { name: '← Newer' }).click();
    await page.waitForURL((next) => !next.searchParams.has('after'));
    await expect.poll(() => tiles.count()).toBe(4);
    expect(await tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-image-id')))).toEqual(
      firstPage,
    );
    expect(errors).toEqual([]);
  });

  it('explains a cursor the API rejects and links to the first page', async () => {
    const { page, errors } = await open(`/curation?source=${seeded.source}&after=not-a-cursor`);
    await page.getByTestId('grid-invalid').waitFor();
    await page.getByRole('link', { name: 'First page' }).click();
    await page.getByTestId('curation-tile').first().waitFor();
    expect(new URL(page.url()).searchParams.get('source')).toBe(seeded.source);
    expect(errors).toEqual([]);
  });

  it('adjudicates a selection: the new label shows, and a histopathology conflict is shown next to its image', async () => {
    const { page, errors } = await open(curationPath());
    await page.locator('form[data-hydrated=true]').waitFor();
    await page.locator(tile(2)).locator('input[type=checkbox]').check();
    await page.locator(tile(seeded.histopathologyImage)).locator('input[type=checkbox]').check();
    expect(await page.getByTestId('selected-count').textContent()).toBe('2 selected');
    await page.getByLabel('Adjudicate as').selectOption('df');
    await page.getByLabel('Note').fill('e2e: reviewed');
    await page.getByRole('button', { name: 'Adjudicate 2' }).click();
    const conflict = page.locator(tile(seeded.histopathologyImage)).getByTestId('adjudication-error');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-code')).toBe('CONFLICT');
    expect(await conflict.textContent()).toMatch(/histopathology/);
    await expect.poll(() => page.locator(tile(2)).getByTestId('tile-label').textContent()).toBe('df');
    expect(await page.locator(tile(seeded.histopathologyImage)).getByTestId('tile-label').textContent()).toBe(
      'mel',
    );
    // A fresh load reads the label from the registry, not from the page's state.
    await page.reload();
    expect(await page.locator(tile(2)).getByTestId('tile-label').textContent()).toBe('df');
    expect(errors).toEqual([]);
  });

  it('accepts the suggested label of a label issue', async () => {
    const { page, errors } = await open(curationPath());
    await page.locator('form[data-hydrated=true]').waitFor();
    const issue = page.getByTestId('label-issue').first();
    await issue.getByRole('button', { name: 'Accept mel' }).click();
    await issue.getByTestId('adjudication-ok').waitFor();
    await expect.poll(() => issue.getByTestId('issue-current-label').textContent()).toBe('mel');
    expect(await page.locator(tile(seeded.issueImage)).getByTestId('tile-label').textContent()).toBe('mel');
    expect(errors).toEqual([]);
  });
});

describe('roles', () => {
  it('answers 403 to a clinician on both pages', async () => {
    const { page } = await openPage(browser, webUrl);
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    for (const path of ['/curation', '/embeddings']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      expect(await page.getByTestId('forbidden').isVisible()).toBe(true);
    }
  });
});
