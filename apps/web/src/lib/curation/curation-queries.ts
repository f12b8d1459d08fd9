import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { CaseFilter, SkinType } from '@/lib/cases/case-search';

export interface GridCase {
  id: string;
  site: string;
  source: string;
  patient: { skinType: SkinType };
  images: { id: string }[];
}

export const curationGridQuery = defineQuery<
  { cases: { totalCount: number; edges: { node: GridCase }[] } },
  { filter: CaseFilter; first: number }
>(`
  query CurationGrid($filter: CaseFilter, $first: Int) {
    cases(filter: $filter, first: $first) {
      totalCount
      edges { node { id site source patient { skinType } images { id } } }
    }
  }
`);

export interface ImageSummary {
  imageId: string;
  caseId: string;
  diagnosis: string | null;
  skinType: string;
  site: string;
  source: string;
}

export const imageSummariesQuery = defineQuery<{ imageSummaries: ImageSummary[] }, { ids: string[] }>(`
  query ImageSummaries($ids: [ID!]!) { imageSummaries(ids: $ids) { imageId caseId diagnosis skinType site source } }
`);

export interface DataAudit {
  id: string;
  datasetVersionId: string;
  report: unknown;
  createdAt: string;
}

/** The newest audit, of one dataset version when given. */
export const dataAuditsQuery = defineQuery<
  { dataAudits: { edges: { node: DataAudit }[] } },
  { filter?: { datasetVersionId?: string[] } }
>(`
  query LatestAudit($filter: DataAuditFilter) {
    dataAudits(filter: $filter, first: 1) { edges { node { id datasetVersionId report createdAt } } }
  }
`);

export const versionsQuery = defineQuery<{
  datasets: { edges: { node: { name: string; versions: { id: string; version: number }[] } }[] };
}>(`query CurationVersions { datasets(first: 100) { edges { node { name versions { id version } } } } }`);

export interface ImportRunRow {
  id: string;
  kind: string;
  status: string;
  counts: unknown;
  startedAt: string;
  finishedAt: string | null;
}

/** The newest 20 runs of the API's import-run connection. */
export const importRunsQuery = defineQuery<{
  importRuns: { totalCount: number; edges: { node: ImportRunRow }[] };
}>(`
  query ImportRuns { importRuns(first: 20) { totalCount edges { node { id kind status counts startedAt finishedAt } } } }
`);

export const importRunQuery = defineQuery<
  {
    importRun:
      | (ImportRunRow & {
          problems: {
            totalCount: number;
            edges: { node: { row: number; field: string | null; reason: string } }[];
          };
        })
      | null;
  },
  { id: string }
>(`
  query ImportRunProblems($id: ID!) {
    importRun(id: $id) { id kind status counts startedAt finishedAt problems(first: 500) { totalCount edges { node { row field reason } } } }
  }
`);

export const adjudicateMutation = defineQuery<
  { adjudicateAnnotation: { id: string; concept: { code: string } } },
  { input: { imageId: string; conceptCode: string; note?: string } }
>(`
  mutation Adjudicate($input: AdjudicateAnnotationInput!) {
    adjudicateAnnotation(input: $input) { id concept { code } }
  }
`);
