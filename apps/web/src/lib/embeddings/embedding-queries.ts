import 'server-only';
import { graphql } from '@/gql';
import type { EmbeddingPickerQuery, EmbeddingProjectionQuery } from '@/gql/graphql';

// The first 100 datasets by name (the API's largest page) to pick a version from.
export const embeddingPickerQuery = graphql(`
  query EmbeddingPicker {
    embeddingModels { id name kind createdAt aliases embeddingCount dim }
    datasets(first: 100) { edges { node { id name versions { id version itemCount } } } }
  }
`);

export type EmbeddingModel = EmbeddingPickerQuery['embeddingModels'][number];

export const projectionQuery = graphql(`
  query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {
    embeddingProjection(modelId: $modelId, datasetVersionId: $datasetVersionId, limit: $limit) {
      modelId method explainedVariance total
      points { imageId caseId x y diagnosis skinType site split }
    }
  }
`);

export type EmbeddingProjection = EmbeddingProjectionQuery['embeddingProjection'];
export type ProjectionPoint = EmbeddingProjection['points'][number];
