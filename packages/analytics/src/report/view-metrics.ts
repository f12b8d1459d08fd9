import type { CaseTable } from './case-table.js';
import type { MetricLayout } from './metric-layout.js';
import { type RankingSummary, summariseRanking, type View } from './view.js';

export interface ViewScratch {
  confusion: Float64Array;
  binCount: Float64Array;
  binConfidence: Float64Array;
  binCorrect: Float64Array;
  malBinCount: Float64Array;
  malBinScore: Float64Array;
  malBinPositive: Float64Array;
  malCounts: Float64Array;
  topBuckets: Float64Array;
  ranking: RankingSummary;
}

export function createScratch(cases: CaseTable): ViewScratch {
  return {
    confusion: new Float64Array(cases.numClasses * cases.numClasses),
    binCount: new Float64Array(cases.eceBins),
    binConfidence: new Float64Array(cases.eceBins),
    binCorrect: new Float64Array(cases.eceBins),
    malBinCount: new Float64Array(cases.eceBins),
    malBinScore: new Float64Array(cases.eceBins),
    malBinPositive: new Float64Array(cases.eceBins),
    malCounts: new Float64Array(4),
    topBuckets: new Float64Array(8 + cases.numClasses),
    ranking: { auroc: 0, averagePrecision: 0, sensitivityAtSpecificity: 0 },
  };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

function calibrationError(
  count: Float64Array,
  predicted: Float64Array,
  observed: Float64Array,
  total: number,
): number {
  let ece = 0;
  for (let b = 0; b < count.length; b++) if (count[b] > 0) ece += Math.abs(observed[b] - predicted[b]);
  return total > 0 ? ece / total : Number.NaN;
}

/** Computes every metric of the layout for one view under case weights (null = each case once). */
export function computeViewMetrics(
  cases: CaseTable,
  layout: MetricLayout,
  view: View,
  weights: Float64Array | null,
  specificityTarget: number,
  scratch: ViewScratch,
  out: Float64Array,
  outOffset: number,
): void {
  const k = cases.numClasses;
  const { confusion, binCount, binConfidence, binCorrect, malBinCount, malBinScore, malBinPositive } =
    scratch;
  confusion.fill(0);
  binCount.fill(0);
  binConfidence.fill(0);
  binCorrect.fill(0);
  malBinCount.fill(0);
  malBinScore.fill(0);
  malBinPositive.fill(0);
  const topK = layout.topK;
  const topBuckets = scratch.topBuckets;
  topBuckets.fill(0);
  const malCounts = scratch.malCounts;
  malCounts.fill(0);
  let total = 0;
  let brierSum = 0;
  let malBrier = 0;
  const mal = cases.malignancy;
  const { indices } = view;
  const { confusionCell, brier, confidenceBin, confidence, correct: isCorrect, topKBucket } = cases;
  // Zero weights are summed rather than skipped: cheaper than a branch that mispredicts a third of the time.
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    const w = weights === null ? 1 : weights[i];
    total += w;
    confusion[confusionCell[i]] += w;
    brierSum += w * brier[i];
    const b = confidenceBin[i];
    binCount[b] += w;
    binConfidence[b] += w * confidence[i];
    binCorrect[b] += w * isCorrect[i];
    topBuckets[topKBucket[i]] += w;
  }
  // Cumulative: a hit within top-2 is also a hit within top-3.
  const topHits = new Float64Array(topK.length);
  for (let t = 0, running = 0; t < topK.length; t++) {
    running += topBuckets[t];
    topHits[t] = running;
  }
  if (mal) {
    const { outcome, scores, labels: malLabels, bin: malBin, brier: malBrierTerm } = mal;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j];
      const w = weights === null ? 1 : weights[i];
      malCounts[outcome[i]] += w;
      malBrier += w * malBrierTerm[i];
      const mb = malBin[i];
      malBinCount[mb] += w;
      malBinScore[mb] += w * scores[i];
      malBinPositive[mb] += w * malLabels[i];
    }
  }
  const malTp = malCounts[0];
  const malFn = malCounts[1];
  const malFp = malCounts[2];
  const malTn = malCounts[3];
  const o = layout.overall;
  let correct = 0;
  let recallSum = 0;
  let present = 0;
  let aurocSum = 0;
  let aurocDefined = 0;
  const rowSums = new Float64Array(k);
  const columnSums = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    correct += confusion[a * k + a];
    for (let c = 0; c < k; c++) {
      rowSums[a] += confusion[a * k + c];
      columnSums[c] += confusion[a * k + c];
    }
  }
  for (let c = 0; c < k; c++) {
    const slots = layout.perClass[c];
    const tp = confusion[c * k + c];
    const fn = rowSums[c] - tp;
    const fp = columnSums[c] - tp;
    const tn = total - tp - fn - fp;
    if (rowSums[c] > 0) {
      recallSum += tp / rowSums[c];
      present++;
    }
    out[outOffset + slots.sensitivity] = ratio(tp, tp + fn);
    out[outOffset + slots.specificity] = ratio(tn, tn + fp);
    out[outOffset + slots.ppv] = ratio(tp, tp + fp);
    out[outOffset + slots.npv] = ratio(tn, tn + fn);
    out[outOffset + slots.f1] = ratio(2 * tp, 2 * tp + fp + fn);
    summariseRanking(
      view.classRankings[c],
      weights,
      rowSums[c],
      total - rowSums[c],
      specificityTarget,
      scratch.ranking,
    );
    out[outOffset + slots.auroc] = scratch.ranking.auroc;
    out[outOffset + slots.auprc] = scratch.ranking.averagePrecision;
    if (Number.isFinite(scratch.ranking.auroc)) {
      aurocSum += scratch.ranking.auroc;
      aurocDefined++;
    }
  }
  out[outOffset + o.accuracy] = ratio(correct, total);
  out[outOffset + o.balanced_accuracy] = present ? recallSum / present : Number.NaN;
  out[outOffset + o.macro_auroc] = aurocDefined ? aurocSum / aurocDefined : Number.NaN;
  out[outOffset + o.brier] = ratio(brierSum, total);
  out[outOffset + o.ece] = calibrationError(binCount, binConfidence, binCorrect, total);
  layout.topK.forEach((topK, t) => {
    out[outOffset + o[`top_${topK}_accuracy`]] = ratio(topHits[t], total);
  });
  const m = layout.malignancy;
  if (mal && m && view.malignancyRanking) {
    const positives = malTp + malFn;
    summariseRanking(
      view.malignancyRanking,
      weights,
      positives,
      total - positives,
      specificityTarget,
      scratch.ranking,
    );
    out[outOffset + m.auroc] = scratch.ranking.auroc;
    out[outOffset + m.auprc] = scratch.ranking.averagePrecision;
    out[outOffset + m.sensitivity_at_specificity] = scratch.ranking.sensitivityAtSpecificity;
    out[outOffset + m.sensitivity] = ratio(malTp, positives);
    out[outOffset + m.specificity] = ratio(malTn, malTn + malFp);
    out[outOffset + m.ppv] = ratio(malTp, malTp + malFp);
    out[outOffset + m.npv] = ratio(malTn, malTn + malFn);
    out[outOffset + m.brier] = ratio(malBrier, total);
    out[outOffset + m.ece] = calibrationError(malBinCount, malBinScore, malBinPositive, total);
    out[outOffset + m.selection_rate] = ratio(malTp + malFp, total);
  }
}
