import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { CaseFilter, SkinType } from './case-search';

export type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
export type Modality = 'DERMOSCOPIC' | 'CLINICAL';
export type Confirmation =
  | 'HISTOPATHOLOGY'
  | 'CONSENSUS'
  | 'FOLLOW_UP'
  | 'CONFOCAL'
  | 'SINGLE_READER'
  | 'MODEL';

export interface ConceptRef {
  id: string;
  code: string;
  name: string;
  malignant: boolean | null;
}

export interface CaseSummary {
  id: string;
  externalId: string | null;
  site: string;
  source: string;
  createdAt: string;
  patient: { pseudonym: string; skinType: SkinType };
  diagnosis: ConceptRef | null;
  images: { id: string }[];
}

export interface CaseListData {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: CaseSummary }[];
  };
}

export const caseListQuery = defineQuery<
  CaseListData,
  { filter: CaseFilter; first: number; after?: string }
>(`
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

export interface FilterOptionsData {
  concepts: (ConceptRef & { parent: { id: string } | null })[];
  caseFacets: { sites: string[]; sources: string[] };
}

export const filterOptionsQuery = defineQuery<FilterOptionsData>(`
  query CaseFilterOptions {
    concepts { id code name malignant parent { id } }
    caseFacets { sites sources }
  }
`);

export interface CaseImage {
  id: string;
  width: number | null;
  height: number | null;
  modality: Modality;
  device: string | null;
  source: string;
  capturedAt: string | null;
  quality: {
    brightness: number | null;
    contrast: number | null;
    colorCast: number | null;
    blurVariance: number | null;
  } | null;
}

export interface CaseDetail {
  id: string;
  externalId: string | null;
  site: string;
  source: string;
  createdAt: string;
  patient: { id: string; pseudonym: string; sex: Sex; ageBand: string | null; skinType: SkinType };
  diagnosis: ConceptRef | null;
  images: CaseImage[];
  annotations: {
    id: string;
    concept: ConceptRef;
    annotator: string;
    confirmation: Confirmation;
    createdAt: string;
    image: { id: string } | null;
  }[];
}

export const caseDetailQuery = defineQuery<{ case: CaseDetail | null }, { id: string }>(`
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
