import {
  categoricalDrift,
  embeddingDrift,
  estimateBinaryPerformance,
  estimateMulticlassAccuracy,
  numericDrift,
  predictionDrift,
} from '@dermino/analytics';

export const METADATA = ['device', 'source', 'modality', 'site', 'sex', 'skin_type', 'age_band'] as const;
export const QUALITY = ['brightness', 'contrast', 'colorCast', 'blurVariance'] as const;

/** What the drift job knows of each image, in capture order. */
export interface DriftRows {
  month: string[];
  metadata: Record<(typeof METADATA)[number], string[]>;
  quality: Record<(typeof QUALITY)[number], (number | null)[]>;
  /** [n, classes] probabilities of the classifier. */
  probabilities: Float32Array;
  classes: number;
  malignantClasses: number[];
  /** [n, dims] embeddings. */
  embeddings: Float32Array;
  dims: number;
}

export interface WindowOptions {
  permutations: number;
  maxPerWindow: number;
  seed: number;
}

const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(6)) : null);

function rows(matrix: Float32Array, width: number, indices: number[]): Float64Array {
  const out = new Float64Array(indices.length * width);
  indices.forEach((index, row) => {
    for (let d = 0; d < width; d++) out[row * width + d] = matrix[index * width + d];
  });
  return out;
}

/** An evenly spaced subset, so the embedding tests stay affordable on big windows. */
const thinOut = (indices: number[], max: number) =>
  indices.length <= max ? indices : Array.from({ length: max }, (_, i) => indices[Math.floor((i * indices.length) / max)]);

/** Every statistic of one window against the reference window. */
export function windowStatistics(data: DriftRows, reference: number[], current: number[], options: WindowOptions) {
  const metadata = Object.fromEntries(
    METADATA.map((name) => {
      const drift = categoricalDrift(reference.map((i) => data.metadata[name][i]), current.map((i) => data.metadata[name][i]));
      return [name, { jensenShannon: round(drift.jensenShannon), psi: round(drift.psi), chiSquarePValue: round(drift.chiSquare.pValue) }];
    }),
  );
  const quality = Object.fromEntries(
    QUALITY.map((name) => {
      const values = (indices: number[]) => indices.flatMap((i) => (data.quality[name][i] === null ? [] : [data.quality[name][i] as number]));
      const [ref, cur] = [values(reference), values(current)];
      if (ref.length < 2 || cur.length < 2) return [name, null];
      const drift = numericDrift(ref, cur);
      return [name, { ksStatistic: round(drift.ks.statistic), ksPValue: round(drift.ks.pValue), psi: round(drift.psi), normalisedWasserstein: round(drift.normalisedWasserstein) }];
    }),
  );
  const [refSample, curSample] = [thinOut(reference, options.maxPerWindow), thinOut(current, options.maxPerWindow)];
  const embedding = embeddingDrift(rows(data.embeddings, data.dims, refSample), rows(data.embeddings, data.dims, curSample), data.dims, {
    mmd: { permutations: options.permutations, seed: options.seed },
    classifier: { seed: options.seed },
  });
  const k = data.classes;
  const [refProbs, curProbs] = [rows(data.probabilities, k, reference), rows(data.probabilities, k, current)];
  const predictions = predictionDrift(refProbs, curProbs, k);
  const malignancyScores = Float64Array.from(current, (i) => data.malignantClasses.reduce((sum, c) => sum + data.probabilities[i * k + c], 0));
  const cbpe = {
    expectedAccuracy: round(estimateMulticlassAccuracy(curProbs, k)),
    malignancy: data.malignantClasses.length ? estimateBinaryPerformance(malignancyScores) : null,
  };
  return {
    n: current.length,
    metadata,
    quality,
    embeddings: {
      mmd2: round(embedding.mmd.mmd2),
      mmdPValue: round(embedding.mmd.pValue),
      domainClassifierAuroc: round(embedding.domainClassifier.auroc),
      meanShift: JSON.parse(JSON.stringify(embedding.meanShift, (_, v) => (typeof v === 'number' ? round(v) : v))),
    },
    predictions: {
      predictedClassJensenShannon: round(predictions.predictedClass.jensenShannon),
      predictedClassPsi: round(predictions.predictedClass.psi),
      confidencePsi: round(predictions.confidence.psi),
      confidenceKsPValue: round(predictions.confidence.ks.pValue),
    },
    cbpe,
  };
}

export type WindowStatistics = ReturnType<typeof windowStatistics>;
