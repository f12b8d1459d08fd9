import { createRng } from '../random';

/**
 * Concept embedding table for the label head. File format (JSON):
 *   { "dim": 768, "concepts": { "<concept code>": [768 numbers], ... } }
 * e.g. CODER text embeddings of the concept names, as DermINO used. Order of `concepts` = label head columns.
 */
export interface ConceptEmbeddings {
  dim: number;
  concepts: Record<string, number[]>;
}

export interface TaxonomyNode {
  code: string;
  /** Parent concept code, or null/undefined for a root. */
  parent?: string | null;
}

/** Validates a parsed embedding file, naming the first bad concept. */
export function parseConceptEmbeddings(input: unknown, source = 'concept embeddings'): ConceptEmbeddings {
  if (typeof input !== 'object' || input === null)
    throw new Error(`${source}: expected an object { dim, concepts }`);
  const { dim, concepts } = input as Record<string, unknown>;
  if (!Number.isInteger(dim) || (dim as number) <= 0)
    throw new Error(`${source}: "dim" must be a positive integer, got ${String(dim)}`);
  if (typeof concepts !== 'object' || concepts === null || Array.isArray(concepts)) {
    throw new Error(`${source}: "concepts" must be an object mapping concept code -> vector`);
  }
  const entries = Object.entries(concepts as Record<string, unknown>);
  if (entries.length === 0) throw new Error(`${source}: "concepts" is empty`);
  for (const [code, vector] of entries) {
    if (!Array.isArray(vector) || vector.length !== dim) {
      throw new Error(
        `${source}: concept "${code}" must be an array of ${dim} numbers, got ${Array.isArray(vector) ? `${vector.length} values` : typeof vector}`,
      );
    }
    const bad = vector.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) throw new Error(`${source}: concept "${code}" has a non-finite value at index ${bad}`);
  }
  return { dim: dim as number, concepts: concepts as Record<string, number[]> };
}

function hashCode(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Deterministic embeddings from the taxonomy alone: each node gets a seeded Gaussian direction (from its code,
 * so order does not matter) and a concept's vector is the normalised sum of the directions on its path to the
 * root. Siblings share all but one term, so they start closer than concepts of unrelated branches.
 */
export function deriveConceptEmbeddings(
  taxonomy: TaxonomyNode[],
  dim: number,
  options: { seed?: number } = {},
): ConceptEmbeddings {
  if (!Number.isInteger(dim) || dim <= 0)
    throw new Error(`deriveConceptEmbeddings: dim must be a positive integer, got ${dim}`);
  const parents = new Map<string, string | null>();
  for (const node of taxonomy) {
    if (parents.has(node.code))
      throw new Error(`deriveConceptEmbeddings: concept "${node.code}" appears twice`);
    parents.set(node.code, node.parent ?? null);
  }
  for (const [code, parent] of parents) {
    if (parent !== null && !parents.has(parent))
      throw new Error(`deriveConceptEmbeddings: concept "${code}" has unknown parent "${parent}"`);
  }
  const direction = (code: string): number[] => {
    const rng = createRng(hashCode(code) ^ (options.seed ?? 0));
    return Array.from({ length: dim }, () => rng.normal());
  };
  const concepts: Record<string, number[]> = {};
  for (const code of parents.keys()) {
    const sum = new Array<number>(dim).fill(0);
    const seen = new Set<string>();
    for (let node: string | null = code; node !== null; node = parents.get(node) ?? null) {
      if (seen.has(node))
        throw new Error(`deriveConceptEmbeddings: the taxonomy has a cycle through "${node}"`);
      seen.add(node);
      const d = direction(node);
      for (let i = 0; i < dim; i++) sum[i] += d[i];
    }
    const norm = Math.hypot(...sum) || 1;
    concepts[code] = sum.map((v) => v / norm);
  }
  return { dim, concepts };
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}
