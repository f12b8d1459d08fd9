import type { Prediction } from './predict-types';

export type UncertaintyLevel = 'low' | 'moderate' | 'high';

// Thresholds on normalised entropy (0 = one class takes everything, 1 = all classes equally likely).
const LOW = 0.35;
const HIGH = 0.7;

export function levelOfUncertainty(normalizedEntropy: number): UncertaintyLevel {
  if (normalizedEntropy < LOW) return 'low';
  return normalizedEntropy < HIGH ? 'moderate' : 'high';
}

/** Entropy over its maximum ln K: 0 when one class takes everything, 1 when all K are equally likely. */
export function normalizedEntropyOf(probabilities: readonly number[]): number {
  if (probabilities.length < 2) return 0;
  let entropy = 0;
  for (const p of probabilities) if (p > 0) entropy -= p * Math.log(p);
  return entropy / Math.log(probabilities.length);
}

/**
 * A plain-words reading of the uncertainty, for clinicians who do not think in nats. It reads the probabilities
 * shown (calibrated when the model has a temperature): an over-confident head softened to 23% must not be called
 * certain because its raw output was.
 */
export function describeUncertainty(
  uncertainty: Prediction['uncertainty'],
  shown: readonly number[],
): string {
  const classCount = shown.length;
  const level = levelOfUncertainty(normalizedEntropyOf(shown));
  const spread =
    level === 'low'
      ? 'The model puts most of its probability on one class.'
      : level === 'moderate'
        ? 'The model spreads its probability over several classes.'
        : `The model is close to guessing among all ${classCount} classes.`;
  const percent = Math.round(uncertainty.confidence * 100);
  const calibration =
    uncertainty.calibration === 'TEMPERATURE_SCALED'
      ? `Calibrated on the model's latest evaluation, a confidence of ${percent}% means that, in that evaluation, predictions this confident were right about ${percent}% of the time.`
      : `This model has no evaluation yet, so the ${percent}% is the raw model output and is not calibrated: it may be over-confident.`;
  return `${spread} ${calibration}`;
}
