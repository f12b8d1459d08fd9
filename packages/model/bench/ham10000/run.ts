// `npm run bench:ham10000 -w @dermino/model [-- --budget 5m --recipe cpu-demo]`: pretrains a backbone with our code on
// the training lesions of HAM10000 8x8 (split by lesion), then prints linear-probe and kNN BAcc / macro AUROC with
// 95% bootstrap intervals for the backbone against the raw-pixel baselines (logistic regression, kNN, MLP) at 10%
// and 100% of the labels, with and without averaging over the 8 rotations/flips. `--checkpoint <dir>` makes a long
// run resumable: the plan and a checkpoint every 10 minutes (`--checkpoint-every <s>`) go there, and the same command carries on from them; `--probe-only` with it probes the newest checkpoint of a run
// that is still going.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { loadCheckpoint } from '../../src/checkpoint/checkpoint';
import { deriveConceptEmbeddings } from '../../src/concepts/concept-embeddings';
import { sampleLabelFraction } from '../../src/eval/features';
import { checkCollapse } from '../../src/health/collapse-check';
import { measureRepresentationHealth } from '../../src/health/probe-health';
import { registerGradients } from '../../src/register-gradients';
import { resolvePretrainConfig } from '../../src/train/pretrain-config';
import { PRETRAIN_RECIPES, type PretrainRecipeName } from '../../src/train/pretrain-recipes';
import { createPretrainState, disposePretrainState } from '../../src/train/pretrain-state';
import { greyToRgb } from './backbone-features';
import { HAM_CLASSES, loadHam10000, splitByLesion, take } from './data';
import { type EvaluationRow, evaluateOnHam } from './evaluate';
import { formatInterval } from './metrics';
import { pretrainOnHam, timeHamStep } from './pretrain-ham';

const argument = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const fail = (message: string): never => {
  console.error(`bench:ham10000: ${message}`);
  process.exit(2);
};
const duration = (text: string) => {
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  const seconds = m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : 0;
  return seconds > 0 ? seconds : fail(`--budget must be a duration such as 5m, 8h or 300s, got "${text}"`);
};

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(argument('data', path.join(here, '../../../../../shared/data/ham10000'))!);
const recipeName = argument('recipe', 'cpu-demo') as PretrainRecipeName;
const recipe =
  PRETRAIN_RECIPES[recipeName] ??
  fail(`--recipe must be one of ${Object.keys(PRETRAIN_RECIPES).join(', ')}, got "${recipeName}"`);
const config = { ...recipe.config, ...(argument('config') ? JSON.parse(argument('config')!) : {}) };
const labelLoss = Number(argument('label-loss', '0.1'));
if (!(labelLoss >= 0 && labelLoss <= 1))
  fail(`--label-loss must be a fraction in [0, 1], got "${argument('label-loss')}"`);
const replicas = Number(argument('replicas', String(os.availableParallelism())));
const batchSize = Number(argument('batch', String(recipe.batchSize)));
const views = argument('views', '1,8')!.split(',').map(Number);
const resamples = Number(argument('resamples', '1000'));
const pixelsOnly = process.argv.includes('--pixels-only');
const probeOnly = process.argv.includes('--probe-only');

await tf.setBackend('wasm');
registerGradients();
const ham = loadHam10000(dataDir);
const split = splitByLesion(ham.lesionIds);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `HAM10000 8x8: ${split.train.length} training / ${split.test.length} test images (split by lesion, seed 2026); load average ${load()}`,
);

let backbone: Parameters<typeof evaluateOnHam>[0]['backbone'];
let state: Awaited<ReturnType<typeof pretrainOnHam>>['state'] | null = null;
if (!pixelsOnly) {
  const size = resolvePretrainConfig(config).vit.imageSize;
  const images = greyToRgb(take(ham.pixels, split.train, 64), split.train.length, size);
  const trainLabels = take(ham.labels, split.train, 1);
  let labelOf: Int32Array | undefined;
  if (labelLoss > 0) {
    // The label loss sees the labels of the 10% subset the 10% probes use (the same seeded draw), never the test set.
    const kept = new Set(sampleLabelFraction(trainLabels, labelLoss, 1));
    labelOf = trainLabels.map((label, i) => (kept.has(i) ? label : -1));
  }
  const checkpointDir = argument('checkpoint') ? path.resolve(argument('checkpoint')!) : undefined;
  const budgetSeconds = argument('steps') ? undefined : duration(argument('budget', '5m')!);
  let steps = Number(argument('steps', '0'));
  const planFile = checkpointDir && path.join(checkpointDir, 'plan.json');
  const plan =
    planFile && existsSync(planFile) ? (JSON.parse(readFileSync(planFile, 'utf8')) as Plan) : undefined;
  if (plan) {
    // A resumed run keeps the steps (hence the schedule) it planned when it first started.
    if (plan.recipe !== recipeName || plan.batchSize !== batchSize)
      fail(
        `--checkpoint ${checkpointDir} holds a ${plan.recipe} run of batch ${plan.batchSize}, not ${recipeName} / ${batchSize}`,
      );
    steps = plan.steps;
    console.log(`plan from ${planFile}: ${steps} steps (${plan.how})`);
  } else if (budgetSeconds) {
    const secondsPerStep = await timeHamStep({ config, images, labelOf, batchSize, replicas });
    steps = Math.max(1, Math.floor((budgetSeconds * 0.97) / secondsPerStep));
    console.log(
      `budget ${argument('budget', '5m')}: ${secondsPerStep.toFixed(2)} s per step of ${batchSize} on ${replicas} thread(s) here (load ${load()}), so ${steps} steps`,
    );
  }
  if (!(Number.isInteger(steps) && steps >= 1))
    fail(`--steps must be a whole number of at least 1, got "${argument('steps')}"`);
  if (planFile && !plan) {
    mkdirSync(checkpointDir!, { recursive: true });
    const how = budgetSeconds
      ? `--budget ${argument('budget', '5m')} timed at load ${load()}`
      : `--steps ${steps}`;
    writeFileSync(planFile, JSON.stringify({ recipe: recipeName, batchSize, steps, how } satisfies Plan));
  }
  if (probeOnly) {
    // Probes the run's newest checkpoint while the run goes on (from a copy taken between two saves).
    if (!plan) fail(`--probe-only needs --checkpoint <dir> of a run with a plan.json`);
    state = createPretrainState(
      { ...config, schedule: { ...(config.schedule ?? {}), ...scheduleFor(steps) } },
      {
        conceptEmbeddings: labelOf
          ? deriveConceptEmbeddings(
              HAM_CLASSES.map((code) => ({ code })),
              64,
            )
          : undefined,
      },
    );
    await loadCheckpoint(copyCheckpoint(checkpointDir!), state);
    printHealth(state, images);
    images.dispose();
    backbone = { model: state.teacher.backbone, imageSize: size };
    console.log(
      `probing the checkpoint at step ${state.step} of ${steps} (${((state.step * batchSize) / split.train.length).toFixed(1)} epochs)`,
    );
  } else {
    const run = await pretrainOnHam({
      config: { ...config, schedule: { ...(config.schedule ?? {}), ...scheduleFor(steps) } },
      images,
      labelOf,
      steps,
      batchSize,
      replicas,
      // With a checkpoint the run trains every planned step however long a shared machine takes (it may be stopped
      // and resumed); without one it stops at the budget.
      seconds: checkpointDir ? undefined : budgetSeconds,
      checkpointDir,
      checkpointEverySeconds: Number(argument('checkpoint-every', '600')),
      log: (line) => console.log(line),
    });
    printHealth(run.state, images);
    images.dispose();
    state = run.state;
    backbone = { model: state.teacher.backbone, imageSize: size };
    console.log(
      `pretrained ${run.steps} steps of ${batchSize} (${((run.steps * batchSize) / split.train.length).toFixed(1)} epochs) in ${run.seconds.toFixed(0)} s, recipe ${recipeName}, label loss on ${labelLoss * 100}% of the training labels`,
    );
  }
}

/** A copy of a checkpoint that a running pretraining may be rewriting: copied again until no save came between. */
function copyCheckpoint(dir: string): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'ham-probe-'));
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = statSync(path.join(dir, 'manifest.json')).mtimeMs;
    for (const file of ['manifest.json', 'tensors.bin'])
      copyFileSync(path.join(dir, file), path.join(target, file));
    if (
      statSync(path.join(dir, 'manifest.json')).mtimeMs === before &&
      statSync(path.join(dir, 'tensors.bin')).mtimeMs <= before
    )
      return target;
  }
  return fail(`--checkpoint ${dir} kept changing while it was copied`);
}

interface Plan {
  recipe: string;
  batchSize: number;
  steps: number;
  how: string;
}

/**
 * The product's health checks (the PRETRAIN job's) on 256 evenly spaced training images: the teacher's embedding
 * spread and RankMe against the collapse thresholds, and what its targets look like.
 */
function printHealth(state: Parameters<typeof measureRepresentationHealth>[0], images: tf.Tensor4D) {
  const count = Math.min(256, images.shape[0]);
  const probe = tf.gather(
    images,
    Array.from({ length: count }, (_, i) => Math.floor((i * images.shape[0]) / count)),
  );
  const health = measureRepresentationHealth(state, probe as tf.Tensor4D);
  probe.dispose();
  const verdict = checkCollapse(health);
  console.log(
    `health (teacher, ${health.probeImages} training images): embedding std ${health.embeddingStd.toFixed(4)} (spread ${(1 / Math.sqrt(health.width)).toFixed(4)}), RankMe ${health.effectiveRank.toFixed(1)} of ${Math.min(health.probeImages, health.width)}, teacher entropy ${health.teacherEntropy.toFixed(2)} of ln ${health.prototypes} = ${Math.log(health.prototypes).toFixed(2)}, KL to the centre ${health.teacherCentreKl.toFixed(3)}: ${verdict.collapsed ? `COLLAPSED (${verdict.reasons.join('; ')})` : 'healthy'}${verdict.warnings.length ? ` (${verdict.warnings.join('; ')})` : ''}`,
  );
}

function scheduleFor(steps: number) {
  return {
    epochs: 10,
    stepsPerEpoch: Math.max(1, Math.ceil(steps / 10)),
    warmupEpochs: 1,
    teacherTemperatureWarmupEpochs: 3,
    freezeLastLayerEpochs: 1,
  };
}

console.log(
  '\n| features | probe | labels | views | BAcc [95% CI] | macro AUROC [95% CI] |\n|---|---|---|---|---|---|',
);
const rows = evaluateOnHam({
  ham,
  split,
  backbone,
  views,
  resamples,
  log: (row: EvaluationRow) =>
    console.log(
      `| ${row.features} | ${row.probe} | ${row.labelFraction * 100}% | ${row.views === 8 ? '8 (TTA)' : '1'} | ${formatInterval(row.score.bacc)} | ${formatInterval(row.score.auroc)} |`,
    ),
});
if (backbone) {
  console.log('\nBackbone against the best pixel baseline at the same labels and views:');
  for (const fraction of new Set(rows.map((r) => r.labelFraction)))
    for (const v of views) {
      const pick = (features: string) =>
        rows.filter((r) => r.features === features && r.labelFraction === fraction && r.views === v);
      const best = (list: EvaluationRow[], key: 'bacc' | 'auroc') =>
        list.reduce((a, b) => (b.score[key].value > a.score[key].value ? b : a));
      for (const key of ['bacc', 'auroc'] as const) {
        const ours = best(pick('backbone'), key);
        const theirs = best(pick('pixels'), key);
        const delta = ours.score[key].value - theirs.score[key].value;
        console.log(
          `  ${fraction * 100}% labels, ${v} view(s), ${key === 'bacc' ? 'BAcc' : 'AUROC'}: backbone ${ours.probe} ${ours.score[key].value.toFixed(3)} vs pixel ${theirs.probe} ${theirs.score[key].value.toFixed(3)}: ${delta >= 0 ? '+' : ''}${delta.toFixed(3)} ${delta > 0 ? 'BEATS' : 'DOES NOT BEAT'} pixels`,
        );
      }
    }
}
if (state) disposePretrainState(state);
console.log(`load average ${load()} at the end`);
