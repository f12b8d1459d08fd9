import { createRng } from '@dermino/model';

/**
 * The images of each step, a pure function of (seed, step): epoch e visits a seeded permutation of all images, so
 * a run resumed at step s sees exactly the batches the uninterrupted run would have.
 */
export function createBatchSampler(count: number, batchSize: number, seed: number) {
  if (count < 1) throw new Error('pretraining needs at least one image');
  const permutations = new Map<number, Int32Array>();
  const permutation = (epoch: number) => {
    let perm = permutations.get(epoch);
    if (!perm) {
      const rng = createRng(seed * 100_003 + epoch + 1);
      perm = Int32Array.from({ length: count }, (_, i) => i);
      for (let i = count - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      if (permutations.size > 4) permutations.delete(permutations.keys().next().value!);
      permutations.set(epoch, perm);
    }
    return perm;
  };
  return (step: number): number[] => {
    const out: number[] = [];
    for (let j = 0; j < batchSize; j++) {
      const position = step * batchSize + j;
      out.push(permutation(Math.floor(position / count))[position % count]);
    }
    return out;
  };
}
