import { type ActiveLearningData, colourHistogramFeatures, simulateActiveLearning } from '@dermino/analytics';
import { generateCohort, renderSamples, SYNTH_CLASS_CODES } from '@dermino/synth';
import type { Command } from 'commander';
import type { Env } from '../env.js';

interface ActiveLearningBenchOptions {
  json?: boolean;
  images: string;
  seed: string;
}

function positiveInteger(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name} must be a positive integer; got ${value}`);
  return parsed;
}

/**
 * The synthetic cohort as simulation data: rotation-free colour features of each image at 32 px (pixels: no
 * backbone is needed), standardised; the generator's true diagnoses are the oracle; a fifth of the patients
 * (all their images) held out, so near-copies of one lesion never sit on both sides.
 */
export function cohortSimulationData(imageCount: number, seed: number): ActiveLearningData {
  const cohort = generateCohort({ seed, imageCount });
  const samples = renderSamples(cohort.images, 32);
  const rows = samples.map((s) =>
    colourHistogramFeatures({ width: s.width, height: s.height, channels: 3, data: s.data }),
  );
  const dims = rows[0].length;
  const features = new Float64Array(rows.length * dims);
  for (let d = 0; d < dims; d++) {
    const mean = rows.reduce((sum, row) => sum + row[d], 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((sum, row) => sum + (row[d] - mean) ** 2, 0) / rows.length) || 1;
    rows.forEach((row, i) => (features[i * dims + d] = (row[d] - mean) / sd));
  }
  const patients = [...new Set(cohort.images.map((image) => image.patientId))].sort();
  const held = new Set(patients.filter((_, i) => i % 5 === 0));
  const indices = cohort.images.map((_, i) => i);
  return {
    features,
    dims,
    labels: Int32Array.from(samples, (s) => s.classIndex),
    classes: SYNTH_CLASS_CODES.length,
    pool: indices.filter((i) => !held.has(cohort.images[i].patientId)),
    test: indices.filter((i) => held.has(cohort.images[i].patientId)),
  };
}

export function registerBenchCommands(program: Command, _env: () => Env): void {
  const bench = program.command('bench').description('Measurements that need no database');
  bench
    .command('active-learning')
    .description(
      'Label efficiency on the synthetic cohort: RANDOM vs UNCERTAINTY+DIVERSITY, 50 labels then batches of 25 up to 400, three seeds; balanced accuracy per label count and labelsRatio (goal <= 0.6)',
    )
    .option('--json', 'print {summary, curves} as JSON')
    .option('--images <n>', 'cohort size', '2000')
    .option('--seed <n>', 'cohort seed', '42')
    .action((options: ActiveLearningBenchOptions) => {
      const data = cohortSimulationData(
        positiveInteger(options.images, 'images'),
        positiveInteger(options.seed, 'seed'),
      );
      const result = simulateActiveLearning(data, {
        start: 50,
        batch: 25,
        max: 400,
        seeds: [1, 2, 3],
        strategy: 'UNCERTAINTY',
      });
      const summary = {
        ...result.summary,
        features: 'pixel colour histogram (no backbone)',
        pool: data.pool.length,
        test: data.test.length,
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ summary, curves: result.curves })}\n`);
        return;
      }
      process.stdout.write('labels  RANDOM  UNCERTAINTY+DIVERSITY  (balanced accuracy, mean of 3 seeds)\n');
      result.curves.RANDOM.forEach((point, i) => {
        const active = result.curves.UNCERTAINTY[i];
        process.stdout.write(
          `${String(point.labels).padStart(6)}  ${point.mean.toFixed(3)}   ${active.mean.toFixed(3)}\n`,
        );
      });
      const ratio = summary.labelsRatio === null ? 'never reached' : summary.labelsRatio.toFixed(3);
      process.stdout.write(
        `labelsRatio ${ratio} (goal <= 0.6): active learning reaches random's final ${summary.randomFinal.toFixed(3)} at ${summary.labelsToMatch ?? '-'} of ${summary.maxLabels} labels\n`,
      );
    });
}
