import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixtures written by test/fixtures/weights/make-fixtures.py with PyTorch (the reference). */
export const WEIGHT_FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/weights',
);

export interface ReferenceOutputs {
  imageSize: number;
  /** x_norm_clstoken [2, D] and x_norm_patchtokens [2, N, D], flat. */
  cls: number[];
  patches: number[];
}

interface ExpectedFile {
  torch: string;
  fixtures: Record<string, ReferenceOutputs | Record<'teacher' | 'student', ReferenceOutputs>>;
}

let cache: ExpectedFile | null = null;

export function referenceOutputs(file: string, network?: 'teacher' | 'student'): ReferenceOutputs {
  cache ??= JSON.parse(readFileSync(join(WEIGHT_FIXTURES, 'expected.json'), 'utf8')) as ExpectedFile;
  const entry = cache.fixtures[file];
  if (!entry) throw new Error(`no reference outputs for ${file}`);
  return network ? (entry as Record<string, ReferenceOutputs>)[network] : (entry as ReferenceOutputs);
}

/** The fixed NHWC input of the script: element i is float32(sin(0.37 i) * 2), batch 2. */
export function referenceInput(imageSize: number): Float32Array {
  const data = new Float32Array(2 * imageSize * imageSize * 3);
  for (let i = 0; i < data.length; i += 1) data[i] = Math.sin(0.37 * i) * 2;
  return data;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
