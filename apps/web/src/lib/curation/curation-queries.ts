import 'server-only';
import { graphql } from '@/gql';
import type {
  CurationGridQuery,
  ImageSummariesQuery,
  ImportRunProblemsQuery,
  ImportRunsQuery,
} from '@/gql/graphql';

/** One page of the grid, newest first, through the API's keyset case connection (`after`: the previous endCursor). */
export const curationGridQuery = graphql(`
  query CurationGrid($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id site source patient { skinType } images { id } } }
    }
  }
`);

export type GridCase = CurationGridQuery['cases']['edges'][number]['node'];

export const imageSummariesQuery = graphql(`
  query ImageSummaries($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId caseId diagnosis skinType site source } }
`);

export type ImageSummary = ImageSummariesQuery['imageSummaries'][number];

/** The newest audit, of one dataset version when given. Its report is JSON: read it with readAuditReport. */
export const dataAuditsQuery = graphql(`
  query LatestAudit($filter: DataAuditFilter) {
    dataAudits(filter: $filter, first: 1) { edges { node { id datasetVersionId report createdAt } } }
  }
`);

export const versionsQuery = graphql(
  `query CurationVersions { datasets(first: 100) { edges { node { name versions { id version } } } } }`,
);

/** The newest 20 runs of the API's import-run connection. counts is JSON. */
export const importRunsQuery = graphql(`
  query ImportRuns { importRuns(first: 20) { totalCount edges { node { id kind status counts startedAt finishedAt } } } }
`);

export type ImportRunRow = ImportRunsQuery['importRuns']['edges'][number]['node'];

export const importRunQuery = graphql(`
  query ImportRunProblems($id: ID!) {
    importRun(id: $id) {
      id kind status counts startedAt finishedAt
      problems(first: 500) { totalCount edges { node { row field reason } } }
    }
  }
`);

export type ImportRunDetail = NonNullable<ImportRunProblemsQuery['importRun']>;

export const adjudicateMutation = graphql(`
  mutation Adjudicate($input: AdjudicateAnnotationInput!) {
    adjudicateAnnotation(input: $input) { id concept { code } }
  }
`);
