import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { loadSynthImages } from '../../test/synth-data';
import { deriveConceptEmbeddings } from '../concepts/concept-embeddings';
import { accuracy, extractFeatures, sampleLabelFraction } from '../eval/features';
import { knnClassify } from '../eval/knn';
import { predictClasses, trainLinearProbe } from '../eval/linear-probe';
import { labelHeadForward } from '../heads/label-head';
import { createVit, disposeModel, type VitModel } from '../vit/create-vit';
import type { PretrainConfigInput } from './pretrain-config';
import { createPretrainState, disposePretrainState, type PretrainState } from './pretrain-state';
import { trainStep } from './train-step';

// Does hybrid pretraining of the `tiny` preset really learn? @dermino/synth images (32 px, 7 diagnoses),
// 500 for pretraining and as the kNN memory, 300 held out. Two 150-step runs (self-supervised only, and hybrid with
// the label loss on 10% of the images); ~3 CPU-minutes; 4-11 min wall on the shared cores. Numbers in BENCHMARKS.md.
const TRAIN = 500;
const STEPS = 150;
const BATCH = 32;

const config: PretrainConfigInput = {
  vit: 'tiny',
  // Colour is diagnostic in dermoscopy (and in the synthetic classes), so hue/saturation jitter, greyscale and
  // solarisation are turned down from the ImageNet recipe.
  crops: {
    jitter: { probability: 0.8, brightness: 0.2, contrast: 0.2, saturation: 0.1, hue: 0 },
    greyscaleProbability: 0,
    solarizeProbability: 0,
  },
  // A short run: the teacher must follow the student faster than over a 100-epoch schedule.
  schedule: {
    epochs: STEPS,
    stepsPerEpoch: 1,
    warmupEpochs: 15,
    teacherTemperatureWarmupEpochs: 45,
    lr: 3e-3,
    momentum: 0.9,
  },
};

describe('hybrid pretraining learns (tiny preset, synthetic dermoscopy)', () => {
  let data: ReturnType<typeof loadSynthImages>;
  let train: { images: tf.Tensor4D; labels: number[] };
  let test: { images: tf.Tensor4D; labels: number[] };
  const results: Record<string, number> = {};

  beforeAll(async () => {
    await useTestBackend();
    data = loadSynthImages({ seed: 41, count: 800, size: 32 });
    train = {
      images: tf.slice(data.images, [0, 0, 0, 0], [TRAIN, -1, -1, -1]),
      labels: data.labels.slice(0, TRAIN),
    };
    test = {
      images: tf.slice(data.images, [TRAIN, 0, 0, 0], [-1, -1, -1, -1]),
      labels: data.labels.slice(TRAIN),
    };
  });

  afterAll(() => {
    console.log('learning test results', JSON.stringify(results));
    tf.dispose([data.images, train.images, test.images]);
  });

  function knnAccuracy(model: VitModel, memory: number[] = train.labels.map((_, i) => i)): number {
    const all = extractFeatures(model, train.images);
    const bank = tf.gather(all, memory) as tf.Tensor2D;
    const query = extractFeatures(model, test.images);
    const { predictions } = knnClassify(
      bank,
      memory.map((i) => train.labels[i]),
      query,
      { k: 20, temperature: 0.07, classes: data.classes },
    );
    tf.dispose([all, bank, query]);
    return accuracy(predictions, test.labels);
  }

  /** Linear probe trained on the 10% labelled images only, accuracy on the held-out images. */
  function probeAccuracy(model: VitModel, labelledIds: number[]): number {
    const all = extractFeatures(model, train.images);
    const features = tf.gather(all, labelledIds) as tf.Tensor2D;
    const probe = trainLinearProbe(
      features,
      labelledIds.map((i) => train.labels[i]),
      { classes: data.classes, epochs: 300, lr: 0.01 },
    );
    const query = extractFeatures(model, test.images);
    const value = accuracy(predictClasses(probe, query), test.labels);
    tf.dispose([all, features, query, ...Object.values(probe.weights)]);
    return value;
  }

  function pretrain(labelled: Set<number> | null): PretrainState {
    const codes = [...data.codes];
    const conceptEmbeddings = labelled
      ? deriveConceptEmbeddings(
          codes.map((code) => ({ code })),
          32,
        )
      : undefined;
    const state = createPretrainState(config, { conceptEmbeddings });
    // Semi-supervised sampler: a quarter of each batch comes from the labelled images (else ~3 labelled per batch).
    const labelledIds = labelled ? [...labelled].sort((a, b) => a - b) : [];
    const unlabelledIds = train.labels.map((_, i) => i).filter((i) => !labelled?.has(i));
    const perBatch = labelled ? BATCH / 4 : 0;
    for (let step = 0; step < STEPS; step++) {
      const index = [
        ...Array.from(
          { length: perBatch },
          (_, i) => labelledIds[(step * perBatch + i) % labelledIds.length],
        ),
        ...Array.from(
          { length: BATCH - perBatch },
          (_, i) => unlabelledIds[(step * (BATCH - perBatch) + i) % unlabelledIds.length],
        ),
      ];
      const images = tf.gather(train.images, index) as tf.Tensor4D;
      const labels = labelled
        ? {
            targets: tf.tensor2d(
              index.flatMap((i) => codes.map((_, c) => (labelled.has(i) && train.labels[i] === c ? 1 : 0))),
              [BATCH, codes.length],
            ),
            labelSpace: tf.tensor2d(
              index.flatMap((i) => codes.map(() => (labelled.has(i) ? 1 : 0))),
              [BATCH, codes.length],
            ),
          }
        : undefined;
      const log = trainStep(state, { images, labels });
      expect(Number.isFinite(log.losses.total)).toBe(true);
      tf.dispose([images, ...(labels ? [labels.targets, labels.labelSpace] : [])]);
    }
    return state;
  }

  it('beats a random-initialised backbone on held-out kNN accuracy; the label loss helps with 10% labels', () => {
    const random = createVit('tiny', { seed: 0 });
    const tenPercent = sampleLabelFraction(train.labels, 0.1, 3);
    results.randomKnn = knnAccuracy(random);
    results.randomProbe10 = probeAccuracy(random, tenPercent);
    disposeModel(random);

    const selfSupervised = pretrain(null);
    results.sslTeacherKnn = knnAccuracy(selfSupervised.teacher.backbone);
    results.sslStudentKnn = knnAccuracy(selfSupervised.student.backbone);
    results.sslProbe10 = probeAccuracy(selfSupervised.student.backbone, tenPercent);
    disposePretrainState(selfSupervised);

    const hybrid = pretrain(new Set(tenPercent));
    results.hybridTeacherKnn = knnAccuracy(hybrid.teacher.backbone);
    results.hybridStudentKnn = knnAccuracy(hybrid.student.backbone);
    results.hybridProbe10 = probeAccuracy(hybrid.student.backbone, tenPercent);
    const scores = tf.tidy(() =>
      tf.argMax(
        labelHeadForward(hybrid.labelHead!, extractFeatures(hybrid.student.backbone, test.images)),
        1,
      ),
    );
    results.hybridLabelHead = accuracy(Int32Array.from(scores.dataSync()), test.labels);
    scores.dispose();
    disposePretrainState(hybrid);

    // Runs are deterministic but chaotic: the blur rewritten as depthwise convolutions (equal to the old products
    // within 2.4e-7) moved the numbers by a few points. kNN random 0.370 in both; teacher kNN SSL / hybrid 0.463 /
    // 0.423 before, 0.420 / 0.440 after; probe on 10% labels SSL / hybrid 0.293 / 0.320 before, 0.243 / 0.330 after.
    // One run on 300 images has a standard error of ~0.03, so the margin over random is asserted on the mean of the
    // two pretrained teachers (two runs), and each must beat random; the label-loss gain has no margin.
    expect(results.sslTeacherKnn).toBeGreaterThan(results.randomKnn);
    expect(results.hybridTeacherKnn).toBeGreaterThan(results.randomKnn);
    expect((results.sslTeacherKnn + results.hybridTeacherKnn) / 2).toBeGreaterThan(results.randomKnn + 0.04);
    expect(results.hybridProbe10).toBeGreaterThan(results.sslProbe10);
  }, 1_200_000);
});
