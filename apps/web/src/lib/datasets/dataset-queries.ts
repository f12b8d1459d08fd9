import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';
import type { Dataset, DatasetComposition, LeakageReport } from './dataset-types';

// The first 100 datasets by name (the API's largest page).
export const datasetsQuery = defineQuery<{ datasets: { totalCount: number; edges: { node: Dataset }[] } }>(`
  query Datasets {
    datasets(first: 100) {
      totalCount
      edges { node { id name description versions { id version contentHash createdAt itemCount note } } }
    }
  }
`);

// Asked for apart from the list, so the list still shows if composition fails (an older API, a slow query).
export const compositionsQuery = defineQuery<{
  datasets: { edges: { node: { versions: { id: string; composition: DatasetComposition }[] } }[] };
}>(`
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

export const leakageQuery = defineQuery<{ datasetVersionLeakage: LeakageReport }, { versionId: string }>(
  `query DatasetVersionLeakage($versionId: ID!) { datasetVersionLeakage(versionId: $versionId) }`,
);

export const conceptCodesQuery = defineQuery<{ concepts: { code: string; name: string }[] }>(
  `query ConceptCodes { concepts { code name } }`,
);

export interface FreezeInput {
  name: string;
  filter: {
    diagnosis?: string[];
    confirmation?: string[];
    site?: string[];
    skinType?: string[];
    sex?: string[];
    source?: string[];
    labelled?: boolean;
  };
  split: string;
  groupBy: 'LESION' | 'PATIENT';
  seed: number;
  note?: string;
}

export const freezeMutation = defineQuery<
  {
    freezeDatasetVersion: {
      versionId: string;
      version: number;
      contentHash: string;
      images: number;
      ties: number;
    };
  },
  { input: FreezeInput }
>(`
  mutation FreezeDatasetVersion($input: FreezeDatasetVersionInput!) {
    freezeDatasetVersion(input: $input) { versionId version contentHash images ties }
  }
`);
