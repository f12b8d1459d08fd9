import { type DbClient, getCaseById, getLabellingImage, type LabellingTaskRecord } from '@dermino/db';
import type { LabellingTaskResolvers } from '../../../generated/resolvers-types.js';
import { findConfirmedNeighbours } from '../../../labelling/confirmed-neighbours.js';

// The image and its patient's other cases are read once per task (image, case and otherLesions share them).
const loaded = new WeakMap<object, ReturnType<typeof getLabellingImage>>();
function imageOf(task: LabellingTaskRecord, db: DbClient) {
  let found = loaded.get(task);
  if (!found) {
    found = getLabellingImage(db, { imageId: task.imageId });
    loaded.set(task, found);
  }
  return found;
}
async function caseOf(db: DbClient, id: string) {
  const found = await getCaseById(db, { id });
  if (!found) throw new Error(`case ${id} vanished`);
  return found;
}

export const LabellingTask: LabellingTaskResolvers = {
  image: async (task, _args, { db }) => (await imageOf(task, db)).image,
  case: async (task, _args, { db }) => caseOf(db, (await imageOf(task, db)).image.caseId),
  suggestion: (task) => task.suggestion as { code: string; probability: number }[],
  similarCases: (task, _args, context) => findConfirmedNeighbours(context, task.imageId),
  otherLesions: async (task, _args, { db }) =>
    Promise.all((await imageOf(task, db)).otherCaseIds.map((id) => caseOf(db, id))),
  code: (task) => task.conceptCode,
};
