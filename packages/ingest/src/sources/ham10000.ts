import { AppError } from '@dermino/db';
import { readCsvFile } from '../csv/read-csv.js';
import { mapHamDx } from '../mapping/diagnoses.js';
import { mapAgeBand, mapConfirmation, mapId, mapSex, mapSite } from '../mapping/values.js';
import { readHamPixels } from './ham-pixels.js';
import { indexImageFolder, locateImage } from './image-folder.js';
import { RowMapper, refuseDuplicateIds } from './row-helpers.js';
import type { PixelSource, PreparedImport, RowResult } from './types.js';

export const HAM_SOURCE = 'ham10000';
const COLUMNS = ['lesion_id', 'image_id', 'dx', 'dx_type', 'age', 'sex', 'localization'];

export interface Ham10000Files {
  metadata: string;
  /** A folder of `<image_id>.jpg`. */
  images?: string;
  /** `hmnist_<s>_<s>_<L|RGB>.csv`: row i holds the pixels of metadata row i. */
  pixels?: string;
  /** Registry source name; default "ham10000". */
  source?: string;
}

/**
 * HAM10000 gives no patient ids: the lesion is the finest grouping it has, so each lesion becomes a case of its own
 * pseudonymous patient, and splits grouped by lesion or by patient agree.
 */
export async function prepareHam10000Import(files: Ham10000Files): Promise<PreparedImport> {
  const source = files.source ?? HAM_SOURCE;
  if (Boolean(files.images) === Boolean(files.pixels)) {
    throw new AppError('BAD_INPUT', {
      message: 'Give exactly one of --images <folder> or --pixels <csv> for HAM10000.',
    });
  }
  const table = await readCsvFile(files.metadata, { label: '--metadata', requiredColumns: COLUMNS });
  const folder = files.images ? await indexImageFolder(files.images) : null;
  const pixels = files.pixels ? await readHamPixels(files.pixels, table.rows.length) : null;
  const rows: RowResult[] = table.rows.map((row, index) => {
    const m = new RowMapper(row);
    const imageId = m.take('image_id', mapId(m.value('image_id'), 'image_id'));
    const lesionId = m.take('lesion_id', mapId(m.value('lesion_id'), 'lesion_id'));
    const dx = m.take('dx', mapHamDx(m.value('dx')));
    const confirmation = m.take('dx_type', mapConfirmation(m.value('dx_type'), 'SINGLE_READER'));
    const ageBand = m.take('age', mapAgeBand(m.value('age')));
    const sex = m.take('sex', mapSex(m.value('sex')));
    let located: PixelSource | null = null;
    if (folder && imageId) {
      located = locateImage(folder, imageId);
      if (!located) m.fail('image_id', `no image file ${imageId}.jpg in ${folder.path}`);
    }
    if (pixels) {
      const pixelRow = pixels.rows[index];
      if (pixelRow.problem)
        m.fail(pixelRow.problem.field, `pixels row ${pixelRow.line}: ${pixelRow.problem.reason}`);
      else if (dx && pixelRow.label !== dx) {
        m.fail('dx', `dx ${dx} disagrees with the pixels row ${pixelRow.line} label ${pixelRow.label}`);
      } else located = { kind: 'pixels', pixels: pixelRow.pixels!, info: pixels.info };
    }
    if (m.problem) return { ok: false, problem: m.problem };
    return {
      ok: true,
      row: {
        row: row.line,
        patient: { pseudonym: `${source}:${lesionId}`, sex, ageBand, skinType: 'UNKNOWN' },
        case: { externalId: lesionId, site: mapSite(m.value('localization')) },
        image: {
          sourceImageId: imageId,
          modality: 'DERMOSCOPIC',
          device: null,
          capturedAt: null,
          remoteUrl: null,
          status: 'READY',
        },
        labels: [{ conceptCode: dx, confirmation, annotator: source }],
        pixels: located!,
      },
    };
  });
  return {
    kind: 'ham10000',
    source,
    files: [
      { role: 'metadata', path: table.path, sha256: table.sha256, bytes: table.bytes },
      ...(pixels ? [{ role: 'pixels', path: pixels.path, sha256: pixels.sha256, bytes: pixels.bytes }] : []),
      ...(folder ? [{ role: 'images', path: folder.path }] : []),
    ],
    rows: refuseDuplicateIds(rows, 'image_id'),
  };
}
