import type { AnnotationRecord, Confirmation } from '@dermino/db';

/** Strongest evidence first. */
export const CONFIRMATION_RANK: readonly Confirmation[] = [
  'HISTOPATHOLOGY',
  'CONSENSUS',
  'FOLLOW_UP',
  'CONFOCAL',
  'SINGLE_READER',
  'MODEL',
];

/** The best-confirmed annotation; among equally confirmed ones, the newest. */
export function pickBestAnnotation<T extends Pick<AnnotationRecord, 'confirmation' | 'createdAt'>>(
  annotations: readonly T[],
): T | null {
  let best: T | null = null;
  for (const annotation of annotations) {
    if (!best) {
      best = annotation;
      continue;
    }
    const rank = CONFIRMATION_RANK.indexOf(annotation.confirmation);
    const bestRank = CONFIRMATION_RANK.indexOf(best.confirmation);
    if (rank < bestRank || (rank === bestRank && annotation.createdAt > best.createdAt)) best = annotation;
  }
  return best;
}
