import { cancelJob, createJob, enqueueJob, finishJob } from '@dermino/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJobs } from '../src/jobs/shared/dependencies.js';
import type { JobHandler } from '../src/worker/job-handler.js';
import { isFinished, startTestWorker, tempDir, waitForJob } from './support.js';

// Real runner, real queue, real database; only the work itself is a small test handler.
let calls = 0;
const flaky: JobHandler<{ failTimes: number; steps: number }> = {
  kind: 'AUDIT',
  parsePayload: (raw) => raw as { failTimes: number; steps: number },
  async run({ payload, job, progress }) {
    calls++;
    if (job.attempts <= payload.failTimes) throw new Error(`boom on attempt ${job.attempts}`);
    for (let step = 1; step <= payload.steps; step++) {
      await progress({ step, total: payload.steps, metrics: { loss: 1 / step } });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  },
};

// A job that waits for others, then works; records how many of its kind work at once.
let working = 0;
let mostAtOnce = 0;
const chained: JobHandler<{ after: string[]; steps: number }> = {
  kind: 'EMBED',
  parsePayload: (raw) => raw as { after: string[]; steps: number },
  async run(context) {
    await waitForJobs(context as never, context.payload.after);
    working++;
    mostAtOnce = Math.max(mostAtOnce, working);
    try {
      for (let step = 1; step <= context.payload.steps; step++) {
        await context.progress({ step, total: context.payload.steps });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      working--;
    }
  },
};

let worker: Awaited<ReturnType<typeof startTestWorker>>;
beforeAll(async () => {
  worker = await startTestWorker([flaky, chained] as JobHandler[], tempDir('dermino-worker-'));
});
afterAll(() => worker.stop());

describe('the worker', () => {
  it('retries a failing job with back-off, keeps the error, and finishes it', async () => {
    const job = await enqueueJob(worker.db, worker.queue, {
      kind: 'AUDIT',
      payload: { failTimes: 1, steps: 2 },
      retryLimit: 2,
    });
    const finished = await waitForJob(worker.db, job.id, isFinished, 120_000);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempts: 2, step: 2, total: 2, error: null });
    expect(finished.metrics).toEqual({ loss: 0.5 });
    const logs = await worker.db.jobLog.findMany({ where: { jobId: job.id } });
    expect(logs.map((log) => log.message)).toContain('boom on attempt 1');
  });

  it('ends a job that keeps failing as FAILED with its last error', async () => {
    const job = await enqueueJob(worker.db, worker.queue, {
      kind: 'AUDIT',
      payload: { failTimes: 9, steps: 1 },
      retryLimit: 1,
    });
    const finished = await waitForJob(worker.db, job.id, (j) => j.status === 'FAILED', 120_000);
    expect(finished).toMatchObject({ attempts: 2, error: 'boom on attempt 2' });
  });

  it('stops a running job when it is cancelled', async () => {
    const job = await enqueueJob(worker.db, worker.queue, {
      kind: 'AUDIT',
      payload: { failTimes: 0, steps: 200 },
    });
    await waitForJob(worker.db, job.id, (j) => j.step >= 2);
    await cancelJob(worker.db, job.id);
    const stepAtCancel = (await waitForJob(worker.db, job.id, isFinished)).step;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await waitForJob(worker.db, job.id, isFinished);
    expect(after.status).toBe('CANCELLED');
    expect(after.step).toBeLessThanOrEqual(stepAtCancel + 1);
    expect(after.step).toBeLessThan(200);
  });

  it('runs other jobs of a kind while one waits for its dependencies, but only one of them works at a time', async () => {
    // A dependency nobody runs yet: the chained job waits for it, as the demo's continuation waits for its pretraining.
    const gate = await createJob(worker.db, { kind: 'PRETRAIN', payload: {} });
    const waiting = await enqueueJob(worker.db, worker.queue, {
      kind: 'EMBED',
      payload: { after: [gate.id], steps: 2 },
    });
    await waitForJob(
      worker.db,
      waiting.id,
      (j) => (j.metrics as { waitingFor?: string } | null)?.waitingFor === gate.id,
    );
    const free = await Promise.all(
      [1, 2, 3].map(() =>
        enqueueJob(worker.db, worker.queue, { kind: 'EMBED', payload: { after: [], steps: 3 } }),
      ),
    );
    for (const job of free)
      expect(await waitForJob(worker.db, job.id, isFinished)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await waitForJob(worker.db, waiting.id, () => true)).status).toBe('RUNNING');
    expect(mostAtOnce).toBe(1);

    await finishJob(worker.db, gate.id, { status: 'SUCCEEDED' });
    expect(await waitForJob(worker.db, waiting.id, isFinished)).toMatchObject({
      status: 'SUCCEEDED',
      step: 2,
    });
    const logs = await worker.db.jobLog.findMany({ where: { jobId: waiting.id } });
    expect(logs.map((log) => log.message)).toContain(`Waiting for job ${gate.id} (pretrain) to finish.`);
    expect(mostAtOnce).toBe(1);
  });

  it('fails a job whose dependency failed, naming it', async () => {
    const gate = await createJob(worker.db, { kind: 'PRETRAIN', payload: {} });
    const waiting = await enqueueJob(worker.db, worker.queue, {
      kind: 'EMBED',
      payload: { after: [gate.id], steps: 1 },
      retryLimit: 0,
    });
    await waitForJob(worker.db, waiting.id, (j) => j.status === 'RUNNING');
    await finishJob(worker.db, gate.id, { status: 'FAILED', error: 'collapsed' });
    expect(await waitForJob(worker.db, waiting.id, isFinished)).toMatchObject({
      status: 'FAILED',
      error: `Job ${gate.id} (pretrain) this job depends on is failed: collapsed.`,
    });
  });

  it('refuses to cancel a finished job, naming its state', async () => {
    const job = await createJob(worker.db, { kind: 'AUDIT', payload: {} });
    await cancelJob(worker.db, job.id);
    await expect(cancelJob(worker.db, job.id)).rejects.toThrow(/already cancelled/);
  });

  it('never runs one job twice at once, even with two workers on the same queue', async () => {
    const second = await startTestWorker([flaky as JobHandler], tempDir('dermino-worker2-'));
    try {
      const before = calls;
      const jobs = await Promise.all(
        Array.from({ length: 6 }, () =>
          enqueueJob(worker.db, worker.queue, { kind: 'AUDIT', payload: { failTimes: 0, steps: 1 } }),
        ),
      );
      for (const job of jobs)
        expect(await waitForJob(worker.db, job.id, isFinished)).toMatchObject({
          status: 'SUCCEEDED',
          attempts: 1,
        });
      expect(calls - before).toBe(6);
    } finally {
      await second.stop();
    }
  });

  it('keeps the heartbeat of a job that works long without progress, so a watching worker does not take it for dead', async () => {
    const quiet: JobHandler<{ ms: number }> = {
      kind: 'DRIFT',
      parsePayload: (raw) => raw as { ms: number },
      run: ({ payload }) => new Promise((resolve) => setTimeout(resolve, payload.ms)),
    };
    // Stale after 1 s, checked every half second: without heartbeats the job would be handed back mid-run.
    const watcher = await startTestWorker([quiet as JobHandler], tempDir('dermino-worker3-'), {
      heartbeatSeconds: 0.2,
      recover: { staleAfterSeconds: 1, everySeconds: 0.5 },
    });
    try {
      const job = await enqueueJob(worker.db, worker.queue, { kind: 'DRIFT', payload: { ms: 3000 } });
      const finished = await waitForJob(worker.db, job.id, isFinished);
      expect(finished).toMatchObject({ status: 'SUCCEEDED', attempts: 1, error: null });
      expect(finished.heartbeatAt!.getTime() - finished.startedAt!.getTime()).toBeGreaterThan(2000);
    } finally {
      await watcher.stop();
    }
  });

  it('refuses a recovery threshold its own heartbeats could cross', async () => {
    await expect(
      startTestWorker([flaky as JobHandler], tempDir('dermino-worker4-'), {
        heartbeatSeconds: 10,
        recover: { staleAfterSeconds: 15 },
      }),
    ).rejects.toThrow(/staleAfterSeconds \(15\) must be more than twice heartbeatSeconds \(10\)/);
  });
});
