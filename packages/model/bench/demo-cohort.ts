// The demo's pretraining recipe on the synthetic demo cohort (@dermino/synth, as `npm start` seeds it), measured the
// way a user meets it: representation health, similar cases of a melanoma, and a linear probe against a raw-pixel
// logistic regression on held-out patients. Colour jitter can be switched on to measure what it costs.
// `npx tsx bench/demo-cohort.ts [--steps 300] [--images 2000] [--hue 0.1 --saturation 0.2] [--crops JSON] [--weights JSON]
//   [--schedule JSON] [--features cls,cls+mean,cls+mean+grid2,cls+mean+grid4] [--finetune EPOCHS]`
import os from 'node:os';
import { demoCohortOptions, generateCohort, renderSamples, SYNTH_CLASS_CODES } from '@dermino/synth';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { deriveConceptEmbeddings } from '../src/concepts/concept-embeddings';
import { effectiveRank } from '../src/health/effective-rank';
import { normalisedEmbeddingStd } from '../src/health/embedding-spread';
import { createRng } from '../src/random';
import { registerGradients } from '../src/register-gradients';
import { createParallelTrainer } from '../src/train/parallel/parallel-trainer';
import { PRETRAIN_RECIPES } from '../src/train/pretrain-recipes';
import { createPretrainState } from '../src/train/pretrain-state';
import { backboneFeatures } from './ham10000/backbone-features';
import { take } from './ham10000/data';
import { formatInterval, scoreProbabilities } from './ham10000/metrics';
import { probeProbabilities } from './ham10000/probes';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
await tf.setBackend('wasm');
registerGradients();
const count = Number(arg('images', '2000'));
const steps = Number(arg('steps', '300'));
const size = 32;
const cohort = generateCohort(demoCohortOptions(1, count));
const samples = renderSamples(cohort.images, size);
const pixels = new Float32Array(samples.length * size * size * 3);
samples.forEach((s, i) => {
  for (let j = 0; j < s.data.length; j++) pixels[i * s.data.length + j] = s.data[j] / 255;
});
const truth = Int32Array.from(samples, (s) => s.classIndex);
const classes = SYNTH_CLASS_CODES.length;
// Held-out patients (a fifth), as a split by patient; the observed labels (some planted wrong) train, truth scores.
const patients = [...new Set(cohort.images.map((i) => i.patientId))].sort();
const rng = createRng(7);
for (let i = patients.length - 1; i > 0; i--) {
  const j = rng.int(i + 1);
  [patients[i], patients[j]] = [patients[j], patients[i]];
}
const heldOut = new Set(patients.slice(0, Math.round(patients.length / 5)));
const train: number[] = [];
const test: number[] = [];
cohort.images.forEach((image, i) => {
  (heldOut.has(image.patientId) ? test : train).push(i);
});
const observed = Int32Array.from(cohort.images, (image) =>
  image.label ? SYNTH_CLASS_CODES.indexOf(image.label) : -1,
);
const labelled = train.filter((i) => observed[i] >= 0);

const recipe = PRETRAIN_RECIPES['cpu-demo'];
const jitter = {
  probability: 0.8,
  brightness: 0.2,
  contrast: 0.2,
  saturation: Number(arg('saturation', '0')),
  hue: Number(arg('hue', '0')),
};
const config = {
  ...recipe.config,
  crops: { ...recipe.config.crops, jitter, ...JSON.parse(arg('crops', '{}')) },
  lossWeights: { label: 3, ...JSON.parse(arg('weights', '{}')) },
  schedule: {
    ...recipe.config.schedule,
    epochs: 10,
    stepsPerEpoch: Math.ceil(steps / 10),
    warmupEpochs: 1,
    teacherTemperatureWarmupEpochs: 3,
  },
};
// --schedule '{"lr":0.003,"momentum":0.9}' overrides the recipe's schedule (ablations).
Object.assign(config.schedule, JSON.parse(arg('schedule', '{}')));
const embeddings = deriveConceptEmbeddings(
  SYNTH_CLASS_CODES.map((code) => ({ code })),
  64,
);
const state = createPretrainState(config, { conceptEmbeddings: embeddings });
const trainer = await createParallelTrainer(state, {
  replicas: os.availableParallelism(),
  backend: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
  conceptEmbeddings: embeddings,
});
const all = tf.tensor4d(pixels, [samples.length, size, size, 3]);
const started = performance.now();
for (let s = 0; s < steps; s++) {
  const rows = Array.from({ length: recipe.batchSize }, () => train[rng.int(train.length)]);
  const targets = new Float32Array(rows.length * classes);
  const space = new Float32Array(rows.length * classes);
  rows.forEach((row, i) => {
    if (observed[row] >= 0) {
      targets[i * classes + observed[row]] = 1;
      space.fill(1, i * classes, (i + 1) * classes);
    }
  });
  const images = tf.tidy(() => tf.gather(all, tf.tensor1d(rows, 'int32'))) as tf.Tensor4D;
  const labels = {
    targets: tf.tensor2d(targets, [rows.length, classes]),
    labelSpace: tf.tensor2d(space, [rows.length, classes]),
  };
  await trainer.step({ images, labels });
  tf.dispose([images, labels.targets, labels.labelSpace]);
}
await trainer.close();
const seconds = (performance.now() - started) / 1000;
// --features a,b: probe each pooling (the first also drives health and similar cases).
const poolings = arg('features', 'cls').split(',') as import('./ham10000/backbone-features').FeatureKind[];
const features = backboneFeatures(state.teacher.backbone, all, poolings[0]);
const dim = features.length / samples.length;
const testFeatures = take(features, test, dim);
const rowsOf = (flat: Float32Array, n: number) =>
  Array.from({ length: n }, (_, i) => flat.subarray(i * dim, (i + 1) * dim));
// Similar cases: each held-out melanoma's 10 nearest training images by cosine, as the clinician's page shows them.
const norm = (v: Float32Array) => {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
};
const trainRows = train.map((i) => norm(features.subarray(i * dim, (i + 1) * dim)));
const mel = SYNTH_CLASS_CODES.indexOf('mel' as never);
let melShare = 0;
let melQueries = 0;
const top: number[] = [];
test.forEach((i) => {
  if (truth[i] !== mel) return;
  const q = norm(features.subarray(i * dim, (i + 1) * dim));
  const sims = trainRows
    .map((r, k) => ({ k, s: r.reduce((a, x, d) => a + x * q[d], 0) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 10);
  melShare += sims.filter((x) => truth[train[x.k]] === mel).length / 10;
  melQueries++;
  top.push(...sims.map((x) => x.s));
});
top.sort((a, b) => a - b);
const q = (p: number) => top[Math.floor(p * (top.length - 1))]?.toFixed(3);
const testTruth = take(truth, test, 1);
function probe(feat: Float32Array, d: number) {
  return scoreProbabilities(
    probeProbabilities(
      'linear',
      { views: [take(feat, labelled, d)], count: labelled.length, dim: d },
      take(observed, labelled, 1),
      { views: [take(feat, test, d)], count: test.length, dim: d },
      classes,
      1,
    ),
    testTruth,
    classes,
    1000,
  );
}
const ours = probe(features, dim);
const pix = probe(pixels, size * size * 3);
const melBase = train.filter((i) => truth[i] === mel).length / train.length;
console.log(
  `demo cohort ${count} images (${train.length} train / ${test.length} held-out patients' images, ${labelled.length} labelled), jitter hue ${jitter.hue} saturation ${jitter.saturation}, ${steps} steps of ${recipe.batchSize} in ${seconds.toFixed(0)} s, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `health: normalised embedding std ${normalisedEmbeddingStd(rowsOf(testFeatures, test.length)).toFixed(4)} (1/sqrt(${dim}) = ${(1 / Math.sqrt(dim)).toFixed(4)}), RankMe ${effectiveRank(rowsOf(testFeatures, test.length)).toFixed(1)} of ${dim}`,
);
console.log(
  `similar cases of ${melQueries} held-out melanomas: ${((100 * melShare) / Math.max(1, melQueries)).toFixed(0)}% of the top 10 are melanomas (base rate ${(100 * melBase).toFixed(0)}%); top-10 cosine p5 ${q(0.05)} median ${q(0.5)} p95 ${q(0.95)}`,
);
console.log(
  `linear probe on the backbone (${poolings[0]}): BAcc ${formatInterval(ours.bacc)} AUROC ${formatInterval(ours.auroc)}`,
);
for (const pooling of poolings.slice(1)) {
  const other = backboneFeatures(state.teacher.backbone, all, pooling);
  const score = probe(other, other.length / samples.length);
  console.log(
    `linear probe on the backbone (${pooling}): BAcc ${formatInterval(score.bacc)} AUROC ${formatInterval(score.auroc)}`,
  );
}
console.log(
  `logistic regression on the pixels: BAcc ${formatInterval(pix.bacc)} AUROC ${formatInterval(pix.auroc)}`,
);
// --finetune N: then fine-tune the teacher backbone end to end (all blocks, a new linear head) on the labelled
// training images for N epochs, and score it on the held-out images as the FINETUNE job's 'finetune' method does.
const finetuneEpochs = Number(arg('finetune', '0'));
if (finetuneEpochs > 0) {
  const { fineTune, classifierLogits, normalizeImages, vitForward } = await import('../src/index');
  const labelledImages = tf.tidy(() => tf.gather(all, tf.tensor1d(labelled, 'int32'))) as tf.Tensor4D;
  const t0 = performance.now();
  const head = fineTune(state.teacher.backbone, labelledImages, take(observed, labelled, 1), {
    classes,
    epochs: finetuneEpochs,
    lr: Number(arg('ft-lr', '1e-3')),
    backboneLrScale: Number(arg('ft-scale', '0.1')),
  });
  const probabilities = tf.tidy(() => {
    const x = normalizeImages(tf.gather(all, tf.tensor1d(test, 'int32')) as tf.Tensor4D);
    return tf.softmax(classifierLogits(head, vitForward(state.teacher.backbone, x).cls));
  });
  const tuned = scoreProbabilities(probabilities.dataSync() as Float32Array, testTruth, classes, 1000);
  console.log(
    `fine-tuned ${finetuneEpochs} epochs (${((performance.now() - t0) / 1000).toFixed(0)} s): BAcc ${formatInterval(tuned.bacc)} AUROC ${formatInterval(tuned.auroc)}`,
  );
}
