import 'server-only';
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

export interface ProjectionPoint {
  imageId: string;
  caseId: string;
  x: number;
  y: number;
  diagnosis: string | null;
  skinType: string | null;
  site: string | null;
  split: 'TRAIN' | 'VAL' | 'TEST' | null;
}

export interface EmbeddingProjection {
  modelId: string;
  method: string;
  explainedVariance: number[];
  total: number;
  points: ProjectionPoint[];
}

export const embeddingPickerQuery = defineQuery<{
  embeddingModels: EmbeddingModel[];
  datasets: { id: string; name: string; versions: { id: string; version: number; itemCount: number }[] }[];
}>(`
  query EmbeddingPicker {
    embeddingModels { id name kind createdAt aliases embeddingCount dim }
    datasets { id name versions { id version itemCount } }
  }
`);

export const projectionQuery = defineQuery<
  { embeddingProjection: EmbeddingProjection },
  { modelId: string; datasetVersionId?: string; limit: number }
>(`
  query EmbeddingProjection($modelId: ID!, $datasetVersionId: ID, $limit: Int) {
    embeddingProjection(modelId: $modelId, datasetVersionId: $datasetVersionId, limit: $limit) {
      modelId method explainedVariance total
      points { imageId caseId x y diagnosis skinType site split }
    }
  }
`);
