import fs from 'node:fs/promises';
import type { ImportBatchRow } from '@dermino/db';
import { isIntakeError } from '../intake/errors.js';
import { type StoredImage, storeImage, storeRawImage } from '../intake/store-image.js';
import type { MappedRow, PixelSource, RowProblem } from '../sources/types.js';
import { mapConcurrent } from './map-concurrent.js';

export interface IntakeOptions {
  imagesRoot: string;
  maxPixels?: number;
  concurrency?: number;
}

export async function intakePixels(pixels: PixelSource, options: IntakeOptions): Promise<StoredImage | null> {
  if (pixels.kind === 'none') return null;
  const store = { root: options.imagesRoot, maxPixels: options.maxPixels };
  if (pixels.kind === 'pixels') return storeRawImage(pixels.pixels, pixels.info, store);
  return storeImage(await fs.readFile(pixels.path), store);
}

export interface IntakeResult {
  rows: { mapped: MappedRow; stored: StoredImage | null }[];
  problems: RowProblem[];
}

/** Takes in the images of a batch; a refused file becomes the row's problem, never the batch's. */
export async function intakeRows(rows: readonly MappedRow[], options: IntakeOptions): Promise<IntakeResult> {
  const outcomes = await mapConcurrent(rows, options.concurrency ?? 4, async (mapped) => {
    try {
      return { mapped, stored: await intakePixels(mapped.pixels, options), problem: null };
    } catch (error) {
      const reason = isIntakeError(error)
        ? error.message
        : `cannot read the image: ${(error as Error).message}`;
      const where = mapped.pixels.kind === 'file' ? ` (${mapped.pixels.path})` : '';
      return {
        mapped: null,
        stored: null,
        problem: { row: mapped.row, field: 'image', reason: `${reason}${where}` } satisfies RowProblem,
      };
    }
  });
  const result: IntakeResult = { rows: [], problems: [] };
  for (const outcome of outcomes) {
    if (outcome.problem) result.problems.push(outcome.problem);
    else result.rows.push({ mapped: outcome.mapped!, stored: outcome.stored ?? null });
  }
  return result;
}

export function toBatchRow(
  mapped: MappedRow,
  stored: StoredImage | null,
  conceptIds: Map<string, string>,
): ImportBatchRow {
  return {
    patient: mapped.patient,
    case: mapped.case,
    image: {
      ...mapped.image,
      status: stored ? 'READY' : mapped.image.status,
      sha256: stored?.sha256 ?? null,
      storageKey: stored?.storageKey ?? null,
      width: stored?.width ?? null,
      height: stored?.height ?? null,
      perceptualHash: stored?.perceptualHash ?? null,
    },
    annotations: mapped.labels.map((label) => ({
      conceptId: conceptIds.get(label.conceptCode)!,
      annotator: label.annotator,
      confirmation: label.confirmation,
    })),
  };
}
