import { percentileInterval } from '../stats/bootstrap.js';
import { estimateFromSeries, finiteOrNull, type ViewSamples } from './estimates.js';
import type { MetricLayout } from './metric-layout.js';
import type { FairnessReport, GapReport } from './report-types.js';

export interface NamedView {
  name: string;
  view: ViewSamples;
}

/** The highest and lowest group on the full data (positions in `values`), or null with fewer than two. */
interface Extremes {
  high: number;
  low: number;
  difference: number;
  ratio: number;
}

function extremesOf(values: number[]): Extremes | null {
  const finite = values.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
  if (finite.length < 2) return null;
  let high = finite[0];
  let low = finite[1];
  for (const i of finite) {
    if (values[i] > values[high]) high = i;
    if (values[i] < values[low]) low = i;
  }
  // All equal: any two distinct groups make the (zero) gap.
  if (high === low) low = finite.find((i) => i !== high) as number;
  const [max, min] = [values[high], values[low]];
  return { high, low, difference: max - min, ratio: max > 0 ? min / max : Number.NaN };
}

type ValueAt = (view: ViewSamples, b: number) => number;

/**
 * The gap's uncertainty: in every resample, the difference between the SAME two groups that are
 * highest and lowest on the full data. (Re-taking max - min in each resample would be biased upward
 * and could never include 0; an interval that includes 0 here means the data do not show which of the
 * two is worse.)
 */
function pairSeries(groups: NamedView[], pair: Extremes, valueAt: ValueAt, resamples: number): Float64Array {
  return Float64Array.from(
    { length: resamples },
    (_, b) => valueAt(groups[pair.high].view, b) - valueAt(groups[pair.low].view, b),
  );
}

const pointAt =
  (slot: number, size: number): ValueAt =>
  (view, b) =>
    b < 0 ? view.point[slot] : view.samples[b * size + slot];

/** Max-min gap of one metric across groups, the worst group, and an interval for the gap. */
export function gapForSlot(
  groups: NamedView[],
  slot: number,
  size: number,
  resamples: number,
  confidence: number,
  lowerIsBetter: boolean,
): GapReport {
  const valueAt = pointAt(slot, size);
  const pair = extremesOf(groups.map((g) => valueAt(g.view, -1)));
  const [low, high] = pair
    ? percentileInterval(pairSeries(groups, pair, valueAt, resamples), confidence)
    : [Number.NaN, Number.NaN];
  const worst = pair ? (lowerIsBetter ? pair.high : pair.low) : -1;
  return {
    difference: pair ? pair.difference : null,
    ratio: pair ? finiteOrNull(pair.ratio) : null,
    worst_group: pair ? groups[worst].name : null,
    worst_value: pair ? groups[worst].view.point[slot] : null,
    difference_ci_low: finiteOrNull(low),
    difference_ci_high: finiteOrNull(high),
    groups_compared: groups.filter((g) => Number.isFinite(g.view.point[slot])).length,
  };
}

/**
 * Fairness of the malignant/benign decision across groups, as Fairlearn defines it:
 * equalized-odds difference = max(TPR gap, FPR gap); demographic-parity difference = selection-rate gap;
 * four-fifths check = lowest / highest selection rate >= 0.8. Intervals follow the fixed-pair rule above.
 * TPR and FPR gaps use only `groups` (enough malignant and benign cases to show a number).
 */
export function fairnessForGroups(
  groups: NamedView[],
  /** Selection rates need no positives: demographic parity compares every group with a number. */
  allGroups: NamedView[],
  layout: MetricLayout,
  resamples: number,
  confidence: number,
): FairnessReport {
  const m = layout.malignancy;
  if (!m) throw new Error('fairness needs the malignancy view');
  const tpr = pointAt(m.sensitivity, layout.size);
  const specificity = pointAt(m.specificity, layout.size);
  const fpr: ValueAt = (view, b) => 1 - specificity(view, b);
  const selection = pointAt(m.selection_rate, layout.size);
  const tprPair = extremesOf(groups.map((g) => tpr(g.view, -1)));
  const fprPair = extremesOf(groups.map((g) => fpr(g.view, -1)));
  const selectionPair = extremesOf(allGroups.map((g) => selection(g.view, -1)));
  let eod: MetricEstimateWithRates;
  if (tprPair && fprPair) {
    const tprSeries = pairSeries(groups, tprPair, tpr, resamples);
    const fprSeries = pairSeries(groups, fprPair, fpr, resamples);
    const series = tprSeries.map((t, b) => Math.max(t, fprSeries[b]));
    eod = {
      ...estimateFromSeries(Math.max(tprPair.difference, fprPair.difference), series, confidence),
      tpr_difference: tprPair.difference,
      fpr_difference: fprPair.difference,
    };
  } else {
    eod = {
      ...estimateFromSeries(
        Number.NaN,
        new Float64Array(),
        confidence,
        'fewer than two groups with malignant and benign cases',
      ),
      tpr_difference: null,
      fpr_difference: null,
    };
  }
  const fourFifths = selectionPair ? finiteOrNull(selectionPair.ratio) : null;
  return {
    equalized_odds_difference: eod,
    demographic_parity_difference: selectionPair
      ? estimateFromSeries(
          selectionPair.difference,
          pairSeries(allGroups, selectionPair, selection, resamples),
          confidence,
        )
      : estimateFromSeries(Number.NaN, new Float64Array(), confidence, 'fewer than two groups'),
    four_fifths: { ratio: fourFifths, passes: fourFifths === null ? null : fourFifths >= 0.8 },
  };
}

type MetricEstimateWithRates = FairnessReport['equalized_odds_difference'];
