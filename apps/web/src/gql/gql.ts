/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n": typeof types.CaseListDocument,
    "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n": typeof types.CaseFilterOptionsDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n": typeof types.CaseDetailDocument,
    "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n": typeof types.JobsDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n": typeof types.CancelJobDocument,
    "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } }\n  }\n": typeof types.JobDetailDocument,
};
const documents: Documents = {
    "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n": types.CaseListDocument,
    "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n": types.CaseFilterOptionsDocument,
    "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n": types.CaseDetailDocument,
    "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n": types.JobFieldsFragmentDoc,
    "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n": types.JobsDocument,
    "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n": types.CancelJobDocument,
    "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } }\n  }\n": types.JobDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseList($filter: CaseFilter, $first: Int, $after: String) {\n    cases(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id externalId site source createdAt\n          patient { pseudonym skinType }\n          diagnosis { id code name malignant }\n          images { id }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseFilterOptions {\n    concepts { id code name malignant parent { id } }\n    caseFacets { sites sources }\n  }\n"): typeof import('./graphql').CaseFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseDetail($id: ID!) {\n    case(id: $id) {\n      id externalId site source createdAt\n      patient { id pseudonym sex ageBand skinType }\n      diagnosis { id code name malignant }\n      images {\n        id width height modality device source capturedAt\n        quality { brightness contrast colorCast blurVariance }\n      }\n      annotations {\n        id annotator confirmation createdAt\n        concept { id code name malignant }\n        image { id }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id kind payload status step total rate etaSeconds metrics error attempts createdBy createdAt startedAt finishedAt\n  }\n"): typeof import('./graphql').JobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($filter: JobFilter, $first: Int) {\n    jobs(filter: $filter, first: $first) { totalCount edges { node { ...JobFields } } }\n  }\n"): typeof import('./graphql').JobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) { cancelJob(id: $id) { id status } }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobDetail($id: ID!, $last: Int) {\n    job(id: $id) { ...JobFields logs(last: $last) { at level message } curve { step metrics } }\n  }\n"): typeof import('./graphql').JobDetailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
