import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { Split } from './model-queries';

export interface MetricDifference {
  a: number | null;
  b: number | null;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
}

export interface ModelComparison {
  datasetVersionId: string;
  split: Split;
  n: number;
  modelA: { id: string; name: string };
  modelB: { id: string; name: string };
  report: Record<string, MetricDifference>;
}

export const compareModelsQuery = defineQuery<
  { compareModels: ModelComparison },
  { datasetVersionId: string; modelA: string; modelB: string; split: Split }
>(`
  query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {
    compareModels(datasetVersionId: $datasetVersionId, modelA: $modelA, modelB: $modelB, split: $split) {
      datasetVersionId split n report
      modelA { id name }
      modelB { id name }
    }
  }
`);
