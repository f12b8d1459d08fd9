import { execSync } from 'node:child_process';
import { createRng } from '@dermino/analytics';
import { demoCohortOptions } from '../src/answer-key.js';
import { cohortFeatures } from '../src/testing/cohort-features.js';
import { runDetectors } from '../src/testing/run-detectors.js';

/**
 * The detectors against the answer key on the demo cohort (seed 1) and three other seeds, at the demo's size and
 * render size; prints a markdown table for packages/analytics/BENCHMARKS.md. Usage: tsx bench/detectors.ts [seeds].
 */
const seeds = (process.argv[2] ?? '1,2,3,4').split(',').map(Number);
const size = Number(process.env.DETECTOR_BENCH_RENDER ?? 128);
const pct = (v: number | null) => (v === null ? '-' : v.toFixed(2));
console.log(`load average at start: ${execSync('uptime').toString().trim()}`);
console.log(
  '| seed | stable months: false alarms | drift months alarmed | site-b named | delay | label issues: flagged / planted | precision | recall | CL noise estimate | OOS BAcc | near-dup pairs: flagged / planted | precision | recall |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const seed of seeds) {
  const started = Date.now();
  const features = cohortFeatures(demoCohortOptions(seed, 2000), size);
  // DETECTOR_BENCH_EMBEDDING=collapsed: the detectors beside a collapsed backbone (every image nearly one point).
  const rng = createRng(seed);
  const embedding =
    process.env.DETECTOR_BENCH_EMBEDDING === 'collapsed'
      ? {
          rows: Float64Array.from({ length: features.ids.length * 64 }, () => 1 + rng.nextNormal() * 1e-6),
          dims: 64,
        }
      : undefined;
  const run = runDetectors(features, { seed, embedding });
  if (run.duplicateScore.embeddingWarning)
    console.error(`seed ${seed}: ${run.duplicateScore.embeddingWarning}`);
  console.error(
    `seed ${seed}: alerted features ${[...new Set(run.drift.alerts.map((a) => `${a.area}/${a.feature}`))].join(', ')}`,
  );
  const d = run.driftScore;
  const l = run.labelScore;
  const n = run.duplicateScore;
  console.log(
    `| ${seed} | ${d.falseAlarmWindows} / ${d.stableWindows} | ${d.detectedWindows} / ${d.driftWindows} | ${d.siteNamedWindows} / ${d.driftWindows} | ${d.detectionDelay ?? '-'} | ${l.flagged} / ${l.planted} | ${pct(l.precision)} | ${pct(l.recall)} | ${l.estimatedNoiseRate.toFixed(3)} | ${l.balancedAccuracy.toFixed(2)} | ${n.flagged} / ${n.planted} | ${pct(n.precision)} | ${pct(n.recall)} |`,
  );
  console.error(
    `seed ${seed}: ${((Date.now() - started) / 1000).toFixed(0)} s; greyed windows ${run.drift.windows.filter((w) => w.status === 'too-small').length}`,
  );
}
console.log(`load average at end: ${execSync('uptime').toString().trim()}`);
