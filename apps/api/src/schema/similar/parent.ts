import type { SimilarCaseHit } from '@dermino/db';

/** What similarCases returns to its type resolvers: the hits, with cases loaded lazily. */
export interface SimilarCasesParent {
  modelVersionId: string;
  hits: SimilarCaseHit[];
}
