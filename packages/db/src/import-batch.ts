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
  const patients = await db.patient.createMany({
    data: uniqueBy(rows.map((row) => ({ ...row.patient, source })), (patient) => patient.pseudonym),
    skipDuplicates: true,
  });
  const pseudonyms = [...new Set(rows.map((row) => row.patient.pseudonym))];
  const patientRows = await db.patient.findMany({ where: { pseudonym: { in: pseudonyms } }, select: { id: true, pseudonym: true } });
  const patientId = new Map(patientRows.map((patient) => [patient.pseudonym, patient.id]));

  const caseData = uniqueBy(rows, (row) => row.case.externalId).map((row) => ({
    patientId: patientId.get(row.patient.pseudonym)!,
    source,
    externalId: row.case.externalId,
    site: row.case.site,
  }));
  const cases = await db.case.createMany({ data: caseData, skipDuplicates: true });
  const caseRows = await db.case.findMany({
    where: { source, externalId: { in: caseData.map((row) => row.externalId) } },
    select: { id: true, externalId: true, patientId: true },
  });
  const caseByExternal = new Map(caseRows.map((row) => [row.externalId!, row]));

  const imageData = rows.map((row) => {
    const existingCase = caseByExternal.get(row.case.externalId)!;
    if (existingCase.patientId !== patientId.get(row.patient.pseudonym)) {
      throw new AppError('CONFLICT', {
        message: `Lesion ${row.case.externalId} of ${source} already belongs to another patient.`,
      });
    }
    return { id: randomUUID(), caseId: existingCase.id, source, ...row.image };
  });
  await db.image.createMany({ data: imageData, skipDuplicates: true });
  const created = await db.image.findMany({
    where: { id: { in: imageData.map((image) => image.id) } },
    select: { id: true },
  });
  const createdIds = new Set(created.map((image) => image.id));
  const annotations = rows.flatMap((row, index) =>
    createdIds.has(imageData[index].id)
      ? row.annotations.map((annotation) => ({ ...annotation, imageId: imageData[index].id, importRunId: options.importRunId }))
      : [],
  );
  const annotated = annotations.length > 0 ? await db.annotation.createMany({ data: annotations }) : { count: 0 };
  return { patients: patients.count, cases: cases.count, images: createdIds.size, annotations: annotated.count };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
