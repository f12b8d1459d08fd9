import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, type Role } from '@dermino/db';

/** Short-lived: a stolen token is useful for an hour at most; refreshSession extends a live one. */
export const SESSION_LIFETIME_SECONDS = 60 * 60;
const ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'DATA', 'CLINICIAN'];

export interface SessionClaims {
  sub: string;
  role: Role;
  /** Seconds since the epoch, as in JWT. */
  iat: number;
  exp: number;
  jti: string;
}

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, first part))`. */
export function signSessionToken(
  subject: { sub: string; role: Role },
  options: { secret: string; now?: Date; lifetimeSeconds?: number },
): { token: string; claims: SessionClaims; expiresAt: Date } {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: SessionClaims = {
    sub: subject.sub,
    role: subject.role,
    iat,
    exp: iat + (options.lifetimeSeconds ?? SESSION_LIFETIME_SECONDS),
    jti: randomUUID(),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const token = `${payload}.${sign(payload, options.secret).toString('base64url')}`;
  return { token, claims, expiresAt: new Date(claims.exp * 1000) };
}

function refuse(message: string): AppError {
  return new AppError('UNAUTHENTICATED', { message });
}

function isClaims(value: unknown): value is SessionClaims {
  const claims = value as Partial<SessionClaims> | null;
  return (
    typeof claims === 'object' &&
    claims !== null &&
    typeof claims.sub === 'string' &&
    ROLES.includes(claims.role as Role) &&
    Number.isInteger(claims.iat) &&
    Number.isInteger(claims.exp) &&
    typeof claims.jti === 'string'
  );
}

/** The claims of a genuine, unexpired token; otherwise UNAUTHENTICATED saying what is wrong. */
export function verifySessionToken(token: string, options: { secret: string; now?: Date }): SessionClaims {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw refuse('The session token is malformed; log in again.');
  }
  const [payload, signature] = parts;
  const expected = sign(payload, options.secret);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw refuse('The session token has an invalid signature; log in again.');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refuse('The session token is malformed; log in again.');
  }
  if (!isClaims(claims)) throw refuse('The session token is malformed; log in again.');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (claims.exp <= now) {
    throw refuse(`The session expired at ${new Date(claims.exp * 1000).toISOString()}; log in again.`);
  }
  return claims;
}
