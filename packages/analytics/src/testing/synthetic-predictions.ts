import { createRng } from '../stats/random.js';

/** HAM10000's class frequencies (akiec, bcc, bkl, df, nv, vasc, mel), rounded. */
export const HAM10000_CLASS_FREQUENCIES = [0.033, 0.051, 0.11, 0.011, 0.669, 0.014, 0.111];

export interface SyntheticPredictions {
  probabilities: Float64Array;
  labels: Int32Array;
  attributes: Record<string, string[]>;
}

/**
 * Seeded fake model output for tests and benchmarks: softmax of Gaussian logits with the true class
 * raised by `signal`; the signal is weaker for skin types V-VI so that fairness gaps exist to find.
 */
export function createSyntheticPredictions(
  n: number,
  seed = 1,
  frequencies = HAM10000_CLASS_FREQUENCIES,
  signal = 2,
): SyntheticPredictions {
  const rng = createRng(seed);
  const k = frequencies.length;
  const cumulative = frequencies.map((_, i) => frequencies.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const labels = new Int32Array(n);
  const probabilities = new Float64Array(n * k);
  const sex: string[] = [];
  const skinType: string[] = [];
  const site: string[] = [];
  const sites = ['back', 'lower extremity', 'trunk', 'upper extremity', 'face'];
  const logits = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const u = rng.next() * cumulative[k - 1];
    let y = cumulative.findIndex((c) => u < c);
    if (y < 0) y = k - 1;
    labels[i] = y;
    sex.push(rng.next() < 0.5 ? 'female' : 'male');
    const type = 1 + rng.nextInt(6);
    skinType.push(String(type));
    site.push(sites[rng.nextInt(sites.length)]);
    const strength = type >= 5 ? signal * 0.6 : signal;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      logits[c] = rng.nextNormal() + (c === y ? strength : 0) + Math.log(frequencies[c]);
      max = Math.max(max, logits[c]);
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(logits[c] - max);
    for (let c = 0; c < k; c++) probabilities[i * k + c] = Math.exp(logits[c] - max) / sum;
  }
  return { probabilities, labels, attributes: { sex, skin_type: skinType, site } };
}
