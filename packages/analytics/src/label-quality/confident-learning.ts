/**
 * Confident learning (Northcutt, Jiang & Chuang 2021, JAIR): finds likely label errors from
 * out-of-sample predicted probabilities (e.g. cross-validated), without retraining anything.
 */
export interface LabelIssue {
  index: number;
  givenLabel: number;
  /** The class the case confidently belongs to instead. */
  suggestedLabel: number;
  /** p(given label): lower = more suspicious (cleanlab's "self_confidence" ranking). */
  selfConfidence: number;
  /** p(given) - max p(other): cleanlab's "normalized_margin" before rescaling. */
  margin: number;
}

export interface ConfidentLearningResult {
  /** Per-class threshold t_j = mean p_j over the cases labelled j. */
  thresholds: number[];
  /** confidentJoint[given][confident] counts, k x k row-major. */
  confidentJoint: number[][];
  /** Issues, most suspicious first. */
  issues: LabelIssue[];
}

export function findLabelIssues(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
): ConfidentLearningResult {
  const n = labels.length;
  if (probabilities.length !== n * numClasses)
    throw new RangeError(`probabilities has ${probabilities.length} values, expected ${n} x ${numClasses}`);
  const sums = new Array<number>(numClasses).fill(0);
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < n; i++) {
    sums[labels[i]] += probabilities[i * numClasses + labels[i]];
    counts[labels[i]]++;
  }
  // A class nobody is labelled with can never be "confidently" assigned.
  const thresholds = sums.map((s, j) => (counts[j] > 0 ? s / counts[j] : Number.POSITIVE_INFINITY));
  const confidentJoint = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  const issues: LabelIssue[] = [];
  for (let i = 0; i < n; i++) {
    let confident = -1;
    for (let j = 0; j < numClasses; j++) {
      const p = probabilities[i * numClasses + j];
      if (p >= thresholds[j] && (confident < 0 || p > probabilities[i * numClasses + confident]))
        confident = j;
    }
    if (confident < 0) continue;
    const given = labels[i];
    confidentJoint[given][confident]++;
    if (confident !== given) {
      const selfConfidence = probabilities[i * numClasses + given];
      let otherMax = 0;
      for (let j = 0; j < numClasses; j++)
        if (j !== given) otherMax = Math.max(otherMax, probabilities[i * numClasses + j]);
      issues.push({
        index: i,
        givenLabel: given,
        suggestedLabel: confident,
        selfConfidence,
        margin: selfConfidence - otherMax,
      });
    }
  }
  issues.sort((a, b) => a.selfConfidence - b.selfConfidence || a.margin - b.margin || a.index - b.index);
  return { thresholds, confidentJoint, issues };
}
