import { createHash } from 'node:crypto';
import { type Db, type DbClient, Prisma, type Split } from './client.js';
import { AppError } from './errors.js';

export interface DatasetVersionItemInput {
  imageId: string;
  conceptId: string | null;
  split: Split;
}

export const datasetVersionSelect = {
  id: true,
  datasetId: true,
  version: true,
  contentHash: true,
  note: true,
  filter: true,
  splitConfig: true,
  createdBy: true,
  createdAt: true,
  dataset: { select: { name: true } },
  _count: { select: { items: true } },
} satisfies Prisma.DatasetVersionSelect;

type DatasetVersionRow = Prisma.DatasetVersionGetPayload<{ select: typeof datasetVersionSelect }>;

export interface FrozenDatasetVersion extends Omit<DatasetVersionRow, 'dataset' | '_count'> {
  datasetName: string;
  itemCount: number;
}

const toRecord = ({ dataset, _count, ...row }: DatasetVersionRow): FrozenDatasetVersion => ({
  ...row,
  datasetName: dataset.name,
  itemCount: _count.items,
});

/** sha256 over the sorted (image, label, split) triples: equal content, equal hash, whatever the insert order. */
export function hashDatasetVersionItems(items: readonly DatasetVersionItemInput[]): string {
  const lines = items.map((item) => `${item.imageId}\t${item.conceptId ?? ''}\t${item.split}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const INSERT_CHUNK = 5000;

/**
 * Freezes a new version of a dataset (created on first use) in one transaction: the version row, every item and an
 * audit event. Nothing in this package updates or deletes a version afterwards.
 */
export async function createDatasetVersion(
  db: Db,
  options: {
    datasetName: string;
    description?: string | null;
    note?: string | null;
    filter: Prisma.InputJsonValue;
    splitConfig: Prisma.InputJsonValue;
    createdBy?: string | null;
    items: readonly DatasetVersionItemInput[];
  },
): Promise<FrozenDatasetVersion> {
  if (options.items.length === 0) {
    throw new AppError('BAD_INPUT', {
      message: 'No images match the filter: a dataset version cannot be empty.',
    });
  }
  const contentHash = hashDatasetVersionItems(options.items);
  try {
    const id = await db.$transaction(
      async (tx) => {
        const dataset = await tx.dataset.upsert({
          where: { name: options.datasetName },
          create: { name: options.datasetName, description: options.description ?? null },
          update: {},
          select: { id: true },
        });
        const latest = await tx.datasetVersion.aggregate({
          where: { datasetId: dataset.id },
          _max: { version: true },
        });
        const version = await tx.datasetVersion.create({
          data: {
            datasetId: dataset.id,
            version: (latest._max.version ?? 0) + 1,
            contentHash,
            note: options.note ?? null,
            filter: options.filter,
            splitConfig: options.splitConfig,
            createdBy: options.createdBy ?? null,
          },
          select: { id: true, version: true },
        });
        for (let start = 0; start < options.items.length; start += INSERT_CHUNK) {
          const chunk = options.items.slice(start, start + INSERT_CHUNK);
          // unnest: one parameter per column instead of one per value.
          await tx.$executeRaw`
            INSERT INTO "DatasetVersionItem" ("datasetVersionId", "imageId", "conceptId", split)
            SELECT ${version.id}, image_id, concept_id, split::"Split"
            FROM unnest(${chunk.map((item) => item.imageId)}::text[], ${chunk.map((item) => item.conceptId)}::text[],
                        ${chunk.map((item) => item.split)}::text[]) AS input(image_id, concept_id, split)`;
        }
        await tx.auditEvent.create({
          data: {
            action: 'dataset.freeze',
            entityType: 'DatasetVersion',
            entityId: version.id,
            details: {
              dataset: options.datasetName,
              version: version.version,
              items: options.items.length,
              contentHash,
              createdBy: options.createdBy ?? null,
            },
          },
        });
        return version.id;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return getDatasetVersionById(db, { id });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', {
        message: `Another version of ${options.datasetName} was frozen at the same time; retry.`,
        cause: error,
      });
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('BAD_INPUT', {
        message: 'A dataset version item names an unknown image or concept.',
        cause: error,
      });
    }
    throw error;
  }
}

export async function getDatasetVersionById(
  db: DbClient,
  options: { id: string },
): Promise<FrozenDatasetVersion> {
  const row = await db.datasetVersion
    .findUnique({ where: { id: options.id }, select: datasetVersionSelect })
    .catch((error: unknown) => {
      // A malformed id is a bad argument, not a crash.
      if (
        error instanceof Prisma.PrismaClientKnownRequestError ||
        error instanceof Prisma.PrismaClientValidationError
      )
        return null;
      throw error;
    });
  if (!row)
    throw new AppError('NOT_FOUND', {
      message: `No dataset version with id ${options.id}.`,
      details: { argument: 'version' },
    });
  return toRecord(row);
}

export interface DatasetVersionItemRecord {
  imageId: string;
  split: Split;
  conceptId: string | null;
  conceptCode: string | null;
  caseId: string;
  lesionId: string | null;
  patientId: string;
  sha256: string | null;
}

/** Every item of a version with the lesion, patient and content hash of its image (for leakage checks). */
export async function findDatasetVersionItems(
  db: DbClient,
  options: { datasetVersionId: string },
): Promise<DatasetVersionItemRecord[]> {
  // One join: relation loads of 10,000 ids would bind 10,000 parameters.
  return db.$queryRaw<DatasetVersionItemRecord[]>`
    SELECT item."imageId", item.split::text AS split, item."conceptId", concept.code AS "conceptCode",
           image."caseId", kase."externalId" AS "lesionId", kase."patientId", image.sha256
    FROM "DatasetVersionItem" item
    JOIN "Image" image ON image.id = item."imageId"
    JOIN "Case" kase ON kase.id = image."caseId"
    LEFT JOIN "DiagnosisConcept" concept ON concept.id = item."conceptId"
    WHERE item."datasetVersionId" = ${options.datasetVersionId}
    ORDER BY item."imageId"`;
}

/** Recomputes a version's content hash from its stored items: false means the frozen rows were tampered with. */
export async function verifyDatasetVersion(
  db: DbClient,
  options: { id: string },
): Promise<{ stored: string; recomputed: string; intact: boolean }> {
  const version = await getDatasetVersionById(db, options);
  const items = await db.datasetVersionItem.findMany({
    where: { datasetVersionId: options.id },
    select: { imageId: true, conceptId: true, split: true },
  });
  const recomputed = hashDatasetVersionItems(items);
  return { stored: version.contentHash, recomputed, intact: recomputed === version.contentHash };
}
