import { argmaxRows } from '../metrics/classification.js';
import { type CategoricalDrift, categoricalDrift } from './categorical.js';
import { type NumericDrift, numericDrift } from './numeric.js';

export interface PredictionDrift {
  predictedClass: CategoricalDrift;
  confidence: NumericDrift;
  /** Drift of each class's probability. */
  classProbability: NumericDrift[];
}

/** Drift of the model's outputs: which classes it predicts, how confident it is, each class's probability. */
export function predictionDrift(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  numClasses: number,
): PredictionDrift {
  const column = (rows: ArrayLike<number>, c: number) =>
    Float64Array.from({ length: rows.length / numClasses }, (_, i) => rows[i * numClasses + c]);
  const confidence = (rows: ArrayLike<number>) => {
    const predicted = argmaxRows(rows, numClasses);
    return Float64Array.from(predicted, (c, i) => rows[i * numClasses + c]);
  };
  return {
    predictedClass: categoricalDrift(argmaxRows(reference, numClasses), argmaxRows(current, numClasses)),
    confidence: numericDrift(confidence(reference), confidence(current)),
    classProbability: Array.from({ length: numClasses }, (_, c) =>
      numericDrift(column(reference, c), column(current, c)),
    ),
  };
}
