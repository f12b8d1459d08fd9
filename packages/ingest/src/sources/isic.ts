import { readCsvFile } from '../csv/read-csv.js';
import { mapIsicDiagnosis } from '../mapping/diagnoses.js';
import {
  mapAgeBand,
  mapConfirmation,
  mapId,
  mapModality,
  mapSex,
  mapSite,
  mapSkinType,
} from '../mapping/values.js';
import { indexImageFolder, locateImage } from './image-folder.js';
import { RowMapper, refuseDuplicateIds } from './row-helpers.js';
import type { PreparedImport, RowResult } from './types.js';

export const ISIC_SOURCE = 'isic';
const DIAGNOSIS_COLUMNS = ['diagnosis_3', 'diagnosis_2', 'diagnosis_1', 'diagnosis'];

/** The most specific diagnosis level the row fills in, mapped; coarse-only rows ("Benign") stay unlabelled. */
function diagnosisOf(m: RowMapper, header: string[]): string | null {
  for (const column of DIAGNOSIS_COLUMNS) {
    if (!header.includes(column) || m.value(column) === '') continue;
    const code = m.take(column, mapIsicDiagnosis(m.value(column)));
    if (code) return code;
  }
  return null;
}

export async function prepareIsicImport(files: {
  metadata: string;
  images: string;
  source?: string;
}): Promise<PreparedImport> {
  const source = files.source ?? ISIC_SOURCE;
  const table = await readCsvFile(files.metadata, {
    label: '--metadata',
    requiredColumns: ['isic_id'],
    anyOfColumns: DIAGNOSIS_COLUMNS,
  });
  const folder = await indexImageFolder(files.images);
  const rows: RowResult[] = table.rows.map((row) => {
    const m = new RowMapper(row);
    const isicId = m.take('isic_id', mapId(m.value('isic_id'), 'isic_id'));
    // Without a lesion id each image is its own lesion; without a patient id each lesion its own patient.
    const lesionId = m.value('lesion_id')
      ? m.take('lesion_id', mapId(m.value('lesion_id'), 'lesion_id'))
      : isicId;
    const patientId = m.value('patient_id')
      ? m.take('patient_id', mapId(m.value('patient_id'), 'patient_id'))
      : `lesion-${lesionId}`;
    const code = diagnosisOf(m, table.header);
    const confirmation = m.take(
      'diagnosis_confirm_type',
      mapConfirmation(m.value('diagnosis_confirm_type'), 'SINGLE_READER'),
    );
    const sex = m.take('sex', mapSex(m.value('sex')));
    const ageBand = m.take('age_approx', mapAgeBand(m.value('age_approx')));
    const skinType = m.take('fitzpatrick_skin_type', mapSkinType(m.value('fitzpatrick_skin_type')));
    const modality = m.take('image_type', mapModality(m.value('image_type'), 'DERMOSCOPIC'));
    const pixels = isicId ? locateImage(folder, isicId) : null;
    if (isicId && !pixels) m.fail('isic_id', `no image file ${isicId}.jpg in ${folder.path}`);
    if (m.problem) return { ok: false, problem: m.problem };
    return {
      ok: true,
      row: {
        row: row.line,
        patient: { pseudonym: `${source}:${patientId}`, sex, ageBand, skinType },
        case: { externalId: lesionId, site: mapSite(m.value('anatom_site_general')) },
        image: {
          sourceImageId: isicId,
          modality,
          device: null,
          capturedAt: null,
          remoteUrl: null,
          status: 'READY',
        },
        labels: code
          ? [{ conceptCode: code, confirmation, annotator: m.value('attribution') || source }]
          : [],
        pixels: pixels!,
      },
    };
  });
  return {
    kind: 'isic',
    source: source,
    files: [
      { role: 'metadata', path: table.path, sha256: table.sha256, bytes: table.bytes },
      { role: 'images', path: folder.path },
    ],
    rows: refuseDuplicateIds(rows, 'isic_id'),
  };
}
