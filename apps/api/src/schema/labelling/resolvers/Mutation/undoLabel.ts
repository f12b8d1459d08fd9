import { undoLabel as undo } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';

export const undoLabel: MutationResolvers['undoLabel'] = async (_parent, { input }, context) =>
  undo(context.db, { imageId: input.imageId, readerId: requireUser(context).id });
