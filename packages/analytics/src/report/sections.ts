import type { CaseTable } from './case-table.js';
import { estimateSlot, type ViewSamples } from './estimates.js';
import { CLASS_METRICS, MALIGNANCY_METRICS, type MetricLayout } from './metric-layout.js';
import type { ClassReport, MetricEstimate } from './report-types.js';

export interface SectionContext {
  cases: CaseTable;
  layout: MetricLayout;
  classNames: string[];
  resamples: number;
  confidence: number;
  minClassCases: number;
}

/** Turns a view's bootstrap samples into report sections, with "too few cases" notes where due. */
export function createSectionBuilders(context: SectionContext) {
  const { cases, layout, classNames, resamples, confidence, minClassCases } = context;
  const size = layout.size;
  const estimate = (view: ViewSamples, slot: number, note?: string) =>
    estimateSlot(view, slot, size, resamples, confidence, note);

  const countClasses = (indices: Int32Array) => {
    const counts = new Array<number>(cases.numClasses).fill(0);
    for (const i of indices) counts[cases.labels[i]]++;
    return counts;
  };
  const tooFew = (count: number, total: number) =>
    count < minClassCases || total - count < minClassCases
      ? `too few cases: ${count} of this class and ${total - count} others (minimum ${minClassCases} each)`
      : undefined;
  const perClassOf = (view: ViewSamples, indices: Int32Array) => {
    const counts = countClasses(indices);
    const out: Record<string, ClassReport> = {};
    classNames.forEach((name, c) => {
      const entry: ClassReport = { n: counts[c] };
      for (const m of CLASS_METRICS)
        entry[m] = estimate(view, layout.perClass[c][m], tooFew(counts[c], indices.length));
      out[name] = entry;
    });
    return out;
  };
  const malignantCount = (indices: Int32Array) => {
    let count = 0;
    if (cases.malignancy) for (const i of indices) count += cases.malignancy.labels[i];
    return count;
  };
  const malignancyOf = (view: ViewSamples, indices: Int32Array) => {
    const out: Record<string, MetricEstimate> = {};
    if (!layout.malignancy) return out;
    const note = tooFew(malignantCount(indices), indices.length);
    for (const m of MALIGNANCY_METRICS) {
      const needsBothSides = m !== 'brier' && m !== 'ece' && m !== 'selection_rate';
      out[m] = estimate(view, layout.malignancy[m], needsBothSides ? note : undefined);
    }
    return out;
  };

  return { estimate, perClassOf, malignantCount, malignancyOf };
}
