import { AppError } from '@dermino/db';
import type { EvaluationReportPart } from '../../generated/resolvers-types.js';

const KEYS: Record<EvaluationReportPart, string> = {
  META: 'meta',
  OVERALL: 'overall',
  PER_CLASS: 'per_class',
  CONFUSION_MATRIX: 'confusion_matrix',
  MALIGNANCY: 'malignancy',
  CALIBRATION: 'calibration',
  CURVES: 'curves',
  GROUPS: 'groups',
  GAPS: 'gaps',
};

/**
 * The requested top-level parts of a stored report (all of it without parts). A page that reads the subgroups
 * does not need the curves: on the demo champion they are 172 KB of a 476 KB report. A part the stored report
 * lacks (an older report) is left out, as it would be from the full report.
 */
export function pickReportParts(report: unknown, parts: readonly EvaluationReportPart[] | null | undefined): unknown {
  if (parts === null || parts === undefined) return report;
  if (parts.length === 0) {
    throw new AppError('BAD_INPUT', {
      message: 'Argument "parts" is empty: leave it out for the whole report, or name the parts to return.',
      details: { argument: 'parts' },
    });
  }
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return report;
  const source = report as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const part of parts) {
    const key = KEYS[part];
    if (key in source) picked[key] = source[key];
  }
  return picked;
}
