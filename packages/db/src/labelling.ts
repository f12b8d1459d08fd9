import type { Db, DbClient, LabelOutcome, SkinType } from './client.js';
import { Prisma } from './client.js';
import { AppError } from './errors.js';
import { type ImageRecord, imageSelect } from './images.js';
import { isUuid } from './registry-reads.js';

// The labelling queue's reservations. An image served to a reader is a LabellingTask: never served to that
// reader again (unique image+reader), and held from every other reader until answered or expired. Reservations
// are taken under one transaction-scoped advisory lock, so two readers asking at once get different images.

const QUEUE_LOCK = 7_140_215;

export interface LabellingFilter {
  sites?: string[];
  skinTypes?: SkinType[];
  sources?: string[];
}

export interface LabellingCandidateRow {
  imageId: string;
  caseId: string;
  storageKey: string;
  /** 2 for a second read, with the first reader's code; 1 for an unlabelled image. */
  round: number;
  firstReadCode: string | null;
}

export const labellingTaskSelect = {
  id: true,
  batchId: true,
  position: true,
  imageId: true,
  readerId: true,
  round: true,
  reason: true,
  suggestion: true,
  servedAt: true,
  expiresAt: true,
  outcome: true,
  answeredAt: true,
  conceptCode: true,
  annotationId: true,
  suggestionShown: true,
  suggestionAccepted: true,
  needsSecondRead: true,
} satisfies Prisma.LabellingTaskSelect;

export type LabellingTaskRecord = Prisma.LabellingTaskGetPayload<{ select: typeof labellingTaskSelect }>;

function filterSql(filter: LabellingFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.sites?.length) parts.push(Prisma.sql`c."site" = ANY(${filter.sites}::text[])`);
  if (filter.skinTypes?.length) parts.push(Prisma.sql`p."skinType"::text = ANY(${filter.skinTypes}::text[])`);
  if (filter.sources?.length) parts.push(Prisma.sql`i."source" = ANY(${filter.sources}::text[])`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/** Taken by someone (answered in this round, or held now) or already served to this reader. */
const takenSql = (readerId: string, round: Prisma.Sql, image: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM "LabellingTask" t WHERE t."imageId" = ${image} AND (
    t."readerId" = ${readerId}
    OR (t."round" = ${round} AND t."outcome" IN ('LABELLED', 'UNSURE'))
    OR (t."outcome" IS NULL AND t."expiresAt" > now())))`;

/**
 * Images this reader may be served: second reads owed (a first read by someone else chose them) and images with
 * no label at all (neither the image nor its case annotated), READY with a stored file. At most `limit` of each
 * kind, in an order fixed per reader (md5 of image and reader) so the pool is a fair sample, not the oldest rows.
 */
export async function findLabellingCandidates(
  db: DbClient,
  options: { readerId: string; limit: number; filter?: LabellingFilter },
): Promise<LabellingCandidateRow[]> {
  const filter = filterSql(options.filter ?? {});
  const secondReads = await db.$queryRaw<LabellingCandidateRow[]>`
    SELECT first."imageId", i."caseId", i."storageKey", 2 AS round, first."conceptCode" AS "firstReadCode"
    FROM "LabellingTask" first
    JOIN "Image" i ON i."id" = first."imageId"
    JOIN "Case" c ON c."id" = i."caseId"
    JOIN "Patient" p ON p."id" = c."patientId"
    WHERE first."round" = 1 AND first."needsSecondRead" AND first."outcome" IN ('LABELLED', 'UNSURE')
      AND i."status" = 'READY' AND i."storageKey" IS NOT NULL
      AND NOT ${takenSql(options.readerId, Prisma.sql`2`, Prisma.sql`first."imageId"`)} ${filter}
    ORDER BY md5(first."imageId" || ${options.readerId})
    LIMIT ${options.limit}`;
  const unlabelled = await db.$queryRaw<LabellingCandidateRow[]>`
    SELECT i."id" AS "imageId", i."caseId", i."storageKey", 1 AS round, NULL AS "firstReadCode"
    FROM "Image" i
    JOIN "Case" c ON c."id" = i."caseId"
    JOIN "Patient" p ON p."id" = c."patientId"
    WHERE i."status" = 'READY' AND i."storageKey" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a."imageId" = i."id" OR a."caseId" = i."caseId")
      AND NOT ${takenSql(options.readerId, Prisma.sql`1`, Prisma.sql`i."id"`)} ${filter}
    ORDER BY md5(i."id" || ${options.readerId})
    LIMIT ${options.limit}`;
  return [...secondReads, ...unlabelled].map((row) => ({ ...row, round: Number(row.round) }));
}

export interface LabellingTaskInput {
  imageId: string;
  round: number;
  reason: string;
  suggestion: { code: string; probability: number }[];
}

/**
 * Reserves the first `take` still-free images of a ranked list for the reader, in a batch (a new one when batchId
 * is absent: the reader's older unanswered reservations are then released to others). An image another reader
 * took meanwhile is passed over, so give more than `take` when readers may ask at once.
 */
export async function reserveLabellingTasks(
  db: Db,
  input: {
    readerId: string;
    batchId?: string | null;
    strategy: string;
    ttlSeconds: number;
    tasks: LabellingTaskInput[];
    /** How many to reserve (default all). */
    take?: number;
  },
): Promise<{ batchId: string; tasks: LabellingTaskRecord[] }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${QUEUE_LOCK})::text`;
    let batchId = input.batchId ?? null;
    if (!batchId) {
      batchId = (
        await tx.labellingBatch.create({
          data: { readerId: input.readerId, strategy: input.strategy },
          select: { id: true },
        })
      ).id;
      await tx.labellingTask.updateMany({
        where: {
          readerId: input.readerId,
          outcome: null,
          batchId: { not: batchId },
          expiresAt: { gt: new Date() },
        },
        data: { expiresAt: new Date() },
      });
    }
    const last = await tx.labellingTask.aggregate({ where: { batchId }, _max: { position: true } });
    let position = (last._max.position ?? 0) + 1;
    const created: LabellingTaskRecord[] = [];
    for (const task of input.tasks) {
      if (created.length >= (input.take ?? input.tasks.length)) break;
      const [row] = await tx.$queryRaw<{ taken: boolean }[]>`
        SELECT ${takenSql(input.readerId, Prisma.sql`${task.round}`, Prisma.sql`${task.imageId}`)} AS taken`;
      if (row.taken) continue;
      created.push(
        await tx.labellingTask.create({
          data: {
            batchId,
            position: position++,
            imageId: task.imageId,
            readerId: input.readerId,
            round: task.round,
            reason: task.reason,
            suggestion: task.suggestion,
            expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
          },
          select: labellingTaskSelect,
        }),
      );
    }
    return { batchId, tasks: created };
  });
}

/**
 * The reader's batch a queue cursor names, checked: BAD_INPUT (argument `after`) when it is unknown, another
 * reader's, superseded by a newer batch of the reader, or older than the reservation time.
 */
export async function getCurrentLabellingBatch(
  db: DbClient,
  options: { batchId: string; readerId: string; ttlSeconds: number },
): Promise<{ id: string; strategy: string; createdAt: Date }> {
  const stale = (why: string) =>
    new AppError('BAD_INPUT', {
      message: `The queue cursor is stale (${why}): ask for the queue again without after.`,
      details: { argument: 'after' },
    });
  const batch = isUuid(options.batchId)
    ? await db.labellingBatch.findUnique({
        where: { id: options.batchId },
        select: { id: true, readerId: true, strategy: true, createdAt: true },
      })
    : null;
  if (!batch || batch.readerId !== options.readerId) throw stale('no such queue of yours');
  const newer = await db.labellingBatch.count({
    where: { readerId: options.readerId, createdAt: { gt: batch.createdAt } },
  });
  if (newer > 0) throw stale('a newer queue replaced it');
  if (Date.now() - batch.createdAt.getTime() > options.ttlSeconds * 1000)
    throw stale('its reservations expired');
  return { id: batch.id, strategy: batch.strategy, createdAt: batch.createdAt };
}

/** Tasks of a batch after a position, in order. */
export async function findLabellingTasks(
  db: DbClient,
  options: { batchId: string; afterPosition: number; take: number },
): Promise<LabellingTaskRecord[]> {
  return db.labellingTask.findMany({
    where: { batchId: options.batchId, position: { gt: options.afterPosition } },
    orderBy: { position: 'asc' },
    take: options.take,
    select: labellingTaskSelect,
  });
}

/** A served image and the ids of its patient's other cases (the patient's other lesions), at most 20. */
export async function getLabellingImage(
  db: DbClient,
  options: { imageId: string },
): Promise<{ image: ImageRecord; otherCaseIds: string[] }> {
  const image = await db.image.findUniqueOrThrow({
    where: { id: options.imageId },
    select: { ...imageSelect, case: { select: { patientId: true } } },
  });
  const others = await db.case.findMany({
    where: { patientId: image.case.patientId, id: { not: image.caseId } },
    orderBy: { createdAt: 'asc' },
    take: 20,
    select: { id: true },
  });
  const { case: _case, ...record } = image;
  return { image: record, otherCaseIds: others.map((other) => other.id) };
}

export type { LabelOutcome };
