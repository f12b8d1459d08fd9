import { drawStratifiedWeights, groupIndicesByStratum } from '../stats/bootstrap.js';
import { createRng } from '../stats/random.js';
import type { CaseTable } from './case-table.js';
import type { ViewSamples } from './estimates.js';
import type { MetricLayout } from './metric-layout.js';
import type { View } from './view.js';
import { computeViewMetrics, createScratch } from './view-metrics.js';

/**
 * Point estimates and class-stratified percentile-bootstrap samples for every view. All views share
 * each resample, so gaps between groups get intervals too (the groups' sizes vary, as they would).
 */
export function runBootstrap(
  cases: CaseTable,
  layout: MetricLayout,
  views: View[],
  resamples: number,
  seed: number,
  specificityTarget: number,
): ViewSamples[] {
  const scratch = createScratch(cases);
  const results: ViewSamples[] = views.map((view) => {
    const point = new Float64Array(layout.size);
    computeViewMetrics(cases, layout, view, null, specificityTarget, scratch, point, 0);
    return { point, samples: new Float64Array(resamples * layout.size) };
  });
  const strata = groupIndicesByStratum(cases.n, cases.labels);
  const rng = createRng(seed);
  const weights = new Float64Array(cases.n);
  for (let b = 0; b < resamples; b++) {
    drawStratifiedWeights(strata, rng, weights);
    views.forEach((view, v) => {
      computeViewMetrics(
        cases,
        layout,
        view,
        weights,
        specificityTarget,
        scratch,
        results[v].samples,
        b * layout.size,
      );
    });
  }
  return results;
}
