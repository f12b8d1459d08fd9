import type { DbClient } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';

// Embedding.vector is a pgvector column Prisma cannot type, so these queries are raw SQL. Values always travel as
// parameters of Prisma.sql / $queryRaw templates; the only text spliced in is the DDL of the per-model index
// (CREATE INDEX takes no parameters), built from a checked UUID and integer.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkModelId(modelVersionId: string): void {
  if (!UUID.test(modelVersionId)) {
    throw new AppError('BAD_INPUT', { message: `Model version id ${JSON.stringify(modelVersionId)} is not a UUID.`, details: { argument: 'modelVersionId' } });
  }
}

function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) {
    throw new AppError('BAD_INPUT', { message: `Embedding dimension must be an integer in 1..16000, got ${dim}.`, details: { argument: 'dim' } });
  }
}

export function embeddingIndexName(modelVersionId: string): string {
  checkModelId(modelVersionId);
  return `Embedding_hnsw_${modelVersionId.replace(/-/g, '')}`;
}

/** The model's own partial HNSW index (cosine) on vector::vector(dim); created once, when its first rows arrive. */
export async function ensureEmbeddingIndex(db: DbClient, options: { modelVersionId: string; dim: number }): Promise<string> {
  const name = embeddingIndexName(options.modelVersionId);
  checkDim(options.dim);
  await db.$executeRaw(
    Prisma.sql`CREATE INDEX IF NOT EXISTS ${Prisma.raw(`"${name}"`)} ON "Embedding" USING hnsw ((vector::vector(${Prisma.raw(String(options.dim))})) vector_cosine_ops) WHERE "modelVersionId" = ${Prisma.raw(`'${options.modelVersionId}'`)}`,
  );
  return name;
}

/**
 * Refreshes the planner's statistics of the embeddings after a bulk write. Without them the planner believes the
 * table is nearly empty and scans a model's rows in full instead of using its HNSW index; the embedded PGlite has
 * no autovacuum to do it, and on a real server autoanalyze may come minutes later.
 */
export async function analyzeEmbeddings(db: DbClient): Promise<void> {
  await db.$executeRawUnsafe('ANALYZE "Embedding"');
}

export interface EmbeddingInput {
  imageId: string;
  vector: ArrayLike<number>;
}

const toVectorText = (vector: ArrayLike<number>, imageId: string): string => {
  const values = Array.from(vector);
  if (values.some((v) => !Number.isFinite(v))) {
    throw new AppError('BAD_INPUT', { message: `Embedding of image ${imageId} has a value that is not finite.`, details: { imageId } });
  }
  return `[${values.join(',')}]`;
};

/** Writes embeddings of one model; an image that already has one for this model keeps it (idempotent). */
export async function writeEmbeddings(
  db: DbClient,
  options: { modelVersionId: string; dim: number; rows: EmbeddingInput[] },
): Promise<number> {
  checkModelId(options.modelVersionId);
  checkDim(options.dim);
  if (options.rows.length === 0) return 0;
  for (const row of options.rows) {
    if (row.vector.length !== options.dim) {
      throw new AppError('BAD_INPUT', { message: `Embedding of image ${row.imageId} has ${row.vector.length} values, expected ${options.dim}.`, details: { imageId: row.imageId } });
    }
  }
  const imageIds = options.rows.map((row) => row.imageId);
  const vectors = options.rows.map((row) => toVectorText(row.vector, row.imageId));
  try {
    return await db.$executeRaw`
      INSERT INTO "Embedding" ("id", "imageId", "modelVersionId", "dim", "vector")
      SELECT gen_random_uuid()::text, t.image_id, ${options.modelVersionId}, ${options.dim}::int, t.vec::vector
      FROM unnest(${imageIds}::text[], ${vectors}::text[]) AS t(image_id, vec)
      ON CONFLICT ("imageId", "modelVersionId") DO NOTHING`;
  } catch (error) {
    throw new AppError('BAD_INPUT', { message: `Cannot write embeddings of model ${options.modelVersionId}: ${(error as Error).message.split('\n')[0]}`, cause: error });
  }
}

export async function countEmbeddings(db: DbClient, options: { modelVersionId: string }): Promise<number> {
  return db.embedding.count({ where: { modelVersionId: options.modelVersionId } });
}

/** Ids of the given images that have no embedding for the model yet (what a resumed embed job still has to do). */
export async function findImagesWithoutEmbedding(
  db: DbClient,
  options: { modelVersionId: string; imageIds: string[] },
): Promise<string[]> {
  const done = await db.embedding.findMany({
    where: { modelVersionId: options.modelVersionId, imageId: { in: options.imageIds } },
    select: { imageId: true },
  });
  const have = new Set(done.map((row) => row.imageId));
  return options.imageIds.filter((id) => !have.has(id));
}

export interface EmbeddingRecord {
  imageId: string;
  vector: number[];
}

/** The model's embeddings (of some images, or all), in image id order. */
export async function findEmbeddings(
  db: DbClient,
  options: { modelVersionId: string; imageIds?: string[] },
): Promise<EmbeddingRecord[]> {
  checkModelId(options.modelVersionId);
  const filter = options.imageIds ? Prisma.sql`AND "imageId" = ANY(${options.imageIds}::text[])` : Prisma.empty;
  const rows = await db.$queryRaw<{ imageId: string; vector: string }[]>`
    SELECT "imageId", "vector"::text AS "vector" FROM "Embedding"
    WHERE "modelVersionId" = ${options.modelVersionId} ${filter}
    ORDER BY "imageId"`;
  return rows.map((row) => ({ imageId: row.imageId, vector: JSON.parse(row.vector) as number[] }));
}

export interface SimilarImage {
  imageId: string;
  /** Cosine distance, 0 = same direction. */
  distance: number;
}

/** Nearest images by cosine distance through the model's HNSW index (similar-case search). */
export async function findSimilarImages(
  db: DbClient,
  options: { modelVersionId: string; vector: ArrayLike<number>; k: number; excludeImageId?: string },
): Promise<SimilarImage[]> {
  checkModelId(options.modelVersionId);
  const dim = options.vector.length;
  checkDim(dim);
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > 1000) {
    throw new AppError('BAD_INPUT', { message: `k must be an integer in 1..1000, got ${options.k}.`, details: { argument: 'k' } });
  }
  const cast = Prisma.raw(`vector(${dim})`);
  const query = toVectorText(options.vector, 'query');
  const exclude = options.excludeImageId ? Prisma.sql`AND "imageId" <> ${options.excludeImageId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ imageId: string; distance: number }[]>`
    SELECT "imageId", ("vector"::${cast}) <=> (${query}::${cast}) AS distance FROM "Embedding"
    WHERE "modelVersionId" = ${options.modelVersionId} AND "dim" = ${dim} ${exclude}
    ORDER BY ("vector"::${cast}) <=> (${query}::${cast}) LIMIT ${options.k}`;
  return rows.map((row) => ({ imageId: row.imageId, distance: Number(row.distance) }));
}
