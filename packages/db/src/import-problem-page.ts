import type { DbClient, Prisma } from './client.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  parseBigIntId,
  type SortDirection,
} from './keyset.js';

/** The largest page of an import run's row problems (a failed CSV can have thousands). */
export const MAX_PROBLEM_PAGE_SIZE = 500;

export const importProblemSelect = {
  id: true,
  row: true,
  field: true,
  reason: true,
} satisfies Prisma.ImportProblemSelect;

export type ImportProblemRecord = Prisma.ImportProblemGetPayload<{ select: typeof importProblemSelect }>;

export interface FindImportProblemPageOptions {
  importRunId: string;
  /** The CSV column a problem is about; a problem of the whole row has none. */
  field?: readonly string[] | null;
  orderBy: { field: 'ROW'; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

/** The keyset of a problem for its cursor (its id is a bigint, carried as text). */
export function importProblemKeyset(problem: ImportProblemRecord): Keyset {
  return { value: problem.row, id: String(problem.id) };
}

/** One page of a run's row problems in keyset order (row, then id), with the number matching the filter. */
export async function findImportProblemPage(
  db: DbClient,
  options: FindImportProblemPageOptions,
): Promise<KeysetPage<ImportProblemRecord>> {
  checkPageSize(options.first, MAX_PROBLEM_PAGE_SIZE);
  const { direction } = options.orderBy;
  const where: Prisma.ImportProblemWhereInput = {
    importRunId: options.importRunId,
    ...(options.field?.length ? { field: { in: [...options.field] } } : {}),
  };
  const after = options.after ? { value: options.after.value, id: parseBigIntId(options.after.id) } : null;
  const [rows, totalCount] = await Promise.all([
    db.importProblem.findMany({
      where: {
        AND: [where, buildKeysetWhere('row', direction, after, false) as Prisma.ImportProblemWhereInput],
      },
      orderBy: buildKeysetOrder('row', direction, false) as Prisma.ImportProblemOrderByWithRelationInput[],
      take: options.first + 1,
      select: importProblemSelect,
    }),
    db.importProblem.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
