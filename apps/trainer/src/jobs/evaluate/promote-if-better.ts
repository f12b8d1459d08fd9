import { z } from 'zod';

/** Aliases a job may move (the dashboard's); metrics where higher is better, read from the report's `overall`. */
export const PROMOTION_ALIASES = ['champion', 'challenger'] as const;
export const PROMOTION_METRICS = ['balanced_accuracy', 'accuracy', 'macro_auroc'] as const;

const oneOf = (values: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${JSON.stringify(issue.input)}: one of ${values.join(', ')}`;

/** EVALUATE's `promoteIfBetter`: move the alias to the evaluated model only if it beats the alias's holder. */
export const promoteIfBetterSchema = z
  .object({
    alias: z.enum(PROMOTION_ALIASES, { error: oneOf(PROMOTION_ALIASES) }),
    metric: z.enum(PROMOTION_METRICS, { error: oneOf(PROMOTION_METRICS) }).default('balanced_accuracy'),
  })
  .strict();
export type PromoteIfBetter = z.infer<typeof promoteIfBetterSchema>;

interface EvaluationOf {
  datasetVersionId: string;
  split: string;
  createdAt: Date;
  report: unknown;
}

export interface PromotionInput extends PromoteIfBetter {
  datasetVersionId: string;
  split: string;
  /** `failure`: why it may never be promoted (it or its backbone failed a check), null when it may. */
  candidate: { modelVersionId: string; failure: string | null; report: unknown };
  /** The model holding the alias now, with its evaluations (any version or split), or null when none holds it. */
  holder: { modelVersionId: string; evaluations: EvaluationOf[] } | null;
}

export interface PromotionDecision {
  promote: boolean;
  /** One line for the job's log: "promoted: ..." or "kept the <alias>: ...". */
  message: string;
}

const metricOf = (report: unknown, metric: string): number | null => {
  const value = (report as { overall?: Record<string, { value?: unknown }> } | null)?.overall?.[metric]
    ?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const fixed = (value: number) => value.toFixed(3).replace(/^0\./, '.');

/**
 * Promote only on evidence: the candidate's metric strictly above the holder's newest evaluation on the same
 * dataset version and split. A holder never evaluated there is kept (nothing to compare with); a tie keeps it.
 */
export function decidePromotion(input: PromotionInput): PromotionDecision {
  const { alias, metric, candidate, holder } = input;
  const name = metric.replace(/_/g, ' ');
  const where = `dataset version ${input.datasetVersionId} (${input.split})`;
  const ours = metricOf(candidate.report, metric);
  const kept = (why: string) => ({ promote: false, message: `kept the ${alias}: ${why}.` });
  if (candidate.failure) return kept(candidate.failure);
  if (ours === null) return kept(`model ${candidate.modelVersionId} has no ${name} on ${where}`);
  if (!holder) {
    return {
      promote: true,
      message: `promoted: model ${candidate.modelVersionId} is now ${alias} (no model held it), ${name} ${fixed(ours)} on ${where}.`,
    };
  }
  if (holder.modelVersionId === candidate.modelVersionId)
    return kept(`model ${candidate.modelVersionId} already holds it`);
  const [newest] = holder.evaluations
    .filter((e) => e.datasetVersionId === input.datasetVersionId && e.split === input.split)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const theirs = newest ? metricOf(newest.report, metric) : null;
  if (theirs === null) {
    return kept(
      `the ${alias} (model ${holder.modelVersionId}) has no ${name} on ${where} to compare with; the candidate has ${fixed(ours)}`,
    );
  }
  if (ours > theirs) {
    return {
      promote: true,
      message: `promoted: ${name} ${fixed(ours)} vs the ${alias}'s ${fixed(theirs)} on ${where}; model ${candidate.modelVersionId} replaces model ${holder.modelVersionId} as ${alias}.`,
    };
  }
  return kept(
    `${name} ${fixed(theirs)} (model ${holder.modelVersionId}) vs the candidate's ${fixed(ours)} on ${where}`,
  );
}
