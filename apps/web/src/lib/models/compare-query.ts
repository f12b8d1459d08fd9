import 'server-only';
import { graphql } from '@/gql';
import type { CompareModelsQuery } from '@/gql/graphql';

export type { MetricDifference } from './comparison-report';

/** The API types the comparison's report as JSON; readComparisonReport gives it the shape the page reads. */
export type ModelComparison = CompareModelsQuery['compareModels'];

export const compareModelsQuery = graphql(`
  query CompareModels($datasetVersionId: ID!, $modelA: ID!, $modelB: ID!, $split: Split) {
    compareModels(datasetVersionId: $datasetVersionId, modelA: $modelA, modelB: $modelB, split: $split) {
      datasetVersionId split n report
      modelA { id name }
      modelB { id name }
    }
  }
`);
