import { AppError } from '@dermino/db';

/** Over a per-user rate limit: RATE_LIMITED / HTTP 429 with retryAfterSeconds. */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('BAD_INPUT', { message, details: { retryAfterSeconds } });
    this.name = 'RateLimitedError';
  }
}
