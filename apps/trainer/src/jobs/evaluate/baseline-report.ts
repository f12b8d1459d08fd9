import { compareWithBaseline } from '@dermino/analytics';
import type { Db, ModelVersionRecord } from '@dermino/db';
import { fitPixelBaseline } from './pixel-baseline.js';

export interface BaselineReportInput {
  db: Db;
  home: string;
  model: ModelVersionRecord;
  datasetVersionId: string;
  classes: string[];
  /** The scored test images: storage keys, labels and the model's probabilities, row-major. */
  testKeys: (string | null)[];
  labels: Int32Array;
  modelProbabilities: Float32Array;
  resamples: number;
  seed: number;
}

/**
 * The raw-pixel baseline beside a model, on the same test images (those both could read): the baseline's balanced
 * accuracy, macro AUROC and accuracy with intervals, the model's paired gain over it, and whether it beats it.
 */
export async function buildBaselineReport(input: BaselineReportInput) {
  const fit = await fitPixelBaseline(input);
  if ('missing' in fit) return fit;
  const k = input.classes.length;
  const labels = Int32Array.from(fit.scored, (row) => input.labels[row]);
  const modelProbabilities = new Float64Array(fit.scored.length * k);
  fit.scored.forEach((row, out) => {
    modelProbabilities.set(input.modelProbabilities.subarray(row * k, (row + 1) * k), out * k);
  });
  const comparison = compareWithBaseline(
    { labels, numClasses: k, modelProbabilities, baselineProbabilities: fit.probabilities },
    { resamples: input.resamples, seed: input.seed },
  );
  return { ...fit.description, testImages: labels.length, ...comparison };
}

export type BaselineReport = Exclude<Awaited<ReturnType<typeof buildBaselineReport>>, { missing: string }>;

/** The sentence reports use: "the backbone adds +0.12 balanced accuracy over pixels (95% CI ...)". */
export function describeBaseline(report: BaselineReport | { missing: string }): string {
  if ('missing' in report) return `No pixel baseline: ${report.missing}.`;
  const gain = report.gain.balanced_accuracy;
  const signed = (value: number | null) =>
    value === null ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
  const verdict = report.beats_baseline ? '' : ' The model does not beat its pixel baseline.';
  return `Pixel baseline (${report.method}, ${report.trainImages} train images): balanced accuracy ${report.baseline.balanced_accuracy.value?.toFixed(3) ?? 'n/a'}; the model adds ${signed(gain.difference)} (95% CI ${signed(gain.ci_low)} to ${signed(gain.ci_high)}).${verdict}`;
}
