import { type Browser, chromium } from 'playwright-core';

// Debian's chromium with the e2e tests' flags (test/support/browser.ts imports vitest, so it is not reused here).
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
