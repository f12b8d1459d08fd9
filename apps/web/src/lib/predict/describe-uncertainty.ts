import type { Prediction } from './predict-types';

export type UncertaintyLevel = 'low' | 'moderate' | 'high';

// Thresholds on normalised entropy (0 = one class takes everything, 1 = all classes equally likely).
const LOW = 0.35;
const HIGH = 0.7;

export function levelOfUncertainty(normalizedEntropy: number): UncertaintyLevel {
  if (normalizedEntropy < LOW) return 'low';
  return normalizedEntropy < HIGH ? 'moderate' : 'high';
}

/** A plain-words reading of the uncertainty, for clinicians who do not think in nats. */
export function describeUncertainty(uncertainty: Prediction['uncertainty'], classCount: number): string {
  const level = levelOfUncertainty(uncertainty.normalizedEntropy);
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
