import 'server-only';
import { graphql } from '@/gql';
import type { EvaluationQuery, EvaluationsQuery } from '@/gql/graphql';

export const evaluationQuery = graphql(`
  query Evaluation($id: ID!) {
    evaluation(id: $id) { id modelVersionId datasetVersionId split report predictionCount createdAt }
  }
`);

/** report is JSON in the schema: readReport (report-types.ts) gives it the shape the pages read. */
export type EvaluationDetail = NonNullable<EvaluationQuery['evaluation']>;

/** One page of the API's evaluation connection, newest first; totalCount counts every page. */
export const evaluationsQuery = graphql(`
  query Evaluations($filter: EvaluationFilter, $first: Int) {
    evaluations(filter: $filter, first: $first) {
      totalCount
      edges { node { id modelVersionId datasetVersionId split predictionCount createdAt } }
    }
  }
`);

export type EvaluationSummary = EvaluationsQuery['evaluations']['edges'][number]['node'];
