import type { Confirmation, DbClient } from './client.js';
import { Prisma } from './client.js';
import type { AnnotationRecord } from './cases.js';
import { conceptSelect } from './concepts.js';
import { AppError } from './errors.js';
import { imageSelect } from './images.js';
import { isUuid } from './registry-reads.js';

export interface AddAnnotationInput {
  /** Exactly one: the image annotated, or the whole case. */
  imageId?: string | null;
  caseId?: string | null;
  conceptCode: string;
  confirmation: Confirmation;
  annotator: string;
}

/** A new annotation (annotations are never edited: a correction is a newer, better-confirmed one). */
export async function addAnnotation(db: DbClient, input: AddAnnotationInput): Promise<AnnotationRecord> {
  if (Boolean(input.imageId) === Boolean(input.caseId)) {
    throw new AppError('BAD_INPUT', { message: 'Give exactly one of imageId and caseId.', details: { argument: 'input' } });
  }
  const target = (input.imageId ?? input.caseId) as string;
  const concept = await db.diagnosisConcept.findUnique({ where: { code: input.conceptCode }, select: { id: true } });
  if (!concept) {
    throw new AppError('BAD_INPUT', { message: `Unknown diagnosis code: ${input.conceptCode.slice(0, 100)}.`, details: { argument: 'input.concept' } });
  }
  if (!isUuid(target)) {
    throw new AppError('NOT_FOUND', { message: `No ${input.imageId ? 'image' : 'case'} with id ${target}.`, details: { argument: input.imageId ? 'input.imageId' : 'input.caseId' } });
  }
  try {
    const row = await db.annotation.create({
      data: { imageId: input.imageId ?? null, caseId: input.caseId ?? null, conceptId: concept.id, confirmation: input.confirmation, annotator: input.annotator },
      select: { id: true, imageId: true, caseId: true, annotator: true, confirmation: true, createdAt: true, concept: { select: conceptSelect }, image: { select: imageSelect } },
    });
    return row;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') {
      throw new AppError('NOT_FOUND', { message: `No ${input.imageId ? 'image' : 'case'} with id ${target}.`, details: { argument: input.imageId ? 'input.imageId' : 'input.caseId' } });
    }
    throw new AppError('INTERNAL', { message: 'Cannot add the annotation.', cause: error });
  }
}
