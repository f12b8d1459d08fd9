import { type Db, findEvaluations, getMeta, getModelVersionByJobId } from '@dermino/db';
import type { DemoPipelineJobs } from '../src/pipeline/demo-pipeline.js';

// Reads of the demo pipeline's outcome, for its integration test.

/** What the pipeline recorded when it queued the demo: its dataset version and jobs. */
export const demoMetaOf = async (db: Db) =>
  (await getMeta<{ datasetVersionId: string; jobs: DemoPipelineJobs }>(db, 'demo-pipeline'))!;

/** The model a job registered. */
export const modelOfJobIn = async (db: Db, jobId: string) => (await getModelVersionByJobId(db, { jobId }))!;

/** The balanced accuracy an EVALUATE job stored. */
export const bacc = async (db: Db, jobId: string) =>
  (
    (await findEvaluations(db, { jobId }))[0].report as {
      overall: { balanced_accuracy: { value: number } };
    }
  ).overall.balanced_accuracy.value;

/** Every job of the demo chain (not its background continuation), in the order it was queued. */
export const demoJobIds = (jobs: DemoPipelineJobs) => [
  jobs.pretrain,
  ...jobs.finetunes.map((f) => f.job),
  ...jobs.evaluates,
  jobs.embed,
  jobs.drift,
  jobs.audit,
];
