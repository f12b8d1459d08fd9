import 'server-only';
import { graphql } from '@/gql';
import type { EmbeddingProjectionQuery } from '@/gql/graphql';
import { defineQuery } from '@/lib/api/graphql-request';

export interface EmbeddingModel {
  id: string;
  name: string;
  kind: 'BACKBONE' | 'CLASSIFIER';
  createdAt: string;
  aliases: string[];
  embeddingCount: number;
  dim: number;
}

// Still hand-typed: `datasets` becomes a connection in the API (moves to graphql() with the datasets folder).
export const embeddingPickerQuery = defineQuery<{
  embeddingModels: EmbeddingModel[];
  datasets: {
    edges: { node: { id: string; name: string; versions: { id: string; version: number; itemCount: number }[] } }[];
  };
}>(`
  query EmbeddingPicker {
    embeddingModels { id name kind createdAt aliases embeddingCount dim }
    datasets(first: 100) { edges { node { id name versions { id version itemCount } } } }
  }
`);

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
