// HAM10000 at 8x8 grey (../shared/data/ham10000): pixels, labels, lesion ids, and the deterministic split by lesion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng } from '../../src/random';

export const HAM_CLASSES = ['akiec', 'bcc', 'bkl', 'df', 'nv', 'vasc', 'mel'] as const;

export interface Ham10000 {
  /** [N, 8, 8] grey values in 0..1, row-major. */
  pixels: Float32Array;
  labels: Int32Array;
  lesionIds: string[];
  count: number;
}

/** Reads hmnist_8_8_L.csv and HAM10000_metadata.csv (row i of one is row i of the other; checked here). */
export function loadHam10000(dir: string): Ham10000 {
  const pixelLines = readFileSync(path.join(dir, 'hmnist_8_8_L.csv'), 'utf8').trim().split('\n').slice(1);
  const metaLines = readFileSync(path.join(dir, 'HAM10000_metadata.csv'), 'utf8').trim().split('\n');
  const header = metaLines[0].split(',');
  const lesionColumn = header.indexOf('lesion_id');
  const dxColumn = header.indexOf('dx');
  if (lesionColumn < 0 || dxColumn < 0)
    throw new Error(`${dir}/HAM10000_metadata.csv: no lesion_id or dx column`);
  if (pixelLines.length !== metaLines.length - 1)
    throw new Error(`HAM10000: ${pixelLines.length} pixel rows but ${metaLines.length - 1} metadata rows`);
  const count = pixelLines.length;
  const pixels = new Float32Array(count * 64);
  const labels = new Int32Array(count);
  const lesionIds: string[] = [];
  pixelLines.forEach((line, i) => {
    const values = line.split(',').map(Number);
    if (values.length !== 65)
      throw new Error(`hmnist_8_8_L.csv row ${i + 2}: ${values.length} columns, expected 65`);
    for (let p = 0; p < 64; p++) pixels[i * 64 + p] = values[p] / 255;
    labels[i] = values[64];
    const meta = metaLines[i + 1].split(',');
    if (HAM_CLASSES[labels[i]] !== meta[dxColumn])
      throw new Error(`HAM10000 row ${i + 2}: label ${labels[i]} but metadata dx ${meta[dxColumn]}`);
    lesionIds.push(meta[lesionColumn]);
  });
  return { pixels, labels, lesionIds, count };
}

/**
 * Deterministic split by lesion: the sorted distinct lesion ids are shuffled with a seeded generator and the first
 * `testFraction` of them (with all their images) are the test set, so no lesion is on both sides.
 */
export function splitByLesion(
  lesionIds: string[],
  testFraction = 0.2,
  seed = 2026,
): { train: number[]; test: number[] } {
  const lesions = [...new Set(lesionIds)].sort();
  const rng = createRng(seed);
  for (let i = lesions.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [lesions[i], lesions[j]] = [lesions[j], lesions[i]];
  }
  const held = new Set(lesions.slice(0, Math.round(lesions.length * testFraction)));
  const train: number[] = [];
  const test: number[] = [];
  lesionIds.forEach((id, i) => {
    (held.has(id) ? test : train).push(i);
  });
  return { train, test };
}

export function take<T extends Float32Array | Int32Array>(values: T, rows: number[], rowLength: number): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length * rowLength);
  rows.forEach((row, i) => {
    out.set(values.subarray(row * rowLength, (row + 1) * rowLength), i * rowLength);
  });
  return out;
}
