import {
  crossValidatedProbabilities,
  type OutOfSample,
  pruneByNoiseRate,
  withLesionEvidence,
} from '@dermino/analytics';

export interface LabelIssueRows {
  imageIds: string[];
  lesionIds: string[];
  labels: string[];
  /** Pixel baseline features per row (thumbnail + colours). */
  pixels: Float64Array;
  pixelDims: number;
  /** The backbone's embedding per row, when there is one. */
  embeddings: Float64Array | null;
  dims: number;
}

/**
 * Confident learning on out-of-sample probabilities: softmax regression cross-validated on the backbone's
 * embeddings and on the pixel baseline, the better of the two (lower log-loss on the given labels) kept, then
 * updated with the labels of the lesion's other images. The number flagged is the method's noise-rate estimate.
 */
export function findAuditLabelIssues(rows: LabelIssueRows, folds: number) {
  const classes = [...new Set(rows.labels)].sort();
  const labels = rows.labels.map((label) => classes.indexOf(label));
  const candidates: { source: string; result: OutOfSample }[] = [
    {
      source: 'pixel baseline (colour thumbnail + skin-relative colours)',
      result: crossValidatedProbabilities(rows.pixels, labels, rows.pixelDims, classes.length, {
        folds,
        balanced: false,
      }),
    },
  ];
  if (rows.embeddings)
    candidates.push({
      source: 'backbone embeddings',
      result: crossValidatedProbabilities(rows.embeddings, labels, rows.dims, classes.length, {
        folds,
        balanced: false,
      }),
    });
  const best = candidates.reduce((a, b) => (b.result.logLoss < a.result.logLoss ? b : a));
  const probabilities = withLesionEvidence(best.result.probabilities, classes.length, labels, rows.lesionIds);
  const pruned = pruneByNoiseRate(probabilities, classes.length, labels);
  const round = (value: number) => Number(value.toPrecision(4));
  return {
    checked: rows.labels.length,
    classes,
    method: `confident learning (pruned by its noise-rate estimate) on ${folds}-fold out-of-sample softmax-regression probabilities from the ${best.source}, updated with the labels of each lesion's other images`,
    features: best.source,
    candidates: candidates.map(({ source, result }) => ({
      source,
      logLoss: round(result.logLoss),
      balancedAccuracy: round(result.balancedAccuracy),
    })),
    estimatedNoiseRate: round(pruned.estimatedNoiseRate),
    estimatedWrong: pruned.estimatedWrong,
    issues: pruned.issues.map((issue) => ({
      imageId: rows.imageIds[issue.index],
      givenLabel: classes[issue.givenLabel],
      suggestedLabel: classes[issue.suggestedLabel],
      selfConfidence: round(issue.selfConfidence),
      margin: round(issue.margin),
    })),
  };
}
