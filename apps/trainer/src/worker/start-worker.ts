import type { Db, Queue } from '@dermino/db';
import { queueNameOf } from '@dermino/db';
import { recoverStaleJobs } from '../jobs/recover-stale-jobs.js';
import type { Logger } from '../logger.js';
import type { JobHandler } from './job-handler.js';
import { KindSlot } from './kind-slot.js';
import { runJob } from './run-job.js';

export interface WorkerOptions {
  db: Db;
  queue: Queue;
  home: string;
  logger: Logger;
  handlers: JobHandler[];
  pollingIntervalSeconds?: number;
  /** How often a running job writes its heartbeat (default 10 s). */
  heartbeatSeconds?: number;
  /**
   * Hands back jobs of workers that died (no heartbeat for `staleAfterSeconds`, default 120) at start and every
   * `everySeconds` (default 60); `false` turns it off. The threshold must stay well above `heartbeatSeconds` and
   * above the longest stretch a handler blocks the event loop (one training step).
   */
  recover?: { staleAfterSeconds?: number; everySeconds?: number } | false;
  /**
   * Jobs of one kind this worker holds at once (default 3): one works, the others wait for the jobs they depend on
   * without blocking it (KindSlot). The extra places poll the queue at a third of the rate.
   */
  jobsPerKind?: number;
}

/** Subscribes one handler per job kind. Several workers (on several machines) may share one database. */
export async function startWorker(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { logger } = options;
  const heartbeatSeconds = options.heartbeatSeconds ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let recovering: Promise<void> = Promise.resolve();
  if (options.recover !== false) {
    const staleAfterSeconds = options.recover?.staleAfterSeconds ?? 120;
    if (staleAfterSeconds <= 2 * heartbeatSeconds)
      throw new Error(
        `recover.staleAfterSeconds (${staleAfterSeconds}) must be more than twice heartbeatSeconds (${heartbeatSeconds}).`,
      );
    const recover = async () => {
      try {
        const { requeued, failed } = await recoverStaleJobs(options.db, options.queue, { staleAfterSeconds });
        if (requeued.length)
          logger.warn({ jobs: requeued }, 'handed jobs of a stopped worker back to the queue');
        if (failed.length)
          logger.warn({ jobs: failed }, 'jobs of a stopped worker had no retries left: failed');
      } catch (error) {
        logger.warn({ err: error }, 'could not check for jobs of stopped workers');
      }
    };
    await recover();
    timer = setInterval(
      () => {
        recovering = recover();
      },
      (options.recover?.everySeconds ?? 60) * 1000,
    );
    timer.unref();
  }
  const workIds: string[] = [];
  const polling = options.pollingIntervalSeconds ?? 1;
  const jobsPerKind = options.jobsPerKind ?? 3;
  if (!Number.isInteger(jobsPerKind) || jobsPerKind < 1)
    throw new Error(`jobsPerKind must be a whole number >= 1, got ${jobsPerKind}.`);
  for (const handler of options.handlers) {
    const slot = new KindSlot();
    for (let place = 0; place < jobsPerKind; place++) {
      const id = await options.queue.work<{ jobId: string }>(
        queueNameOf(handler.kind),
        { pollingIntervalSeconds: place === 0 ? polling : polling * 3, batchSize: 1, includeMetadata: true },
        async ([delivery]) => {
          await runJob({ db: options.db, home: options.home, logger, heartbeatSeconds, slot }, handler, {
            jobId: delivery.data.jobId,
            retryCount: delivery.retryCount,
            retryLimit: delivery.retryLimit,
          });
        },
      );
      workIds.push(id);
    }
  }
  logger.info({ kinds: options.handlers.map((h) => h.kind) }, 'worker started');
  return {
    async stop() {
      clearInterval(timer);
      await recovering;
      for (const id of workIds) await options.queue.offWork({ id } as never);
    },
  };
}
