import { readCsvFile } from '../csv/read-csv.js';
import { mapFitzpatrickLabel } from '../mapping/diagnoses.js';
import { mapSkinType } from '../mapping/values.js';
import { indexImageFolder, locateImage } from './image-folder.js';
import { RowMapper, refuseDuplicateIds } from './row-helpers.js';
import type { PreparedImport, RowResult } from './types.js';

export const FITZPATRICK_SOURCE = 'fitzpatrick17k';
const COLUMNS = [
  'md5hash',
  'fitzpatrick_scale',
  'label',
  'nine_partition_label',
  'three_partition_label',
  'url',
];

/**
 * Fitzpatrick17k ships URLs, not images: each row becomes a case with a PENDING image that keeps its URL. With
 * `images`, files named `<md5hash>.<ext>` are taken in at once and pending images of earlier runs are completed.
 */
export async function prepareFitzpatrick17kImport(files: {
  metadata: string;
  images?: string;
  source?: string;
}): Promise<PreparedImport> {
  const source = files.source ?? FITZPATRICK_SOURCE;
  const table = await readCsvFile(files.metadata, { label: '--metadata', requiredColumns: COLUMNS });
  const folder = files.images ? await indexImageFolder(files.images) : undefined;
  let labelsDroppedByQc = 0;
  const rows: RowResult[] = table.rows.map((row) => {
    const m = new RowMapper(row);
    const md5 = m.value('md5hash').trim().toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(md5))
      m.fail('md5hash', `md5hash "${m.value('md5hash')}" is not 32 hex digits`);
    const skinType = m.take('fitzpatrick_scale', mapSkinType(m.value('fitzpatrick_scale')));
    const code = m.take('label', mapFitzpatrickLabel(m.value('label')));
    const url = m.value('url').trim();
    if (url && !/^https?:\/\//i.test(url)) m.fail('url', `url "${url}" is not an http(s) address`);
    if (m.problem) return { ok: false, problem: m.problem };
    // The dataset's own QC marked these labels wrong: keep the image, drop the label.
    const wronglyLabelled = m.value('qc').startsWith('3');
    if (wronglyLabelled) labelsDroppedByQc++;
    const file = folder ? locateImage(folder, md5) : null;
    return {
      ok: true,
      row: {
        row: row.line,
        patient: { pseudonym: `${source}:${md5}`, sex: 'UNKNOWN', ageBand: null, skinType },
        case: { externalId: md5, site: 'unknown' },
        image: {
          sourceImageId: md5,
          modality: 'CLINICAL',
          device: null,
          capturedAt: null,
          remoteUrl: url || null,
          status: file ? 'READY' : 'PENDING',
        },
        labels: wronglyLabelled
          ? []
          : [{ conceptCode: code, confirmation: 'SINGLE_READER', annotator: source }],
        pixels: file ?? { kind: 'none' },
      },
    };
  });
  return {
    kind: 'fitzpatrick17k',
    source: source,
    files: [
      { role: 'metadata', path: table.path, sha256: table.sha256, bytes: table.bytes },
      ...(folder ? [{ role: 'images', path: folder.path }] : []),
    ],
    rows: refuseDuplicateIds(rows, 'md5hash'),
    notes: { labelsDroppedByQc, withoutUrl: rows.filter((r) => r.ok && !r.row.image.remoteUrl).length },
    attachFrom: folder,
  };
}
