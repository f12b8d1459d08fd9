import type {
  EvaluationReport,
  FairnessReport,
  GapReport,
  GroupReport,
  MetricEstimate,
} from './report-types.js';

const fixed = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);

function formatEstimate(e: MetricEstimate | undefined, withInterval = true): string {
  if (!e) return '-';
  if (e.value === null) return 'n/a';
  return withInterval && e.ci_low !== null
    ? `${fixed(e.value)} [${fixed(e.ci_low)}, ${fixed(e.ci_high)}]`
    : fixed(e.value);
}

/** Left-aligned columns separated by two spaces. */
export function formatColumns(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd()).join('\n');
}

function groupRows(
  groups: Record<string, GroupReport>,
  withMalignancy: boolean,
  minGroupSize: number,
): string[][] {
  const header = [
    'group',
    'n',
    ...(withMalignancy ? ['n_mal'] : []),
    'accuracy',
    'bal. acc.',
    'macro AUROC',
    'ECE',
  ];
  if (withMalignancy) header.push('mal. sens.', 'mal. spec.', 'mal. AUROC');
  const rows = [header];
  for (const [value, g] of Object.entries(groups)) {
    const cells = [value, String(g.n), ...(withMalignancy ? [String(g.n_positive ?? '-')] : [])];
    if (g.insufficient) {
      rows.push([
        ...cells,
        ...header.slice(cells.length).map(() => '-'),
        `n < ${minGroupSize}: too few for numbers`,
      ]);
      continue;
    }
    const e = (name: string) => formatEstimate(g[name] as MetricEstimate, false);
    cells.push(e('accuracy'), e('balanced_accuracy'), e('macro_auroc'), e('ece'));
    if (withMalignancy)
      cells.push(e('malignancy_sensitivity'), e('malignancy_specificity'), e('malignancy_auroc'));
    rows.push(cells);
  }
  return rows;
}

function gapLines(gaps: EvaluationReport['gaps'][string]): string[] {
  const lines: string[] = [];
  for (const name of ['accuracy', 'balanced_accuracy', 'macro_auroc', 'ece', 'malignancy_sensitivity']) {
    const gap = gaps[name] as GapReport | undefined;
    if (!gap || gap.difference === null) continue;
    lines.push(
      `  gap ${name}: ${fixed(gap.difference)} [${fixed(gap.difference_ci_low)}, ${fixed(gap.difference_ci_high)}], ratio ${fixed(gap.ratio)}, worst group ${gap.worst_group}`,
    );
  }
  const eod = gaps.equalized_odds_difference as FairnessReport['equalized_odds_difference'] | undefined;
  if (eod) lines.push(`  equalized-odds difference (malignant vs benign): ${formatEstimate(eod)}`);
  const dpd = gaps.demographic_parity_difference as MetricEstimate | undefined;
  if (dpd) lines.push(`  demographic-parity difference: ${formatEstimate(dpd)}`);
  const fourFifths = gaps.four_fifths as FairnessReport['four_fifths'] | undefined;
  if (fourFifths && fourFifths.ratio !== null)
    lines.push(
      `  four-fifths check: ratio ${fixed(fourFifths.ratio)} -> ${fourFifths.passes ? 'passes' : 'FAILS'}`,
    );
  return lines;
}

/** The report as a readable terminal table. */
export function formatReportTable(report: EvaluationReport): string {
  const { meta } = report;
  const ci = `${Math.round(meta.bootstrap.confidence * 100)}% CI`;
  const out: string[] = [
    `Evaluation of ${meta.n} predictions, ${meta.num_classes} classes (${ci}: percentile bootstrap, ${meta.bootstrap.resamples} resamples stratified by class, seed ${meta.bootstrap.seed})`,
    '',
    'Overall',
    formatColumns([
      ['metric', `value [${ci}]`],
      ...Object.entries(report.overall).map(([name, e]) => [name, formatEstimate(e)]),
    ]),
    '',
    'Per class',
    formatColumns([
      ['class', 'n', 'sensitivity', 'specificity', 'PPV', 'NPV', 'F1', 'AUROC'],
      ...Object.entries(report.per_class).map(([name, c]) => [
        name,
        String(c.n),
        ...['sensitivity', 'specificity', 'ppv', 'npv', 'f1', 'auroc'].map((m) =>
          formatEstimate(c[m] as MetricEstimate, false),
        ),
      ]),
    ]),
  ];
  if (report.malignancy) {
    out.push(
      '',
      `Malignant (${meta.malignant_classes?.join(', ')}) vs benign, ${report.malignancy.n_positive} malignant, flagged at P(malignant) >= ${meta.malignancy_threshold}`,
    );
    const rows = [['metric', `value [${ci}]`]];
    for (const [name, e] of Object.entries(report.malignancy)) {
      if (typeof e === 'number') continue;
      rows.push([
        name === 'sensitivity_at_specificity'
          ? `sensitivity at specificity ${meta.specificity_target}`
          : name,
        formatEstimate(e),
      ]);
    }
    out.push(formatColumns(rows));
  }
  for (const [column, groups] of Object.entries(report.groups)) {
    out.push(
      '',
      `By ${column} (groups under n = ${meta.min_group_size} get no numbers; (missing) is not in the gaps)`,
      formatColumns(groupRows(groups, report.malignancy !== null, meta.min_group_size)),
    );
    out.push(...gapLines(report.gaps[column] ?? {}));
  }
  return `${out.join('\n')}\n`;
}
