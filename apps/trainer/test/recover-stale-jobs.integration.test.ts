import { spawnSync } from 'node:child_process';
import {
  createDb,
  createQueue,
  enqueueJob,
  getJobById,
  type Queue,
  queueNameOf,
  redeliverNow,
  startJobAttempt,
} from '@dermino/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recoverStaleJobs } from '../src/jobs/recover-stale-jobs.js';
import { workerIdentity } from '../src/worker/worker-identity.js';

// IMPORT jobs have no handler in these tests: a job is taken with queue.fetch and then "its worker dies".
const db = createDb({ url: inject('databaseUrl') });
let queue: Queue;
beforeAll(async () => {
  queue = await createQueue({ url: inject('databaseUrl'), max: 1 });
});
afterAll(async () => {
  await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  await db.$disconnect();
});

async function orphanedJob(retryLimit: number, worker?: string) {
  const job = await enqueueJob(db, queue, { kind: 'IMPORT', payload: {}, retryLimit });
  let fetched: { id: string }[] | null = [];
  for (let i = 0; i < 20 && !fetched?.some((f) => f.id === job.id); i++)
    fetched = await queue.fetch(queueNameOf('IMPORT'), { batchSize: 50 });
  expect(fetched?.some((f) => f.id === job.id)).toBe(true);
  await startJobAttempt(db, job.id, worker);
  return job;
}

describe('recoverStaleJobs', () => {
  const later = () => new Date(Date.now() + 600_000);

  it('hands a job whose worker stopped heartbeating back to pg-boss for a retry', async () => {
    const job = await orphanedJob(2);
    expect(await recoverStaleJobs(db, queue, { staleAfterSeconds: 3600 })).toMatchObject({
      requeued: [],
      failed: [],
    });
    const recovered = await recoverStaleJobs(db, queue, { staleAfterSeconds: 60, now: later() });
    expect(recovered.requeued).toContain(job.id);
    expect(await getJobById(db, job.id)).toMatchObject({
      status: 'QUEUED',
      error: expect.stringMatching(/stopped \(no heartbeat since/),
    });
    expect((await queue.getJobById(queueNameOf('IMPORT'), job.id))?.state).toBe('retry');
    // Silent is not known dead: the retry waits pg-boss's back-off.
    const ready = await queue.fetch(queueNameOf('IMPORT'), { batchSize: 50 });
    expect((ready ?? []).map((f) => f.id)).not.toContain(job.id);
  });

  it('fails it for good, keeping the reason, when no retries are left', async () => {
    const job = await orphanedJob(0);
    const recovered = await recoverStaleJobs(db, queue, { staleAfterSeconds: 60, now: later() });
    expect(recovered.failed).toContain(job.id);
    expect(await getJobById(db, job.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/No retries left/),
    });
  });

  it('hands back at once, heartbeat or not, the job of a worker process of this host that is gone', async () => {
    const gone = workerIdentity(spawnSync(process.execPath, ['-e', '']).pid);
    const orphaned = await orphanedJob(2, gone);
    const alive = await orphanedJob(2, workerIdentity(process.pid));
    const elsewhere = await orphanedJob(2, workerIdentity(1, 'another-host'));
    const recovered = await recoverStaleJobs(db, queue, { staleAfterSeconds: 3600 });
    expect(recovered.requeued).toContain(orphaned.id);
    expect(recovered.requeued).not.toContain(alive.id);
    expect(recovered.requeued).not.toContain(elsewhere.id);
    expect(await getJobById(db, orphaned.id)).toMatchObject({
      status: 'QUEUED',
      error: `The worker running this job (${gone}) stopped.`,
    });
    expect(await getJobById(db, alive.id)).toMatchObject({
      status: 'RUNNING',
      worker: workerIdentity(process.pid),
    });
    // The job of a dead process did not fail: it is delivered again now, not after the retry back-off (5-10 s).
    const ready = await queue.fetch(queueNameOf('IMPORT'), { batchSize: 50 });
    expect((ready ?? []).map((f) => f.id)).toContain(orphaned.id);
    expect(await redeliverNow(queue, queueNameOf('IMPORT'), alive.id)).toBe(false);
  });
});
