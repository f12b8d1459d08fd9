import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const headerOf = (rules: ReturnType<typeof securityHeaders>, key: string) =>
  rules.flatMap((rule) => rule.headers).find((header) => header.key === key)?.value;

describe('securityHeaders', () => {
  it('forbids framing and foreign sources in production, without eval', () => {
    const rules = securityHeaders({ development: false });
    const csp = headerOf(rules, 'Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(headerOf(rules, 'X-Frame-Options')).toBe('DENY');
    expect(headerOf(rules, 'X-Content-Type-Options')).toBe('nosniff');
  });

  it('sends HSTS only when the request came over HTTPS (x-forwarded-proto from the TLS proxy)', () => {
    const rules = securityHeaders({ development: false });
    const hsts = rules.filter((rule) => rule.headers.some((h) => h.key === 'Strict-Transport-Security'));
    expect(hsts).toEqual([
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ]);
  });

  it("allows React's refresh (eval, websocket) only in development", () => {
    const csp = headerOf(securityHeaders({ development: true }), 'Content-Security-Policy') ?? '';
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws:");
  });
});
