import 'server-only';
import { graphql } from '@/gql';

export const predictQuery = graphql(`
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

export const similarCasesQuery = graphql(`
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

export const rateSimilarCaseMutation = graphql(`
  mutation RateSimilarCase($input: RateSimilarCaseInput!) {
    rateSimilarCase(input: $input) { id helpful createdAt }
  }
`);

export const conceptNamesQuery = graphql(`query ConceptNames { concepts { code name } }`);
