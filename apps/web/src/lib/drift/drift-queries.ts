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

export const driftReportsQuery = defineQuery<{ driftReports: DriftReportData[] }, { first?: number }>(`
  query DriftReports($first: Int) {
    driftReports(first: $first) { id modelVersionId referenceFrom referenceTo windows alerts createdAt }
  }
`);
