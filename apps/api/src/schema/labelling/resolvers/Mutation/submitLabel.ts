import { submitLabel as submit } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';
import { labellingConfig } from '../../../../labelling/labelling-config.js';
import { startRetrainingIfDue } from '../../../../labelling/start-retraining.js';

export const submitLabel: MutationResolvers['submitLabel'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  const task = await submit(context.db, {
    imageId: input.imageId,
    readerId: user.id,
    annotator: user.email,
    outcome: input.outcome ?? 'LABELLED',
    conceptCode: input.code,
    suggestionShown: input.suggestionShown,
    secondReadShare: labellingConfig(context.config).secondReadShare,
  });
  // The label is stored whatever happens here: a loop that cannot start is logged, not the reader's problem.
  if (task.outcome === 'LABELLED') {
    await startRetrainingIfDue(context, user.id).catch((error: Error) =>
      context.logger.error(
        { err: error },
        `The labelling loop could not queue a retraining: ${error.message}`,
      ),
    );
  }
  return task;
};
