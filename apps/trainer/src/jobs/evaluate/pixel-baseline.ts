import { type Db, findVersionImages, type ModelVersionRecord } from '@dermino/db';
import { classifierLogits, sampleLabelFraction, trainLinearProbe } from '@dermino/model';
import * as tf from '@tensorflow/tfjs-core';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import { vitConfigOf } from '../shared/backbone.js';
import { loadPixels } from '../shared/load-pixels.js';

/** Raw pixels at the model's input size, at most this side (32 px: 3,072 features; a ViT-B's 224 px would be 150,528). */
export const BASELINE_MAX_SIZE = 32;
const WEIGHT_DECAYS = [1e-4, 1e-2, 1e-1];

export interface PixelBaselineFit {
  /** Row-major [test images that loaded, classes]. */
  probabilities: Float64Array;
  /** Indices (into the given test keys) of the rows of `probabilities`. */
  scored: number[];
  description: {
    method: string;
    inputSize: number;
    features: number;
    trainImages: number;
    valImages: number;
    labelFraction: number;
    weightDecay: number;
  };
}

/** The model's input size; a classifier registered without a ViT config gets the largest baseline size. */
function inputSizeOf(model: ModelVersionRecord): number {
  try {
    return vitConfigOf(model).imageSize;
  } catch {
    return BASELINE_MAX_SIZE;
  }
}

function softmaxProbabilities(
  classifier: ReturnType<typeof trainLinearProbe>,
  features: tf.Tensor2D,
): Float64Array {
  const probabilities = tf.tidy(() => tf.softmax(classifierLogits(classifier, features)));
  const out = Float64Array.from(probabilities.dataSync());
  probabilities.dispose();
  return out;
}

const balancedAccuracy = (probabilities: Float64Array, labels: Int32Array, classes: number) => {
  const hits = new Float64Array(classes);
  const counts = new Float64Array(classes);
  labels.forEach((label, row) => {
    const slice = probabilities.subarray(row * classes, (row + 1) * classes);
    counts[label] += 1;
    if (slice.indexOf(Math.max(...slice)) === label) hits[label] += 1;
  });
  const present = [...counts.keys()].filter((c) => counts[c] > 0);
  return present.reduce((sum, c) => sum + hits[c] / counts[c], 0) / present.length;
};

/**
 * The raw-pixel baseline of a classifier: a class-weighted logistic regression (the model package's linear probe)
 * on the pixels of the version's labelled TRAIN images, the same fraction of them the classifier was given (same
 * stratified draw and seed as its FINETUNE job), weight decay chosen on VAL, scored on the given test images.
 */
export async function fitPixelBaseline(options: {
  db: Db;
  home: string;
  model: ModelVersionRecord;
  datasetVersionId: string;
  classes: string[];
  testKeys: (string | null)[];
}): Promise<PixelBaselineFit | { missing: string }> {
  const { db, home, model, classes } = options;
  await useConfiguredBackend();
  const size = Math.min(inputSizeOf(model), BASELINE_MAX_SIZE);
  const config = model.config as { labelFraction?: number; seed?: number };
  const labelFraction = typeof config.labelFraction === 'number' ? config.labelFraction : 1;
  const items = (
    await findVersionImages(db, {
      datasetVersionId: options.datasetVersionId,
      splits: ['TRAIN', 'VAL'],
      labelledOnly: true,
    })
  ).filter((item) => classes.includes(item.conceptCode!));
  const labelOf = (item: (typeof items)[number]) => classes.indexOf(item.conceptCode!);
  const trainAll = items.filter((item) => item.split === 'TRAIN');
  // An external test set (a version with no labelled train images) has nothing to fit a baseline on.
  if (trainAll.length < 2)
    return {
      missing: `dataset version ${options.datasetVersionId} has ${trainAll.length} labelled train image(s) of the model's classes; a baseline needs 2`,
    };
  const train = sampleLabelFraction(trainAll.map(labelOf), labelFraction, config.seed ?? 0).map(
    (index) => trainAll[index],
  );
  const val = items.filter((item) => item.split === 'VAL');
  const load = async (keys: (string | null)[]) => {
    const loaded = await loadPixels(home, keys, size);
    const features = size * size * 3;
    return {
      tensor: tf.tensor2d(loaded.pixels, [loaded.loaded.length, features]),
      loaded: loaded.loaded,
      features,
    };
  };
  const trainPixels = await load(train.map((item) => item.storageKey));
  const valPixels = await load(val.map((item) => item.storageKey));
  const testPixels = await load(options.testKeys);
  try {
    const trainLabels = Int32Array.from(trainPixels.loaded, (index) => labelOf(train[index]));
    const valLabels = Int32Array.from(valPixels.loaded, (index) => labelOf(val[index]));
    let best: { classifier: ReturnType<typeof trainLinearProbe>; weightDecay: number; score: number } | null =
      null;
    for (const weightDecay of valLabels.length ? WEIGHT_DECAYS : WEIGHT_DECAYS.slice(0, 1)) {
      const classifier = trainLinearProbe(trainPixels.tensor, trainLabels, {
        classes: classes.length,
        weightDecay,
        epochs: 200,
      });
      const score = valLabels.length
        ? balancedAccuracy(softmaxProbabilities(classifier, valPixels.tensor), valLabels, classes.length)
        : 0;
      if (!best || score > best.score) {
        if (best) tf.dispose(Object.values(best.classifier.weights));
        best = { classifier, weightDecay, score };
      } else tf.dispose(Object.values(classifier.weights));
    }
    const probabilities = softmaxProbabilities(best!.classifier, testPixels.tensor);
    tf.dispose(Object.values(best!.classifier.weights));
    return {
      probabilities,
      scored: testPixels.loaded,
      description: {
        method: `class-weighted logistic regression on raw ${size}x${size} RGB pixels`,
        inputSize: size,
        features: trainPixels.features,
        trainImages: trainLabels.length,
        valImages: valLabels.length,
        labelFraction,
        weightDecay: best!.weightDecay,
      },
    };
  } finally {
    tf.dispose([trainPixels.tensor, valPixels.tensor, testPixels.tensor]);
  }
}
