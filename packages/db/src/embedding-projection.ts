import type { DbClient, SkinType } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

// Reads for the embedding map (and the curation page's image summaries). Embedding.vector is a pgvector column
// Prisma cannot type, so these are raw SQL with every value a parameter.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkUuid(value: string, argument: string): void {
  if (!UUID.test(value)) {
    throw new AppError('BAD_INPUT', {
      message: `${argument} ${JSON.stringify(value)} is not a UUID.`,
      details: { argument },
    });
  }
}

/**
 * The image's best label as curation ranks it (histopathology > consensus > follow-up > confocal > single reader >
 * model, newest first on a tier), over the image's annotations and its case's. Ties between readers are not
 * resolved here: the map only colours points.
 */
export const bestLabelSql = (imageId: Prisma.Sql, caseId: Prisma.Sql) => Prisma.sql`(
  SELECT concept.code FROM "Annotation" annotation JOIN "DiagnosisConcept" concept ON concept.id = annotation."conceptId"
  WHERE annotation."imageId" = ${imageId} OR annotation."caseId" = ${caseId}
  ORDER BY array_position(ARRAY['HISTOPATHOLOGY','CONSENSUS','FOLLOW_UP','CONFOCAL','SINGLE_READER','MODEL'], annotation.confirmation::text),
           annotation."createdAt" DESC
  LIMIT 1)`;

export interface EmbeddingModelRecord {
  id: string;
  name: string;
  kind: 'BACKBONE' | 'CLASSIFIER';
  createdAt: Date;
  aliases: string[];
  embeddingCount: number;
  dim: number;
}

/** Models that have stored embeddings (an EMBED job ran), newest first, with their aliases and counts. */
export async function findEmbeddingModels(db: DbClient): Promise<EmbeddingModelRecord[]> {
  const rows = await db.$queryRaw<
    (Omit<EmbeddingModelRecord, 'embeddingCount' | 'dim'> & { embeddingCount: bigint; dim: number })[]
  >`
    SELECT model.id, model.name, model.kind::text AS kind, model."createdAt",
           COALESCE((SELECT array_agg(alias.alias ORDER BY alias.alias) FROM "ModelAlias" alias WHERE alias."modelVersionId" = model.id), ARRAY[]::text[]) AS aliases,
           counts.n AS "embeddingCount", counts.dim
    FROM "ModelVersion" model
    JOIN (SELECT "modelVersionId", count(*) AS n, max(dim) AS dim FROM "Embedding" GROUP BY "modelVersionId") counts
      ON counts."modelVersionId" = model.id
    ORDER BY model."createdAt" DESC, model.id`;
  return rows.map((row) => ({ ...row, embeddingCount: Number(row.embeddingCount), dim: Number(row.dim) }));
}

export interface ProjectionRow {
  imageId: string;
  caseId: string;
  vector: number[];
  diagnosis: string | null;
  skinType: SkinType | null;
  site: string | null;
  split: 'TRAIN' | 'VAL' | 'TEST' | null;
}

export interface ProjectionRows {
  /** Embeddings in scope (of the model, and of the version's images when one is given) before sampling. */
  total: number;
  rows: ProjectionRow[];
}

/**
 * A model's embeddings with what the map colours by, at most `limit` of them. When there are more, the sample is
 * the `limit` rows with the smallest md5 of the image id: deterministic, and unrelated to insertion order or label.
 * With a dataset version only its images are read, and diagnosis is the frozen label, split the frozen split;
 * without one, diagnosis is the image's best label now and split is null.
 */
export async function findProjectionRows(
  db: DbClient,
  options: { modelVersionId: string; datasetVersionId?: string | null; limit: number },
): Promise<ProjectionRows> {
  checkUuid(options.modelVersionId, 'modelId');
  const version = options.datasetVersionId ?? null;
  if (version !== null) {
    checkUuid(version, 'datasetVersionId');
    if ((await db.datasetVersion.count({ where: { id: version } })) === 0) {
      throw new AppError('NOT_FOUND', {
        message: `No dataset version with id ${version}.`,
        details: { argument: 'datasetVersionId' },
      });
    }
  }
  const scope = version
    ? Prisma.sql`JOIN "DatasetVersionItem" item ON item."imageId" = embedding."imageId" AND item."datasetVersionId" = ${version}`
    : Prisma.empty;
  const labels = version
    ? Prisma.sql`(SELECT code FROM "DiagnosisConcept" WHERE id = item."conceptId") AS diagnosis, item.split::text AS split`
    : Prisma.sql`${bestLabelSql(Prisma.sql`image.id`, Prisma.sql`image."caseId"`)} AS diagnosis, NULL::text AS split`;
  const [{ total }] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Embedding" embedding ${scope} WHERE embedding."modelVersionId" = ${options.modelVersionId}`;
  const rows = await db.$queryRaw<(Omit<ProjectionRow, 'vector'> & { vector: string })[]>`
    SELECT sample."imageId", image."caseId", sample.vector, patient."skinType"::text AS "skinType", kase.site, ${labels}
    FROM (
      SELECT embedding."imageId", embedding.vector::text AS vector FROM "Embedding" embedding ${scope}
      WHERE embedding."modelVersionId" = ${options.modelVersionId}
      ORDER BY md5(embedding."imageId"), embedding."imageId" LIMIT ${options.limit}
    ) sample
    JOIN "Image" image ON image.id = sample."imageId"
    JOIN "Case" kase ON kase.id = image."caseId"
    JOIN "Patient" patient ON patient.id = kase."patientId"
    ${version ? Prisma.sql`JOIN "DatasetVersionItem" item ON item."imageId" = sample."imageId" AND item."datasetVersionId" = ${version}` : Prisma.empty}
    ORDER BY sample."imageId"`;
  return {
    total: Number(total),
    rows: rows.map((row) => ({ ...row, vector: JSON.parse(row.vector) as number[] })),
  };
}

export interface ImageSummaryRecord {
  imageId: string;
  caseId: string;
  diagnosis: string | null;
  skinType: SkinType;
  site: string;
  source: string;
}

/** What the curation queues show beside a thumbnail: the image's case, best label now, skin type, site, source. */
export async function findImageSummaries(
  db: DbClient,
  options: { imageIds: string[] },
): Promise<ImageSummaryRecord[]> {
  const ids = options.imageIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  return db.$queryRaw<ImageSummaryRecord[]>`
    SELECT image.id AS "imageId", image."caseId", ${bestLabelSql(Prisma.sql`image.id`, Prisma.sql`image."caseId"`)} AS diagnosis,
           patient."skinType"::text AS "skinType", kase.site, image.source
    FROM "Image" image JOIN "Case" kase ON kase.id = image."caseId" JOIN "Patient" patient ON patient.id = kase."patientId"
    WHERE image.id = ANY(${ids}::text[])
    ORDER BY image.id`;
}
