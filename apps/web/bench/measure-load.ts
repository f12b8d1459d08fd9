import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export interface LoadSample {
  /** Largest Contentful Paint, ms from navigation start. */
  lcpMs: number;
  /** What the LCP element was (tag, and the image URL if any), to say what the number is of. */
  lcpElement: string;
  /** Time to first byte of the document (navigation timing responseStart): the server's share of the LCP. */
  ttfbMs: number;
  /** When the last byte of the document arrived (responseEnd): with streaming, the data-dependent HTML comes late. */
  htmlDoneMs: number;
  /**
   * When the page's data was first in the DOM (the ready selector, seen by a MutationObserver): with streaming, the
   * LCP can be an early element (a header), so this says when the numbers themselves arrived.
   */
  dataShownMs: number;
  /** Bytes over the wire (CDP encodedDataLength: bodies as sent, compressed, plus headers). */
  bytes: number;
  requests: number;
}

export interface PageTarget {
  name: string;
  path: string;
  /** Signed-in state of the role that sees the page; none for /login. */
  storageState?: BrowserContextOptions['storageState'];
  /** Present once the page shows its data (guards against measuring a redirect or an empty state). */
  readySelector: string;
}

// Buffered LCP entries arrive asynchronously in the observer callback, hence the short wait.
const readLcp = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ time: number; element: string }>((resolve) => {
        let last = { time: Number.NaN, element: '(none)' };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element; url?: string })[]) {
            const tag = entry.element?.tagName.toLowerCase() ?? '?';
            last = { time: entry.startTime, element: entry.url ? `${tag} ${new URL(entry.url).pathname}` : tag };
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 300);
      }),
  );

/** One cold load: a new context (empty cache, only the role's cookies), measured until the network is quiet. */
export async function measureColdLoad(browser: Browser, baseURL: string, target: PageTarget): Promise<LoadSample> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    storageState: target.storageState,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests += 1;
    });
    cdp.on('Network.loadingFailed', () => (requests += 1));
    await cdp.send('Network.enable');
    // No named inner functions here: tsx would wrap them in its __name helper, which the page does not have.
    await page.addInitScript((selector: string) => {
      const marks = window as unknown as { __dataShownAt?: number };
      new MutationObserver((_records, observer) => {
        if (!document.querySelector(selector)) return;
        marks.__dataShownAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, target.readySelector);
    await page.goto(target.path, { waitUntil: 'load', timeout: 60_000 });
    const finalPath = new URL(page.url()).pathname;
    if (finalPath !== target.path) throw new Error(`${target.path} landed on ${finalPath} (signed out or forbidden?)`);
    await page.locator(target.readySelector).first().waitFor({ state: 'attached', timeout: 30_000 });
    // Link prefetches and late images belong to the page's cost; wait for them, but not forever.
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    const lcp = await readLcp(page);
    if (!Number.isFinite(lcp.time)) throw new Error(`${target.path}: the browser reported no LCP entry`);
    const [ttfbMs, htmlDoneMs, dataShownMs] = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const shown = (window as unknown as { __dataShownAt?: number }).__dataShownAt;
      return [navigation?.responseStart ?? Number.NaN, navigation?.responseEnd ?? Number.NaN, shown ?? Number.NaN];
    });
    return {
      lcpMs: lcp.time,
      lcpElement: lcp.element,
      ttfbMs: ttfbMs as number,
      htmlDoneMs: htmlDoneMs as number,
      dataShownMs: dataShownMs as number,
      bytes,
      requests,
    };
  } finally {
    await context.close();
  }
}
