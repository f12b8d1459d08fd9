import type { AttributeTable } from '../fairness/groups.js';

export interface EvaluationInput {
  /** Row-major n x numClasses class probabilities. */
  probabilities: Float64Array;
  numClasses: number;
  /** True class index per case. */
  labels: Int32Array;
  classNames?: string[];
  /** Class indices that are malignant in the concept taxonomy; enables the malignancy view. */
  malignantClasses?: number[];
  /** Per-case attribute values (skin type, sex, age group, site, device...). */
  attributes?: AttributeTable;
  /** Attributes to break down by; an array is an intersection, e.g. ["sex", "skin_type"]. */
  groupBy?: (string | string[])[];
}

export interface EvaluationOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
  eceBins?: number;
  minGroupSize?: number;
  /** Per-class (and malignant/benign) metrics need at least this many cases on each side. */
  minClassCases?: number;
  topK?: number[];
  specificityTarget?: number;
  malignancyThreshold?: number;
  /** Curves are thinned to at most this many points. */
  maxCurvePoints?: number;
}

export const DEFAULT_EVALUATION_OPTIONS: Required<EvaluationOptions> = {
  resamples: 1000,
  seed: 0,
  confidence: 0.95,
  eceBins: 15,
  minGroupSize: 30,
  minClassCases: 5,
  topK: [2, 3],
  specificityTarget: 0.95,
  malignancyThreshold: 0.5,
  maxCurvePoints: 200,
};

/** Loud validation of the arrays before anything is computed. */
export function validateEvaluationInput(input: EvaluationInput): void {
  const { probabilities, numClasses, labels } = input;
  if (!Number.isInteger(numClasses) || numClasses < 2)
    throw new RangeError(`numClasses must be an integer >= 2, got ${numClasses}`);
  if (labels.length === 0) throw new RangeError('no cases to evaluate');
  if (probabilities.length !== labels.length * numClasses) {
    throw new RangeError(
      `probabilities has ${probabilities.length} values, expected ${labels.length} x ${numClasses}`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    if (!(labels[i] >= 0 && labels[i] < numClasses))
      throw new RangeError(`case ${i}: label ${labels[i]} is not in 0..${numClasses - 1}`);
  }
  for (let j = 0; j < probabilities.length; j++) {
    if (!Number.isFinite(probabilities[j]))
      throw new RangeError(
        `case ${Math.floor(j / numClasses)}: probability of class ${j % numClasses} is not finite`,
      );
  }
  if (input.classNames && input.classNames.length !== numClasses) {
    throw new RangeError(`classNames has ${input.classNames.length} names for ${numClasses} classes`);
  }
}

/** Merges defaults and rejects impossible settings, naming the option. */
export function resolveEvaluationOptions(options: EvaluationOptions = {}): Required<EvaluationOptions> {
  const resolved = { ...DEFAULT_EVALUATION_OPTIONS, ...options };
  const check = (ok: boolean, name: keyof EvaluationOptions, rule: string) => {
    if (!ok) throw new RangeError(`option ${name} must be ${rule}, got ${JSON.stringify(resolved[name])}`);
  };
  const isInt = (v: number, min: number) => Number.isInteger(v) && v >= min;
  check(isInt(resolved.resamples, 0), 'resamples', 'an integer >= 0');
  check(Number.isInteger(resolved.seed), 'seed', 'an integer');
  check(resolved.confidence > 0 && resolved.confidence < 1, 'confidence', 'in (0, 1)');
  check(isInt(resolved.eceBins, 1), 'eceBins', 'an integer >= 1');
  check(isInt(resolved.minGroupSize, 1), 'minGroupSize', 'an integer >= 1');
  check(isInt(resolved.minClassCases, 0), 'minClassCases', 'an integer >= 0');
  check(
    resolved.topK.every((k) => isInt(k, 1)),
    'topK',
    'a list of integers >= 1',
  );
  check(resolved.specificityTarget >= 0 && resolved.specificityTarget <= 1, 'specificityTarget', 'in [0, 1]');
  check(
    resolved.malignancyThreshold >= 0 && resolved.malignancyThreshold <= 1,
    'malignancyThreshold',
    'in [0, 1]',
  );
  check(isInt(resolved.maxCurvePoints, 2), 'maxCurvePoints', 'an integer >= 2');
  return resolved;
}
