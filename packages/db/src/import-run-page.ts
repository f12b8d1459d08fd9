import type { DbClient, ImportStatus, Prisma } from './client.js';
import { type ImportRunRecord, importRunSelect } from './imports.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';

export type ImportRunOrderField = 'STARTED_AT' | 'FINISHED_AT';

export interface FindImportRunPageOptions {
  kind?: readonly string[] | null;
  status?: readonly ImportStatus[] | null;
  orderBy: { field: ImportRunOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { STARTED_AT: 'startedAt', FINISHED_AT: 'finishedAt' } as const;

export function importRunKeyset(run: ImportRunRecord, field: ImportRunOrderField): Keyset {
  return { value: run[COLUMN[field]], id: run.id };
}

/** One page of import runs in keyset order (unfinished runs count as the latest), with the number matching. */
export async function findImportRunPage(
  db: DbClient,
  options: FindImportRunPageOptions,
): Promise<KeysetPage<ImportRunRecord>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const nullable = column === 'finishedAt';
  const where: Prisma.ImportRunWhereInput = {
    ...(options.kind?.length ? { kind: { in: [...options.kind] } } : {}),
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.importRun.findMany({
      where: {
        AND: [
          where,
          buildKeysetWhere(column, direction, options.after, nullable) as Prisma.ImportRunWhereInput,
        ],
      },
      orderBy: buildKeysetOrder(column, direction, nullable) as Prisma.ImportRunOrderByWithRelationInput[],
      take: options.first + 1,
      select: importRunSelect,
    }),
    db.importRun.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
