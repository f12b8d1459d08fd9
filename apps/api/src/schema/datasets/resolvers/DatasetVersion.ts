import type { DatasetVersionResolvers } from '../../../generated/resolvers-types.js';
import { summariseComposition } from '../summarise-composition.js';

export const DatasetVersion: DatasetVersionResolvers = {
  composition: async (parent, _args, { loaders }) =>
    summariseComposition(await loaders.compositionByVersionId.load(parent.id)),
};
