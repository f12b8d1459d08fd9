import type { DbClient, Prisma, Split } from './client.js';
import { type EvaluationRecord, evaluationSelect } from './evaluations.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';

export interface FindEvaluationPageOptions {
  modelVersionId?: readonly string[] | null;
  datasetVersionId?: readonly string[] | null;
  split?: readonly Split[] | null;
  orderBy: { field: 'CREATED_AT'; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

export function evaluationKeyset(evaluation: EvaluationRecord): Keyset {
  return { value: evaluation.createdAt, id: evaluation.id };
}

/** One page of evaluations in keyset order (creation time, then id), with the number matching the filter. */
export async function findEvaluationPage(
  db: DbClient,
  options: FindEvaluationPageOptions,
): Promise<KeysetPage<EvaluationRecord>> {
  checkPageSize(options.first);
  const { direction } = options.orderBy;
  const where: Prisma.EvaluationWhereInput = {
    ...(options.modelVersionId?.length ? { modelVersionId: { in: [...options.modelVersionId] } } : {}),
    ...(options.datasetVersionId?.length ? { datasetVersionId: { in: [...options.datasetVersionId] } } : {}),
    ...(options.split?.length ? { split: { in: [...options.split] } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.evaluation.findMany({
      where: {
        AND: [
          where,
          buildKeysetWhere('createdAt', direction, options.after, false) as Prisma.EvaluationWhereInput,
        ],
      },
      orderBy: buildKeysetOrder('createdAt', direction, false) as Prisma.EvaluationOrderByWithRelationInput[],
      take: options.first + 1,
      select: evaluationSelect,
    }),
    db.evaluation.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
