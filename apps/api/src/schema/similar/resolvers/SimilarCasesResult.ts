import { type DbClient, getCaseById } from '@dermino/db';
import type { SimilarCasesResultResolvers } from '../../../generated/resolvers-types.js';
import { pickBestAnnotation } from '../../cases/best-annotation.js';
import type { SimilarCasesParent } from '../parent.js';

// Neighbours' cases are loaded once per result (shared by `cases` and `diagnosisDistribution`).
const casesOf = new WeakMap<object, ReturnType<typeof load>>();
function load(parent: SimilarCasesParent, db: DbClient) {
  return Promise.all(
    parent.hits.map(async (hit) => {
      const found = await getCaseById(db, { id: hit.caseId });
      if (!found) throw new Error(`case ${hit.caseId} of image ${hit.imageId} vanished`);
      const image = found.images.find((candidate) => candidate.id === hit.imageId) ?? found.images[0];
      return {
        similarity: 1 - hit.distance,
        image,
        case: found,
        diagnosis: pickBestAnnotation(found.annotations) ?? null,
      };
    }),
  );
}
function cases(parent: SimilarCasesParent, db: DbClient) {
  let loaded = casesOf.get(parent);
  if (!loaded) {
    loaded = load(parent, db);
    casesOf.set(parent, loaded);
  }
  return loaded;
}

export const SimilarCasesResult: SimilarCasesResultResolvers = {
  cases: (parent, _args, { db }) => cases(parent, db),
  diagnosisDistribution: async (parent, _args, { db }) => {
    const neighbours = await cases(parent, db);
    const counts = new Map<
      string,
      { concept: NonNullable<(typeof neighbours)[number]['diagnosis']>['concept']; count: number }
    >();
    for (const { diagnosis } of neighbours) {
      if (!diagnosis) continue;
      const entry = counts.get(diagnosis.concept.id) ?? { concept: diagnosis.concept, count: 0 };
      entry.count += 1;
      counts.set(diagnosis.concept.id, entry);
    }
    const total = [...counts.values()].reduce((sum, entry) => sum + entry.count, 0);
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.concept.code.localeCompare(b.concept.code))
      .map((entry) => ({ ...entry, fraction: entry.count / total }));
  },
};
