import { AppError, findImageLabelVotes, getConceptIdByCode, recordAdjudication } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';
import { ADJUDICATION_CONFIRMATION, checkAdjudication } from '../../check-adjudication.js';

const MAX_NOTE = 2000;

export const adjudicateAnnotation: MutationResolvers['adjudicateAnnotation'] = async (
  _parent,
  { input },
  context,
) => {
  const user = requireUser(context);
  if (input.note && input.note.length > MAX_NOTE) {
    throw new AppError('BAD_INPUT', {
      message: `The note has ${input.note.length} characters; at most ${MAX_NOTE}.`,
      details: { argument: 'input.note' },
    });
  }
  const { votes } = await findImageLabelVotes(context.db, { imageId: input.imageId });
  const conceptId = await getConceptIdByCode(context.db, {
    code: input.conceptCode,
    argument: 'input.conceptCode',
  });
  const decision = { conceptId, conceptCode: input.conceptCode, annotator: user.email };
  const { previous, previousTie } = checkAdjudication(votes, decision);
  return recordAdjudication(context.db, {
    imageId: input.imageId,
    conceptId,
    confirmation: ADJUDICATION_CONFIRMATION,
    annotator: user.email,
    userId: user.id,
    note: input.note,
    details: {
      previous,
      previousTie,
      votes: votes.map((vote) => `${vote.conceptCode}/${vote.confirmation}/${vote.annotator}`),
    },
  });
};
