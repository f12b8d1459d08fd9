import { percentileInterval } from '../stats/bootstrap.js';
import { estimateFromSeries, finiteOrNull, type ViewSamples } from './estimates.js';
import type { MetricLayout } from './metric-layout.js';
import type { FairnessReport, GapReport } from './report-types.js';

export interface NamedView {
  name: string;
  view: ViewSamples;
}

interface Spread {
  difference: number;
  ratio: number;
  worst: number;
}

/** max - min, min / max and the worst group's position over the finite values. */
function spreadOf(values: number[], lowerIsBetter: boolean): Spread | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let minAt = -1;
  let maxAt = -1;
  let count = 0;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    count++;
    if (v < min) [min, minAt] = [v, i];
    if (v > max) [max, maxAt] = [v, i];
  });
  if (count < 2) return null;
  return {
    difference: max - min,
    ratio: max > 0 ? min / max : Number.NaN,
    worst: lowerIsBetter ? maxAt : minAt,
  };
}

function seriesOfSpread(
  groups: NamedView[],
  valueAt: (view: ViewSamples, b: number) => number,
  resamples: number,
): Float64Array {
  const series = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    series[b] =
      spreadOf(
        groups.map((g) => valueAt(g.view, b)),
        false,
      )?.difference ?? Number.NaN;
  }
  return series;
}

/** Max-min gap of one metric across groups, with a bootstrap interval for the difference. */
export function gapForSlot(
  groups: NamedView[],
  slot: number,
  size: number,
  resamples: number,
  confidence: number,
  lowerIsBetter: boolean,
): GapReport {
  const spread = spreadOf(
    groups.map((g) => g.view.point[slot]),
    lowerIsBetter,
  );
  const series = seriesOfSpread(groups, (v, b) => v.samples[b * size + slot], resamples);
  const [low, high] = spread ? percentileInterval(series, confidence) : [Number.NaN, Number.NaN];
  return {
    difference: spread ? spread.difference : null,
    ratio: spread ? finiteOrNull(spread.ratio) : null,
    worst_group: spread ? groups[spread.worst].name : null,
    worst_value: spread ? groups[spread.worst].view.point[slot] : null,
    difference_ci_low: finiteOrNull(low),
    difference_ci_high: finiteOrNull(high),
    groups_compared: groups.filter((g) => Number.isFinite(g.view.point[slot])).length,
  };
}

/**
 * Fairness of the malignant/benign decision across groups, as Fairlearn defines it:
 * equalized-odds difference = max(TPR gap, FPR gap); demographic-parity difference = selection-rate gap;
 * four-fifths check = lowest / highest selection rate >= 0.8.
 */
export function fairnessForGroups(
  groups: NamedView[],
  layout: MetricLayout,
  resamples: number,
  confidence: number,
): FairnessReport {
  const m = layout.malignancy;
  if (!m) throw new Error('fairness needs the malignancy view');
  const size = layout.size;
  const tpr = (v: ViewSamples, b: number) =>
    b < 0 ? v.point[m.sensitivity] : v.samples[b * size + m.sensitivity];
  const fpr = (v: ViewSamples, b: number) =>
    1 - (b < 0 ? v.point[m.specificity] : v.samples[b * size + m.specificity]);
  const selection = (v: ViewSamples, b: number) =>
    b < 0 ? v.point[m.selection_rate] : v.samples[b * size + m.selection_rate];
  const eodAt = (b: number) => {
    const t = spreadOf(
      groups.map((g) => tpr(g.view, b)),
      false,
    )?.difference;
    const f = spreadOf(
      groups.map((g) => fpr(g.view, b)),
      false,
    )?.difference;
    return t === undefined || f === undefined ? Number.NaN : Math.max(t, f);
  };
  const eodSeries = Float64Array.from({ length: resamples }, (_, b) => eodAt(b));
  const tprGap = spreadOf(
    groups.map((g) => tpr(g.view, -1)),
    false,
  );
  const fprGap = spreadOf(
    groups.map((g) => fpr(g.view, -1)),
    false,
  );
  const selectionSpread = spreadOf(
    groups.map((g) => selection(g.view, -1)),
    false,
  );
  const dpdSeries = seriesOfSpread(groups, selection, resamples);
  const fourFifths = selectionSpread ? finiteOrNull(selectionSpread.ratio) : null;
  return {
    equalized_odds_difference: {
      ...estimateFromSeries(
        eodAt(-1),
        eodSeries,
        confidence,
        Number.isFinite(eodAt(-1)) ? undefined : 'fewer than two groups with malignant and benign cases',
      ),
      tpr_difference: tprGap ? tprGap.difference : null,
      fpr_difference: fprGap ? fprGap.difference : null,
    },
    demographic_parity_difference: estimateFromSeries(
      selectionSpread?.difference ?? Number.NaN,
      dpdSeries,
      confidence,
      selectionSpread ? undefined : 'fewer than two groups',
    ),
    four_fifths: { ratio: fourFifths, passes: fourFifths === null ? null : fourFifths >= 0.8 },
  };
}
