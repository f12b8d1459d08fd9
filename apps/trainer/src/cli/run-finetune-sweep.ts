import {
  createQueue,
  type Db,
  getDatasetVersionById,
  getModelVersionByAlias,
  getModelVersionById,
} from '@dermino/db';
import { enqueueFinetuneSweep, SWEEP_METHODS, type SweepOptions, sweepTable } from './finetune-sweep.js';
import { followJob } from './follow-job.js';

export interface SweepFlags {
  backbone?: string;
  datasetVersion?: string;
  methods?: string;
  fractions?: string;
  blocks?: string;
  epochs?: string;
  resamples?: string;
  seed?: string;
  follow?: boolean;
  json?: boolean;
}

const integer = (value: string | undefined, flag: string, fallback: number, min: number) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${flag} must be an integer >= ${min}, got "${value}"`);
  return n;
};

/** Checks the sweep's flags, naming the one that is wrong. */
export function parseSweepFlags(flags: SweepFlags): Omit<SweepOptions, 'backboneId' | 'datasetVersionId'> {
  const methods = (flags.methods ?? SWEEP_METHODS.join(',')).split(',').map((m) => m.trim());
  for (const method of methods) {
    if (!(SWEEP_METHODS as readonly string[]).includes(method))
      throw new Error(`--methods: unknown method "${method}"; use ${SWEEP_METHODS.join(', ')}`);
  }
  const fractions = (flags.fractions ?? '0.01,0.1,1').split(',').map((f) => {
    const n = Number(f);
    if (!(n > 0 && n <= 1)) throw new Error(`--fractions: "${f.trim()}" is not a fraction in (0, 1]`);
    return n;
  });
  return {
    methods: [...new Set(methods)] as SweepOptions['methods'],
    fractions: [...new Set(fractions)].sort((a, b) => a - b),
    trainableBlocks: integer(flags.blocks, 'blocks', 2, 1),
    epochs: integer(flags.epochs, 'epochs', 5, 1),
    seed: integer(flags.seed, 'seed', 0, 0),
    resamples: integer(flags.resamples, 'resamples', 1000, 0),
  };
}

/**
 * `dermino train finetune --backbone X --dataset-version V` without --method: queues the label-efficiency sweep and,
 * with --follow, waits for it and prints the curve. Returns false when a job failed.
 */
export async function runFinetuneSweep(db: Db, url: string, flags: SweepFlags): Promise<boolean> {
  const parsed = parseSweepFlags(flags);
  if (!flags.backbone) throw new Error('--backbone is required: the id or alias of a registered backbone');
  if (!flags.datasetVersion)
    throw new Error('--dataset-version is required: the frozen version whose labels the heads learn');
  const backbone = /^[0-9a-f-]{36}$/i.test(flags.backbone)
    ? await getModelVersionById(db, { id: flags.backbone })
    : await getModelVersionByAlias(db, { alias: flags.backbone });
  if (backbone.kind !== 'BACKBONE')
    throw new Error(`--backbone: model ${backbone.id} is a ${backbone.kind.toLowerCase()}, not a backbone`);
  const depth = (backbone.config as { vit?: { depth?: number }; pretrain?: { vit?: { depth?: number } } }).vit
    ?.depth;
  if (depth && parsed.trainableBlocks > depth)
    throw new Error(`--blocks: ${parsed.trainableBlocks} is more than the backbone's ${depth} blocks`);
  await getDatasetVersionById(db, { id: flags.datasetVersion });
  const queue = await createQueue({ url, max: 1 });
  let jobs: Awaited<ReturnType<typeof enqueueFinetuneSweep>>;
  try {
    jobs = await enqueueFinetuneSweep(db, queue, {
      ...parsed,
      backboneId: backbone.id,
      datasetVersionId: flags.datasetVersion,
    });
  } finally {
    await queue.stop({ graceful: true, wait: true, timeout: 5000 });
  }
  if (flags.json && !flags.follow) {
    console.log(JSON.stringify(jobs, null, 2));
    return true;
  }
  console.log(
    `Queued the label-efficiency sweep of ${backbone.name}: embed ${jobs.embed}, then ${jobs.runs.length} fine-tunes and evaluations (${parsed.methods.join(', ')} at ${parsed.fractions.map((f) => `${f * 100}%`).join(', ')}).`,
  );
  if (!flags.follow) {
    console.log('A worker runs them (npx dermino worker, or npm start); follow with npx dermino jobs list.');
    return true;
  }
  let ok = (await followJob(db, jobs.embed)).status === 'SUCCEEDED';
  for (const run of jobs.runs) {
    for (const id of [run.finetune, run.evaluate])
      ok = (await followJob(db, id)).status === 'SUCCEEDED' && ok;
  }
  console.log(flags.json ? JSON.stringify(jobs, null, 2) : await sweepTable(db, jobs));
  return ok;
}
