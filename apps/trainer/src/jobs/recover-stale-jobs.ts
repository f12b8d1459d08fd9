import {
  type Db,
  findJobs,
  finishJob,
  type JobRow,
  type Queue,
  queueNameOf,
  redeliverNow,
} from '@dermino/db';
import { isDeadLocalWorker } from '../worker/worker-identity.js';

/**
 * Hands jobs whose worker died back to the queue: those of a worker process of this host that is gone (at once:
 * `dermino start` restarts a killed worker, which calls this when it starts), and any with no heartbeat for
 * `staleAfterSeconds`. pg-boss would only notice at its expiry (hours, for training): pg-boss counts the lost
 * delivery as a failed attempt and redelivers after its back-off, or fails the job for good when no retries are left.
 * The job of a process known to be gone is redelivered at once: the back-off is for jobs that failed, and this one
 * did not. A job only silent for a while waits the back-off, in case its worker is alive but unreachable.
 * Every job writes progress (its heartbeat) at least every few seconds, so any threshold above that is safe.
 */
export async function recoverStaleJobs(
  db: Db,
  queue: Queue,
  options: { staleAfterSeconds: number; now?: Date },
): Promise<{ requeued: string[]; failed: string[] }> {
  const cutoff = (options.now ?? new Date()).getTime() - options.staleAfterSeconds * 1000;
  const running = await findJobs(db, { status: ['RUNNING'], take: 1000 });
  const whyStopped = (job: JobRow) =>
    isDeadLocalWorker(job.worker)
      ? `The worker running this job (${job.worker}) stopped.`
      : (job.heartbeatAt ?? job.startedAt ?? job.createdAt).getTime() < cutoff
        ? `The worker running this job stopped (no heartbeat since ${(job.heartbeatAt ?? job.startedAt)?.toISOString()}).`
        : null;
  const stale = running.filter((job) => whyStopped(job) !== null);
  const requeued: string[] = [];
  const failed: string[] = [];
  for (const job of stale) {
    const name = queueNameOf(job.kind);
    const delivery = await queue.getJobById(name, job.id);
    if (!delivery || delivery.state !== 'active') continue;
    const reason = whyStopped(job) as string;
    await queue.fail(name, job.id, { message: reason });
    const after = await queue.getJobById(name, job.id);
    if (after?.state === 'failed') {
      await finishJob(db, job.id, { status: 'FAILED', error: `${reason} No retries left.` });
      failed.push(job.id);
    } else {
      if (isDeadLocalWorker(job.worker)) await redeliverNow(queue, name, job.id);
      await finishJob(db, job.id, { status: 'QUEUED', error: reason });
      requeued.push(job.id);
    }
  }
  return { requeued, failed };
}
