import { findEvaluations, getJobById, getModelVersionById } from '@dermino/db';
import type { ModelVersionResolvers } from '../../../generated/resolvers-types.js';

export const ModelVersion: ModelVersionResolvers = {
  classes: (parent) => (Array.isArray(parent.classes) ? (parent.classes as string[]) : null),
  parent: (parent, _args, { db }) =>
    parent.parentId ? getModelVersionById(db, { id: parent.parentId }) : null,
  evaluations: (parent, _args, { db }) => findEvaluations(db, { modelVersionId: parent.id }),
  // ModelVersion is for managers, who may read every job, so no row-level check is needed here.
  job: (parent, _args, { db }) => (parent.jobId ? getJobById(db, parent.jobId) : null),
};
