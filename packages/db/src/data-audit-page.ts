import type { DbClient, Prisma } from './client.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';
import { type DataAuditRecord, dataAuditSelect } from './reports.js';

export interface FindDataAuditPageOptions {
  datasetVersionId?: readonly string[] | null;
  orderBy: { field: 'CREATED_AT'; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

export function dataAuditKeyset(audit: DataAuditRecord): Keyset {
  return { value: audit.createdAt, id: audit.id };
}

/** One page of data audits in keyset order (creation time, then id), with the number matching the filter. */
export async function findDataAuditPage(
  db: DbClient,
  options: FindDataAuditPageOptions,
): Promise<KeysetPage<DataAuditRecord>> {
  checkPageSize(options.first);
  const { direction } = options.orderBy;
  const where: Prisma.DataAuditWhereInput = options.datasetVersionId?.length
    ? { datasetVersionId: { in: [...options.datasetVersionId] } }
    : {};
  const [rows, totalCount] = await Promise.all([
    db.dataAudit.findMany({
      where: {
        AND: [
          where,
          buildKeysetWhere('createdAt', direction, options.after, false) as Prisma.DataAuditWhereInput,
        ],
      },
      orderBy: buildKeysetOrder('createdAt', direction, false) as Prisma.DataAuditOrderByWithRelationInput[],
      take: options.first + 1,
      select: dataAuditSelect,
    }),
    db.dataAudit.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
