import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, createQueue, type Db, getJobById, type JobRow, type Queue } from '@dermino/db';
import pino from 'pino';
import type {} from '@dermino/db/testing/global-setup';
import { inject } from 'vitest';
import type { JobHandler } from '../src/worker/job-handler.js';
import { startWorker, type WorkerOptions } from '../src/worker/start-worker.js';

export const silentLogger = pino({ level: 'silent' });

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real worker on the test database's queue, with the given handlers. It does not hand back stale jobs unless
 * asked: tests of that make jobs look stale on purpose.
 */
export async function startTestWorker(handlers: JobHandler[], home: string, options: Pick<WorkerOptions, 'recover' | 'heartbeatSeconds'> = {}) {
  const url = inject('databaseUrl');
  const db: Db = createDb({ url });
  const queue: Queue = await createQueue({ url, max: 2 });
  const worker = await startWorker({ db, queue, home, logger: silentLogger, handlers, pollingIntervalSeconds: 0.5, recover: false, ...options });
  return {
    db,
    queue,
    async stop() {
      await worker.stop();
      await queue.stop({ graceful: true, wait: true, timeout: 5000 });
      await db.$disconnect();
    },
  };
}

export async function waitForJob(db: Db, id: string, done: (job: JobRow) => boolean, timeoutMs = 60_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJobById(db, id);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`Job ${id} is still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const isFinished = (job: JobRow) => ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.status);
