import { findJobsOfKinds } from '@dermino/db';
import { JOB_KINDS_BY_ROLE, requireJobKind } from '../../../../auth/job-kinds.js';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { checkFirst } from '../../../../limits/check-first.js';

export const jobs: QueryResolvers['jobs'] = (_parent, args, context) => {
  const { role } = requireUser(context);
  if (args.kind) requireJobKind(role, args.kind);
  return findJobsOfKinds(context.db, {
    kinds: args.kind ? [args.kind] : [...JOB_KINDS_BY_ROLE[role]],
    status: args.status ?? undefined,
    take: checkFirst(args.first, 100, 50),
  });
};
