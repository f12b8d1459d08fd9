import type { DbClient, Prisma } from './client.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';
import { type DriftReportRecord, driftReportSelect } from './reports.js';

export type DriftReportOrderField = 'CREATED_AT' | 'REFERENCE_FROM';

export interface FindDriftReportPageOptions {
  modelVersionId?: readonly string[] | null;
  /** Only reports with at least one alert. */
  alertsOnly?: boolean | null;
  orderBy: { field: DriftReportOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { CREATED_AT: 'createdAt', REFERENCE_FROM: 'referenceFrom' } as const;

export function driftReportKeyset(report: DriftReportRecord, field: DriftReportOrderField): Keyset {
  return { value: report[COLUMN[field]], id: report.id };
}

/** One page of drift reports in keyset order (the field, then id), with the number matching the filter. */
export async function findDriftReportPage(
  db: DbClient,
  options: FindDriftReportPageOptions,
): Promise<KeysetPage<DriftReportRecord>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const where: Prisma.DriftReportWhereInput = {
    ...(options.modelVersionId?.length ? { modelVersionId: { in: [...options.modelVersionId] } } : {}),
    // The job stores alerts as a JSON array; an empty array is a report without alerts.
    ...(options.alertsOnly ? { NOT: { alerts: { equals: [] } } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.driftReport.findMany({
      where: {
        AND: [
          where,
          buildKeysetWhere(column, direction, options.after, false) as Prisma.DriftReportWhereInput,
        ],
      },
      orderBy: buildKeysetOrder(column, direction, false) as Prisma.DriftReportOrderByWithRelationInput[],
      take: options.first + 1,
      select: driftReportSelect,
    }),
    db.driftReport.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
