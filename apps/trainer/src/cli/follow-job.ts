import { type Db, getJobById, type JobRow } from '@dermino/db';
import { createProgressBar } from '../progress/progress-bar.js';

const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Shows a job's progress (from the database, as any worker writes it) until it finishes. */
export async function followJob(db: Db, id: string, options: { intervalMs?: number } = {}): Promise<JobRow> {
  let job = await getJobById(db, id);
  const bar = createProgressBar(`${job.kind.toLowerCase()} ${id.slice(0, 8)}`, { unit: job.kind === 'PRETRAIN' ? 'steps' : 'items' });
  while (!FINISHED.includes(job.status)) {
    if (job.status === 'RUNNING') bar.update(job.step, job.total ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    job = await getJobById(db, id);
  }
  bar.stop(`${job.kind.toLowerCase()} ${id}: ${job.status.toLowerCase()}${job.error ? ` (${job.error})` : ''}`);
  return job;
}
