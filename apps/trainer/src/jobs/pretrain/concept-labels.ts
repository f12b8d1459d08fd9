import { listConcepts } from '@dermino/db';
import type { DbClient } from '@dermino/db';
import { type ConceptEmbeddings, deriveConceptEmbeddings } from '@dermino/model';

/**
 * Label-head concepts and their starting embeddings: derived from the registry's taxonomy (no CODER vectors are
 * shipped), so concepts sharing a parent start closer together.
 */
export async function conceptEmbeddingsFor(db: DbClient, codes: string[], dim: number): Promise<ConceptEmbeddings> {
  const all = await listConcepts(db);
  const codeById = new Map(all.map((concept) => [concept.id, concept.code]));
  const taxonomy = all.map((concept) => ({ code: concept.code, parent: concept.parentId ? codeById.get(concept.parentId) ?? null : null }));
  const derived = deriveConceptEmbeddings(taxonomy, dim);
  const concepts: Record<string, number[]> = {};
  for (const code of codes) {
    const vector = derived.concepts[code];
    if (!vector) throw new Error(`Concept ${code} is not in the registry's taxonomy.`);
    concepts[code] = vector;
  }
  return { dim: derived.dim, concepts };
}
