import { getJobById, isUuid } from '@dermino/db';
import { requireJobKind } from '../../../../auth/job-kinds.js';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

export const job: QueryResolvers['job'] = async (_parent, { id }, context) => {
  const { role } = requireUser(context);
  if (!isUuid(id)) return null;
  const found = await getJobById(context.db, id).catch(() => null);
  if (found) requireJobKind(role, found.kind);
  return found;
};
