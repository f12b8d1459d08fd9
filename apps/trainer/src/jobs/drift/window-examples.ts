import { createRng, shuffleInPlace } from '@dermino/analytics';
import type { DriftAlert } from './calibrated-alerts.js';

export const EXAMPLES_PER_WINDOW = 6;

export interface ExampleRows {
  imageId: string[];
  /** ISO capture date (YYYY-MM-DD) of each image. */
  capturedOn: string[];
  metadata: Record<string, string[]>;
  quality: Record<string, (number | null)[]>;
  /** [n, dims] embeddings. */
  embeddings: Float32Array;
  dims: number;
}

export interface WindowExamples {
  /** Alerted windows show what moved; the others (and the reference months) a seeded random sample. */
  chosenBy: 'furthest-from-reference' | 'seeded-sample';
  images: { imageId: string; capturedOn: string; reason: string | null }[];
}

const share = (values: string[], indices: number[]) => {
  const counts = new Map<string, number>();
  for (const i of indices) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return (value: string) => (counts.get(value) ?? 0) / Math.max(1, indices.length);
};

function meanAndSd(values: number[]) {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd: sd > 0 ? sd : 1 };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Scores each image of an alerted window by how far it sits from the reference in the alerted terms, compared in
 * this order: over-represented values of the alerted metadata (a new device first), distance in sd of the alerted
 * quality statistics, then distance from the reference's mean embedding.
 */
function scoreImages(data: ExampleRows, reference: number[], current: number[], alerts: DriftAlert[]) {
  const metadata = [...new Set(alerts.filter((a) => a.area === 'metadata').map((a) => a.feature))].filter((f) => data.metadata[f]);
  const quality = [...new Set(alerts.filter((a) => a.area === 'quality').map((a) => a.feature))].filter((f) => data.quality[f]);
  const lifts = metadata.map((name) => ({ name, ref: share(data.metadata[name], reference), cur: share(data.metadata[name], current) }));
  const spreads = quality.map((name) => ({ name, ...meanAndSd(reference.flatMap((i) => (data.quality[name][i] === null ? [] : [data.quality[name][i] as number]))) }));
  const centroid = new Float64Array(data.dims);
  for (const i of reference) for (let d = 0; d < data.dims; d++) centroid[d] += data.embeddings[i * data.dims + d] / reference.length;
  const distance = (i: number) => Math.sqrt(centroid.reduce((a, c, d) => a + (data.embeddings[i * data.dims + d] - c) ** 2, 0));
  const typical = reference.map(distance).sort((a, b) => a - b)[Math.floor(reference.length / 2)] || 1;
  return current.map((i) => {
    const meta = lifts.map((l) => ({ ...l, value: data.metadata[l.name][i] })).map((l) => ({ ...l, lift: l.cur(l.value) - l.ref(l.value) }));
    const z = spreads.map((s) => ({ name: s.name, z: data.quality[s.name][i] === null ? 0 : Math.abs((data.quality[s.name][i] as number) - s.mean) / s.sd }));
    const reasons = [
      ...meta.filter((m) => m.lift > 0).map((m) => `${m.name} ${m.value}: ${percent(m.cur(m.value))} of the month, ${percent(m.ref(m.value))} of the reference`),
      ...z.filter((q) => q.z >= 2).map((q) => `${q.name} ${q.z.toFixed(1)} sd from the reference`),
      `embedding ${(distance(i) / typical).toFixed(1)}x the reference's median distance`,
    ];
    return { index: i, keys: [meta.reduce((a, m) => a + m.lift, 0), z.reduce((a, q) => a + q.z, 0), distance(i)], reason: reasons.join('; ') };
  });
}

/** Up to `count` example images of a window, chosen deterministically, in capture order. */
export function chooseWindowExamples(
  data: ExampleRows,
  reference: number[],
  current: number[],
  alerts: DriftAlert[],
  options: { seed: number; count?: number },
): WindowExamples {
  const count = options.count ?? EXAMPLES_PER_WINDOW;
  let chosen: { index: number; reason: string | null }[];
  if (alerts.length > 0) {
    const scored = scoreImages(data, reference, current, alerts);
    scored.sort((a, b) => {
      for (let k = 0; k < a.keys.length; k++) if (Math.abs(a.keys[k] - b.keys[k]) > 1e-9) return b.keys[k] - a.keys[k];
      return a.index - b.index;
    });
    chosen = scored.slice(0, count);
  } else {
    const order = shuffleInPlace(Int32Array.from(current), createRng(options.seed));
    chosen = Array.from(order.subarray(0, count), (index) => ({ index, reason: null }));
  }
  return {
    chosenBy: alerts.length > 0 ? 'furthest-from-reference' : 'seeded-sample',
    images: chosen
      .sort((a, b) => a.index - b.index)
      .map(({ index, reason }) => ({ imageId: data.imageId[index], capturedOn: data.capturedOn[index], reason })),
  };
}
