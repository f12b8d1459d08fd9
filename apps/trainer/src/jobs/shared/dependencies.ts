import {
  getJobById,
  getModelVersionById,
  getModelVersionByJobId,
  type ModelVersionRecord,
} from '@dermino/db';
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

/**
 * Waits (heartbeating, so a cancel is noticed) until the jobs succeed; a failed or cancelled one fails this job.
 * The wait gives up this worker's slot for the job's kind, so other jobs of the kind run meanwhile.
 */
export async function waitForJobs(context: JobContext<unknown>, jobIds: string[]): Promise<void> {
  const pending: string[] = [];
  for (const id of jobIds) if ((await jobOrThrow(context, id)).status !== 'SUCCEEDED') pending.push(id);
  if (pending.length === 0) return;
  await context.outsideSlot(async () => {
    let announced = false;
    for (const id of pending) {
      for (
        let job = await jobOrThrow(context, id);
        job.status !== 'SUCCEEDED';
        job = await jobOrThrow(context, id)
      ) {
        if (!announced) {
          await context.log(`Waiting for job ${id} (${job.kind.toLowerCase()}) to finish.`);
          announced = true;
        }
        await context.progress({ step: 0, metrics: { waitingFor: id } });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  });
}

/** The job, succeeded or still to come; throws when it failed or was cancelled. */
async function jobOrThrow(context: JobContext<unknown>, id: string) {
  const job = await getJobById(context.db, id);
  if (job.status === 'FAILED' || job.status === 'CANCELLED') {
    throw new Error(
      `Job ${id} (${job.kind.toLowerCase()}) this job depends on is ${job.status.toLowerCase()}${job.error ? `: ${job.error}` : ''}.`,
    );
  }
  return job;
}

export async function resolveModel(context: JobContext<unknown>, ref: ModelRef): Promise<ModelVersionRecord> {
  if ('modelVersionId' in ref) return getModelVersionById(context.db, { id: ref.modelVersionId });
  await waitForJobs(context, [ref.fromJob]);
  const model = await getModelVersionByJobId(context.db, { jobId: ref.fromJob });
  if (!model) throw new Error(`Job ${ref.fromJob} succeeded but registered no model.`);
  return model;
}
