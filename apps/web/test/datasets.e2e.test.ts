import { createDb, type Db } from '@dermino/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type SeededVersion, seedDatasetVersion } from './support/seed-datasets';

const webUrl = inject('webUrl');
let browser: Browser;
let db: Db;
let seeded: SeededVersion;
let session: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  db = createDb({ url: inject('databaseUrl') });
  seeded = await seedDatasetVersion(db);
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

const openDatasets = async (path = '/datasets', viewport?: { width: number; height: number }) => {
  const tracked = await openPage(browser, webUrl, viewport, session);
  await tracked.page.goto(path);
  await tracked.page.getByTestId('dataset-count').waitFor();
  return tracked;
};
const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).first().textContent()) ?? '';

describe('datasets (data team)', () => {
  it('lists the seeded version with its hash, leakage status and a composition matching the seeded cases', async () => {
    const { page, errors } = await openDatasets(`/datasets?version=${seeded.versionId}`);
    const section = page.locator(`[data-testid=dataset][data-name="${seeded.name}"]`);
    const row = section.getByTestId('table-row');
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-column=itemCount]').textContent()).toBe(String(seeded.images));
    expect(await row.locator('[data-column=contentHash]').textContent()).toBe(
      seeded.contentHash.slice(0, 16),
    );
    expect(await row.locator('[data-testid=leakage-badge]').getAttribute('data-status')).toBe('clean');

    const detail = page.getByTestId('version-detail');
    expect(await detail.getByRole('heading', { level: 2 }).textContent()).toBe(`${seeded.name} v1`);
    expect(await text(page, 'content-hash')).toBe(seeded.contentHash);
    expect(await text(page, 'composition-total')).toBe(String(seeded.images));
    expect(await text(page, 'composition-labelled')).toBe(String(seeded.images));
    for (const split of ['TRAIN', 'VAL', 'TEST'] as const) {
      expect(await text(page, `composition-split-${split}`)).toBe(String(seeded.bySplit[split]));
    }
    // The all-splits heat map: one row per diagnosis, its total as seeded; the cell of each skin type as seeded.
    const matrix = page.getByTestId('heatmap-ALL');
    for (const [code, count] of Object.entries(seeded.byDiagnosis)) {
      const cells = await matrix.locator(`[data-diagnosis="${code}"] td`).allTextContents();
      expect(Number(cells.at(-1))).toBe(count);
    }
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers.slice(1, -1)).toEqual(Object.keys(seeded.bySkinType));
    expect(await page.getByTestId('chart-diagnosis').getByTestId('bar').count()).toBe(
      Object.keys(seeded.byDiagnosis).length,
    );
    await saveScreenshot(page, 'datasets');
    expect(errors).toEqual([]);
  });

  it('sorts the versions table and exports it to CSV', async () => {
    const { page } = await openDatasets(`/datasets?version=${seeded.versionId}`);
    const section = page.locator(`[data-testid=dataset][data-name="${seeded.name}"]`);
    await section.getByRole('button', { name: /Images/ }).click();
    expect(await section.locator('th[aria-sort=ascending]').textContent()).toContain('Images');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await new Promise<string>((resolve, reject) => {
      download.createReadStream().then((stream) => {
        let body = '';
        stream.on('data', (chunk) => (body += chunk));
        stream.on('end', () => resolve(body));
        stream.on('error', reject);
      }, reject);
    });
    expect(csv.split('\r\n')[0]).toBe('Version,Images,Created (UTC),Content hash,Leakage,Note');
    expect(csv).toContain(`1,${seeded.images},`);
    expect(csv).toContain('e2e: hospital-a cases');
  });

  it('freezes a new version from a filter and lists it', async () => {
    const { page, errors } = await openDatasets();
    await page.getByText('Freeze a new version from a filter').click();
    await page.getByLabel('Dataset name').fill(seeded.name);
    await page.getByLabel('Diagnosis codes').fill('nv');
    await page.getByLabel('Sources').fill('hospital-a');
    await page.getByLabel('Split', { exact: true }).fill('50/50');
    await page.getByRole('button', { name: 'Freeze version' }).click();
    const success = page.getByTestId('freeze-success');
    await success.waitFor({ timeout: 30_000 });
    expect(await success.textContent()).toContain(`Frozen ${seeded.name} v2: 2 images`);
    const section = page.locator(`[data-testid=dataset][data-name="${seeded.name}"]`);
    await expect.poll(() => section.getByTestId('table-row').count()).toBe(2);
    await success.getByRole('link', { name: 'Open it' }).click();
    await page.waitForURL(/version=/);
    await expect.poll(() => text(page, 'composition-total')).toBe('2');
    const versions = await db.datasetVersion.count({ where: { dataset: { name: seeded.name } } });
    expect(versions).toBe(2);
    await saveScreenshot(page, 'datasets-frozen');
    expect(errors).toEqual([]);
  });

  it('names the field of a bad filter or split, and keeps what was typed', async () => {
    const { page } = await openDatasets();
    await page.getByText('Freeze a new version from a filter').click();
    await page.getByLabel('Dataset name').fill('e2e-bad-filter');
    await page.getByLabel('Diagnosis codes').fill('no-such-code');
    await page.getByRole('button', { name: 'Freeze version' }).click();
    const error = page.getByTestId('freeze-error');
    await error.waitFor();
    expect(await error.getAttribute('data-field')).toBe('diagnosis');
    expect(await error.textContent()).toMatch(/Diagnosis codes:.*no-such-code/);
    expect(await page.getByLabel('Diagnosis codes').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Diagnosis codes').inputValue()).toBe('no-such-code');

    await page.getByLabel('Diagnosis codes').fill('');
    await page.getByLabel('Split', { exact: true }).fill('0/50/50');
    await page.getByRole('button', { name: 'Freeze version' }).click();
    await expect.poll(() => error.getAttribute('data-field')).toBe('split');
    expect(await error.textContent()).toMatch(/Split:.*training share/);
    await saveScreenshot(page, 'datasets-freeze-error');
    expect(await db.dataset.count({ where: { name: 'e2e-bad-filter' } })).toBe(0);
  });

  it('stays usable on a tablet, and is not for clinicians', async () => {
    const { page } = await openDatasets(`/datasets?version=${seeded.versionId}`, {
      width: 820,
      height: 1180,
    });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'datasets-tablet');
    const clinician = await openPage(browser, webUrl);
    await clinician.page.goto('/login');
    await signIn(clinician.page, 'clinician@dermino.local', 'dermino-demo');
    await clinician.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const response = await clinician.page.goto('/datasets');
    expect(response?.status()).toBe(403);
  });
});
