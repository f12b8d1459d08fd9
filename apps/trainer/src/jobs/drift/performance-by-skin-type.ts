import {
  accuracyFromConfusion,
  argmaxRows,
  confusionMatrix,
  ddiSkinTypeGroup,
  estimateMulticlassAccuracy,
  fitzpatrickTypeLabels,
} from '@dermino/analytics';

/** Below this many images a group's accuracy is shown greyed (the bias pages' minimum group size). */
export const MIN_GROUP_SIZE = 30;

export interface GroupPerformance {
  group: string;
  /** Images of the group in the window (what the CBPE estimate is over). */
  n: number;
  estimatedAccuracy: number | null;
  /** Images of the group with a held-out label (what the realised accuracy is over). */
  labelled: number;
  realisedAccuracy: number | null;
  /** n (or, for the realised accuracy, labelled) is under minGroupSize: read with care. */
  belowMinimum: boolean;
}

export interface PerformanceBySkinType {
  minGroupSize: number;
  overall: GroupPerformance;
  /** I-II, III-IV, V-VI (DDI), then "unknown" when some skin types are unreadable. */
  ddi: GroupPerformance[];
  /** I..VI, then "unknown" when some skin types are unreadable. */
  types: GroupPerformance[];
}

export interface PerformanceRows {
  /** [n, classes] probabilities of the classifier. */
  probabilities: Float32Array;
  classes: number;
  skinType: string[];
  /** Class index of a held-out label, or null when the image has none. */
  labels: (number | null)[];
}

const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(6)) : null);

function rows(matrix: Float32Array, width: number, indices: number[]): Float64Array {
  const out = new Float64Array(indices.length * width);
  indices.forEach((index, row) => out.set(matrix.subarray(index * width, (index + 1) * width), row * width));
  return out;
}

function groupPerformance(data: PerformanceRows, group: string, indices: number[], minGroupSize: number): GroupPerformance {
  const k = data.classes;
  const labelled = indices.filter((i) => data.labels[i] !== null);
  const estimated = indices.length ? estimateMulticlassAccuracy(rows(data.probabilities, k, indices), k) : Number.NaN;
  const realised = labelled.length
    ? accuracyFromConfusion(
        confusionMatrix(
          labelled.map((i) => data.labels[i] as number),
          argmaxRows(rows(data.probabilities, k, labelled), k),
          k,
        ),
        k,
      )
    : Number.NaN;
  return {
    group,
    n: indices.length,
    estimatedAccuracy: round(estimated),
    labelled: labelled.length,
    realisedAccuracy: round(realised),
    belowMinimum: indices.length < minGroupSize || (labelled.length > 0 && labelled.length < minGroupSize),
  };
}

/** Every group in a fixed order, empty ones included, so each month's table has the same columns. */
function byGroup(data: PerformanceRows, indices: number[], order: string[], groupOf: (i: number) => string | null, minGroupSize: number) {
  const members = new Map(order.map((g) => [g, [] as number[]]));
  const unknown: number[] = [];
  for (const i of indices) {
    const group = groupOf(i);
    (group === null ? unknown : members.get(group)!).push(i);
  }
  const groups = order.map((g) => groupPerformance(data, g, members.get(g)!, minGroupSize));
  return unknown.length ? [...groups, groupPerformance(data, 'unknown', unknown, minGroupSize)] : groups;
}

/**
 * CBPE-estimated accuracy (mean top probability) beside the realised accuracy on the held-out labels, for one
 * window overall, by DDI skin-type group and by Fitzpatrick type, with each group's n.
 */
export function performanceBySkinType(data: PerformanceRows, indices: number[], minGroupSize = MIN_GROUP_SIZE): PerformanceBySkinType {
  const types = fitzpatrickTypeLabels(data.skinType);
  return {
    minGroupSize,
    overall: groupPerformance(data, 'all', indices, minGroupSize),
    ddi: byGroup(data, indices, ['I-II', 'III-IV', 'V-VI'], (i) => ddiSkinTypeGroup(data.skinType[i]), minGroupSize),
    types: byGroup(data, indices, ['I', 'II', 'III', 'IV', 'V', 'VI'], (i) => types[i], minGroupSize),
  };
}
