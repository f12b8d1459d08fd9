import type { Confirmation } from '@dermino/db';

export interface LabelVote {
  conceptId: string;
  conceptCode: string;
  confirmation: Confirmation;
  annotator: string;
}

export interface Adjudication {
  conceptId: string | null;
  conceptCode: string | null;
  /** The confirmation tier the label was decided on; null when there was nothing to decide on. */
  basis: Confirmation | null;
  /** Two or more labels with the most votes in the deciding tier: flagged for review, no label given. */
  tie: boolean;
  candidates: string[];
}

/**
 * Histopathology outranks consensus, which outranks confocal and follow-up, which outrank single readers; model
 * predictions are never labels. Inside the deciding tier the majority wins, one vote per annotator and concept.
 */
export const CONFIRMATION_TIERS: readonly (readonly Confirmation[])[] = [
  ['HISTOPATHOLOGY'],
  ['CONSENSUS'],
  ['CONFOCAL', 'FOLLOW_UP'],
  ['SINGLE_READER'],
];

export function adjudicateLabel(votes: readonly LabelVote[]): Adjudication {
  for (const tier of CONFIRMATION_TIERS) {
    const inTier = votes.filter((vote) => tier.includes(vote.confirmation));
    if (inTier.length === 0) continue;
    const counted = new Map<string, { vote: LabelVote; annotators: Set<string> }>();
    for (const vote of inTier) {
      const entry = counted.get(vote.conceptId) ?? { vote, annotators: new Set<string>() };
      entry.annotators.add(vote.annotator);
      counted.set(vote.conceptId, entry);
    }
    const ranked = [...counted.values()].sort((a, b) => b.annotators.size - a.annotators.size);
    const top = ranked.filter((entry) => entry.annotators.size === ranked[0].annotators.size);
    const candidates = top.map((entry) => entry.vote.conceptCode).sort();
    if (top.length > 1) return { conceptId: null, conceptCode: null, basis: tier[0], tie: true, candidates };
    const winner = top[0].vote;
    return {
      conceptId: winner.conceptId,
      conceptCode: winner.conceptCode,
      basis: winner.confirmation,
      tie: false,
      candidates,
    };
  }
  return { conceptId: null, conceptCode: null, basis: null, tie: false, candidates: [] };
}
