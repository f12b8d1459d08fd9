import { type AttributeTable, groupingKey, isMissingGroup, splitIntoGroups } from './groups.js';

export interface DisaggregateOptions {
  /** Any metric of a subset of cases, e.g. (idx) => sensitivity of those cases. */
  metric: (indices: Int32Array) => number;
  attributes: AttributeTable;
  /** One attribute, or several for their intersection. */
  groupBy: (string | readonly string[])[];
  n: number;
  /** Groups smaller than this get no number (default 30). */
  minGroupSize?: number;
  /** Counts positives in a subset (shown as n_positive). */
  countPositives?: (indices: Int32Array) => number;
  lowerIsBetter?: boolean;
}

export interface GroupValue {
  n: number;
  n_positive?: number;
  value: number | null;
  difference_to_overall: number | null;
  insufficient?: string;
}

export interface GroupGap {
  difference: number | null;
  ratio: number | null;
  worst_group: string | null;
  worst_value: number | null;
}

export interface Disaggregation {
  overall: number;
  groups: Record<string, GroupValue>;
  gap: GroupGap;
}

/** Any metric by attribute (or intersection) with n per group, a minimum-n guard and the gaps. */
export function disaggregateMetric(options: DisaggregateOptions): Record<string, Disaggregation> {
  const { metric, attributes, n, minGroupSize = 30, countPositives, lowerIsBetter = false } = options;
  const overall = metric(Int32Array.from({ length: n }, (_, i) => i));
  const result: Record<string, Disaggregation> = {};
  for (const spec of options.groupBy) {
    const groups: Record<string, GroupValue> = {};
    const scored: [string, number][] = [];
    for (const group of splitIntoGroups(attributes, spec, n)) {
      const entry: GroupValue = { n: group.indices.length, value: null, difference_to_overall: null };
      if (countPositives) entry.n_positive = countPositives(group.indices);
      if (group.indices.length < minGroupSize) {
        entry.insufficient = `n = ${group.indices.length} is below the minimum group size of ${minGroupSize}`;
      } else {
        const value = metric(group.indices);
        if (Number.isFinite(value)) {
          entry.value = value;
          entry.difference_to_overall = Number.isFinite(overall) ? value - overall : null;
          if (!isMissingGroup(group.value)) scored.push([group.value, value]);
        } else entry.insufficient = 'the metric is undefined for this group';
      }
      groups[group.value] = entry;
    }
    result[groupingKey(spec)] = { overall, groups, gap: gapOf(scored, lowerIsBetter) };
  }
  return result;
}

/** max - min, min / max and the worst group (lowest, or highest when lower is better). */
export function gapOf(scored: [string, number][], lowerIsBetter = false): GroupGap {
  if (scored.length < 2) return { difference: null, ratio: null, worst_group: null, worst_value: null };
  const values = scored.map(([, v]) => v);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const worst = scored.find(([, v]) => v === (lowerIsBetter ? max : min)) as [string, number];
  return {
    difference: max - min,
    ratio: max > 0 ? min / max : null,
    worst_group: worst[0],
    worst_value: worst[1],
  };
}
