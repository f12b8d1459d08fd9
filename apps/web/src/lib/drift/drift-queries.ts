import 'server-only';
import { graphql } from '@/gql';
import type { DriftReportsQuery } from '@/gql/graphql';

/** windows and alerts are JSON in the schema: read them with readWindows / readAlerts (drift-report.ts). */
export type DriftReportData = DriftReportsQuery['driftReports']['edges'][number]['node'];

export const driftReportsQuery = graphql(`
  query DriftReports($first: Int) {
    driftReports(first: $first) {
      edges {
        node {
          id modelVersionId referenceFrom referenceTo windows alerts createdAt
          alarmScore {
            deviceChange { source device month }
            stableMonths falseAlarmMonths falseAlarmRate driftMonths detectedMonths detectionDelay sourceNamedMonths
          }
        }
      }
    }
  }
`);
