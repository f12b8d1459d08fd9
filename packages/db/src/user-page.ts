import type { DbClient, Prisma, Role } from './client.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';
import { type UserRecord, userSelect } from './users.js';

export type UserOrderField = 'EMAIL' | 'CREATED_AT';

export interface FindUserPageOptions {
  role?: readonly Role[] | null;
  disabled?: boolean | null;
  orderBy: { field: UserOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { EMAIL: 'email', CREATED_AT: 'createdAt' } as const;

/** The value of a user's order field, for its cursor. */
export function userKeyset(user: UserRecord, field: UserOrderField): Keyset {
  return { value: user[COLUMN[field]], id: user.id };
}

/** One page of users in keyset order, with the number matching the filter on all pages. */
export async function findUserPage(
  db: DbClient,
  options: FindUserPageOptions,
): Promise<KeysetPage<UserRecord>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const where: Prisma.UserWhereInput = {
    ...(options.role?.length ? { role: { in: [...options.role] } } : {}),
    ...(typeof options.disabled === 'boolean' ? { disabled: options.disabled } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.user.findMany({
      where: {
        AND: [where, buildKeysetWhere(column, direction, options.after, false) as Prisma.UserWhereInput],
      },
      orderBy: buildKeysetOrder(column, direction, false) as Prisma.UserOrderByWithRelationInput[],
      take: options.first + 1,
      select: userSelect,
    }),
    db.user.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
