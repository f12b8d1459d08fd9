// `npm run bench -w apps/trainer`: images/s of pretraining the tiny preset end to end (stored images decoded from
// disk, batches assembled per step, progress callback, checkpoints) against the model package's own trainStep rate
// on a batch already in memory, measured in the same process just before. Goal: data loading costs <= 20%.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { storeImage } from '@dermino/ingest';
import { createPretrainState, disposePretrainState, resolvePretrainConfig, trainStep } from '@dermino/model';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import { selectBackend } from '../src/backend/select-backend.js';
import { pretrainConfigOf } from '../src/jobs/pretrain/pretrain-payload.js';
import { runPretraining } from '../src/jobs/pretrain/pretrain-loop.js';
import { loadPixels } from '../src/jobs/shared/load-pixels.js';

const IMAGES = 256;
const BATCH = 32;
const STEPS = Number(process.argv[2] ?? 12);
const WARMUP = 2;

const backend = await selectBackend({ log: (message) => console.log(message) });
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-'));
const cohort = generateCohort({ seed: 9, imageCount: IMAGES });
const keys: string[] = [];
for (const image of cohort.images.slice(0, IMAGES)) {
  keys.push((await storeImage(await encodeImage(renderImage(image, { size: 128 }), 'png'), { root: path.join(home, 'images') })).storageKey);
}
const config = pretrainConfigOf({ config: {}, preset: 'tiny', seed: 0, steps: STEPS + WARMUP });
const size = resolvePretrainConfig(config).vit.imageSize;

// Reference: the model package's step on one in-memory batch.
const state = createPretrainState(config);
const batch = tf.randomUniform([BATCH, size, size, 3]) as tf.Tensor4D;
for (let i = 0; i < WARMUP; i++) trainStep(state, { images: batch });
let start = performance.now();
for (let i = 0; i < STEPS; i++) trainStep(state, { images: batch });
const referenceSeconds = (performance.now() - start) / 1000;
batch.dispose();
disposePretrainState(state);

// End to end: decode the stored images, then the trainer's loop (sampling, batch assembly, checkpoints).
start = performance.now();
const loaded = await loadPixels(home, keys, size);
const loadSeconds = (performance.now() - start) / 1000;
let trainStart = 0;
const result = await runPretraining({
  data: { pixels: loaded.pixels, count: loaded.loaded.length, size },
  config,
  steps: STEPS + WARMUP,
  batchSize: BATCH,
  checkpointEvery: 5,
  runDir: path.join(home, 'run'),
  onStep: (log) => {
    if (log.step === WARMUP) trainStart = performance.now();
  },
});
const loopSeconds = (performance.now() - trainStart) / 1000;
disposePretrainState(result.state);
fs.rmSync(home, { recursive: true, force: true });

const reference = (STEPS * BATCH) / referenceSeconds;
// One epoch's decoding is shared by every epoch of a real run; here it is charged to these few steps in full.
const endToEnd = (STEPS * BATCH) / (loopSeconds + loadSeconds);
const loopOnly = (STEPS * BATCH) / loopSeconds;
const rows = [
  ['model trainStep (batch in memory)', reference],
  ['trainer loop (sampling, batches, checkpoints every 5)', loopOnly],
  [`trainer end to end (+ decoding ${IMAGES} stored images once)`, endToEnd],
] as const;
console.log(`\nbackend ${backend.choice}, tiny preset, batch ${BATCH}, ${STEPS} timed steps after ${WARMUP} warm-up, ${os.cpus().length} cores (${os.cpus()[0]?.model})`);
console.log('| measurement | images/s | vs model step |\n|---|---:|---:|');
for (const [name, rate] of rows) console.log(`| ${name} | ${rate.toFixed(1)} | ${((rate / reference) * 100).toFixed(0)}% |`);
console.log(`\ndecoding ${IMAGES} images: ${loadSeconds.toFixed(2)} s (${(IMAGES / loadSeconds).toFixed(0)} images/s); data overhead of the loop: ${((1 - loopOnly / reference) * 100).toFixed(1)}% (goal <= 20%)`);
