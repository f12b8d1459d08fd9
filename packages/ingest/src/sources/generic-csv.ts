import { createHash } from 'node:crypto';
import { AppError, type ConceptSeed } from '@dermino/db';
import { readCsvFile } from '../csv/read-csv.js';
import {
  mapAgeBand,
  mapConfirmation,
  mapDate,
  mapId,
  mapModality,
  mapSex,
  mapSite,
  mapSkinType,
} from '../mapping/values.js';
import { type ColumnMapping, readColumnMapping } from './column-mapping.js';
import { indexImageFolder, locateImage } from './image-folder.js';
import { RowMapper, refuseDuplicateIds } from './row-helpers.js';
import type { PreparedImport, RowResult } from './types.js';

/** Hospital patient ids never enter the registry: a salted hash of them does. */
const pseudonymOf = (source: string, patientId: string) =>
  `${source}:${createHash('sha256').update(`${source}\u0000${patientId}`).digest('hex').slice(0, 24)}`;

export async function prepareGenericCsvImport(
  files: { mapping: string; metadata: string; images: string },
  concepts: readonly Pick<ConceptSeed, 'code'>[],
): Promise<PreparedImport> {
  const mapping = await readColumnMapping(files.mapping);
  const named = Object.values(mapping.columns).filter((column): column is string => Boolean(column));
  const table = await readCsvFile(files.metadata, {
    label: '--metadata',
    requiredColumns: [...new Set(named)],
  });
  const folder = await indexImageFolder(files.images);
  const codes = new Set(concepts.map((concept) => concept.code));
  const diagnoses = new Map(
    Object.entries(mapping.diagnoses).map(([name, code]) => [name.trim().toLowerCase(), code]),
  );
  for (const [name, code] of diagnoses) {
    if (!codes.has(code))
      throw new AppError('BAD_INPUT', {
        message: `--mapping diagnoses."${name}" names unknown concept code ${code}.`,
      });
  }
  const { columns, defaults, source } = mapping;
  const rows: RowResult[] = table.rows.map((row) => {
    const m = new RowMapper(row);
    const get = (column: keyof ColumnMapping['columns']) => (columns[column] ? m.value(columns[column]) : '');
    const imageId = m.take(columns.imageId, mapId(get('imageId'), columns.imageId));
    const lesionId = columns.lesionId
      ? m.take(columns.lesionId, mapId(get('lesionId'), columns.lesionId))
      : imageId;
    const patientId = get('patientId').trim() || `lesion-${lesionId}`;
    let code: string | null = null;
    const diagnosis = get('diagnosis').trim();
    if (diagnosis) {
      code = diagnoses.get(diagnosis.toLowerCase()) ?? (codes.has(diagnosis) ? diagnosis : null);
      if (!code)
        m.fail(
          columns.diagnosis!,
          `unknown diagnosis "${diagnosis}" (not in the mapping's diagnoses nor a concept code)`,
        );
    }
    const confirmation = m.take(
      columns.confirmation ?? 'confirmation',
      mapConfirmation(get('confirmation'), defaults.confirmation),
    );
    const sex = m.take(columns.sex ?? 'sex', mapSex(get('sex')));
    const ageBand = m.take(columns.age ?? 'age', mapAgeBand(get('age')));
    const skinType = m.take(columns.skinType ?? 'skinType', mapSkinType(get('skinType')));
    const modality = m.take(columns.modality ?? 'modality', mapModality(get('modality'), defaults.modality));
    const capturedAt = m.take(columns.capturedAt ?? 'capturedAt', mapDate(get('capturedAt')));
    const fileName = columns.file
      ? get('file')
          .trim()
          .replace(/\.[^.]+$/, '')
      : imageId;
    const pixels = fileName ? locateImage(folder, fileName) : null;
    if (fileName && !pixels)
      m.fail(columns.file ?? columns.imageId, `no image file ${fileName}.* in ${folder.path}`);
    if (m.problem) return { ok: false, problem: m.problem };
    return {
      ok: true,
      row: {
        row: row.line,
        patient: { pseudonym: pseudonymOf(source, patientId), sex, ageBand, skinType },
        case: { externalId: lesionId, site: mapSite(get('site')) },
        image: {
          sourceImageId: imageId,
          modality,
          device: get('device').trim() || null,
          capturedAt,
          remoteUrl: null,
          status: 'READY',
        },
        labels: code
          ? [
              {
                conceptCode: code,
                confirmation,
                annotator: get('annotator').trim() || defaults.annotator || source,
              },
            ]
          : [],
        pixels: pixels!,
      },
    };
  });
  return {
    kind: 'csv',
    source,
    files: [
      { role: 'mapping', path: files.mapping },
      { role: 'metadata', path: table.path, sha256: table.sha256, bytes: table.bytes },
      { role: 'images', path: folder.path },
    ],
    rows: refuseDuplicateIds(rows, columns.imageId),
  };
}
