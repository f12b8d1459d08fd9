import { fitSoftmax, predictSoftmax } from '../label-quality/softmax-regression.js';
import { argmaxRows, balancedAccuracyFromConfusion, confusionMatrix } from '../metrics/classification.js';
import { createRng } from '../stats/random.js';
import { type LabellingStrategy, rankLabellingQueue } from './rank-labelling-queue.js';

export interface ActiveLearningData {
  /** Row-major [n, dims]: one image's features (backbone embedding or pixel features). */
  features: Float64Array;
  dims: number;
  /** The oracle: each image's true class. */
  labels: Int32Array;
  classes: number;
  /** Images that may be labelled, and held-out images the balanced accuracy is measured on. */
  pool: number[];
  test: number[];
}

export interface ActiveLearningOptions {
  start?: number;
  batch?: number;
  max?: number;
  seeds?: number[];
  /** The active strategy compared with RANDOM (default UNCERTAINTY: uncertainty combined with diversity). */
  strategy?: Exclude<LabellingStrategy, 'RANDOM' | 'DISAGREEMENT'>;
}

export interface CurvePoint {
  labels: number;
  /** Balanced accuracy per seed, and their mean. */
  perSeed: number[];
  mean: number;
}

export interface ActiveLearningResult {
  curves: Record<string, CurvePoint[]>;
  summary: {
    /** Labels the active strategy needs to reach RANDOM's final mean balanced accuracy, over RANDOM's total. */
    labelsRatio: number | null;
    randomFinal: number;
    activeFinal: number;
    /** The label count where the active curve first reaches RANDOM's final mean; null if it never does. */
    labelsToMatch: number | null;
    maxLabels: number;
    seeds: number;
  };
}

const rowsOf = (data: ActiveLearningData, indices: number[]) => {
  const out = new Float64Array(indices.length * data.dims);
  indices.forEach((index, row) =>
    out.set(data.features.subarray(index * data.dims, (index + 1) * data.dims), row * data.dims),
  );
  return out;
};

function balancedAccuracy(data: ActiveLearningData, labelled: number[]) {
  const model = fitSoftmax(
    rowsOf(data, labelled),
    Int32Array.from(labelled, (i) => data.labels[i]),
    data.dims,
    data.classes,
  );
  const predicted = argmaxRows(predictSoftmax(model, rowsOf(data, data.test)), data.classes);
  const truth = Int32Array.from(data.test, (i) => data.labels[i]);
  return {
    model,
    value: balancedAccuracyFromConfusion(confusionMatrix(truth, predicted, data.classes), data.classes),
  };
}

/** One run: start labels drawn at random, then batches chosen by the strategy, a fresh softmax probe after each. */
function runCurve(
  data: ActiveLearningData,
  strategy: LabellingStrategy,
  seed: number,
  options: Required<ActiveLearningOptions>,
) {
  const rng = createRng(seed);
  const order = [...data.pool];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const labelled = order.slice(0, options.start);
  const taken = new Set(labelled);
  const curve: { labels: number; value: number }[] = [];
  for (;;) {
    const { model, value } = balancedAccuracy(data, labelled);
    curve.push({ labels: labelled.length, value });
    if (labelled.length >= options.max) return curve;
    const unlabelled = order.filter((i) => !taken.has(i));
    const probabilities = strategy === 'RANDOM' ? null : predictSoftmax(model, rowsOf(data, unlabelled));
    const embedding = (i: number) => data.features.subarray(i * data.dims, (i + 1) * data.dims);
    const picks = rankLabellingQueue(
      unlabelled.map((index, row) => ({
        id: String(index),
        probabilities: probabilities?.subarray(row * data.classes, (row + 1) * data.classes),
        embedding: embedding(index),
      })),
      {
        strategy,
        count: Math.min(options.batch, options.max - labelled.length),
        labelledEmbeddings: labelled.map(embedding),
        seed: seed * 1000 + labelled.length,
      },
    );
    for (const pick of picks) {
      labelled.push(Number(pick.id));
      taken.add(Number(pick.id));
    }
  }
}

/**
 * The label-efficiency simulation: RANDOM against an active strategy on data with a known oracle, balanced
 * accuracy of a class-weighted softmax probe on held-out images after each batch, over several seeds.
 */
export function simulateActiveLearning(
  data: ActiveLearningData,
  options: ActiveLearningOptions = {},
): ActiveLearningResult {
  const resolved: Required<ActiveLearningOptions> = {
    start: options.start ?? 50,
    batch: options.batch ?? 25,
    max: options.max ?? 400,
    seeds: options.seeds ?? [1, 2, 3],
    strategy: options.strategy ?? 'UNCERTAINTY',
  };
  if (resolved.max > data.pool.length)
    throw new RangeError(`max ${resolved.max} labels exceeds the pool of ${data.pool.length}`);
  const curves: Record<string, CurvePoint[]> = {};
  for (const strategy of ['RANDOM', resolved.strategy] as const) {
    const runs = resolved.seeds.map((seed) => runCurve(data, strategy, seed, resolved));
    curves[strategy] = runs[0].map((point, step) => {
      const perSeed = runs.map((run) => run[step].value);
      return { labels: point.labels, perSeed, mean: perSeed.reduce((a, b) => a + b, 0) / perSeed.length };
    });
  }
  const random = curves.RANDOM;
  const active = curves[resolved.strategy];
  const randomFinal = random[random.length - 1].mean;
  const match = active.find((point) => point.mean >= randomFinal);
  const maxLabels = random[random.length - 1].labels;
  return {
    curves,
    summary: {
      labelsRatio: match ? match.labels / maxLabels : null,
      randomFinal,
      activeFinal: active[active.length - 1].mean,
      labelsToMatch: match?.labels ?? null,
      maxLabels,
      seeds: resolved.seeds.length,
    },
  };
}
