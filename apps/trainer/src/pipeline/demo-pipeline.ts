import { type Db, enqueueJob, type JobKind, type Queue } from '@dermino/db';
import { PRETRAIN_RECIPES } from '@dermino/model';
import { type DemoContinuationJobs, enqueueDemoContinuation } from './demo-continuation.js';

/** The compute budget of the demo pipeline; the default suits a 2-core CPU (pretraining about 5 minutes). */
export interface DemoBudget {
  preset: 'tiny' | 'vit-s16' | 'vit-b16';
  /** PretrainConfigInput overrides (tests use a micro model). */
  config: Record<string, unknown>;
  steps: number;
  batchSize: number;
  checkpointEvery: number;
  /** Pretraining stops here whatever the step (a slow or busy machine cuts the schedule's tail). */
  budgetSeconds?: number;
  /** Time steps on this machine to fill budgetSeconds (at most `steps`), so the schedule ends at the budget. */
  fillBudget?: boolean;
  labelFractions: number[];
  resamples: number;
  permutations: number;
  maxPerWindow: number;
  /** Drift months with fewer images are greyed, not alarmed (the drift job's default, 30, when absent). */
  minWindowSize?: number;
  /** A longer pretraining queued after every demo job, promoted only if it beats the champion (absent: none). */
  continuation?: { steps: number };
}

/**
 * Colour is a diagnostic signal (in dermoscopy, and in the synthetic lesions): the DINO recipe's hue and saturation
 * jitter, greyscale and solarisation teach the backbone to ignore it. With them off and the label loss weighted 3,
 * the demo's 100%-label linear probe went from 0.28 to 0.41 balanced accuracy on the test split (AUROC 0.68 to 0.73)
 * (apps/trainer/BENCHMARKS.md, one seed each, 26 Nov 2026).
 */
export const DEMO_PRETRAIN_CONFIG = {
  ...PRETRAIN_RECIPES['cpu-demo'].config,
  lossWeights: { label: 3 },
};

// The cpu-demo recipe (packages/model/BENCHMARKS.md): dihedral views, 2 local crops, batch 64 split over one replica
// per core; about 0.3 s a step on 2 idle cores, so 1,000 steps ~ 5 min, and never more than 5 minutes (a slower or
// busy machine plans fewer). On the demo cohort 1,000 steps beat the pixels where 500 tied them (BENCHMARKS.md).
export const DEMO_BUDGET: DemoBudget = {
  preset: 'tiny',
  config: DEMO_PRETRAIN_CONFIG,
  steps: 1000,
  batchSize: PRETRAIN_RECIPES['cpu-demo'].batchSize,
  checkpointEvery: 50,
  budgetSeconds: 300,
  fillBudget: true,
  labelFractions: [0.1, 1],
  resamples: 1000,
  permutations: 200,
  maxPerWindow: 300,
  // On the demo cohort 3,000 steps reach .828 balanced accuracy against 1,500's .767 and the pixels' .680.
  continuation: { steps: 3000 },
};

/** The demo budget with `continueSteps` steps of background continuation (DERMINO_DEMO_CONTINUE_STEPS; 0: none). */
export function demoBudgetWith(continueSteps: number | undefined): DemoBudget {
  if (continueSteps === undefined) return DEMO_BUDGET;
  return { ...DEMO_BUDGET, continuation: continueSteps > 0 ? { steps: continueSteps } : undefined };
}

/** Every attribute alone, and sex within skin type (the intersection the bias page shows). */
export const DEMO_EVALUATION_GROUPS = [
  'sex',
  'skin_type',
  'age_band',
  'site',
  'device',
  'source',
  ['sex', 'skin_type'],
];

export interface DemoPipelineJobs {
  pretrain: string;
  finetunes: { method: 'linear' | 'knn'; labelFraction: number; job: string }[];
  evaluates: string[];
  embed: string;
  drift: string;
  audit: string;
  continuation?: DemoContinuationJobs;
}

/**
 * Enqueues the whole chain at once: later jobs name earlier ones (`fromJob`, `after`) and wait for them, so the
 * dashboard shows every step queued from the start and any worker can take any job.
 */
export async function enqueueDemoPipeline(
  db: Db,
  queue: Queue,
  options: { datasetVersionId: string; budget?: DemoBudget; createdBy?: string; driftAfter?: string[] },
): Promise<DemoPipelineJobs> {
  const budget = options.budget ?? DEMO_BUDGET;
  const { datasetVersionId } = options;
  const send = async (kind: JobKind, payload: unknown) =>
    (await enqueueJob(db, queue, { kind, payload, createdBy: options.createdBy ?? 'demo-pipeline' })).id;
  const pretrain = await send('PRETRAIN', {
    datasetVersionId,
    name: `demo-${budget.preset}`,
    preset: budget.preset,
    config: budget.config,
    steps: budget.steps,
    batchSize: budget.batchSize,
    checkpointEvery: budget.checkpointEvery,
    budgetSeconds: budget.budgetSeconds,
    // A budget-filling run times its steps when it starts: it waits for the start-up work measured meanwhile (the
    // image quality statistics), or their load would make it plan too few steps.
    ...(budget.fillBudget ? { fillBudget: true, after: options.driftAfter ?? [] } : {}),
  });
  const variants = [
    ...budget.labelFractions.map((labelFraction) => ({ method: 'linear' as const, labelFraction })),
    { method: 'knn' as const, labelFraction: 1 },
  ];
  const finetunes = [];
  for (const variant of variants) {
    finetunes.push({
      ...variant,
      job: await send('FINETUNE', { backbone: { fromJob: pretrain }, datasetVersionId, ...variant }),
    });
  }
  // The linear probe on all labels becomes the first champion (if nobody chose one), so the clinician's page
  // predicts and the overview has a model to show from the first start; drift watches the same model.
  const fullLabels = finetunes.find(
    (f) => f.method === 'linear' && f.labelFraction === Math.max(...budget.labelFractions),
  )!;
  const evaluation = {
    datasetVersionId,
    split: 'TEST',
    resamples: budget.resamples,
    groupBy: DEMO_EVALUATION_GROUPS,
  };
  const evaluates = [];
  for (const finetune of finetunes) {
    const promote = finetune === fullLabels ? { promoteIfVacant: 'champion' } : {};
    evaluates.push(await send('EVALUATE', { model: { fromJob: finetune.job }, ...evaluation, ...promote }));
  }
  const embed = await send('EMBED', { model: { fromJob: pretrain } });
  const drift = await send('DRIFT', {
    model: { fromJob: fullLabels.job },
    after: [embed, ...(options.driftAfter ?? [])],
    permutations: budget.permutations,
    maxPerWindow: budget.maxPerWindow,
    ...(budget.minWindowSize ? { minWindowSize: budget.minWindowSize } : {}),
  });
  const audit = await send('AUDIT', { datasetVersionId, model: { fromJob: pretrain }, after: [embed] });
  const demo = [pretrain, ...finetunes.map((f) => f.job), ...evaluates, embed, drift, audit];
  const continuation = budget.continuation
    ? await enqueueDemoContinuation(db, queue, {
        datasetVersionId,
        budget: { ...budget, continuation: budget.continuation },
        evaluation,
        labelFraction: fullLabels.labelFraction,
        after: demo,
        createdBy: options.createdBy ?? 'demo-pipeline',
      })
    : undefined;
  return { pretrain, finetunes, evaluates, embed, drift, audit, ...(continuation ? { continuation } : {}) };
}
