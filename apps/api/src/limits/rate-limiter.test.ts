import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors/rate-limited-error.js';
import { createRateLimiter } from './rate-limiter.js';

describe('createRateLimiter', () => {
  it('lets max requests through per window and user, then says when to retry', () => {
    const limiter = createRateLimiter('predict', { max: 2, windowMs: 60_000 });
    limiter.take('a', 0);
    limiter.take('a', 1_000);
    limiter.take('b', 1_000);
    let error: unknown;
    try {
      limiter.take('a', 15_000);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toBe(
      'Too many predict requests: at most 2 per 60 s; try again in 45 s.',
    );
    expect(() => limiter.take('a', 60_000)).not.toThrow();
  });
});
