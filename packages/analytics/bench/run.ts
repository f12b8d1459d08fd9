/**
 * `npm run bench -w packages/analytics`: times the two heavy paths against a reference measured in
 * the same run (so a loaded or slower machine shows in both), and prints a Markdown table.
 */
import { cpus, loadavg } from 'node:os';
import { mmdPermutationTest } from '../src/drift/mmd.js';
import { buildEvaluationReport } from '../src/report/build-report.js';
import { createRng } from '../src/stats/random.js';
import { createSyntheticPredictions } from '../src/testing/synthetic-predictions.js';

/** Wall time and CPU time (user + system of this process): on a shared, loaded machine the CPU time is the fairer one. */
function time<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

let sink = 0;

// 1. Full report on 10,000 predictions x 7 classes, 1,000 resamples, 3 attributes.
const n = 10_000;
const data = createSyntheticPredictions(n, 1);
const plainPass = () => {
  // One pass over the data: read every probability and label once.
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += data.labels[i];
    for (let c = 0; c < 7; c++) s += data.probabilities[i * 7 + c];
  }
  sink += s;
};
const input = {
  probabilities: data.probabilities,
  labels: data.labels,
  numClasses: 7,
  classNames: ['akiec', 'bcc', 'bkl', 'df', 'nv', 'vasc', 'mel'],
  malignantClasses: [0, 1, 6],
  attributes: data.attributes,
  groupBy: ['sex', 'skin_type', 'site'],
};
buildEvaluationReport(input, { resamples: 20 }); // warm-up (JIT)
// Reference: 1,000 plain passes (one per resample), timed as one block so it meets the same load.
const passes = time(() => {
  for (let r = 0; r < 1000; r++) plainPass();
});
const pointOnly = time(() => buildEvaluationReport(input, { resamples: 0 }));
const report = time(() => buildEvaluationReport(input, { resamples: 1000 }));

// 2. MMD permutation test, 2 x 2,000 embeddings of 256 dims, 500 permutations.
const dims = 256;
const rows = 2000;
const rng = createRng(2);
const reference = Float32Array.from({ length: rows * dims }, () => rng.nextNormal());
const current = Float32Array.from({ length: rows * dims }, () => rng.nextNormal() + 0.05);
const pooled = new Float64Array(2 * rows * dims);
pooled.set(reference, 0);
pooled.set(current, rows * dims);
const crossProduct = () => {
  // Reference: one plain 2,000 x 2,000 x 256 matrix product (reference times current transposed), naive loops.
  const out = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += pooled[i * dims + d] * pooled[(rows + j) * dims + d];
      out[i * rows + j] = s;
    }
  }
  sink += out[1];
};
const product = time(crossProduct);
const mmd = time(() => mmdPermutationTest(reference, current, dims, { permutations: 500, seed: 1 }));

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const both = (t: { ms: number; cpuMs: number }) => `${fmt(t.cpuMs)} CPU (${fmt(t.ms)} wall)`;
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('');
console.log('| task | goal | measured | reference, same run | ratio (CPU) |');
console.log('| --- | --- | --- | --- | --- |');
console.log(
  `| evaluation report, point estimates only (10,000 x 7, 3 attributes) | - | ${both(pointOnly)} | 1,000 plain passes over the data: ${both(passes)} | ${(pointOnly.cpuMs / passes.cpuMs).toFixed(2)} |`,
);
console.log(
  `| full report, 10,000 x 7, 1,000 resamples, 3 attributes | < 3 s | ${both(report)} | 1,000 plain passes over the data: ${both(passes)} | ${(report.cpuMs / passes.cpuMs).toFixed(1)} |`,
);
console.log(
  `| MMD^2 permutation test, 2 x 2,000 x 256, 500 permutations | < 5 s | ${both(mmd)} | one 2,000 x 2,000 x 256 matrix product (naive loops): ${both(product)} | ${(mmd.cpuMs / product.cpuMs).toFixed(2)} |`,
);
console.log('');
console.log(
  `(report: ${Object.keys(report.result.groups).length} groupings, accuracy ${report.result.overall.accuracy.value?.toFixed(4)}; MMD^2 ${mmd.result.mmd2.toExponential(3)}, p ${mmd.result.pValue.toFixed(4)}, bandwidth ${mmd.result.bandwidth.toFixed(2)}; sink ${sink > 0})`,
);
