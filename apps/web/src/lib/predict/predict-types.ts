// Shapes of the API's Prediction and SimilarCasesResult as the predict page uses them (shared by server and client),
// from the documents in predict-queries.ts.

import type { PredictUploadQuery, SimilarToUploadQuery } from '@/gql/graphql';

export type Prediction = PredictUploadQuery['predict'];
export type ClassProbability = Prediction['classes'][number];
export type SimilarCasesResult = SimilarToUploadQuery['similarCases'];
export type SimilarCase = SimilarCasesResult['cases'][number];

/** What the analyse action hands back to the page: each part may fail on its own. */
export interface Analysis {
  uploadId: string;
  prediction: { ok: true; value: Prediction } | { ok: false; code: string; message: string };
  similar: { ok: true; value: SimilarCasesResult } | { ok: false; code: string; message: string };
}
