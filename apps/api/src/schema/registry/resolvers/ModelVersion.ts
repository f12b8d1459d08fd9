import { findEvaluations, getJobById, getModelVersionById } from '@dermino/db';
import type { ModelVersionResolvers } from '../../../generated/resolvers-types.js';
import { readImportedWeights } from '../read-imported-weights.js';

export const ModelVersion: ModelVersionResolvers = {
  classes: (parent) => (Array.isArray(parent.classes) ? (parent.classes as string[]) : null),
  parent: (parent, _args, { db }) =>
    parent.parentId ? getModelVersionById(db, { id: parent.parentId }) : null,
  evaluations: (parent, _args, { db }) => findEvaluations(db, { modelVersionId: parent.id }),
  // ModelVersion is for managers, who may read every job, so no row-level check is needed here.
  job: (parent, _args, { db }) => (parent.jobId ? getJobById(db, parent.jobId) : null),
  // A fine-tuned classifier is bound by the terms of the weights it came from: the nearest licence up the lineage.
  licence: async (parent, _args, { db }) => {
    let model = parent;
    for (let hops = 0; !model.licence && model.parentId && hops < 20; hops += 1) {
      model = await getModelVersionById(db, { id: model.parentId });
    }
    return model.licence ?? null;
  },
  importedFrom: (parent) => readImportedWeights(parent.provenance),
};
