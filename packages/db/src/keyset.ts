import { AppError } from './errors.js';

// Keyset paging shared by the registry lists: order by one field, then id as the tie-breaker, both in the
// same direction. Nulls sort as the largest value (Postgres' default: last ascending, first descending).

export type SortDirection = 'ASC' | 'DESC';
/** An order-field value: a time, a text, an integer (e.g. a row number) or null. */
export type KeysetValue = Date | string | number | null;

/** The position of the last row of a page: its order-field value and its id. */
export interface Keyset {
  value: KeysetValue;
  id: string;
}

export interface KeysetPage<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
}

/** The largest page of every registry list, as for cases. */
export const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number, max = MAX_PAGE_SIZE): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new AppError('BAD_INPUT', {
      message: `first must be an integer from 1 to ${max}; got ${first}.`,
      details: { argument: 'first' },
    });
  }
}

/** Prisma orderBy for (field, id); `nullable` fields get an explicit nulls position. */
export function buildKeysetOrder(
  field: string,
  direction: SortDirection,
  nullable: boolean,
): Record<string, unknown>[] {
  const sort = direction === 'ASC' ? 'asc' : 'desc';
  const fieldOrder = nullable ? { sort, nulls: direction === 'ASC' ? 'last' : 'first' } : sort;
  return [{ [field]: fieldOrder }, { id: sort }];
}

/** Prisma where for the rows after `after` in the order of buildKeysetOrder; every value is a bound parameter. */
export function buildKeysetWhere(
  field: string,
  direction: SortDirection,
  after: { value: KeysetValue; id: string | bigint } | null | undefined,
  nullable: boolean,
): Record<string, unknown> {
  if (!after) return {};
  const beyond = direction === 'ASC' ? 'gt' : 'lt';
  const laterId = { id: { [beyond]: after.id } };
  if (after.value === null) {
    // Nulls come last ascending (only later nulls follow), first descending (then every non-null follows).
    const laterNulls = { [field]: null, ...laterId };
    return direction === 'ASC' ? laterNulls : { OR: [laterNulls, { [field]: { not: null } }] };
  }
  const or: Record<string, unknown>[] = [
    { [field]: { [beyond]: after.value } },
    { [field]: after.value, ...laterId },
  ];
  if (direction === 'ASC' && nullable) or.push({ [field]: null });
  return { OR: or };
}

/** A bigint id carried as text in a cursor (audit events, import problems); anything else is a bad cursor. */
export function parseBigIntId(id: string): bigint {
  if (!/^\d{1,19}$/.test(id)) {
    throw new AppError('BAD_INPUT', {
      message:
        'Argument "after" is not a cursor of this list in this order; pass the endCursor of the previous page, or omit it.',
      details: { argument: 'after' },
    });
  }
  return BigInt(id);
}
