import { countJobsByKindAndStatus, type Db, getPoolStats, sumJobDurations } from '@dermino/db';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  observeOperation(operation: string | null | undefined, seconds: number): void;
  countError(code: string): void;
  observePrediction(seconds: number): void;
  observeModelLoad(seconds: number, outcome: 'ok' | 'failed'): void;
}

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * One registry per API process, scraped at GET /metrics. Job figures are read from the database at scrape time
 * (the workers are other processes), so every API instance reports the same queue.
 */
export function createApiMetrics(db: Db): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dermino_api_' });
  const requests = new Counter({
    name: 'dermino_graphql_requests_total',
    help: 'GraphQL operations answered, by operation name',
    labelNames: ['operation'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'dermino_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer, by operation name',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'dermino_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const prediction = new Histogram({
    name: 'dermino_prediction_duration_seconds',
    help: 'onnxruntime time of one prediction (queueing in the batcher included)',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const modelLoad = new Histogram({
    name: 'dermino_model_load_duration_seconds',
    help: 'Time to read, verify and open a model version in onnxruntime',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'dermino_db_pool_connections',
    help: "The API's database pool: open, idle and waiting (queries waiting for a connection), and its size",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = getPoolStats(db);
      for (const state of ['total', 'idle', 'waiting', 'max'] as const)
        this.set({ state }, stats?.[state] ?? 0);
    },
  });
  new Gauge({
    name: 'dermino_jobs',
    help: 'Jobs in the database, by kind and status (QUEUED is the queue depth)',
    labelNames: ['kind', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await countJobsByKindAndStatus(db))
        this.set({ kind: row.kind, status: row.status }, row.count);
    },
  });
  const finished = new Gauge({
    name: 'dermino_job_duration_seconds_count',
    help: 'Finished jobs (started and ended), by kind and final status',
    labelNames: ['kind', 'status'],
    registers: [registry],
  });
  new Gauge({
    name: 'dermino_job_duration_seconds_sum',
    help: 'Total run time (finishedAt - startedAt) of finished jobs, by kind and final status',
    labelNames: ['kind', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      finished.reset();
      for (const row of await sumJobDurations(db)) {
        this.set({ kind: row.kind, status: row.status }, row.seconds);
        finished.set({ kind: row.kind, status: row.status }, row.count);
      }
    },
  });
  const seen = new Set<string>();
  const label = (operation: string | null | undefined) => {
    if (!operation || !OPERATION_NAME.test(operation)) return operation ? 'invalid' : 'anonymous';
    if (seen.has(operation)) return operation;
    // Clients name operations: a bounded set keeps a client from growing the registry without end.
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(operation);
    return operation;
  };
  return {
    registry,
    observeOperation(operation, seconds) {
      const name = label(operation);
      requests.inc({ operation: name });
      latency.observe({ operation: name }, seconds);
    },
    countError: (code) => errors.inc({ code }),
    observePrediction: (seconds) => prediction.observe(seconds),
    observeModelLoad: (seconds, outcome) => modelLoad.observe({ outcome }, seconds),
  };
}
