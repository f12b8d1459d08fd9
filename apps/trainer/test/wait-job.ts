import { type Db, getJobById, type JobRow } from '@dermino/db';
import { expect } from 'vitest';

const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Polls a job once a second until it finishes. A failed poll is retried (a poll is only a read). */
export async function waitForFinish(db: Db, id: string, timeoutMs = 240_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const job = await getJobById(db, id);
      if (FINISHED.includes(job.status)) return job;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Job ${id} did not finish in ${timeoutMs} ms${lastError ? ` (last poll error: ${(lastError as Error).message})` : ''}`);
}

/** Waits for a job and asserts it succeeded, showing its log when not. */
export async function expectSuccess(db: Db, id: string, timeoutMs?: number): Promise<JobRow> {
  const job = await waitForFinish(db, id, timeoutMs);
  if (job.status !== 'SUCCEEDED') {
    const logs = await db.jobLog.findMany({ where: { jobId: id }, orderBy: { id: 'asc' } });
    expect.fail(`job ${id} (${job.kind}) ended ${job.status}: ${job.error}\n${logs.map((l) => `${l.level}: ${l.message}`).join('\n')}`);
  }
  return job;
}
