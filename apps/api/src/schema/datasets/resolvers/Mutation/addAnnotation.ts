import { addAnnotation as add, recordAuditEvent } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const addAnnotation: MutationResolvers['addAnnotation'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  const annotation = await add(context.db, {
    imageId: input.imageId,
    caseId: input.caseId,
    conceptCode: input.concept,
    confirmation: input.confirmation,
    annotator: user.email,
  });
  await recordAuditEvent(context.db, {
    userId: user.id,
    action: 'annotation.add',
    entityType: 'Annotation',
    entityId: annotation.id,
    details: { concept: input.concept },
  });
  return annotation;
};
