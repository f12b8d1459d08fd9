import { createHash } from 'node:crypto';
import type { Db, DbClient, LabelOutcome } from './client.js';
import { AppError } from './errors.js';
import { type LabellingTaskRecord, labellingTaskSelect } from './labelling.js';
import { isUuid } from './registry-reads.js';

export interface SubmitLabelInput {
  imageId: string;
  readerId: string;
  /** Written on the annotation as its annotator (the reader's e-mail, as addAnnotation does). */
  annotator: string;
  outcome: LabelOutcome;
  /** Required for LABELLED; optional (tentative) for UNSURE; none for SKIPPED. */
  conceptCode?: string | null;
  suggestionShown: boolean;
  /** Share of confident first reads sent to a second reader (every UNSURE goes). */
  secondReadShare: number;
}

/** A fixed, uniform draw in [0, 1) per image, so the second-read share does not depend on who reads first. */
export function secondReadDraw(imageId: string): number {
  return createHash('sha256').update(imageId).digest().readUInt32BE(0) / 2 ** 32;
}

async function getOwnTask(db: DbClient, imageId: string, readerId: string) {
  const task = isUuid(imageId)
    ? await db.labellingTask.findUnique({
        where: { imageId_readerId: { imageId, readerId } },
        select: labellingTaskSelect,
      })
    : null;
  if (!task) {
    throw new AppError('BAD_INPUT', {
      message: `Image ${imageId.slice(0, 100)} is not in your labelling queue: take it from labellingQueue first.`,
      details: { argument: 'input.imageId' },
    });
  }
  return task;
}

/**
 * A reader's answer to a served image, in one transaction: a LABELLED answer becomes a SINGLE_READER annotation;
 * the task keeps the provenance (time, suggestion shown and accepted, unsure/skip) and whether a second reader
 * must see it. Nothing is stored when any check fails.
 */
export async function submitLabel(db: Db, input: SubmitLabelInput): Promise<LabellingTaskRecord> {
  const code = input.conceptCode?.trim() || null;
  if (input.outcome === 'LABELLED' && !code) {
    throw new AppError('BAD_INPUT', {
      message: 'A LABELLED answer needs a diagnosis code.',
      details: { argument: 'input.code' },
    });
  }
  if (input.outcome === 'SKIPPED' && code) {
    throw new AppError('BAD_INPUT', {
      message: 'A SKIPPED answer takes no diagnosis code.',
      details: { argument: 'input.code' },
    });
  }
  if (!(input.secondReadShare >= 0 && input.secondReadShare <= 1)) {
    throw new AppError('BAD_INPUT', {
      message: `The second-read share must be in [0, 1]; got ${input.secondReadShare}.`,
    });
  }
  return db.$transaction(async (tx) => {
    const task = await getOwnTask(tx, input.imageId, input.readerId);
    if (task.outcome) {
      throw new AppError('CONFLICT', {
        message: `You already answered image ${task.imageId} (${task.outcome} at ${task.answeredAt?.toISOString()}); undo it to change it.`,
        details: { argument: 'input.imageId', reason: 'ALREADY_LABELLED' },
      });
    }
    const answeredByOther = await tx.labellingTask.count({
      where: { imageId: task.imageId, round: task.round, outcome: { in: ['LABELLED', 'UNSURE'] } },
    });
    if (answeredByOther > 0) {
      throw new AppError('CONFLICT', {
        message: `Your reservation of image ${task.imageId} expired and another reader has answered it.`,
        details: { argument: 'input.imageId', reason: 'RESERVATION_EXPIRED' },
      });
    }
    const concept = code
      ? await tx.diagnosisConcept.findUnique({ where: { code }, select: { id: true, code: true } })
      : null;
    if (code && !concept) {
      throw new AppError('BAD_INPUT', {
        message: `Unknown diagnosis code: ${code.slice(0, 100)}.`,
        details: { argument: 'input.code' },
      });
    }
    const annotation =
      input.outcome === 'LABELLED' && concept
        ? await tx.annotation.create({
            data: {
              imageId: task.imageId,
              conceptId: concept.id,
              confirmation: 'SINGLE_READER',
              annotator: input.annotator,
            },
            select: { id: true },
          })
        : null;
    const suggestion = task.suggestion as { code: string }[];
    const needsSecondRead =
      task.round === 1 &&
      (input.outcome === 'UNSURE' ||
        (input.outcome === 'LABELLED' && secondReadDraw(task.imageId) < input.secondReadShare));
    const updated = await tx.labellingTask.update({
      where: { id: task.id },
      data: {
        outcome: input.outcome,
        answeredAt: new Date(),
        conceptCode: concept?.code ?? null,
        annotationId: annotation?.id ?? null,
        suggestionShown: input.suggestionShown,
        suggestionAccepted: Boolean(input.suggestionShown && concept && suggestion[0]?.code === concept.code),
        needsSecondRead,
      },
      select: labellingTaskSelect,
    });
    await tx.auditEvent.create({
      data: {
        userId: input.readerId,
        action: 'annotation.label',
        entityType: 'Image',
        entityId: task.imageId,
        details: {
          outcome: input.outcome,
          concept: concept?.code ?? null,
          round: task.round,
          suggestionShown: input.suggestionShown,
        },
      },
    });
    return updated;
  });
}

/**
 * Takes back the reader's answer to an image: its annotation is deleted and the image is the reader's to answer
 * again. CONFLICT when a second reader has already read it (the first read is then part of their record).
 */
export async function undoLabel(
  db: Db,
  input: { imageId: string; readerId: string },
): Promise<LabellingTaskRecord> {
  return db.$transaction(async (tx) => {
    const task = await getOwnTask(tx, input.imageId, input.readerId);
    if (!task.outcome) {
      throw new AppError('BAD_INPUT', {
        message: `You have not answered image ${task.imageId} yet.`,
        details: { argument: 'input.imageId' },
      });
    }
    if (
      task.round === 1 &&
      (await tx.labellingTask.count({ where: { imageId: task.imageId, round: 2, outcome: { not: null } } })) >
        0
    ) {
      throw new AppError('CONFLICT', {
        message: `Image ${task.imageId} has had its second read; your answer can no longer be undone.`,
      });
    }
    if (task.annotationId) await tx.annotation.delete({ where: { id: task.annotationId } });
    const updated = await tx.labellingTask.update({
      where: { id: task.id },
      data: {
        outcome: null,
        answeredAt: null,
        conceptCode: null,
        annotationId: null,
        suggestionShown: null,
        suggestionAccepted: null,
        needsSecondRead: false,
        // The reader keeps the image: the reservation runs again from now.
        expiresAt: new Date(Date.now() + Math.max(0, task.expiresAt.getTime() - task.servedAt.getTime())),
      },
      select: labellingTaskSelect,
    });
    await tx.auditEvent.create({
      data: {
        userId: input.readerId,
        action: 'annotation.unlabel',
        entityType: 'Image',
        entityId: task.imageId,
        details: { outcome: task.outcome },
      },
    });
    return updated;
  });
}

/** How many images the reader answered (labelled or unsure) since a time: the workbench's counter. */
export async function countReaderLabels(
  db: DbClient,
  options: { readerId: string; since: Date },
): Promise<number> {
  return db.labellingTask.count({
    where: {
      readerId: options.readerId,
      answeredAt: { gte: options.since },
      outcome: { in: ['LABELLED', 'UNSURE'] },
    },
  });
}

/** Labels given through the queue since a time (the loop's trigger and the overview's count). */
export async function countQueueLabelsSince(db: DbClient, options: { since: Date | null }): Promise<number> {
  return db.labellingTask.count({
    where: { outcome: 'LABELLED', ...(options.since ? { answeredAt: { gte: options.since } } : {}) },
  });
}

/** Annotations added since a time, from any source (the overview's "labels since the champion was trained"). */
export async function countAnnotationsSince(db: DbClient, options: { since: Date }): Promise<number> {
  return db.annotation.count({ where: { createdAt: { gte: options.since } } });
}
