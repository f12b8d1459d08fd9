import { randomUUID } from 'node:crypto';
import type { DbClient } from './client.js';
import { AppError } from './errors.js';
import type { ImportBatchRow } from './imports.js';

export interface WriteImportBatchResult {
  patients: number;
  cases: number;
  images: number;
  annotations: number;
}

// INSERT ... SELECT FROM unnest(arrays): one statement with one parameter per column, about 8x faster than
// createMany's one parameter per value on the embedded database, and ON CONFLICT keeps it idempotent.

async function insertPatients(
  db: DbClient,
  source: string,
  rows: readonly ImportBatchRow[],
): Promise<number> {
  const patients = uniqueBy(
    rows.map((row) => row.patient),
    (patient) => patient.pseudonym,
  );
  return db.$executeRaw`
    INSERT INTO "Patient" (id, pseudonym, sex, "ageBand", "skinType", source)
    SELECT gen_random_uuid()::text, pseudonym, sex::"Sex", age_band, skin_type::"SkinType", ${source}
    FROM unnest(${patients.map((p) => p.pseudonym)}::text[], ${patients.map((p) => p.sex)}::text[],
                ${patients.map((p) => p.ageBand)}::text[], ${patients.map((p) => p.skinType)}::text[])
      AS input(pseudonym, sex, age_band, skin_type)
    ON CONFLICT (pseudonym) DO NOTHING`;
}

async function insertCases(
  db: DbClient,
  source: string,
  rows: readonly ImportBatchRow[],
  patientId: Map<string, string>,
): Promise<number> {
  const cases = uniqueBy(rows, (row) => row.case.externalId);
  return db.$executeRaw`
    INSERT INTO "Case" (id, "patientId", source, "externalId", site)
    SELECT gen_random_uuid()::text, patient_id, ${source}, external_id, site
    FROM unnest(${cases.map((row) => patientId.get(row.patient.pseudonym)!)}::text[],
                ${cases.map((row) => row.case.externalId)}::text[], ${cases.map((row) => row.case.site)}::text[])
      AS input(patient_id, external_id, site)
    ON CONFLICT (source, "externalId") DO NOTHING`;
}

async function insertImages(
  db: DbClient,
  source: string,
  images: readonly (ImportBatchRow['image'] & { id: string; caseId: string })[],
) {
  const column = <K extends keyof (typeof images)[number]>(key: K) => images.map((image) => image[key]);
  const created = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Image" (id, "caseId", source, "sourceImageId", status, sha256, "storageKey", "remoteUrl", width, height,
                         "perceptualHash", modality, device, "capturedAt")
    SELECT id, case_id, ${source}, source_image_id, status::"ImageStatus", sha256, storage_key, remote_url, width, height,
           perceptual_hash, modality::"Modality", device, captured_at::timestamp(3)
    FROM unnest(${column('id')}::text[], ${column('caseId')}::text[], ${column('sourceImageId')}::text[],
                ${column('status')}::text[], ${column('sha256')}::text[], ${column('storageKey')}::text[],
                ${column('remoteUrl')}::text[], ${column('width')}::int[], ${column('height')}::int[],
                ${column('perceptualHash')}::text[], ${column('modality')}::text[], ${column('device')}::text[],
                ${images.map((image) => image.capturedAt?.toISOString() ?? null)}::text[])
      AS input(id, case_id, source_image_id, status, sha256, storage_key, remote_url, width, height, perceptual_hash,
               modality, device, captured_at)
    ON CONFLICT (source, "sourceImageId") DO NOTHING
    RETURNING id`;
  return new Set(created.map((row) => row.id));
}

async function insertAnnotations(
  db: DbClient,
  importRunId: string,
  annotations: { imageId: string; conceptId: string; annotator: string; confirmation: string }[],
) {
  if (annotations.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO "Annotation" (id, "imageId", "conceptId", annotator, confirmation, "importRunId")
    SELECT gen_random_uuid()::text, image_id, concept_id, annotator, confirmation::"Confirmation", ${importRunId}
    FROM unnest(${annotations.map((a) => a.imageId)}::text[], ${annotations.map((a) => a.conceptId)}::text[],
                ${annotations.map((a) => a.annotator)}::text[], ${annotations.map((a) => a.confirmation)}::text[])
      AS input(image_id, concept_id, annotator, confirmation)`;
}

/**
 * Writes one batch of mapped rows with a handful of set-based statements (never row by row). Idempotent by source
 * ids: existing patients, cases and images are kept as they are, and annotations are written only for images this
 * call created. Callers run it inside a transaction with the batch's run cursor update.
 */
export async function writeImportBatch(
  db: DbClient,
  options: { source: string; importRunId: string; rows: readonly ImportBatchRow[] },
): Promise<WriteImportBatchResult> {
  const { source, rows } = options;
  if (rows.length === 0) return { patients: 0, cases: 0, images: 0, annotations: 0 };
  const patients = await insertPatients(db, source, rows);
  const pseudonyms = [...new Set(rows.map((row) => row.patient.pseudonym))];
  const patientRows = await db.$queryRaw<{ id: string; pseudonym: string }[]>`
    SELECT id, pseudonym FROM "Patient" WHERE pseudonym = ANY(${pseudonyms}::text[])`;
  const patientId = new Map(patientRows.map((patient) => [patient.pseudonym, patient.id]));

  const cases = await insertCases(db, source, rows, patientId);
  const externalIds = [...new Set(rows.map((row) => row.case.externalId))];
  const caseRows = await db.$queryRaw<{ id: string; externalId: string; patientId: string }[]>`
    SELECT id, "externalId", "patientId" FROM "Case" WHERE source = ${source} AND "externalId" = ANY(${externalIds}::text[])`;
  const caseByExternal = new Map(caseRows.map((row) => [row.externalId, row]));

  const images = rows.map((row) => {
    const existingCase = caseByExternal.get(row.case.externalId)!;
    if (existingCase.patientId !== patientId.get(row.patient.pseudonym)) {
      throw new AppError('CONFLICT', {
        message: `Lesion ${row.case.externalId} of ${source} already belongs to another patient.`,
      });
    }
    return { ...row.image, id: randomUUID(), caseId: existingCase.id };
  });
  const createdIds = await insertImages(db, source, images);
  const annotations = rows.flatMap((row, index) =>
    createdIds.has(images[index].id)
      ? row.annotations.map((annotation) => ({ ...annotation, imageId: images[index].id }))
      : [],
  );
  const annotated = await insertAnnotations(db, options.importRunId, annotations);
  return { patients, cases, images: createdIds.size, annotations: annotated };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
