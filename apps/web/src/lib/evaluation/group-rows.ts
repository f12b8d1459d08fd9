import {
  type EvaluationReport,
  type GapReport,
  isEstimate,
  isGap,
  type MetricEstimate,
} from './report-types';

export const GROUPING_LABELS: Record<string, string> = {
  skin_type: 'Skin type (Fitzpatrick I–VI)',
  skin_type_group: 'Skin type group (I–II / III–IV / V–VI)',
  sex: 'Sex',
  age_band: 'Age band',
  site: 'Site',
  device: 'Device',
  source: 'Source',
};

export function groupingLabel(key: string): string {
  return key
    .split('+')
    .map((part) => GROUPING_LABELS[part]?.replace(/ \(.*\)$/, '') ?? part.replace(/_/g, ' '))
    .join(' × ');
}

/** Single attributes first in a fixed order (skin type leads), then intersections. */
export function orderGroupings(keys: readonly string[]): { single: string[]; intersections: string[] } {
  const rank = (key: string) => {
    const index = Object.keys(GROUPING_LABELS).indexOf(key);
    return index < 0 ? 99 : index;
  };
  return {
    single: keys.filter((k) => !k.includes('+')).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    intersections: keys.filter((k) => k.includes('+')).sort(),
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/**
 * Natural order of group names: Fitzpatrick types I..VI in sequence, "<30" before "30-44", "(missing)" last.
 * Needed because the report comes back from jsonb, which orders object keys by length first.
 */
export function compareGroupNames(a: string, b: string): number {
  const missing = (name: string) => (name.includes('(missing)') ? 1 : 0);
  if (missing(a) !== missing(b)) return missing(a) - missing(b);
  const partsA = a.split(' & ');
  const partsB = b.split(' & ');
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const [x, y] = [partsA[i] as string, partsB[i] as string];
    const [rx, ry] = [ROMAN.indexOf(x), ROMAN.indexOf(y)];
    const order =
      rx >= 0 && ry >= 0
        ? rx - ry
        : x.replace(/^</, '0').localeCompare(y.replace(/^</, '0'), 'en', { numeric: true });
    if (order !== 0) return order;
  }
  return partsA.length - partsB.length;
}

export interface GroupRow {
  group: string;
  n: number;
  nPositive: number | null;
  /** Why no metric is shown (n below the minimum), else null. */
  insufficient: string | null;
  estimate: MetricEstimate | null;
}

/** One row per group of a grouping for one metric; groups under the minimum n are kept, with no estimate. */
export function groupRows(report: EvaluationReport, grouping: string, metric: string): GroupRow[] {
  const entries = Object.entries(report.groups[grouping] ?? {}).sort(([a], [b]) => compareGroupNames(a, b));
  return entries.map(([group, g]) => {
    const value = g[metric];
    return {
      group,
      n: g.n,
      nPositive: typeof g.n_positive === 'number' ? g.n_positive : null,
      insufficient: g.insufficient ?? null,
      estimate: !g.insufficient && isEstimate(value) ? value : null,
    };
  });
}

/** The metrics that groups of this report carry (estimates only), in first-seen order. */
export function groupMetrics(report: EvaluationReport): string[] {
  const names = new Set<string>();
  for (const groups of Object.values(report.groups)) {
    for (const g of Object.values(groups)) {
      for (const [name, value] of Object.entries(g)) if (isEstimate(value)) names.add(name);
    }
  }
  return [...names];
}

export function gapOf(report: EvaluationReport, grouping: string, metric: string): GapReport | null {
  const gap = report.gaps[grouping]?.[metric];
  return isGap(gap) ? gap : null;
}

export interface EqualizedOdds {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  tpr_difference: number | null;
  fpr_difference: number | null;
}

export function equalizedOddsOf(report: EvaluationReport, grouping: string): EqualizedOdds | null {
  const value = report.gaps[grouping]?.equalized_odds_difference;
  return isEstimate(value) ? (value as unknown as EqualizedOdds) : null;
}

/** Rows and columns of a two-attribute intersection ("female & II" -> row female, column II). */
export function splitIntersection(
  report: EvaluationReport,
  grouping: string,
): { rows: string[]; columns: string[] } {
  const pairs = Object.keys(report.groups[grouping] ?? {}).map((key) => key.split(' & '));
  const unique = (values: string[]) =>
    [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    rows: unique(pairs.map((p) => p[0] ?? '')),
    columns: unique(pairs.map((p) => p.slice(1).join(' & '))),
  };
}
