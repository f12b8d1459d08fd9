import type { Db, DbClient, SkinType } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';
import { isUuid } from './registry-reads.js';

// Similar-case search over pgvector. Every value is a parameter of a Prisma.sql template; the only text
// spliced in is the vector dimension (an integer checked here), because a cast's type cannot be a parameter.

export interface SimilarCaseFilter {
  /** Only images whose case or image has an annotation confirmed beyond a single reader or a model. */
  confirmedOnly?: boolean;
  sites?: string[];
  skinTypes?: SkinType[];
  /** Concept ids (with descendants already expanded) the image or its case must be annotated with. */
  conceptIds?: string[];
}

export interface SimilarCaseHit {
  imageId: string;
  caseId: string;
  /** Cosine distance (0 = same direction); similarity = 1 - distance. */
  distance: number;
}

const CONFIRMED = ['HISTOPATHOLOGY', 'CONSENSUS', 'FOLLOW_UP', 'CONFOCAL'];

function filterSql(filter: SimilarCaseFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.sites?.length) parts.push(Prisma.sql`c."site" = ANY(${filter.sites}::text[])`);
  if (filter.skinTypes?.length) parts.push(Prisma.sql`p."skinType"::text = ANY(${filter.skinTypes}::text[])`);
  const annotated = (condition: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" a WHERE (a."imageId" = i."id" OR a."caseId" = c."id") AND ${condition})`;
  if (filter.conceptIds) parts.push(annotated(Prisma.sql`a."conceptId" = ANY(${filter.conceptIds}::text[])`));
  if (filter.confirmedOnly) parts.push(annotated(Prisma.sql`a."confirmation"::text = ANY(${CONFIRMED}::text[])`));
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/** pgvector's default: the HNSW search keeps this many candidates, and can return no more than that. */
const MIN_EF_SEARCH = 40;

/**
 * The k nearest images of a model's embeddings by cosine distance, through the model's HNSW index: the index
 * gives the nearest candidates (k, or 20 k up to 1000 when a filter may drop some), the filters are applied
 * to those. The search list (`hnsw.ef_search`, 40 by default) is raised to the candidate count for the one
 * statement, since an HNSW scan returns at most that many rows: with the default, a filter keeping one image in
 * five returned ~8 of 10 (apps/api/BENCHMARKS.md). A very selective filter can still return fewer than k (the
 * documented price of HNSW pre-ranking).
 */
export async function findSimilarCaseImages(
  db: Db,
  options: { modelVersionId: string; vector: ArrayLike<number>; k: number; excludeImageId?: string | null; filter?: SimilarCaseFilter },
): Promise<SimilarCaseHit[]> {
  const dim = options.vector.length;
  if (!isUuid(options.modelVersionId)) throw new AppError('BAD_INPUT', { message: 'The model id is not a UUID.', details: { argument: 'modelId' } });
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) throw new AppError('BAD_INPUT', { message: `A query vector of ${dim} values cannot be searched.` });
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > 100) {
    throw new AppError('BAD_INPUT', { message: `k must be from 1 to 100; got ${options.k}.`, details: { argument: 'k' } });
  }
  const values = Array.from(options.vector);
  if (values.some((v) => !Number.isFinite(v))) throw new AppError('BAD_INPUT', { message: 'The query vector has a value that is not finite.' });
  const filter = options.filter ?? {};
  const filtered = Boolean(filter.confirmedOnly || filter.sites?.length || filter.skinTypes?.length || filter.conceptIds);
  const candidates = filtered ? Math.min(1000, options.k * 20) : options.k;
  const cast = Prisma.raw(`vector(${dim})`);
  const query = `[${values.join(',')}]`;
  const exclude = options.excludeImageId ? Prisma.sql`AND e."imageId" <> ${options.excludeImageId}` : Prisma.empty;
  const efSearch = Math.max(MIN_EF_SEARCH, candidates);
  const search = db.$queryRaw<{ imageId: string; caseId: string; distance: number }[]>`
    WITH candidates AS (
      SELECT e."imageId", (e."vector"::${cast}) <=> (${query}::${cast}) AS distance
      FROM "Embedding" e
      WHERE e."modelVersionId" = ${options.modelVersionId} AND e."dim" = ${dim} ${exclude}
      ORDER BY (e."vector"::${cast}) <=> (${query}::${cast})
      LIMIT ${candidates}
    )
    SELECT i."id" AS "imageId", i."caseId", candidates.distance
    FROM candidates
    JOIN "Image" i ON i."id" = candidates."imageId"
    JOIN "Case" c ON c."id" = i."caseId"
    JOIN "Patient" p ON p."id" = c."patientId"
    ${filterSql(filter)}
    ORDER BY candidates.distance, i."id"
    LIMIT ${options.k}`;
  // The default search list suffices for up to 40 candidates: one statement, no transaction (unfiltered p95 at
  // 100k embeddings 47.7 -> 19.6 ms, apps/api/BENCHMARKS.md). SET LOCAL takes no parameters; efSearch is an integer.
  const rows =
    efSearch === MIN_EF_SEARCH
      ? await search
      : (await db.$transaction([db.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${efSearch}`), search]))[1];
  return rows.map((row) => ({ imageId: row.imageId, caseId: row.caseId, distance: Number(row.distance) }));
}

/** The stored embedding of one image for a model, or null. */
export async function getImageEmbedding(
  db: DbClient,
  options: { modelVersionId: string; imageId: string },
): Promise<number[] | null> {
  if (!isUuid(options.modelVersionId) || !isUuid(options.imageId)) return null;
  const rows = await db.$queryRaw<{ vector: string }[]>`
    SELECT "vector"::text AS "vector" FROM "Embedding"
    WHERE "modelVersionId" = ${options.modelVersionId} AND "imageId" = ${options.imageId}`;
  return rows[0] ? (JSON.parse(rows[0].vector) as number[]) : null;
}

export interface SimilarCaseFeedbackInput {
  userId: string;
  modelVersionId: string;
  queryImageId?: string | null;
  queryUploadId?: string | null;
  resultImageId: string;
  helpful: boolean;
}

/** A clinician's helpful / not helpful on one result; saying it again replaces the earlier verdict. */
export async function recordSimilarCaseFeedback(db: DbClient, input: SimilarCaseFeedbackInput) {
  const queryKey = input.queryUploadId ? `upload:${input.queryUploadId}` : `image:${input.queryImageId}`;
  const key = { userId: input.userId, modelVersionId: input.modelVersionId, queryKey, resultImageId: input.resultImageId };
  try {
    return await db.similarCaseFeedback.upsert({
      where: { userId_modelVersionId_queryKey_resultImageId: key },
      create: { ...key, queryImageId: input.queryImageId ?? null, queryUploadId: input.queryUploadId ?? null, helpful: input.helpful },
      update: { helpful: input.helpful, createdAt: new Date() },
      select: { id: true, helpful: true, createdAt: true, resultImageId: true, modelVersionId: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('NOT_FOUND', { message: `No image with id ${input.resultImageId}.`, details: { argument: 'resultImageId' } });
    }
    throw new AppError('INTERNAL', { message: 'Cannot record the feedback.', cause: error });
  }
}
