import {
  type CalibratedDriftReport,
  categoricalStatistic,
  confirmWithEmbedding,
  createRng,
  crossValidatedProbabilities,
  type DriftFeature,
  detectCalibratedDrift,
  findRatioNearDuplicates,
  kernelMmdStatistic,
  numericStatistic,
  pruneByNoiseRate,
  scoreDriftAlerts,
  scoreLabelIssues,
  scoreNearDuplicates,
  withLesionEvidence,
} from '@dermino/analytics';
import { type CohortFeatures, HISTOGRAM_DIMS, THUMBNAIL_DIMS } from './cohort-features.js';

export interface DetectorRun {
  drift: CalibratedDriftReport;
  driftScore: ReturnType<typeof scoreDriftAlerts>;
  labelScore: ReturnType<typeof scoreLabelIssues> & { estimatedNoiseRate: number; balancedAccuracy: number };
  duplicateScore: ReturnType<typeof scoreNearDuplicates> & { embeddingWarning: string | null };
}

function rowsOf(matrix: Float64Array, dims: number, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length * dims);
  rows.forEach((row, r) => {
    out.set(matrix.subarray(row * dims, (row + 1) * dims), r * dims);
  });
  return out;
}

/**
 * The platform's three detectors, as the trainer's DRIFT and AUDIT jobs run them, on a cohort's pixel features
 * (and an embedding when given), each scored against the answer key.
 */
export function runDetectors(
  f: CohortFeatures,
  options: { referenceMonths?: number; embedding?: { rows: Float64Array; dims: number }; seed?: number } = {},
): DetectorRun {
  const seed = options.seed ?? 0;
  const months = [...new Set(f.month)].sort();
  const referenceWindows = months.slice(0, options.referenceMonths ?? 3);
  const referenceRows = f.month.flatMap((month, i) => (referenceWindows.includes(month) ? [i] : []));
  const features: DriftFeature[] = [
    ...Object.entries(f.metadata).map(([name, values]) => ({
      area: 'metadata',
      name,
      statisticName: 'jensen_shannon',
      statistic: categoricalStatistic(values),
    })),
    ...Object.entries(f.quality).map(([name, values]) => ({
      area: 'quality',
      name,
      statisticName: 'ks',
      statistic: numericStatistic(values),
    })),
    {
      area: 'pixels',
      name: 'thumbnail',
      statisticName: 'mmd2',
      statistic: kernelMmdStatistic(f.thumbnails, THUMBNAIL_DIMS, referenceRows, createRng(seed)),
    },
  ];
  if (options.embedding)
    features.push({
      area: 'embeddings',
      name: 'embedding',
      statisticName: 'mmd2',
      statistic: kernelMmdStatistic(
        options.embedding.rows,
        options.embedding.dims,
        referenceRows,
        createRng(seed),
      ),
    });
  const drift = detectCalibratedDrift({
    window: f.month,
    referenceWindows,
    features,
    group: f.caseId,
    segments: { source: f.metadata.source, device: f.metadata.device, skin_type: f.metadata.skin_type },
    seed,
  });
  const monitored = drift.windows
    .filter((w) => w.status === 'stable' || w.status === 'alarm')
    .map((w) => w.window);
  const driftScore = scoreDriftAlerts(
    monitored,
    drift.alerts.map((a) => ({ window: a.window, segments: a.segment ? [a.segment.value] : [] })),
    f.key.drift,
  );

  const labelled = f.label.flatMap((label, i) => (label ? [i] : []));
  const classes = [...new Set(labelled.map((i) => f.label[i]!))].sort();
  const labels = labelled.map((i) => classes.indexOf(f.label[i]!));
  const dims = THUMBNAIL_DIMS + HISTOGRAM_DIMS;
  const pixels = new Float64Array(labelled.length * dims);
  labelled.forEach((row, r) => {
    pixels.set(f.thumbnails.subarray(row * THUMBNAIL_DIMS, (row + 1) * THUMBNAIL_DIMS), r * dims);
    pixels.set(
      f.histograms.subarray(row * HISTOGRAM_DIMS, (row + 1) * HISTOGRAM_DIMS),
      r * dims + THUMBNAIL_DIMS,
    );
  });
  let outOfSample = crossValidatedProbabilities(pixels, labels, dims, classes.length, {
    balanced: false,
    seed,
  });
  if (options.embedding) {
    const fromEmbedding = crossValidatedProbabilities(
      rowsOf(options.embedding.rows, options.embedding.dims, labelled),
      labels,
      options.embedding.dims,
      classes.length,
      { balanced: false, seed },
    );
    if (fromEmbedding.logLoss < outOfSample.logLoss) outOfSample = fromEmbedding;
  }
  const probabilities = withLesionEvidence(
    outOfSample.probabilities,
    classes.length,
    labels,
    labelled.map((i) => f.caseId[i]),
  );
  const pruned = pruneByNoiseRate(probabilities, classes.length, labels);
  const labelScore = {
    ...scoreLabelIssues(
      pruned.issues.map((issue) => f.ids[labelled[issue.index]]),
      f.key.wrongLabels,
      labelled.map((i) => f.ids[i]),
    ),
    estimatedNoiseRate: pruned.estimatedNoiseRate,
    balancedAccuracy: outOfSample.balancedAccuracy,
  };

  const pairs = findRatioNearDuplicates(f.thumbnails, THUMBNAIL_DIMS);
  const confirmation = options.embedding
    ? confirmWithEmbedding(pairs, options.embedding.rows, options.embedding.dims)
    : null;
  const duplicateScore = {
    ...scoreNearDuplicates(
      pairs.map((p) => [f.ids[p.a], f.ids[p.b]] as [string, string]),
      f.key.nearDuplicates,
    ),
    embeddingWarning: confirmation?.warning ?? null,
  };
  return { drift, driftScore, labelScore, duplicateScore };
}
