import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { labelEfficiencyOfChampion } from '../../../../labelling/label-efficiency.js';

export const labelEfficiency: QueryResolvers['labelEfficiency'] = async (_parent, _args, context) =>
  labelEfficiencyOfChampion(context.db);
