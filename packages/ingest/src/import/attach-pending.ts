import { attachStoredImage, findPendingImages, recordImportProblems, updateImportRun } from '@dermino/db';
import { isIntakeError } from '../intake/errors.js';
import { locateImage } from '../sources/image-folder.js';
import type { RowProblem } from '../sources/types.js';
import type { BatchContext } from './batch.js';
import type { ImportCounts } from './import-summary.js';
import { intakePixels } from './intake-rows.js';
import { mapConcurrent } from './map-concurrent.js';

/** Completes pending images (registered by URL earlier) whose file is now in the given folder, by source image id. */
export async function attachPendingImages(context: BatchContext, counts: ImportCounts): Promise<void> {
  const { prepared, options, runId } = context;
  const folder = prepared.attachFrom!;
  const rowOf = new Map(
    prepared.rows.flatMap((result) =>
      result.ok ? [[result.row.image.sourceImageId, result.row.row] as const] : [],
    ),
  );
  let afterId: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await findPendingImages(options.db, { source: prepared.source, afterId, take: 500 });
    if (page.length === 0) break;
    afterId = page[page.length - 1].id;
    const withFile = page.flatMap((image) => {
      const pixels = image.sourceImageId ? locateImage(folder, image.sourceImageId) : null;
      return pixels ? [{ image, pixels }] : [];
    });
    const problems: RowProblem[] = [];
    await mapConcurrent(withFile, options.concurrency ?? 4, async ({ image, pixels }) => {
      try {
        const stored = await intakePixels(pixels, options);
        if (stored && (await attachStoredImage(options.db, { imageId: image.id, stored }))) counts.attached++;
      } catch (error) {
        if (!isIntakeError(error)) throw error;
        problems.push({
          row: rowOf.get(image.sourceImageId!) ?? 0,
          field: 'image',
          reason: `${error.message} (${image.sourceImageId})`,
        });
      }
    });
    await recordImportProblems(options.db, { importRunId: runId, problems });
    counts.skipped += problems.length;
    await updateImportRun(options.db, { id: runId, counts: { ...counts } });
    options.onProgress?.({
      phase: 'attach',
      done: counts.attached,
      total: counts.attached + page.length - withFile.length,
    });
  }
}
