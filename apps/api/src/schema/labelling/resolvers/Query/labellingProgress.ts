import { countAnnotationsSince, countReaderLabels, findModelVersionByAlias } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';

const startOfUtcDay = () => new Date(new Date().toISOString().slice(0, 10));

export const labellingProgress: QueryResolvers['labellingProgress'] = async (_parent, args, context) => {
  const user = requireUser(context);
  const since = args.since ? new Date(args.since) : startOfUtcDay();
  const champion = await findModelVersionByAlias(context.db, { alias: 'champion' });
  return {
    labelled: await countReaderLabels(context.db, { readerId: user.id, since }),
    labelsSinceChampion: champion
      ? await countAnnotationsSince(context.db, { since: champion.createdAt })
      : null,
  };
};
