import type { Matrix } from '../drift/kernel-matrix.js';
import { findExactDuplicates, findNearDuplicatePairs } from './duplicates.js';

export interface LeakageInput {
  /** Split of each image: "train", "val", "test"... */
  split: ArrayLike<string>;
  patientId?: ArrayLike<string | null>;
  lesionId?: ArrayLike<string | null>;
  contentHash?: ArrayLike<string>;
  embeddings?: Matrix;
  dims?: number;
  /** Cosine distance at or under which two images count as near-duplicates (default 0.1). */
  nearDuplicateThreshold?: number;
}

export interface LeakedKey {
  key: string;
  splits: string[];
  indices: number[];
}

export interface LeakageReport {
  patients: LeakedKey[];
  lesions: LeakedKey[];
  exactDuplicates: LeakedKey[];
  nearDuplicates: { a: number; b: number; distance: number; splits: [string, string] }[];
  /** Images involved in any leak. */
  affectedImages: number;
}

function leakedByKey(keys: ArrayLike<string | null>, split: ArrayLike<string>): LeakedKey[] {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === null || key === '') continue;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const leaked: LeakedKey[] = [];
  for (const [key, indices] of byKey) {
    const splits = [...new Set(indices.map((i) => split[i]))].sort();
    if (splits.length > 1) leaked.push({ key, splits, indices });
  }
  return leaked;
}

/** The same patient, lesion, image or near-identical image on two sides of a split. */
export function findSplitLeakage(input: LeakageInput): LeakageReport {
  const { split } = input;
  const patients = input.patientId ? leakedByKey(input.patientId, split) : [];
  const lesions = input.lesionId ? leakedByKey(input.lesionId, split) : [];
  const exactDuplicates = input.contentHash
    ? findExactDuplicates(input.contentHash)
        .map((indices) => ({
          key: (input.contentHash as ArrayLike<string>)[indices[0]],
          splits: [...new Set(indices.map((i) => split[i]))].sort(),
          indices,
        }))
        .filter((g) => g.splits.length > 1)
    : [];
  let nearDuplicates: LeakageReport['nearDuplicates'] = [];
  if (input.embeddings) {
    if (!input.dims) throw new RangeError('dims is required with embeddings');
    nearDuplicates = findNearDuplicatePairs(input.embeddings, input.dims, input.nearDuplicateThreshold ?? 0.1)
      .filter((p) => split[p.a] !== split[p.b])
      .map((p) => ({ ...p, splits: [split[p.a], split[p.b]] as [string, string] }));
  }
  const affected = new Set<number>();
  for (const group of [...patients, ...lesions, ...exactDuplicates])
    for (const i of group.indices) affected.add(i);
  for (const p of nearDuplicates) affected.add(p.a).add(p.b);
  return { patients, lesions, exactDuplicates, nearDuplicates, affectedImages: affected.size };
}
