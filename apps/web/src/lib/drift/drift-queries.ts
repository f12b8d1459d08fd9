import 'server-only';
import { defineQuery } from '@/lib/api/graphql-request';

export interface DriftReportData {
  id: string;
  modelVersionId: string | null;
  referenceFrom: string;
  referenceTo: string;
  windows: unknown;
  alerts: unknown;
  createdAt: string;
}

export const driftReportsQuery = defineQuery<
  { driftReports: { edges: { node: DriftReportData }[] } },
  { first?: number }
>(`
  query DriftReports($first: Int) {
    driftReports(first: $first) {
      edges { node { id modelVersionId referenceFrom referenceTo windows alerts createdAt } }
    }
  }
`);
