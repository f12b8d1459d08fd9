import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, signIn } from './support/browser';
import { findFreePort, type Service, startWebApp } from './support/services';

// The built dashboard: health routes without a session, security headers, and a sign-in under that CSP.
let browser: Browser;
let orphan: Service & { url: string };

beforeAll(async () => {
  const deadPort = await findFreePort();
  [browser, orphan] = await Promise.all([launchBrowser(), startWebApp(`http://127.0.0.1:${deadPort}`)]);
});
afterAll(async () => {
  await browser?.close();
  await orphan?.stop();
});

describe('operations routes and security headers of the dashboard', () => {
  it('answers /healthz and /readyz without a session; not ready when its API is down', async () => {
    const web = inject('webUrl');
    expect(await (await fetch(`${web}/healthz`, { redirect: 'manual' })).json()).toEqual({ ok: true });
    const ready = await fetch(`${web}/readyz`, { redirect: 'manual' });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, api: 'ok' });
    expect((await fetch(`${orphan.url}/healthz`)).status).toBe(200);
    const down = await fetch(`${orphan.url}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()).api).toMatch(/^unreachable at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/);
  });

  it('sends CSP with frame-ancestors, nosniff and no HSTS over plain HTTP; HSTS behind a TLS proxy', async () => {
    const web = inject('webUrl');
    const plain = await fetch(`${web}/login`);
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const proxied = await fetch(`${web}/login`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('signs in and shows the cases under that policy, with no CSP violation reported', async () => {
    const { page } = await openPage(browser, inject('webUrl'));
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/login');
    await signIn(page, 'clinician@dermino.local', 'dermino-demo');
    await page.waitForURL(/\/cases$/);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
