import { findLabelIssues, type LabelIssue } from './confident-learning.js';

export interface PrunedLabelIssues {
  /** Confident learning's estimate of the share of wrong labels (off-diagonal mass of the calibrated joint). */
  estimatedNoiseRate: number;
  /** round(n x estimatedNoiseRate) in principle; the flagged count follows it, never a fixed cap. */
  estimatedWrong: number;
  /** Flagged, most suspicious (lowest self-confidence) first. */
  issues: LabelIssue[];
}

/**
 * Confident learning with pruning by the noise rate (cleanlab's filter_by="both"): the confident joint is
 * calibrated to the label counts; in each cell (given i, true j != i) the round(C[i][j]) images labelled i with
 * the largest margin p_j - p_i are flagged, if they are also off the joint's diagonal. So the number flagged is the
 * method's estimate of how many labels are wrong, not a cap chosen in advance.
 */
export function pruneByNoiseRate(
  probabilities: ArrayLike<number>,
  numClasses: number,
  labels: ArrayLike<number>,
): PrunedLabelIssues {
  const n = labels.length;
  const { confidentJoint, issues } = findLabelIssues(probabilities, numClasses, labels);
  const labelCounts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < n; i++) labelCounts[labels[i]]++;
  const calibrated = confidentJoint.map((row, i) => {
    const rowSum = row.reduce((a, v) => a + v, 0);
    return row.map((count) => (rowSum > 0 ? (count / rowSum) * labelCounts[i] : 0));
  });
  let offDiagonal = 0;
  for (let i = 0; i < numClasses; i++)
    for (let j = 0; j < numClasses; j++) if (i !== j) offDiagonal += calibrated[i][j];
  const offJoint = new Map(issues.map((issue) => [issue.index, issue]));
  const flagged = new Map<number, LabelIssue>();
  for (let given = 0; given < numClasses; given++) {
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (labels[r] === given) rows.push(r);
    for (let truth = 0; truth < numClasses; truth++) {
      const count = truth === given ? 0 : Math.round(calibrated[given][truth]);
      if (count === 0) continue;
      const margin = (r: number) =>
        probabilities[r * numClasses + truth] - probabilities[r * numClasses + given];
      const ranked = [...rows].sort((a, b) => margin(b) - margin(a) || a - b).slice(0, count);
      for (const r of ranked) {
        const issue = offJoint.get(r);
        if (issue && !flagged.has(r)) flagged.set(r, issue);
      }
    }
  }
  return {
    estimatedNoiseRate: n ? offDiagonal / n : 0,
    estimatedWrong: Math.round(offDiagonal),
    issues: [...flagged.values()].sort((a, b) => a.selfConfidence - b.selfConfidence || a.index - b.index),
  };
}
