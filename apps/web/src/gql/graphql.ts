/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** All conditions must hold; within one list any value may match. An empty list does not restrict. */
export type CaseFilter = {
  /** Concept codes; a code matches its descendants too (melanocytic matches nv and mel). Unknown codes are an error. */
  diagnosis?: Array<string> | null | undefined;
  /** Has at least one annotation, on the case or on one of its images. */
  labelled?: boolean | null | undefined;
  /** Anatomical sites. */
  site?: Array<string> | null | undefined;
  skinType?: Array<SkinType> | null | undefined;
  /** Source of the case or of any of its images (dataset or hospital site). */
  source?: Array<string> | null | undefined;
};

export type Confirmation =
  | 'CONFOCAL'
  | 'CONSENSUS'
  | 'FOLLOW_UP'
  | 'HISTOPATHOLOGY'
  | 'MODEL'
  | 'SINGLE_READER';

/** All conditions must hold; within one list any value may match. An empty list does not restrict. */
export type JobFilter = {
  /** Ids of the users who queued the jobs. */
  createdBy?: Array<string | number> | null | undefined;
  kind?: Array<JobKind> | null | undefined;
  status?: Array<JobStatus> | null | undefined;
};

export type JobKind =
  | 'AUDIT'
  | 'DRIFT'
  | 'EMBED'
  | 'EVALUATE'
  | 'FINETUNE'
  | 'IMPORT'
  | 'PRETRAIN'
  | 'QUALITY';

export type JobStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type Modality =
  | 'CLINICAL'
  | 'DERMOSCOPIC';

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'OTHER'
  | 'UNKNOWN';

export type SkinType =
  | 'I'
  | 'II'
  | 'III'
  | 'IV'
  | 'UNKNOWN'
  | 'V'
  | 'VI';

export type CaseListQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseListQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, externalId: string | null, site: string, source: string, createdAt: string, patient: { pseudonym: string, skinType: SkinType }, diagnosis: { id: string, code: string, name: string, malignant: boolean | null } | null, images: Array<{ id: string }> } }> } };

export type CaseFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CaseFilterOptionsQuery = { concepts: Array<{ id: string, code: string, name: string, malignant: boolean | null, parent: { id: string } | null }>, caseFacets: { sites: Array<string>, sources: Array<string> } };

export type CaseDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseDetailQuery = { case: { id: string, externalId: string | null, site: string, source: string, createdAt: string, patient: { id: string, pseudonym: string, sex: Sex, ageBand: string | null, skinType: SkinType }, diagnosis: { id: string, code: string, name: string, malignant: boolean | null } | null, images: Array<{ id: string, width: number | null, height: number | null, modality: Modality, device: string | null, source: string, capturedAt: string | null, quality: { brightness: number | null, contrast: number | null, colorCast: number | null, blurVariance: number | null } | null }>, annotations: Array<{ id: string, annotator: string, confirmation: Confirmation, createdAt: string, concept: { id: string, code: string, name: string, malignant: boolean | null }, image: { id: string } | null }> } | null };

export type JobFieldsFragment = { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null };

export type JobsQueryVariables = Exact<{
  filter?: JobFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type JobsQuery = { jobs: { totalCount: number, edges: Array<{ node: { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } }> } };

export type CancelJobMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelJobMutation = { cancelJob: { id: string, status: JobStatus } };

export type JobDetailQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
}>;


export type JobDetailQuery = { job: { id: string, kind: JobKind, payload: unknown, status: JobStatus, step: number, total: number | null, rate: number | null, etaSeconds: number | null, metrics: unknown, error: string | null, attempts: number, createdBy: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null, logs: Array<{ at: string, level: string, message: string }>, curve: Array<{ step: number, metrics: unknown }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const JobFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"JobFields"}) as unknown as TypedDocumentString<JobFieldsFragment, unknown>;
export const CaseListDocument = new TypedDocumentString(`
    query CaseList($filter: CaseFilter, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        externalId
        site
        source
        createdAt
        patient {
          pseudonym
          skinType
        }
        diagnosis {
          id
          code
          name
          malignant
        }
        images {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseListQuery, CaseListQueryVariables>;
export const CaseFilterOptionsDocument = new TypedDocumentString(`
    query CaseFilterOptions {
  concepts {
    id
    code
    name
    malignant
    parent {
      id
    }
  }
  caseFacets {
    sites
    sources
  }
}
    `) as unknown as TypedDocumentString<CaseFilterOptionsQuery, CaseFilterOptionsQueryVariables>;
export const CaseDetailDocument = new TypedDocumentString(`
    query CaseDetail($id: ID!) {
  case(id: $id) {
    id
    externalId
    site
    source
    createdAt
    patient {
      id
      pseudonym
      sex
      ageBand
      skinType
    }
    diagnosis {
      id
      code
      name
      malignant
    }
    images {
      id
      width
      height
      modality
      device
      source
      capturedAt
      quality {
        brightness
        contrast
        colorCast
        blurVariance
      }
    }
    annotations {
      id
      annotator
      confirmation
      createdAt
      concept {
        id
        code
        name
        malignant
      }
      image {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CaseDetailQuery, CaseDetailQueryVariables>;
export const JobsDocument = new TypedDocumentString(`
    query Jobs($filter: JobFilter, $first: Int) {
  jobs(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        ...JobFields
      }
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<JobsQuery, JobsQueryVariables>;
export const CancelJobDocument = new TypedDocumentString(`
    mutation CancelJob($id: ID!) {
  cancelJob(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelJobMutation, CancelJobMutationVariables>;
export const JobDetailDocument = new TypedDocumentString(`
    query JobDetail($id: ID!, $last: Int) {
  job(id: $id) {
    ...JobFields
    logs(last: $last) {
      at
      level
      message
    }
    curve {
      step
      metrics
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  payload
  status
  step
  total
  rate
  etaSeconds
  metrics
  error
  attempts
  createdBy
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<JobDetailQuery, JobDetailQueryVariables>;