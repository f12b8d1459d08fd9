import PgBoss from 'pg-boss';
import type { Db, JobKind } from './client.js';
import { createJob, type JobRow } from './jobs.js';

export type Queue = PgBoss;
/** The Postgres schema of pg-boss's tables. */
const SCHEMA = 'pgboss';
export const JOB_KINDS: JobKind[] = [
  'QUALITY',
  'PRETRAIN',
  'FINETUNE',
  'EVALUATE',
  'EMBED',
  'DRIFT',
  'AUDIT',
  'IMPORT',
];

export function queueNameOf(kind: JobKind): string {
  return `dermino.${kind.toLowerCase()}`;
}

export interface CreateQueueOptions {
  url: string;
  max?: number;
  /**
   * Errors of pg-boss's background work (maintenance, cron, its pool), e.g. while the database restarts or stops.
   * pg-boss emits them as 'error' events, which crash the process when nobody listens; the default writes one line.
   */
  onError?: (error: Error) => void;
}

const writeQueueError = (error: Error) => process.stderr.write(`queue: ${error.message}\n`);

/** pg-boss on the registry's Postgres: delivery, retries with back-off, expiry. The Job table holds what users see. */
export async function createQueue(options: CreateQueueOptions): Promise<Queue> {
  const boss = new PgBoss({ connectionString: options.url, max: options.max ?? 3, schema: SCHEMA });
  boss.on('error', options.onError ?? writeQueueError);
  await boss.start();
  for (const kind of JOB_KINDS) {
    await boss.createQueue(queueNameOf(kind), {
      name: queueNameOf(kind),
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      // pg-boss re-delivers a job that runs longer than this (at most 24 h); long training resumes from checkpoints.
      expireInSeconds: kind === 'PRETRAIN' || kind === 'FINETUNE' ? 23 * 3600 : 4 * 3600,
    });
  }
  return boss;
}

/**
 * Makes a job waiting for its retry deliverable now, skipping the back-off. The back-off is for jobs that failed;
 * a job whose worker process died did not, and waiting only delays it. Returns whether a waiting job was found.
 */
export async function redeliverNow(queue: Queue, name: string, id: string): Promise<boolean> {
  const { rows } = await queue
    .getDb()
    .executeSql(
      `UPDATE ${SCHEMA}.job SET start_after = now() WHERE name = $1 AND id = $2 AND state = 'retry' RETURNING id`,
      [name, id],
    );
  return rows.length > 0;
}

/** Records the job, then hands it to the queue under the same id. */
export async function enqueueJob(
  db: Db,
  queue: Queue,
  input: { kind: JobKind; payload: unknown; createdBy?: string | null; retryLimit?: number },
): Promise<JobRow> {
  const job = await createJob(db, input);
  const options: PgBoss.SendOptions = { id: job.id };
  if (input.retryLimit !== undefined) options.retryLimit = input.retryLimit;
  await queue.send(queueNameOf(input.kind), { jobId: job.id }, options);
  return job;
}
