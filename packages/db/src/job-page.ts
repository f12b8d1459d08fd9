import type { DbClient, JobKind, JobStatus, Prisma } from './client.js';
import { type JobRow, jobSelect } from './jobs.js';
import {
  buildKeysetOrder,
  buildKeysetWhere,
  checkPageSize,
  type Keyset,
  type KeysetPage,
  type SortDirection,
} from './keyset.js';

export type JobOrderField = 'CREATED_AT' | 'FINISHED_AT';

export interface FindJobPageOptions {
  /** The kinds the caller may see (a role's view, narrowed by a filter); an empty list matches nothing. */
  kinds: readonly JobKind[];
  status?: readonly JobStatus[] | null;
  createdBy?: readonly string[] | null;
  orderBy: { field: JobOrderField; direction: SortDirection };
  first: number;
  after?: Keyset | null;
}

const COLUMN = { CREATED_AT: 'createdAt', FINISHED_AT: 'finishedAt' } as const;

/** The value of a job's order field, for its cursor. */
export function jobKeyset(job: JobRow, field: JobOrderField): Keyset {
  return { value: job[COLUMN[field]], id: job.id };
}

/** One page of jobs in keyset order, with the number of jobs matching the filter on all pages. */
export async function findJobPage(db: DbClient, options: FindJobPageOptions): Promise<KeysetPage<JobRow>> {
  checkPageSize(options.first);
  const { field, direction } = options.orderBy;
  const column = COLUMN[field];
  const nullable = column === 'finishedAt';
  const where = {
    kind: { in: [...options.kinds] },
    ...(options.status?.length ? { status: { in: [...options.status] } } : {}),
    ...(options.createdBy?.length ? { createdBy: { in: [...options.createdBy] } } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    db.job.findMany({
      where: {
        AND: [where, buildKeysetWhere(column, direction, options.after, nullable) as Prisma.JobWhereInput],
      },
      orderBy: buildKeysetOrder(column, direction, nullable) as Prisma.JobOrderByWithRelationInput[],
      take: options.first + 1,
      select: jobSelect,
    }),
    db.job.count({ where }),
  ]);
  return { rows: rows.slice(0, options.first), totalCount, hasNextPage: rows.length > options.first };
}
