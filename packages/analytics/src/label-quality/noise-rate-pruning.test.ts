import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/random.js';
import { withLesionEvidence } from './lesion-evidence.js';
import { pruneByNoiseRate } from './noise-rate-pruning.js';
import { crossValidatedProbabilities } from './out-of-sample.js';

/** Three Gaussian classes in 5 dims; `flips` labels are changed to the next class. */
function noisy(n: number, flips: number, seed: number) {
  const rng = createRng(seed);
  const truth: number[] = [];
  const features = new Float64Array(n * 5);
  for (let i = 0; i < n; i++) {
    truth.push(i % 3);
    for (let d = 0; d < 5; d++) features[i * 5 + d] = rng.nextNormal() + (d === i % 3 ? 3 : 0);
  }
  const labels = [...truth];
  const flipped = new Set<number>();
  while (flipped.size < flips) flipped.add(rng.nextInt(n));
  for (const i of flipped) labels[i] = (truth[i] + 1) % 3;
  return { features, labels, flipped };
}

describe('label issues by confident learning, pruned by the noise rate', () => {
  it('flags about as many images as it estimates are wrong, and they are the planted ones', () => {
    const { features, labels, flipped } = noisy(600, 30, 1);
    const oos = crossValidatedProbabilities(features, labels, 5, 3, { seed: 1 });
    expect(oos.balancedAccuracy).toBeGreaterThan(0.85);
    const result = pruneByNoiseRate(oos.probabilities, 3, labels);
    expect(result.estimatedNoiseRate).toBeGreaterThan(0.03);
    expect(result.estimatedNoiseRate).toBeLessThan(0.09);
    const hits = result.issues.filter((issue) => flipped.has(issue.index)).length;
    expect(hits / result.issues.length).toBeGreaterThan(0.7);
    expect(hits / flipped.size).toBeGreaterThan(0.7);
    for (const issue of result.issues) {
      expect(issue.suggestedLabel).not.toBe(issue.givenLabel);
      expect(issue.selfConfidence).toBe(oos.probabilities[issue.index * 3 + issue.givenLabel]);
    }
  });

  it('flags (almost) nothing when every label is right: no fixed quota', () => {
    const { features, labels } = noisy(600, 0, 2);
    const result = pruneByNoiseRate(
      crossValidatedProbabilities(features, labels, 5, 3, { seed: 2 }).probabilities,
      3,
      labels,
    );
    expect(result.issues.length).toBeLessThanOrEqual(6);
  });

  it("reads a lesion's other labels as evidence, never the image's own", () => {
    const uniform = new Float64Array(3 * 3).fill(1 / 3);
    // Two images of lesion L labelled 0, one labelled 2; an image alone in M.
    const updated = withLesionEvidence(uniform.slice(0, 9), 3, [0, 0, 2], ['L', 'L', 'L']);
    expect(updated[2 * 3 + 0]).toBeGreaterThan(0.9);
    // Image 0's siblings say 0 and 2: those two tie, both above 1.
    expect(updated[0]).toBeCloseTo(updated[2], 12);
    expect(updated[0]).toBeGreaterThan(updated[1] * 10);
    expect(Array.from(withLesionEvidence(new Float64Array(3).fill(1 / 3), 3, [1], ['M']))).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
  });
});
