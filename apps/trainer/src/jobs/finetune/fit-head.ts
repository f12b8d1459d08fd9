import type { WeightMap } from '@dermino/model';
import type { CachedEmbeddings } from '../shared/cached-embeddings.js';
import { fitKnn, KNN_TEMPERATURE } from './fit-knn.js';
import { fitLinearProbe } from './fit-linear.js';

export interface HeadFit {
  classifier?: WeightMap;
  /** kNN only: the train embeddings and labels it scores against. */
  memory?: WeightMap;
  config: Record<string, unknown>;
  valAccuracy: number | null;
  trainImages: number;
  valImages: number;
}

/**
 * A linear probe or kNN on embeddings: rows of `embedded` whose image index is below `trainCount` train it, the
 * rest validate it (weight decay or k). Seconds, whatever the backbone: the embeddings are computed already.
 */
export function fitHeadOnEmbeddings(
  method: 'linear' | 'knn',
  embedded: Pick<CachedEmbeddings, 'features' | 'dims' | 'embedded'>,
  labelOfImage: number[],
  trainCount: number,
  classes: number,
): HeadFit {
  const { dims } = embedded;
  const split = (train: boolean) => {
    const rows = embedded.embedded.flatMap((image, row) => (image < trainCount === train ? [row] : []));
    const features = new Float32Array(rows.length * dims);
    for (const [i, row] of rows.entries()) {
      features.set(embedded.features.subarray(row * dims, (row + 1) * dims), i * dims);
    }
    return { features, labels: Int32Array.from(rows, (row) => labelOfImage[embedded.embedded[row]]) };
  };
  const train = split(true);
  const val = split(false);
  if (new Set(train.labels).size < 2)
    throw new Error(
      `Only ${train.labels.length} train images could be embedded, of fewer than 2 classes; nothing to train.`,
    );
  const counts = { trainImages: train.labels.length, valImages: val.labels.length };
  if (method === 'linear') {
    const fit = fitLinearProbe(train, val, dims, classes);
    return {
      classifier: fit.weights,
      config: {
        weightDecay: fit.weightDecay,
        standardised: 'folded into weights',
        features: 'cached ONNX embeddings',
      },
      valAccuracy: fit.valAccuracy,
      ...counts,
    };
  }
  const fit = fitKnn(train, val, dims, classes);
  const memory: WeightMap = {
    features: { shape: [train.labels.length, dims], data: train.features },
    labels: { shape: [train.labels.length], data: Float32Array.from(train.labels) },
  };
  return {
    memory,
    config: { k: fit.k, temperature: KNN_TEMPERATURE, features: 'cached ONNX embeddings' },
    valAccuracy: fit.valAccuracy,
    ...counts,
  };
}
