import 'server-only';
import { graphql } from '@/gql';

// The first 100 datasets by name (the API's largest page).
export const datasetsQuery = graphql(`
  query Datasets {
    datasets(first: 100) {
      totalCount
      edges { node { id name description versions { id version contentHash createdAt itemCount note } } }
    }
  }
`);

// Asked for apart from the list, so the list still shows if composition fails (an older API, a slow query).
export const compositionsQuery = graphql(`
  query DatasetCompositions {
    datasets(first: 100) {
      edges {
        node {
          versions {
            id
            composition {
              total labelled
              bySplit { key count }
              byDiagnosis { key count }
              bySkinType { key count }
              cells { split diagnosis skinType count }
            }
          }
        }
      }
    }
  }
`);

/** The report is JSON in the schema: read it with readLeakageReport (dataset-types.ts). */
export const leakageQuery = graphql(
  `query DatasetVersionLeakage($versionId: ID!) { datasetVersionLeakage(versionId: $versionId) }`,
);

export const conceptCodesQuery = graphql(`query ConceptCodes { concepts { code name } }`);

export const freezeMutation = graphql(`
  mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {
    freezeDatasetVersion(input: $input) { versionId version contentHash images ties }
  }
`);
