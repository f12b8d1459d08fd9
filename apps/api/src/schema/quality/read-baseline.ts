/** The stored baseline JSON (apps/trainer's EVALUATE job) as the GraphQL PixelBaseline; null when absent or malformed. */

interface Estimate {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

interface Difference {
  a: number | null;
  b: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
}

interface StoredBaseline {
  method: string;
  inputSize: number;
  trainImages: number;
  valImages: number;
  testImages: number;
  labelFraction: number;
  baseline: Record<'balanced_accuracy' | 'macro_auroc' | 'accuracy', Estimate>;
  gain: Record<'balanced_accuracy' | 'macro_auroc' | 'accuracy', Difference>;
  beats_baseline: boolean;
  beats_baseline_clearly: boolean;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const interval = (estimate: Estimate | undefined) => ({
  value: num(estimate?.value),
  ciLow: num(estimate?.ci_low),
  ciHigh: num(estimate?.ci_high),
});
const gain = (difference: Difference | undefined) => ({
  model: num(difference?.a),
  baseline: num(difference?.b),
  difference: num(difference?.difference),
  ciLow: num(difference?.ci_low),
  ciHigh: num(difference?.ci_high),
  pValue: num(difference?.p_value),
});

export function readBaseline(stored: unknown) {
  const value = stored as StoredBaseline | null;
  if (
    !value ||
    typeof value !== 'object' ||
    typeof value.method !== 'string' ||
    !value.baseline ||
    !value.gain
  )
    return null;
  return {
    method: value.method,
    inputSize: value.inputSize,
    trainImages: value.trainImages,
    valImages: value.valImages,
    testImages: value.testImages,
    labelFraction: value.labelFraction,
    balancedAccuracy: interval(value.baseline.balanced_accuracy),
    macroAuroc: interval(value.baseline.macro_auroc),
    accuracy: interval(value.baseline.accuracy),
    balancedAccuracyGain: gain(value.gain.balanced_accuracy),
    macroAurocGain: gain(value.gain.macro_auroc),
    accuracyGain: gain(value.gain.accuracy),
    beatsBaseline: value.beats_baseline === true,
    beatsBaselineClearly: value.beats_baseline_clearly === true,
  };
}
