/** How uncertain one prediction is, in [0, 1]: 1 is a coin toss, 0 a sure answer. */
export type UncertaintyMeasure = 'margin' | 'entropy';

/** 1 - (p1 - p2): the top two classes' gap, inverted (margin sampling). */
export function marginUncertainty(probabilities: ArrayLike<number>): number {
  let first = 0;
  let second = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (p > first) {
      second = first;
      first = p;
    } else if (p > second) second = p;
  }
  return probabilities.length < 2 ? 0 : 1 - (first - second);
}

/** Shannon entropy divided by log(classes). */
export function normalizedEntropy(probabilities: ArrayLike<number>): number {
  if (probabilities.length < 2) return 0;
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) total += Math.max(0, probabilities[i]);
  let entropy = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.max(0, probabilities[i]) / (total || 1);
    if (p > 0) entropy -= p * Math.log(p);
  }
  return entropy / Math.log(probabilities.length);
}

export function uncertaintyOf(probabilities: ArrayLike<number>, measure: UncertaintyMeasure): number {
  return measure === 'entropy' ? normalizedEntropy(probabilities) : marginUncertainty(probabilities);
}
