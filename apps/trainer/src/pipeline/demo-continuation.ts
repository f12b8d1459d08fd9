import { type Db, enqueueJob, type JobKind, type Queue } from '@dermino/db';
import type { DemoBudget } from './demo-pipeline.js';

export interface DemoContinuationJobs {
  pretrain: string;
  finetune: string;
  embed: string;
  evaluate: string;
}

/**
 * The demo's background continuation: a longer run of the same recipe, with no time budget, queued behind every
 * demo job so it never delays the first champion. A fresh run rather than a resume of the demo run: the schedule
 * (learning rate, teacher momentum and temperature) is laid out over the run's steps, and the demo's ended at its
 * last step. Its linear probe on all labels is evaluated on the demo's test split and replaces the champion only if
 * its balanced accuracy is higher; the new backbone's embeddings are stored first, so similar cases and audits work
 * for it the moment it is promoted.
 */
export async function enqueueDemoContinuation(
  db: Db,
  queue: Queue,
  options: {
    datasetVersionId: string;
    budget: DemoBudget & { continuation: { steps: number } };
    evaluation: Record<string, unknown>;
    labelFraction: number;
    after: string[];
    createdBy: string;
  },
): Promise<DemoContinuationJobs> {
  const { budget, datasetVersionId } = options;
  const send = async (kind: JobKind, payload: unknown) =>
    (await enqueueJob(db, queue, { kind, payload, createdBy: options.createdBy })).id;
  const pretrain = await send('PRETRAIN', {
    datasetVersionId,
    name: `demo-${budget.preset}-continued`,
    preset: budget.preset,
    config: budget.config,
    steps: budget.continuation.steps,
    batchSize: budget.batchSize,
    checkpointEvery: budget.checkpointEvery,
    after: options.after,
  });
  const finetune = await send('FINETUNE', {
    backbone: { fromJob: pretrain },
    datasetVersionId,
    method: 'linear',
    labelFraction: options.labelFraction,
  });
  const embed = await send('EMBED', { model: { fromJob: pretrain } });
  const evaluate = await send('EVALUATE', {
    model: { fromJob: finetune },
    ...options.evaluation,
    promoteIfBetter: { alias: 'champion', metric: 'balanced_accuracy' },
    after: [embed],
  });
  return { pretrain, finetune, embed, evaluate };
}
