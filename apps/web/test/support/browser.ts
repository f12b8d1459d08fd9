import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const screenshotDir = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

// Debian's chromium, never a downloaded one; flags keep it quiet and offline.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
  storageState?: BrowserContextOptions['storageState'],
): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL, viewport, storageState });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, errors };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Every <img> on the page has finished loading with real pixels (not a broken-image icon). */
export async function expectImagesLoaded(page: Page, selector: string): Promise<number> {
  const images = page.locator(selector);
  // Streamed content appears a moment after navigation; an empty match must not pass vacuously.
  await images.first().waitFor({ state: 'attached' });
  const count = await images.count();
  for (let index = 0; index < count; index += 1) {
    const image = images.nth(index);
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
  }
  return count;
}

/**
 * At tablet size (820 × 1180, an iPad Air upright) nothing may push the page sideways: wide tables and charts scroll
 * inside their own box. Resizes the page in place, so it checks what is on screen now.
 */
export async function expectFitsTablet(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 820, height: 1180 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await saveScreenshot(page, `${name}-tablet`);
  expect(overflow, `${name} is ${overflow}px wider than a tablet`).toBeLessThanOrEqual(0);
}
