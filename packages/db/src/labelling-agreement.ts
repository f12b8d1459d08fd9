import type { DbClient } from './client.js';
import { type ImageRecord, imageSelect } from './images.js';

// Second reads and agreement. An image's adjudicated label is its newest annotation that an
// `annotation.adjudicate` audit event records (recordAdjudication), so adjudication stays where it is.

const ADJUDICATED = 'annotation.adjudicate';

export interface ReaderAdjudicationPair {
  readerId: string;
  reader: string;
  imageId: string;
  readerCode: string;
  adjudicatedCode: string;
}

/** Every queue label whose image has since been adjudicated: the reader's code beside the adjudicated one. */
export async function findReaderAdjudicationPairs(db: DbClient): Promise<ReaderAdjudicationPair[]> {
  return db.$queryRaw<ReaderAdjudicationPair[]>`
    SELECT t."readerId", u."email" AS reader, t."imageId", t."conceptCode" AS "readerCode", adjudicated.code AS "adjudicatedCode"
    FROM "LabellingTask" t
    JOIN "User" u ON u."id" = t."readerId"
    JOIN LATERAL (
      SELECT concept.code FROM "Annotation" a
      JOIN "AuditEvent" e ON e."entityId" = a."id" AND e."action" = ${ADJUDICATED}
      JOIN "DiagnosisConcept" concept ON concept."id" = a."conceptId"
      WHERE a."imageId" = t."imageId"
      ORDER BY a."createdAt" DESC LIMIT 1
    ) adjudicated ON true
    WHERE t."outcome" = 'LABELLED' AND t."conceptCode" IS NOT NULL
    ORDER BY u."email", t."imageId"`;
}

export interface LabelDisagreementRecord {
  image: ImageRecord;
  /** The readers' codes, one per answer (first read first). */
  codes: string[];
}

/**
 * Images two queue readers labelled differently (or both unsure) that nobody has adjudicated yet, oldest
 * second read first: the data team's adjudication list.
 */
export async function findLabelDisagreements(
  db: DbClient,
  options: { take: number },
): Promise<LabelDisagreementRecord[]> {
  const rows = await db.$queryRaw<{ imageId: string; codes: (string | null)[] }[]>`
    SELECT t."imageId", array_agg(t."conceptCode" ORDER BY t."round") AS codes
    FROM "LabellingTask" t
    WHERE t."outcome" IN ('LABELLED', 'UNSURE')
      AND NOT EXISTS (
        SELECT 1 FROM "Annotation" a JOIN "AuditEvent" e ON e."entityId" = a."id" AND e."action" = ${ADJUDICATED}
        WHERE a."imageId" = t."imageId")
    GROUP BY t."imageId"
    HAVING count(*) >= 2 AND (count(DISTINCT t."conceptCode") > 1 OR bool_and(t."outcome" = 'UNSURE'))
    ORDER BY max(t."answeredAt")
    LIMIT ${options.take}`;
  const images = await db.image.findMany({
    where: { id: { in: rows.map((row) => row.imageId) } },
    select: imageSelect,
  });
  const byId = new Map(images.map((image) => [image.id, image]));
  return rows.flatMap((row) => {
    const image = byId.get(row.imageId);
    return image ? [{ image, codes: row.codes.map((code) => code ?? '(unsure)') }] : [];
  });
}
