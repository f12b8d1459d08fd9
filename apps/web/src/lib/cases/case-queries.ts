import 'server-only';
import { graphql } from '@/gql';
import type { CaseDetailQuery, CaseListQuery } from '@/gql/graphql';

export type { Confirmation, Modality, Sex, SkinType } from '@/gql/graphql';

export const caseListQuery = graphql(`
  query CaseList($filter: CaseFilter, $first: Int, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id externalId site source createdAt
          patient { pseudonym skinType }
          diagnosis { id code name malignant }
          images { id }
        }
      }
    }
  }
`);

export type CaseListData = CaseListQuery;
export type CaseSummary = CaseListQuery['cases']['edges'][number]['node'];
export type ConceptRef = NonNullable<CaseSummary['diagnosis']>;

export const filterOptionsQuery = graphql(`
  query CaseFilterOptions {
    concepts { id code name malignant parent { id } }
    caseFacets { sites sources }
  }
`);

export const caseDetailQuery = graphql(`
  query CaseDetail($id: ID!) {
    case(id: $id) {
      id externalId site source createdAt
      patient { id pseudonym sex ageBand skinType }
      diagnosis { id code name malignant }
      images {
        id width height modality device source capturedAt
        quality { brightness contrast colorCast blurVariance }
      }
      annotations {
        id annotator confirmation createdAt
        concept { id code name malignant }
        image { id }
      }
    }
  }
`);

export type CaseDetail = NonNullable<CaseDetailQuery['case']>;
export type CaseImage = CaseDetail['images'][number];
