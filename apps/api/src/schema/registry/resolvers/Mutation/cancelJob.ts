import { AppError, cancelJob as cancel, getJobById, isUuid, recordAuditEvent } from '@dermino/db';
import { requireJobKind } from '../../../../auth/job-kinds.js';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const cancelJob: MutationResolvers['cancelJob'] = async (_parent, { id }, context) => {
  const user = requireUser(context);
  if (!isUuid(id))
    throw new AppError('NOT_FOUND', { message: `No job with id ${id}.`, details: { argument: 'id' } });
  requireJobKind(user.role, (await getJobById(context.db, id)).kind);
  const job = await cancel(context.db, id);
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'job.cancel',
    entityType: 'Job',
    entityId: id,
  });
  return job;
};
