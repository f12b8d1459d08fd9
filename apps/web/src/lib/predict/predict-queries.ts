import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { Prediction, SimilarCasesResult } from './predict-types';

export const predictQuery = defineQuery<{ predict: Prediction }, { uploadId: string }>(`
  query PredictUpload($uploadId: ID!) {
    predict(input: { uploadId: $uploadId }) {
      classes { name probability rawProbability }
      predicted { name probability rawProbability }
      uncertainty { entropy normalizedEntropy confidence calibration temperature }
      explanation { method gridSize values }
      modelVersion { id name aliases }
    }
  }
`);

export const similarCasesQuery = defineQuery<
  { similarCases: SimilarCasesResult },
  { uploadId: string; k: number }
>(`
  query SimilarToUpload($uploadId: ID!, $k: Int) {
    similarCases(input: { uploadId: $uploadId, k: $k, filter: { confirmedOnly: true } }) {
      modelVersionId
      cases {
        similarity
        image { id }
        case { id site }
        diagnosis { confirmation concept { code name malignant } }
      }
      diagnosisDistribution { concept { code name } count fraction }
    }
  }
`);

export const rateSimilarCaseMutation = defineQuery<
  { rateSimilarCase: { id: string; helpful: boolean; createdAt: string } },
  { input: { modelId: string; queryUploadId: string; resultImageId: string; helpful: boolean } }
>(`
  mutation RateSimilarCase($input: RateSimilarCaseInput!) {
    rateSimilarCase(input: $input) { id helpful createdAt }
  }
`);

export const conceptNamesQuery = defineQuery<{ concepts: { code: string; name: string }[] }>(
  `query ConceptNames { concepts { code name } }`,
);
