import { requireUser } from '../../../../context.js';
import type { MutationResolvers } from '../../../../generated/resolvers-types.js';
import { checkId } from '../../../registry/check-id.js';
import { startRetrainingNow } from '../../../../labelling/start-retraining.js';

export const retrainChampion: MutationResolvers['retrainChampion'] = async (_parent, args, context) =>
  startRetrainingNow(context, requireUser(context).id, checkId(args.championId, 'championId'));
