import { AppError, type LabelVoteRecord } from '@dermino/db';
import { adjudicateLabel } from '@dermino/ingest';

/** Adjudications are stored at this tier: the registry's Confirmation enum has no ADJUDICATION value. */
export const ADJUDICATION_CONFIRMATION = 'CONSENSUS' as const;

/**
 * Refuses an adjudication that would not become the image's label under curation's rule (ingest's
 * adjudicateLabel: histopathology first, then the consensus majority), so a recorded adjudication is never
 * silently outranked. Returns the label it replaces, for the audit.
 */
export function checkAdjudication(
  votes: readonly LabelVoteRecord[],
  decision: { conceptId: string; conceptCode: string; annotator: string },
): { previous: string | null; previousTie: boolean } {
  const before = adjudicateLabel(votes);
  const after = adjudicateLabel([...votes, { ...decision, confirmation: ADJUDICATION_CONFIRMATION }]);
  if (after.conceptId !== decision.conceptId) {
    const winner = after.tie ? `a tie of ${after.candidates.join(', ')}` : after.conceptCode;
    throw new AppError('CONFLICT', {
      message: `The image's ${after.basis?.toLowerCase().replace('_', ' ')} annotations decide ${winner}; an adjudication (stored as consensus) cannot outrank them.`,
      details: { argument: 'input.conceptCode', basis: after.basis },
    });
  }
  return { previous: before.conceptCode, previousTie: before.tie };
}
