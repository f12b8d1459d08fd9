import type { Db, Queue } from '@dermino/db';
import { queueNameOf } from '@dermino/db';
import type { Logger } from '../logger.js';
import type { JobHandler } from './job-handler.js';
import { runJob } from './run-job.js';

export interface WorkerOptions {
  db: Db;
  queue: Queue;
  home: string;
  logger: Logger;
  handlers: JobHandler[];
  pollingIntervalSeconds?: number;
}

/** Subscribes one handler per job kind. Several workers (on several machines) may share one database. */
export async function startWorker(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const workIds: string[] = [];
  for (const handler of options.handlers) {
    const id = await options.queue.work<{ jobId: string }>(
      queueNameOf(handler.kind),
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1, includeMetadata: true },
      async ([delivery]) => {
        await runJob({ db: options.db, home: options.home, logger: options.logger }, handler, {
          jobId: delivery.data.jobId,
          retryCount: delivery.retryCount,
          retryLimit: delivery.retryLimit,
        });
      },
    );
    workIds.push(id);
  }
  options.logger.info({ kinds: options.handlers.map((h) => h.kind) }, 'worker started');
  return {
    async stop() {
      for (const id of workIds) await options.queue.offWork({ id } as never);
    },
  };
}
