import type { Db, JobProgress } from '@dermino/db';
import { appendJobLog, finishJob, startJobAttempt, touchJob, updateJobProgress } from '@dermino/db';
import type { Logger } from '../logger.js';
import { JobCancelledError, type JobContext, type JobHandler } from './job-handler.js';
import type { KindSlot } from './kind-slot.js';
import { isDatabaseOutage, oneLine, whenDatabaseAnswers } from './wait-for-database.js';
import { workerIdentity } from './worker-identity.js';

export interface Delivery {
  jobId: string;
  retryCount: number;
  retryLimit: number;
}

/**
 * Runs one delivery of a job: at-least-once, so a job may arrive again after a crash; a cancelled job is skipped,
 * a bad payload fails at once, a failure with retries left goes back to QUEUED with its error kept.
 * Throws only to ask the queue for a retry. While the handler runs, a timer writes the job's heartbeat, so a job in
 * a long step without progress (an export, a wait) is not taken for one whose worker died.
 */
export async function runJob(
  deps: { db: Db; home: string; logger: Logger; heartbeatSeconds?: number; slot?: KindSlot },
  handler: JobHandler,
  delivery: Delivery,
): Promise<void> {
  const { db } = deps;
  const job = await startJobAttempt(db, delivery.jobId, workerIdentity());
  if (!job) return;
  const logger = deps.logger.child({ jobId: job.id, kind: job.kind });
  let payload: unknown;
  try {
    payload = handler.parsePayload(job.payload);
  } catch (error) {
    await finishJob(db, job.id, { status: 'FAILED', error: `Invalid payload: ${(error as Error).message}` });
    logger.error({ err: error }, 'invalid payload');
    return;
  }
  const log = async (message: string, level: 'info' | 'warn' | 'error' = 'info') => {
    logger[level](message);
    await appendJobLog(db, job.id, level, message);
  };
  const noSlot = () => {};
  let release = noSlot;
  const takeSlot = async () => {
    if (!deps.slot) return;
    if (!deps.slot.taken) {
      release = await deps.slot.acquire();
      return;
    }
    await log(`Waiting for the other ${job.kind.toLowerCase()} job of this worker to finish.`);
    release = await deps.slot.acquire();
    // It may have been cancelled meanwhile.
    if ((await touchJob(db, job.id)) === 'CANCELLED') throw new JobCancelledError(job.id);
  };
  const context: JobContext<unknown> = {
    job,
    payload,
    db,
    home: deps.home,
    logger,
    async progress(progress: JobProgress) {
      const status = await updateJobProgress(db, job.id, progress);
      if (status === 'CANCELLED') throw new JobCancelledError(job.id);
    },
    log,
    async outsideSlot(wait) {
      release();
      release = noSlot;
      const result = await wait();
      await takeSlot();
      return result;
    },
  };
  const heartbeat = setInterval(
    () => {
      touchJob(db, job.id).catch((error: unknown) => logger.warn(`heartbeat failed: ${oneLine(error)}`));
    },
    (deps.heartbeatSeconds ?? 10) * 1000,
  );
  heartbeat.unref();
  try {
    await takeSlot();
    await handler.run(context);
    await whenDatabaseAnswers(() => finishJob(db, job.id, { status: 'SUCCEEDED' }), {
      logger,
      what: 'its success',
    });
    logger.info('job succeeded');
  } catch (error) {
    if (error instanceof JobCancelledError) {
      logger.info('job cancelled');
      return;
    }
    // A lost database is an interruption, not a bug of the job: one line, no stack.
    const outage = isDatabaseOutage(error);
    const message = outage
      ? `The database became unavailable: ${oneLine(error)}`
      : ((error as Error).message ?? String(error));
    const retry = delivery.retryCount < delivery.retryLimit;
    // A job that failed because the database went away (a crash, a restart) is handed back once it returns: pg-boss
    // then retries it at once instead of leaving it to the stale-job check minutes later.
    await whenDatabaseAnswers(
      () => finishJob(db, job.id, { status: retry ? 'QUEUED' : 'FAILED', error: message }),
      { logger, what: 'its failure' },
    );
    await appendJobLog(db, job.id, 'error', message);
    if (outage) logger.warn({ retry }, `job interrupted: ${message}`);
    else logger.error({ err: error, retry }, 'job failed');
    if (retry) throw error;
  } finally {
    release();
    clearInterval(heartbeat);
  }
}
