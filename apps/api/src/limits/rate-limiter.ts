import { RateLimitedError } from '../errors/rate-limited-error.js';

export interface RateLimit {
  /** Requests a user may make per window. */
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request of the user; RATE_LIMITED (HTTP 429, with retryAfterSeconds) once over the limit. */
  take(userId: string, now?: number): void;
}

/**
 * A fixed-window counter per user, in this process. Behind a load balancer with N instances a user gets at
 * most N times the limit; sticky sessions or a shared store would tighten that (see README).
 */
export function createRateLimiter(name: string, limit: RateLimit): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(userId, now = Date.now()) {
      let window = windows.get(userId);
      if (!window || now - window.start >= limit.windowMs) {
        window = { start: now, count: 0 };
        windows.set(userId, window);
        // Old windows of other users are dropped now and then, so the map stays small.
        if (windows.size > 10_000) {
          for (const [id, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(id);
        }
      }
      window.count += 1;
      if (window.count > limit.max) {
        const retryAfterSeconds = Math.ceil((window.start + limit.windowMs - now) / 1000);
        throw new RateLimitedError(
          `Too many ${name} requests: at most ${limit.max} per ${limit.windowMs / 1000} s; try again in ${retryAfterSeconds} s.`,
          retryAfterSeconds,
        );
      }
    },
  };
}
