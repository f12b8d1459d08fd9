import { createQueue, enqueueJob, getModelVersionByAlias, type JobKind } from '@dermino/db';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import type { Env } from '../env.js';
import { jobHandlers } from '../jobs/index.js';
import { followJob } from './follow-job.js';
import { runFinetuneSweep, type SweepFlags } from './run-finetune-sweep.js';
import { withDatabase } from './with-database.js';

interface TrainOptions extends SweepFlags {
  from?: string;
  datasetVersion?: string;
  model?: string;
  backbone?: string;
  steps?: string;
  preset?: string;
  batchSize?: string;
  checkpointEvery?: string;
  method?: string;
  labelFraction?: string;
  split?: string;
  name?: string;
  seed?: string;
  payload?: string;
  follow?: boolean;
  json?: boolean;
}

const KINDS = ['pretrain', 'finetune', 'evaluate', 'embed', 'drift', 'audit'] as const;

const number = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${flag} must be a number, got "${value}"`);
  return parsed;
};

/** Builds a job payload from the flags; the job's own schema then validates it (the same check a worker makes). */
function payloadOf(kind: (typeof KINDS)[number], options: TrainOptions, modelId: (flag: string, value?: string) => Promise<{ modelVersionId: string } | undefined>) {
  const extra = options.payload ? (JSON.parse(options.payload) as Record<string, unknown>) : {};
  const common = { datasetVersionId: options.datasetVersion, name: options.name, seed: number(options.seed, 'seed') };
  return (async () => {
    switch (kind) {
      case 'pretrain':
        return { ...common, from: await modelId('from', options.from), steps: number(options.steps, 'steps'), preset: options.preset, batchSize: number(options.batchSize, 'batch-size'), checkpointEvery: number(options.checkpointEvery, 'checkpoint-every'), ...extra };
      case 'finetune':
        return { ...common, backbone: await modelId('backbone', options.backbone), method: options.method, labelFraction: number(options.labelFraction, 'label-fraction'), trainableBlocks: number(options.blocks, 'blocks'), epochs: number(options.epochs, 'epochs'), ...extra };
      case 'evaluate':
        return { datasetVersionId: options.datasetVersion, model: await modelId('model', options.model), split: options.split?.toUpperCase(), ...extra };
      case 'embed':
        return { datasetVersionId: options.datasetVersion, model: await modelId('model', options.model), ...extra };
      case 'drift':
        return { model: await modelId('model', options.model), ...extra };
      case 'audit':
        return { datasetVersionId: options.datasetVersion, model: await modelId('model', options.model), ...extra };
    }
  })();
}

const dropUndefined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

export function registerTrainCommand(program: Command, env: () => Env): void {
  program
    .command('train <kind>')
    .description(`Queue a job (${KINDS.join(', ')}); --follow shows its progress until it ends`)
    .option('--dataset-version <id>', 'dataset version id')
    .option('--model <idOrAlias>', 'model id or alias (evaluate, embed, drift, audit)')
    .option('--backbone <idOrAlias>', 'backbone model id or alias (finetune; without --method: the label-efficiency sweep)')
    .option('--from <idOrAlias>', 'continue pretraining from this registered backbone, e.g. an imported one (pretrain)')
    .option('--steps <n>', 'pretraining steps')
    .option('--preset <name>', 'tiny, vit-s16 or vit-b16 (pretrain)')
    .option('--batch-size <n>', 'images per step (pretrain)')
    .option('--checkpoint-every <n>', 'steps between checkpoints (pretrain)')
    .option('--method <method>', 'linear, knn or finetune (finetune); omit it for the sweep of --methods x --fractions')
    .option('--methods <list>', 'sweep: methods, comma-separated', 'linear,knn,finetune')
    .option('--fractions <list>', 'sweep: label fractions, comma-separated', '0.01,0.1,1')
    .option('--blocks <n>', 'finetune: how many of the last blocks learn (sweep default 2; one job: all)')
    .option('--epochs <n>', 'finetune: epochs of fine-tuning')
    .option('--resamples <n>', 'sweep: bootstrap resamples of each evaluation', '1000')
    .option('--label-fraction <f>', 'share of the labels used, e.g. 0.01, 0.1, 1 (finetune)')
    .option('--split <split>', 'TRAIN, VAL or TEST (evaluate)')
    .option('--name <name>', 'name of the registered model')
    .option('--seed <n>', 'random seed')
    .option('--payload <json>', 'extra payload fields as JSON')
    .option('--follow', 'show progress until the job ends')
    .option('--json', 'machine-readable output')
    .action(async (kindArgument: string, options: TrainOptions) => {
      const kind = kindArgument.toLowerCase() as (typeof KINDS)[number];
      if (!KINDS.includes(kind)) throw new Error(`Unknown job kind "${kindArgument}"; use one of ${KINDS.join(', ')}.`);
      const handler = jobHandlers.find((h) => h.kind === kind.toUpperCase())!;
      if (kind === 'finetune' && !options.method) {
        const ok = await withDatabase(env(), (db, url) => runFinetuneSweep(db, url, options));
        if (!ok) process.exitCode = 1;
        return;
      }
      const job = await withDatabase(env(), async (db, url) => {
        const modelId = async (flag: string, value?: string) => {
          if (!value) return undefined;
          return { modelVersionId: /^[0-9a-f-]{36}$/i.test(value) ? value : (await getModelVersionByAlias(db, { alias: value })).id };
        };
        const payload = dropUndefined(await payloadOf(kind, options, modelId));
        try {
          handler.parsePayload(payload);
        } catch (error) {
          const problems = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ') : (error as Error).message;
          throw new Error(`Invalid ${kind} job: ${problems}`);
        }
        const queue = await createQueue({ url, max: 1 });
        try {
          const created = await enqueueJob(db, queue, { kind: kind.toUpperCase() as JobKind, payload, createdBy: 'cli' });
          if (!options.json) console.log(`Queued ${kind} job ${created.id}.`);
          return options.follow ? await followJob(db, created.id) : created;
        } finally {
          await queue.stop({ graceful: true, wait: true, timeout: 5000 });
        }
      });
      if (options.json) console.log(JSON.stringify(job, null, 2));
      if (options.follow && job.status !== 'SUCCEEDED') process.exitCode = 1;
    });
}
