import { type AuditEventRecord, auditEventSelect } from './audit.js';
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

export interface FindAuditEventPageOptions {
  entityType?: readonly string[] | null;
  entityId?: readonly string[] | null;
  action?: readonly string[] | null;
  userId?: readonly string[] | null;
  orderBy: { field: 'AT'; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

/** The keyset of an event for its cursor (its id is a bigint, carried as text). */
export function auditEventKeyset(event: AuditEventRecord): Keyset {
  return { value: event.at, id: String(event.id) };
}

/** One page of audit events in keyset order (time, then id), with the number matching the filter. */
export async function findAuditEventPage(
  db: DbClient,
  options: FindAuditEventPageOptions,
): Promise<KeysetPage<AuditEventRecord>> {
  checkPageSize(options.first);
  const { direction } = options.orderBy;
  const list = (values: readonly string[] | null | undefined) =>
    values?.length ? { in: [...values] } : undefined;
  const where: Prisma.AuditEventWhereInput = {
    entityType: list(options.entityType),
    entityId: list(options.entityId),
    action: list(options.action),
    userId: list(options.userId),
  };
  const after = options.after ? { value: options.after.value, id: parseBigIntId(options.after.id) } : null;
  const [rows, totalCount] = await Promise.all([
    db.auditEvent.findMany({
      where: { AND: [where, buildKeysetWhere('at', direction, after, false) as Prisma.AuditEventWhereInput] },
      orderBy: buildKeysetOrder('at', direction, false) as Prisma.AuditEventOrderByWithRelationInput[],
      take: options.first + 1,
      select: auditEventSelect,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
