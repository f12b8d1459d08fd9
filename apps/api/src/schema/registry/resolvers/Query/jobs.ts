import { findJobPage, jobKeyset, MAX_PAGE_SIZE } from '@dermino/db';
import { JOB_KINDS_BY_ROLE, requireJobKind } from '../../../../auth/job-kinds.js';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkListFilter } from '../../check-list-filter.js';
import { decodeKeysetCursor } from '../../keyset-cursor.js';
import { toConnection } from '../../to-connection.js';

export const jobs: QueryResolvers['jobs'] = async (_parent, args, context) => {
  const { role } = requireUser(context);
  const { filter } = args;
  checkListFilter(filter);
  // Row level: a kind the role may not see is refused by name; without one, the role's kinds (also in totalCount).
  for (const kind of filter?.kind ?? []) requireJobKind(role, kind);
  const orderBy = {
    field: args.orderBy?.field ?? 'CREATED_AT',
    direction: args.orderBy?.direction ?? 'DESC',
  } as const;
  const scope = `job:${orderBy.field}:${orderBy.direction}`;
  const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
  const page = await findJobPage(context.db, {
    kinds: filter?.kind?.length ? filter.kind : JOB_KINDS_BY_ROLE[role],
    status: filter?.status,
    createdBy: filter?.createdBy,
    orderBy,
    first: checkFirst(args.first, MAX_PAGE_SIZE, 20),
    after,
  });
  return toConnection(page, { scope, keysetOf: (job) => jobKeyset(job, orderBy.field), after });
};
