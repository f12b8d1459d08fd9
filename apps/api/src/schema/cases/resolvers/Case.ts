import type { CaseResolvers } from '../../../generated/resolvers-types.js';
import { pickBestAnnotation } from '../best-annotation.js';

export const Case: CaseResolvers = {
  diagnosis: (parent) => pickBestAnnotation(parent.annotations)?.concept ?? null,
};
