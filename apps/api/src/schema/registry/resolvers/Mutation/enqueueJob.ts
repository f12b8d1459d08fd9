import { AppError, enqueueJob as enqueue, recordAuditEvent } from '@dermino/db';
import { requireJobKind } from '../../../../auth/job-kinds.js';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

const MAX_PAYLOAD_BYTES = 16 * 1024;

// The trainer validates the payload of its kind when it runs; here only its shape and size.
export const enqueueJob: MutationResolvers['enqueueJob'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  requireJobKind(user.role, input.kind);
  const payload = input.payload as unknown;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new AppError('BAD_INPUT', {
      message: 'The job payload must be a JSON object.',
      details: { argument: 'input.payload' },
    });
  }
  if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) {
    throw new AppError('BAD_INPUT', {
      message: 'The job payload is larger than 16 KiB.',
      details: { argument: 'input.payload' },
    });
  }
  const queue = await context.services.getQueue();
  const job = await enqueue(context.db, queue, { kind: input.kind, payload, createdBy: user.id });
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'job.enqueue',
    entityType: 'Job',
    entityId: job.id,
    details: { kind: input.kind },
  });
  return job;
};
