import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  type DbClient,
  getImageStorage,
  getUploadOfUser,
  isUuid,
  recordAuditEvent,
} from '@dermino/db';

export interface ImageInput {
  uploadId?: string | null;
  imageId?: string | null;
}

export interface InputImage {
  bytes: Buffer;
  /** The registry image, when the input was one (similar-case search leaves it out of its results). */
  imageId: string | null;
  uploadId: string | null;
}

/**
 * The working copy (512 px webp) of exactly one of an upload of this user or a registry image. Reading a
 * registry image is reading its case, so it is audited like a case read.
 */
export async function readInputImage(
  db: DbClient,
  home: string,
  input: ImageInput,
  user: { id: string },
  action: string,
): Promise<InputImage> {
  if (Boolean(input.uploadId) === Boolean(input.imageId)) {
    throw new AppError('BAD_INPUT', {
      message: 'Give exactly one of uploadId and imageId.',
      details: { argument: 'input' },
    });
  }
  let storageKey: string;
  if (input.uploadId) {
    storageKey = (await getUploadOfUser(db, { id: input.uploadId, userId: user.id })).storageKey;
  } else {
    const imageId = input.imageId as string;
    if (!isUuid(imageId))
      throw new AppError('NOT_FOUND', {
        message: `No image with id ${imageId}.`,
        details: { argument: 'imageId' },
      });
    const image = await getImageStorage(db, { imageId });
    storageKey = image.storageKey;
    await recordAuditEvent(db, {
      userId: user.id,
      action,
      entityType: 'Case',
      entityId: image.caseId,
      details: { imageId },
    });
  }
  const root = path.resolve(home, 'images');
  const file = path.resolve(root, storageKey, 'working.webp');
  if (!file.startsWith(root + path.sep))
    throw new AppError('NOT_FOUND', { message: 'The image has an invalid storage key.' });
  const bytes = await readFile(file).catch(() => {
    throw new AppError('NOT_FOUND', {
      message: 'The image file is missing from the image store.',
      details: { argument: input.uploadId ? 'uploadId' : 'imageId' },
    });
  });
  return { bytes, imageId: input.imageId ?? null, uploadId: input.uploadId ?? null };
}
