import type { AppError, AppErrorCode } from '@dermino/db';
import { RateLimitedError } from './rate-limited-error.js';

/** GraphQL `extensions.code` and HTTP status for each AppError code (Apollo's names where it has one). */
export const APP_ERROR_CODES: Record<AppErrorCode, { code: string; status: number }> = {
  BAD_INPUT: { code: 'BAD_USER_INPUT', status: 400 },
  NOT_FOUND: { code: 'NOT_FOUND', status: 404 },
  CONFLICT: { code: 'CONFLICT', status: 409 },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', status: 401 },
  FORBIDDEN: { code: 'FORBIDDEN', status: 403 },
  DATABASE_UNAVAILABLE: { code: 'DATABASE_UNAVAILABLE', status: 503 },
  DATABASE_INCOMPATIBLE: { code: 'DATABASE_INCOMPATIBLE', status: 503 },
  INTERNAL: { code: 'INTERNAL_SERVER_ERROR', status: 500 },
};

/** The client-facing code and status of an AppError (a rate limit is a 429 of its own). */
export function mapAppError(error: AppError): { code: string; status: number } {
  if (error instanceof RateLimitedError) return { code: 'RATE_LIMITED', status: 429 };
  return APP_ERROR_CODES[error.code];
}
