import type { DbClient, ModelKind, Prisma } from './client.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';
import { type ModelVersionRecord, modelVersionSelect } from './models.js';

export type ModelOrderField = 'CREATED_AT' | 'NAME';

export interface FindModelPageOptions {
  kind?: readonly ModelKind[] | null;
  /** Models holding any of these aliases (champion, challenger). */
  alias?: readonly string[] | null;
  orderBy: { field: ModelOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { CREATED_AT: 'createdAt', NAME: 'name' } as const;

/** The value of a model's order field, for its cursor. */
export function modelKeyset(model: ModelVersionRecord, field: ModelOrderField): Keyset {
  return { value: model[COLUMN[field]], id: model.id };
}

/** One page of model versions in keyset order, with the number matching the filter on all pages. */
export async function findModelPage(
  db: DbClient,
  options: FindModelPageOptions,
): Promise<KeysetPage<ModelVersionRecord>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const where: Prisma.ModelVersionWhereInput = {
    ...(options.kind?.length ? { kind: { in: [...options.kind] } } : {}),
    ...(options.alias?.length ? { aliases: { some: { alias: { in: [...options.alias] } } } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.modelVersion.findMany({
      where: {
        AND: [
          where,
          buildKeysetWhere(column, direction, options.after, false) as Prisma.ModelVersionWhereInput,
        ],
      },
      orderBy: buildKeysetOrder(column, direction, false) as Prisma.ModelVersionOrderByWithRelationInput[],
      take: options.first + 1,
      select: modelVersionSelect,
    }),
    db.modelVersion.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
