import type { LabellingStrategy } from '@dermino/analytics';
import { findLabellingTasks, getCurrentLabellingBatch } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { labellingConfig } from '../../../../labelling/labelling-config.js';
import { decodeQueueCursor, encodeQueueCursor } from '../../../../labelling/queue-cursor.js';
import { serveLabellingTasks } from '../../../../labelling/serve-labelling-tasks.js';
import { checkFirst } from '../../../../limits/check-first.js';
import { checkId } from '../../../registry/check-id.js';

export const labellingQueue: QueryResolvers['labellingQueue'] = async (_parent, args, context) => {
  const user = requireUser(context);
  const first = checkFirst(args.first, 50, 10);
  const { reservationSeconds } = labellingConfig(context.config);
  let batchId: string | null = null;
  let strategy = (args.strategy ?? 'UNCERTAINTY') as LabellingStrategy;
  let tasks: Awaited<ReturnType<typeof findLabellingTasks>> = [];
  if (args.after) {
    const cursor = decodeQueueCursor(args.after);
    const batch = await getCurrentLabellingBatch(context.db, {
      batchId: cursor.batchId,
      readerId: user.id,
      ttlSeconds: reservationSeconds,
    });
    ({ id: batchId } = batch);
    strategy = batch.strategy as LabellingStrategy;
    tasks = await findLabellingTasks(context.db, { batchId, afterPosition: cursor.position, take: first });
  }
  if (tasks.length < first) {
    const filter = {
      sites: args.filter?.site ?? undefined,
      skinTypes: args.filter?.skinType ?? undefined,
      sources: args.filter?.source ?? undefined,
    };
    const served = await serveLabellingTasks(context, {
      readerId: user.id,
      batchId,
      strategy,
      count: first - tasks.length,
      filter,
      modelId: checkId(args.modelId, 'modelId') ?? null,
    });
    batchId = served.batchId;
    tasks = [...tasks, ...served.tasks];
  }
  const edges = tasks.map((node) => ({ cursor: encodeQueueCursor(batchId as string, node.position), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: edges.length === first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      // An empty page still names its queue, so the next call can go on from it.
      endCursor: edges.at(-1)?.cursor ?? encodeQueueCursor(batchId as string, 0),
    },
  };
};
