import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { readInputImage } from '../../../../inference/read-input-image.js';
import { shapePrediction } from '../../../../inference/shape-prediction.js';
import { checkId } from '../../../registry/check-id.js';

export const predict: QueryResolvers['predict'] = async (_parent, { input }, context) => {
  const user = requireUser(context);
  context.services.predictLimiter.take(user.id);
  const loaded = await context.services.models.get({ modelId: checkId(input.modelId, 'modelId') });
  const image = await readInputImage(context.db, context.config.home, input, user, 'case.predict');
  const started = performance.now();
  const [output] = await loaded.session.predict([image.bytes]);
  context.services.metrics.observePrediction((performance.now() - started) / 1000);
  return shapePrediction(loaded, output);
};
