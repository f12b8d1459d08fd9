import type { DiagnosisConceptResolvers } from '../../../generated/resolvers-types.js';

export const DiagnosisConcept: DiagnosisConceptResolvers = {
  parent: (concept, _args, { loaders }) =>
    concept.parentId ? loaders.conceptById.load(concept.parentId) : null,
};
