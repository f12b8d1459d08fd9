import fs from 'node:fs';
import { createDb } from '@dermino/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectFitsTablet, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type SeededManagerData, seedManagerData } from './support/seed-manager';

const webUrl = inject('webUrl');
let browser: Browser;
let seeded: SeededManagerData;
let session: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  const db = createDb({ url: inject('databaseUrl') });
  try {
    seeded = await seedManagerData(db);
  } finally {
    await db.$disconnect();
  }
  browser = await launchBrowser();
  const { page } = await openPage(browser, webUrl);
  await page.goto('/login');
  await signIn(page, 'manager@dermino.local', 'dermino-demo');
  await page.waitForURL((url) => url.pathname !== '/login');
  session = await page.context().storageState();
  await page.context().close();
});
afterAll(async () => {
  await browser?.close();
});

async function managerPage(path: string, viewport?: { width: number; height: number }) {
  const tracked = await openPage(browser, webUrl, viewport, session);
  await tracked.page.goto(path);
  return tracked;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const pct = (value: number | null | undefined) => `${((value ?? Number.NaN) * 100).toFixed(1)}%`;
const estimateOf = (value: unknown) => value as { value: number; ci_low: number; ci_high: number };

describe('manager pages', () => {
  it('the root sends a manager to the overview: champion with its report numbers, drift alerts, running jobs', async () => {
    const { page, errors } = await managerPage('/');
    await page.waitForURL(/\/overview$/);
    expect(await text(page, 'champion-name')).toBe('derm-cls-100pct');
    const report = seeded.championReport;
    const auroc = estimateOf(report.malignancy?.auroc);
    const aurocCard = await text(page, 'metric-malignancy_auroc');
    expect(aurocCard).toContain(auroc.value.toFixed(3));
    expect(aurocCard).toContain(`95% CI ${auroc.ci_low.toFixed(3)}–${auroc.ci_high.toFixed(3)}`);
    expect(await text(page, 'metric-balanced_accuracy')).toContain(
      pct(report.overall.balanced_accuracy?.value),
    );
    expect(await text(page, 'alert-count')).toBe(
      `${seeded.alertCount} ${seeded.alertCount === 1 ? 'alert' : 'alerts'}`,
    );
    expect(await text(page, 'running-job')).toContain('120 / 480 (25%)');
    const gain = seeded.championBaseline.gain.balanced_accuracy;
    expect(gain.difference).toBeGreaterThan(0);
    const baseline = page.getByTestId('pixel-baseline');
    expect(await baseline.getAttribute('data-flagged')).toBe('false');
    expect(await baseline.textContent()).toContain(
      `The backbone adds +${gain.difference!.toFixed(3)} balanced accuracy over pixels`,
    );
    // The label-efficiency curve: the three heads of the champion's backbone by the labels they learnt from.
    const efficiency = page.getByTestId('label-efficiency-table');
    await efficiency.waitFor();
    const rows = await efficiency.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t')[0])).toEqual(['3', '28', '280']);
    expect(rows[2]).toContain('champion');
    expect(rows[2]).toContain(pct(report.overall.balanced_accuracy?.value));
    expect(await page.getByTestId('label-efficiency-chart').count()).toBe(1);
    // Retrain now: the API's refusal is shown as is (this champion's dataset has no split settings to refreeze).
    await page.getByRole('button', { name: 'Retrain now' }).click();
    expect(await page.getByTestId('retrain-error').textContent()).toBe(
      'The champion derm-cls-100pct has no backbone or no frozen dataset with split settings to retrain from.',
    );
    await saveScreenshot(page, 'manager-overview');
    await expectFitsTablet(page, 'manager-overview');
    expect(errors).toEqual([]);
  });

  it('lists the registry with lineage and aliases, and promotes a model (the API answer is shown)', async () => {
    const { page, errors } = await managerPage('/models');
    await expect.poll(() => page.getByTestId('model-row').count()).toBeGreaterThanOrEqual(4);
    const row = page.getByTestId('model-row').filter({ hasText: 'derm-cls-10pct' });
    expect(await row.getByTestId('lineage').innerText()).toContain('vit-s16-dino');
    // The job that trained it is a step of the lineage, linked to its page.
    expect(await row.getByTestId('lineage-job').innerText()).toBe('finetune job');
    expect(await row.getByTestId('lineage-job').getAttribute('href')).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);
    expect(await row.innerText()).toContain('10%');
    expect(
      await page
        .getByTestId('model-row')
        .filter({ hasText: 'derm-cls-100pct' })
        .getByTestId('alias')
        .allInnerTexts(),
    ).toEqual(['champion']);
    await row.getByLabel('Alias for derm-cls-10pct').selectOption('challenger');
    await row.getByRole('button', { name: 'Promote derm-cls-10pct' }).click();
    await expect.poll(() => text(page, 'promote-ok')).toBe('derm-cls-10pct is now challenger.');
    await expect.poll(() => row.getByTestId('alias').allInnerTexts()).toEqual(['challenger']);
    await saveScreenshot(page, 'manager-models');
    await expectFitsTablet(page, 'manager-models');
    expect(errors).toEqual([]);
  });

  it('shows a model with its report: metrics with intervals, curves, confusion matrix, calibration, label efficiency', async () => {
    const { page, errors } = await managerPage(`/models/${seeded.championId}`);
    expect(await text(page, 'model-name')).toBe('derm-cls-100pct');
    const accuracy = estimateOf(seeded.championReport.overall.accuracy);
    expect(await text(page, 'metric-accuracy')).toContain(pct(accuracy.value));
    for (const chart of ['roc-chart', 'pr-chart', 'reliability-chart']) {
      // One drawn line per series: the chart has data, not just axes.
      expect(await page.getByTestId(chart).locator('path[d^="M"]').count()).toBeGreaterThan(0);
    }
    const matrix = seeded.championReport.confusion_matrix.matrix;
    const cellTexts = await page.getByTestId('confusion-matrix').locator('text').allTextContents();
    expect(cellTexts).toContain(String(matrix[5]?.[5]));
    const efficiency = await text(page, 'label-efficiency');
    expect(efficiency).toContain('1%: derm-cls-1pct');
    expect(efficiency).toContain('100%: derm-cls-100pct');
    await saveScreenshot(page, 'manager-model');
    await expectFitsTablet(page, 'manager-model');
    expect(errors).toEqual([]);
  });

  it('opens bias by skin type: every group with n, small groups greyed, the gap and worst group; sorts and exports', async () => {
    const { page, errors } = await managerPage('/bias');
    const groups = seeded.championReport.groups.skin_type ?? {};
    const rows = page.getByTestId('group-row');
    await expect.poll(() => rows.count()).toBe(Object.keys(groups).length);
    for (const [name, group] of Object.entries(groups)) {
      const row = rows.filter({
        has: page.locator('td', { hasText: new RegExp(`^${name}( \\(too few\\))?$`) }),
      });
      expect(await row.locator('td').nth(1).innerText()).toBe(String(group.n));
      expect(await row.getAttribute('data-muted')).toBe(group.insufficient ? 'true' : null);
    }
    expect(Object.values(groups).some((g) => g.insufficient)).toBe(true);
    const gap = (seeded.championReport.gaps.skin_type ?? {}).malignancy_sensitivity as {
      worst_group: string;
    };
    expect(await text(page, 'worst-group')).toContain(gap.worst_group);
    expect(await page.getByTestId('intersection-map').count()).toBe(2);
    // Sort by n, largest first.
    await page.getByRole('button', { name: 'n', exact: true }).click();
    await page.getByRole('button', { name: /^n ▲$/ }).click();
    const largest = Math.max(...Object.values(groups).map((g) => g.n));
    expect(await rows.first().locator('td').nth(1).innerText()).toBe(String(largest));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = fs
      .readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Group,n,n malignant,Value,95% interval,Difference to overall');
    expect(csv).toHaveLength(Object.keys(groups).length + 1);
    await saveScreenshot(page, 'manager-bias');
    await page.getByRole('link', { name: 'Skin type group' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await saveScreenshot(page, 'manager-bias-skin-type-group');
    await expectFitsTablet(page, 'manager-bias');
    expect(errors).toEqual([]);
  });

  it('bias streams the picker: the shown evaluation at once, every evaluation once the model list is in', async () => {
    const [lowest] = seeded.evaluationIds;
    const { page, errors } = await managerPage(`/bias?evaluation=${lowest}&by=sex`);
    expect(await text(page, 'bias-meta')).toContain('n = 420');
    const options = page.locator('#bias-evaluation option');
    await expect
      .poll(() => options.evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value)))
      .toEqual(expect.arrayContaining(seeded.evaluationIds));
    expect(await page.locator('#bias-evaluation').inputValue()).toBe(lowest);
    expect(await page.locator('#bias-by').inputValue()).toBe('sex');
    expect(await page.getByTestId('group-row').count()).toBe(2);
    await expect.poll(() => page.locator('[aria-busy=true]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the drift timeline with thresholds and the alerts', async () => {
    const { page, errors } = await managerPage('/drift');
    expect(await text(page, 'drift-meta')).toContain('6 monthly windows');
    for (const chart of ['metadata-drift', 'embedding-drift', 'prediction-drift', 'performance-drift']) {
      expect(await page.getByTestId(chart).locator('circle').count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('performance-drift').innerText()).toContain('Realised');
    expect(seeded.alertCount).toBeGreaterThan(0);
    expect(await page.getByTestId('alert-row').count()).toBe(seeded.alertCount);
    // June brings a new device: its alert is there, with the month it happened.
    expect(await page.getByTestId('alert-row').filter({ hasText: 'Device' }).innerText()).toContain(
      '2026-06',
    );
    // CBPE beside realised accuracy by skin-type group, every month; V-VI is under the minimum n: greyed, shown.
    const skinRows = page.getByTestId('skin-type-performance').getByTestId('skin-type-row');
    expect(await skinRows.count()).toBe(6);
    const june = await skinRows.filter({ hasText: '2026-06' }).innerText();
    expect(june).toMatch(/Estimated \d+\.\d%/);
    expect(june).toMatch(/Realised \d+\.\d%/);
    expect(
      await page.getByTestId('skin-type-performance').locator('td[data-below-minimum]').count(),
    ).toBeGreaterThanOrEqual(6);
    // Examples of the alerted month (June, chosen by default) beside the reference months' examples, loaded
    // through the authenticated /media route.
    expect(await text(page, 'example-month-heading')).toBe('2026-06');
    const windowExamples = page.getByTestId('window-examples').getByTestId('example-image');
    expect(await windowExamples.count()).toBeGreaterThan(0);
    expect(await windowExamples.first().innerText()).toContain('Captured 2026-06');
    expect(await page.getByTestId('reference-examples').getByTestId('example-image').count()).toBeGreaterThan(
      0,
    );
    const thumbnail = page.getByTestId('window-examples').locator('img').first();
    await thumbnail.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await page.getByTestId('example-month').filter({ hasText: '2026-04' }).click();
    await page.waitForURL(/month=2026-04/);
    expect(await text(page, 'example-month-heading')).toBe('2026-04');
    expect(
      await page.getByTestId('window-examples').getByTestId('example-image').first().innerText(),
    ).toContain('Captured 2026-04');
    await saveScreenshot(page, 'manager-drift');
    await expectFitsTablet(page, 'manager-drift');
    expect(errors).toEqual([]);
  });

  it('lists jobs with live progress and cancels a queued one', async () => {
    const { page, errors } = await managerPage('/jobs');
    const rowOf = (id: string) =>
      page.getByTestId('job-row').filter({ has: page.locator(`a[href="/jobs/${id}"]`) });
    await rowOf(seeded.runningJobId).waitFor();
    const running = await rowOf(seeded.runningJobId).innerText();
    expect(running).toContain('120 / 480 (25%)');
    expect(running).toContain('2.5 steps/s');
    expect(running).toContain('2 min 24 s');
    expect(await rowOf(seeded.failedJobId).innerText()).toContain('Out of memory');
    expect(await page.getByTestId('auto-refresh').count()).toBe(1);
    await saveScreenshot(page, 'manager-jobs');
    await expectFitsTablet(page, 'manager-jobs');
    await rowOf(seeded.queuedJobId)
      .getByRole('button', { name: /^Cancel/ })
      .click();
    await expect
      .poll(() => rowOf(seeded.queuedJobId).getByTestId('job-status').innerText())
      .toBe('Cancelled');
    expect(errors).toEqual([]);
  });

  it('shows a job with its log and a finished training job with its loss curve', async () => {
    const { page, errors } = await managerPage(`/jobs/${seeded.runningJobId}`);
    expect(await text(page, 'job-logs')).toContain('Embedding 480 images with vit-s16-dino.');
    await page.goto(`/jobs/${seeded.finetuneJobId}`);
    expect(await page.getByTestId('loss-curve').locator('path[d^="M"]').count()).toBe(1);
    await page.goto(`/jobs/${seeded.pretrainJobId}`);
    // isVisible() does not wait: the curves stream in after the page's first paint.
    await page.getByTestId('health-curves').waitFor({ state: 'visible' });
    expect(await page.getByTestId('health-curves').isVisible()).toBe(true);
    expect(await page.getByTestId('health-rank').locator('path[d^="M"]').count()).toBe(1);
    await saveScreenshot(page, 'manager-job');
    await expectFitsTablet(page, 'manager-job');
    expect(errors).toEqual([]);
  });

  it('compares two models: paired differences with intervals on the images both predicted', async () => {
    const [, b, a] = seeded.classifierIds;
    const { page, errors } = await managerPage(
      `/models/compare?a=${a}&b=${b}&version=${seeded.datasetVersionId}`,
    );
    expect(await text(page, 'comparison-n')).toBe(String(seeded.pairedImages));
    await expect.poll(() => page.getByTestId('comparison-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('comparison-row').filter({ hasText: 'Malignancy AUROC' }).count()).toBe(1);
    expect(await page.getByTestId('difference-plot').locator('circle').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'manager-compare');
    await expectFitsTablet(page, 'manager-compare');
    expect(errors).toEqual([]);
  });

  it('refuses the manager pages to a clinician (403)', async () => {
    const { page } = await openPage(browser, webUrl);
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await page.waitForURL(/\/cases$/);
    const response = await page.goto('/overview');
    expect(response?.status()).toBe(403);
    await page.getByTestId('forbidden').waitFor();
    await page.goto('/');
    await page.waitForURL(/\/cases$/);
  });
});
