import {
  type Db,
  enqueueJob,
  findEvaluations,
  getModelVersionByJobId,
  type JobKind,
  type Queue,
} from '@dermino/db';

export const SWEEP_METHODS = ['linear', 'knn', 'finetune'] as const;
export const SWEEP_FRACTIONS = [0.01, 0.1, 1];

export interface SweepOptions {
  backboneId: string;
  datasetVersionId: string;
  methods: (typeof SWEEP_METHODS)[number][];
  fractions: number[];
  /** Fine-tuning: how many of the last blocks learn, and for how many epochs. */
  trainableBlocks: number;
  epochs: number;
  seed: number;
  resamples: number;
}

export interface SweepJobs {
  embed: string;
  runs: { method: string; labelFraction: number; finetune: string; evaluate: string }[];
}

/**
 * The label-efficiency curve of a backbone as queued jobs: one EMBED of the version's images (the cache every head
 * then trains from), then per method and label fraction a FINETUNE and an EVALUATE on the test split.
 */
export async function enqueueFinetuneSweep(db: Db, queue: Queue, options: SweepOptions): Promise<SweepJobs> {
  const send = async (kind: JobKind, payload: unknown) =>
    (await enqueueJob(db, queue, { kind, payload, createdBy: 'cli' })).id;
  const backbone = { modelVersionId: options.backboneId };
  const { datasetVersionId, seed } = options;
  const embed = await send('EMBED', { model: backbone, datasetVersionId });
  const runs: SweepJobs['runs'] = [];
  for (const method of options.methods) {
    for (const labelFraction of options.fractions) {
      const tuning =
        method === 'finetune' ? { trainableBlocks: options.trainableBlocks, epochs: options.epochs } : {};
      const finetune = await send('FINETUNE', {
        backbone,
        datasetVersionId,
        method,
        labelFraction,
        seed,
        after: [embed],
        ...tuning,
      });
      const evaluate = await send('EVALUATE', {
        model: { fromJob: finetune },
        datasetVersionId,
        split: 'TEST',
        resamples: options.resamples,
        seed,
      });
      runs.push({ method, labelFraction, finetune, evaluate });
    }
  }
  return { embed, runs };
}

type Estimate = { value: number | null; ci_low: number | null; ci_high: number | null } | undefined;

const format = (estimate: Estimate) =>
  estimate && estimate.value !== null
    ? `${estimate.value.toFixed(3)} [${estimate.ci_low?.toFixed(3) ?? '?'}, ${estimate.ci_high?.toFixed(3) ?? '?'}]`
    : 'n/a';

/** The curve as a table: per method and fraction, balanced accuracy and macro AUROC on the test split, 95% intervals. */
export async function sweepTable(db: Db, jobs: SweepJobs): Promise<string> {
  const lines = ['method    labels  test balanced accuracy [95% CI]  test macro AUROC [95% CI]  classifier'];
  for (const run of jobs.runs) {
    const model = await getModelVersionByJobId(db, { jobId: run.finetune });
    const [evaluation] = model ? await findEvaluations(db, { modelVersionId: model.id, take: 1 }) : [];
    const overall = (evaluation?.report as { overall?: Record<string, Estimate> } | undefined)?.overall;
    const labels = `${Math.round(run.labelFraction * 1000) / 10}%`;
    lines.push(
      `${run.method.padEnd(9)} ${labels.padStart(6)}  ${format(overall?.balanced_accuracy).padEnd(31)}  ${format(overall?.macro_auroc).padEnd(25)}  ${model?.id ?? '(failed)'}`,
    );
  }
  return lines.join('\n');
}
