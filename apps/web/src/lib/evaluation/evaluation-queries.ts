import 'server-only';
import { graphql } from '@/gql';
import type { EvaluationQuery, EvaluationsQuery } from '@/gql/graphql';

graphql(`
  fragment PixelBaselineFields on PixelBaseline {
    method inputSize trainImages testImages labelFraction beatsBaseline beatsBaselineClearly
    balancedAccuracy { value ciLow ciHigh }
    macroAuroc { value ciLow ciHigh }
    balancedAccuracyGain { model baseline difference ciLow ciHigh }
    macroAurocGain { model baseline difference ciLow ciHigh }
  }
`);

export const evaluationQuery = graphql(`
  query Evaluation($id: ID!) {
    evaluation(id: $id) {
      id modelVersionId datasetVersionId split report predictionCount createdAt
      baseline { ...PixelBaselineFields }
    }
  }
`);

/** The bias page's parts of the report: subgroups and gaps, not the curves (172 of 476 KB on the demo champion). */
export const evaluationSubgroupsQuery = graphql(`
  query EvaluationSubgroups($id: ID!) {
    evaluation(id: $id) {
      id modelVersionId datasetVersionId split predictionCount createdAt
      report(parts: [META, OVERALL, MALIGNANCY, GROUPS, GAPS])
      baseline { ...PixelBaselineFields }
    }
  }
`);

/** The overview's parts of the report: the headline metrics with their intervals (~2 KB). */
export const evaluationHeadlineQuery = graphql(`
  query EvaluationHeadline($id: ID!) {
    evaluation(id: $id) {
      id modelVersionId datasetVersionId split predictionCount createdAt
      report(parts: [META, OVERALL, MALIGNANCY])
      baseline { ...PixelBaselineFields }
    }
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
