import { type ConceptRecord, type DbClient, findConceptsByIds } from '@dermino/db';
import DataLoader from 'dataloader';

export interface Loaders {
  /** Concepts by id: DiagnosisConcept.parent for a whole page in one query. */
  conceptById: DataLoader<string, ConceptRecord | null>;
}

export function createLoaders(db: DbClient): Loaders {
  return {
    conceptById: new DataLoader(async (ids) => {
      const concepts = await findConceptsByIds(db, { ids });
      const byId = new Map(concepts.map((concept) => [concept.id, concept]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
