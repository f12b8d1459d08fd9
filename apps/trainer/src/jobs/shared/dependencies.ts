import { getJobById, getModelVersionById, getModelVersionByJobId, type ModelVersionRecord } from '@dermino/db';
import { z } from 'zod';
import type { JobContext } from '../../worker/job-handler.js';

/** A model named directly, or as "the model the job X registers" (how a pipeline chains jobs enqueued at once). */
export const modelRefSchema = z.union([
  z.object({ modelVersionId: z.string().uuid() }).strict(),
  z.object({ fromJob: z.string().uuid() }).strict(),
]);
export type ModelRef = z.infer<typeof modelRefSchema>;

/** Jobs that must succeed before this one starts. */
export const afterSchema = z.array(z.string().uuid()).max(50).default([]);

const POLL_MS = 5000;

/** Waits (heartbeating, so a cancel is noticed) until the jobs succeed; a failed or cancelled one fails this job. */
export async function waitForJobs(context: JobContext<unknown>, jobIds: string[]): Promise<void> {
  let announced = false;
  for (const id of jobIds) {
    for (;;) {
      const job = await getJobById(context.db, id);
      if (job.status === 'SUCCEEDED') break;
      if (job.status === 'FAILED' || job.status === 'CANCELLED') {
        throw new Error(`Job ${id} (${job.kind.toLowerCase()}) this job depends on is ${job.status.toLowerCase()}${job.error ? `: ${job.error}` : ''}.`);
      }
      if (!announced) {
        await context.log(`Waiting for job ${id} (${job.kind.toLowerCase()}) to finish.`);
        announced = true;
      }
      await context.progress({ step: 0, metrics: { waitingFor: id } });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

export async function resolveModel(context: JobContext<unknown>, ref: ModelRef): Promise<ModelVersionRecord> {
  if ('modelVersionId' in ref) return getModelVersionById(context.db, { id: ref.modelVersionId });
  await waitForJobs(context, [ref.fromJob]);
  const model = await getModelVersionByJobId(context.db, { jobId: ref.fromJob });
  if (!model) throw new Error(`Job ${ref.fromJob} succeeded but registered no model.`);
  return model;
}
