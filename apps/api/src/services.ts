import { createQueue, type Db, type Queue } from '@dermino/db';
import { createRateLimiter, type RateLimit, type RateLimiter } from './limits/rate-limiter.js';

export interface ServiceOptions {
  /** Needed to queue jobs (pg-boss keeps its own pool); enqueueJob fails clearly without it. */
  databaseUrl?: string;
  /** Per user and process; defaults: 60 predictions and 30 uploads a minute. */
  predictLimit?: RateLimit;
  uploadLimit?: RateLimit;
}

/** Per-process state shared by all requests. Nothing is started until first used. */
export interface ApiServices {
  predictLimiter: RateLimiter;
  uploadLimiter: RateLimiter;
  getQueue(): Promise<Queue>;
  close(): Promise<void>;
}

export function createApiServices(_db: Db, options: ServiceOptions = {}): ApiServices {
  let queue: Promise<Queue> | undefined;
  return {
    predictLimiter: createRateLimiter('predict', options.predictLimit ?? { max: 60, windowMs: 60_000 }),
    uploadLimiter: createRateLimiter('upload', options.uploadLimit ?? { max: 30, windowMs: 60_000 }),
    getQueue() {
      if (!options.databaseUrl)
        return Promise.reject(new Error('The API was started without a queue (no databaseUrl).'));
      queue ??= createQueue({ url: options.databaseUrl, max: 2 });
      return queue;
    },
    async close() {
      if (queue) await (await queue).stop({ graceful: false, wait: true }).catch(() => {});
    },
  };
}
