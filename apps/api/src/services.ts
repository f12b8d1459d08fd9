import { createQueue, type Db, type Queue } from '@dermino/db';
import { MAX_UPLOAD_BYTES } from './http/read-upload.js';
import { createModelSessions, type ModelSessions } from './inference/model-sessions.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from './limits/rate-limiter.js';
import { type ApiMetrics, createApiMetrics } from './metrics/api-metrics.js';

export interface ServiceOptions {
  /** DERMINO_HOME: model artifacts are stored relative to it. */
  home?: string;
  /** Needed to queue jobs (pg-boss keeps its own pool); enqueueJob fails clearly without it. */
  databaseUrl?: string;
  /** Per user and process; defaults: 60 predictions and 30 uploads a minute. */
  predictLimit?: RateLimit;
  uploadLimit?: RateLimit;
  /** Largest upload in bytes (default 20 MiB). */
  maxUploadBytes?: number;
}

/** Per-process state shared by all requests. Nothing is started until first used. */
export interface ApiServices {
  predictLimiter: RateLimiter;
  uploadLimiter: RateLimiter;
  maxUploadBytes: number;
  /** Loaded onnxruntime sessions per model version. */
  models: ModelSessions;
  /** Prometheus registry of this process (GET /metrics). */
  metrics: ApiMetrics;
  getQueue(): Promise<Queue>;
  close(): Promise<void>;
}

export function createApiServices(db: Db, options: ServiceOptions = {}): ApiServices {
  let queue: Promise<Queue> | undefined;
  const metrics = createApiMetrics(db);
  const models = createModelSessions(db, options.home ?? '.', { onLoad: metrics.observeModelLoad });
  return {
    models,
    metrics,
    predictLimiter: createRateLimiter('predict', options.predictLimit ?? { max: 60, windowMs: 60_000 }),
    uploadLimiter: createRateLimiter('upload', options.uploadLimit ?? { max: 30, windowMs: 60_000 }),
    maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES,
    getQueue() {
      if (!options.databaseUrl)
        return Promise.reject(new Error('The API was started without a queue (no databaseUrl).'));
      queue ??= createQueue({ url: options.databaseUrl, max: 2 });
      return queue;
    },
    async close() {
      await models.close();
      if (queue) await (await queue).stop({ graceful: false, wait: true }).catch(() => {});
    },
  };
}
