import type { AnnotationRecord } from './cases.js';
import type { Confirmation, Db, DbClient } from './client.js';
import { conceptSelect } from './concepts.js';
import { AppError } from './errors.js';
import { imageSelect } from './images.js';
import { isUuid } from './registry-reads.js';

export interface LabelVoteRecord {
  conceptId: string;
  conceptCode: string;
  confirmation: Confirmation;
  annotator: string;
}

/** An image's label votes: its own annotations and its case's. NOT_FOUND when there is no such image. */
export async function findImageLabelVotes(
  db: DbClient,
  options: { imageId: string },
): Promise<{ imageId: string; caseId: string; votes: LabelVoteRecord[] }> {
  const image = isUuid(options.imageId)
    ? await db.image.findUnique({ where: { id: options.imageId }, select: { id: true, caseId: true } })
    : null;
  if (!image) {
    throw new AppError('NOT_FOUND', {
      message: `No image with id ${options.imageId.slice(0, 100)}.`,
      details: { argument: 'input.imageId' },
    });
  }
  const votes = await db.$queryRaw<LabelVoteRecord[]>`
    SELECT annotation."conceptId", concept.code AS "conceptCode", annotation.confirmation::text AS confirmation,
           annotation.annotator
    FROM "Annotation" annotation JOIN "DiagnosisConcept" concept ON concept.id = annotation."conceptId"
    WHERE annotation."imageId" = ${image.id} OR annotation."caseId" = ${image.caseId}`;
  return { imageId: image.id, caseId: image.caseId, votes };
}

export interface RecordAdjudicationInput {
  imageId: string;
  conceptId: string;
  /** Adjudications are recorded at this tier: the schema has no ADJUDICATION confirmation of its own. */
  confirmation: Confirmation;
  annotator: string;
  userId: string;
  note?: string | null;
  /** What the audit keeps about the decision (previous label, votes). */
  details?: Record<string, unknown>;
}

/** The adjudicated annotation and its audit event (annotation.adjudicate), in one transaction. */
export async function recordAdjudication(db: Db, input: RecordAdjudicationInput): Promise<AnnotationRecord> {
  return db.$transaction(async (tx) => {
    const row = await tx.annotation.create({
      data: {
        imageId: input.imageId,
        conceptId: input.conceptId,
        confirmation: input.confirmation,
        annotator: input.annotator,
      },
      select: {
        id: true,
        imageId: true,
        caseId: true,
        annotator: true,
        confirmation: true,
        createdAt: true,
        concept: { select: conceptSelect },
        image: { select: imageSelect },
      },
    });
    await tx.auditEvent.create({
      data: {
        userId: input.userId,
        action: 'annotation.adjudicate',
        entityType: 'Annotation',
        entityId: row.id,
        details: JSON.parse(
          JSON.stringify({
            imageId: input.imageId,
            concept: row.concept.code,
            note: input.note ?? null,
            ...input.details,
          }),
        ),
      },
    });
    return row;
  });
}

/** A diagnosis concept by code; BAD_INPUT naming the argument when there is none. */
export async function getConceptIdByCode(
  db: DbClient,
  options: { code: string; argument: string },
): Promise<string> {
  const concept = await db.diagnosisConcept.findUnique({
    where: { code: options.code },
    select: { id: true },
  });
  if (!concept) {
    throw new AppError('BAD_INPUT', {
      message: `Unknown diagnosis code: ${options.code.slice(0, 100)}.`,
      details: { argument: options.argument },
    });
  }
  return concept.id;
}
