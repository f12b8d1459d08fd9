import type { DbClient, Prisma } from './client.js';
import { type DatasetRecord, datasetSelect, toDatasetRecord } from './datasets.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';

export type DatasetOrderField = 'NAME' | 'CREATED_AT';

export interface FindDatasetPageOptions {
  /** Part of the name, any case; a bound parameter with LIKE wildcards taken literally. */
  nameContains?: string | null;
  /** true: datasets with at least one frozen version; false: those with none. */
  hasFrozenVersion?: boolean | null;
  orderBy: { field: DatasetOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { NAME: 'name', CREATED_AT: 'createdAt' } as const;

export function datasetKeyset(dataset: DatasetRecord, field: DatasetOrderField): Keyset {
  return { value: dataset[COLUMN[field]], id: dataset.id };
}

// Prisma passes `contains` to ILIKE as is: escaped, a search for "a_b" does not also find "aXb".
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** One page of datasets (each with all its versions) in keyset order, with the number matching the filter. */
export async function findDatasetPage(
  db: DbClient,
  options: FindDatasetPageOptions,
): Promise<KeysetPage<DatasetRecord>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const frozen = options.hasFrozenVersion;
  const where: Prisma.DatasetWhereInput = {
    ...(options.nameContains
      ? { name: { contains: escapeLike(options.nameContains), mode: 'insensitive' } }
      : {}),
    ...(frozen === true ? { versions: { some: {} } } : frozen === false ? { versions: { none: {} } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.dataset.findMany({
      where: {
        AND: [where, buildKeysetWhere(column, direction, options.after, false) as Prisma.DatasetWhereInput],
      },
      orderBy: buildKeysetOrder(column, direction, false) as Prisma.DatasetOrderByWithRelationInput[],
      take: options.first + 1,
      select: datasetSelect,
    }),
    db.dataset.count({ where }),
  ]);
  const page = rows.slice(0, options.first).map(toDatasetRecord);
  return { rows: page, totalCount, hasNextPage: rows.length > options.first };
}
