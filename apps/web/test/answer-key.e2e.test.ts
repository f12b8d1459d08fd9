import { DEMO_PASSWORD } from '@dermino/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnswerKeyStack, startAnswerKeyStack } from './support/answer-key-stack';
import { expectFitsTablet, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';

// The admin's "Demo answer key" panel on a stack of its own (answer-key-stack.ts: the recorded demo seed, a drift
// report and a data audit whose scores are known), and the same page refused to a manager.
let browser: Browser;
let stack: AnswerKeyStack;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startAnswerKeyStack()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const tracked = await openPage(browser, stack.webUrl);
  await tracked.page.goto('/login');
  await signIn(tracked.page, email, DEMO_PASSWORD);
  await tracked.page.waitForURL((url) => url.pathname !== '/login');
  return tracked;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

describe('demo answer key', () => {
  it('shows an admin each detector scored against what the generator planted', async () => {
    const { page, errors } = await signedIn('admin@dermino.local');
    // Signed in on the overview, which reads the same drift report: its alerts must be ones the pages can draw.
    await page.getByRole('link', { name: 'Demo answer key' }).click();
    await page.waitForURL('**/answer-key');
    expect(await text(page, 'answer-key-meta')).toMatch(
      /seed 1, 240 images\): site-b changes its device from 2025-09 · \d+ wrong labels · \d+ near-duplicate pairs/,
    );
    expect(await text(page, 'drift-false-alarms')).toMatch(/0 of 2\s+rate 0\.00/);
    expect(await text(page, 'drift-found')).toMatch(/2 of 3\s+1 missed/);
    expect(await text(page, 'drift-delay')).toContain('0 months');
    expect(await text(page, 'drift-site-named')).toMatch(/Alarms naming site-b\s+1 of 2/);
    const months = page.getByTestId('answer-key-month');
    expect(await months.allInnerTexts()).toEqual([
      expect.stringMatching(/2025-06\s+before\s+no\s+Quiet \(correct\)/),
      expect.stringMatching(/2025-07\s+before\s+no\s+Quiet \(correct\)/),
      expect.stringMatching(/2025-09\s+after\s+yes\s+Found\s+yes \(site-b\)/),
      expect.stringMatching(/2025-10\s+after\s+no\s+Missed/),
      expect.stringMatching(/2025-11\s+after\s+yes\s+Found\s+no/),
    ]);
    expect(await text(page, 'labels-precision')).toMatch(/0\.67\s+2 of 3 flagged wrong labels planted/);
    expect(await text(page, 'labels-recall')).toMatch(/0\.50\s+2 of 4 planted wrong labels flagged/);
    expect(await text(page, 'duplicates-precision')).toMatch(/1\.00\s+1 of 1 flagged pairs planted/);
    expect(await text(page, 'duplicates-recall')).toMatch(/1\.00\s+1 of 1 planted pairs flagged/);
    await saveScreenshot(page, 'answer-key-admin');
    await expectFitsTablet(page, 'answer-key-admin');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the drift page scores the calibrated alarms against the registry's device change and draws their lines", async () => {
    const { page, errors } = await signedIn('admin@dermino.local');
    await page.goto('/drift');
    expect(await text(page, 'drift-alarm-score')).toBe(
      'site-b changed its device to Heine iC1 phone adapter in 2025-09. False alarms on the 2 months before it: ' +
        '0 (0%) · detection delay: 0 months · 2 of 3 months since alarmed, 1 naming site-b.',
    );
    const chart = await text(page, 'metadata-drift');
    expect(chart).toContain('device (Jensen–Shannon): alarm line');
    expect(chart).not.toContain('Alert threshold');
    // The alarm line is drawn month by month at the calibrated value (0.0875), not at the fixed 0.1.
    expect(
      await page.getByTestId('metadata-drift').locator('path[stroke-dasharray="6 4"]').count(),
    ).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is refused to a manager: 403, and no link to it', async () => {
    const { page } = await signedIn('manager@dermino.local');
    expect(await page.getByRole('link', { name: 'Demo answer key' }).count()).toBe(0);
    const response = await page.goto('/answer-key');
    expect(response?.status()).toBe(403);
    expect(await page.getByTestId('forbidden').isVisible()).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain('site-b');
    await page.context().close();
  });
});
