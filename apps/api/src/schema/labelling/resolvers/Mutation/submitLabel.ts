import { submitLabel as submit } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';
import { labellingConfig } from '../../../../labelling/labelling-config.js';

export const submitLabel: MutationResolvers['submitLabel'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  return submit(context.db, {
    imageId: input.imageId,
    readerId: user.id,
    annotator: user.email,
    outcome: input.outcome ?? 'LABELLED',
    conceptCode: input.code,
    suggestionShown: input.suggestionShown,
    secondReadShare: labellingConfig(context.config).secondReadShare,
  });
};
