import { describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_SECONDS, signSessionToken, verifySessionToken } from './session-token.js';

const secret = 's'.repeat(40);
const now = new Date('2026-11-26T10:00:00Z');

describe('session tokens', () => {
  it('round-trips the claims and lasts 1 hour', () => {
    const { token, expiresAt } = signSessionToken({ sub: 'user-1', role: 'CLINICIAN' }, { secret, now });
    expect(expiresAt.toISOString()).toBe('2026-11-26T11:00:00.000Z');
    const claims = verifySessionToken(token, { secret, now });
    expect(claims).toMatchObject({
      sub: 'user-1',
      role: 'CLINICIAN',
      exp: claims.iat + SESSION_LIFETIME_SECONDS,
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has the contract format: base64url(JSON) "." base64url(HMAC)', () => {
    const { token } = signSessionToken({ sub: 'user-1', role: 'ADMIN' }, { secret, now });
    const [payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      sub: 'user-1',
      role: 'ADMIN',
    });
    expect(Buffer.from(signature, 'base64url')).toHaveLength(32);
  });

  it('refuses a token signed with another secret', () => {
    const { token } = signSessionToken({ sub: 'user-1', role: 'ADMIN' }, { secret: 'o'.repeat(40), now });
    expect(() => verifySessionToken(token, { secret, now })).toThrow(/invalid signature/);
  });

  it('refuses a payload changed after signing (role escalation)', () => {
    const { token } = signSessionToken({ sub: 'user-1', role: 'CLINICIAN' }, { secret, now });
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    expect(() => verifySessionToken(`${forged}.${signature}`, { secret, now })).toThrow(/invalid signature/);
  });

  it('refuses an expired token, saying when it expired', () => {
    const { token } = signSessionToken({ sub: 'user-1', role: 'DATA' }, { secret, now });
    const later = new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000);
    expect(() => verifySessionToken(token, { secret, now: later })).toThrow(
      'The session expired at 2026-11-26T11:00:00.000Z; log in again.',
    );
  });

  it.each(['', 'abc', 'a.b.c', '.sig', 'payload.'])('refuses the malformed token %j', (token) => {
    expect(() => verifySessionToken(token, { secret, now })).toThrow(/malformed|invalid signature/);
  });
});
