import type { DbClient, Prisma } from './client.js';
import { AppError } from './errors.js';
import { isUuid } from './registry-reads.js';

export const uploadSelect = {
  id: true,
  userId: true,
  sha256: true,
  storageKey: true,
  width: true,
  height: true,
  format: true,
  bytes: true,
  createdAt: true,
} satisfies Prisma.UploadSelect;

export type UploadRecord = Prisma.UploadGetPayload<{ select: typeof uploadSelect }>;

export interface CreateUploadInput {
  userId: string;
  sha256: string;
  storageKey: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
}

export async function createUpload(db: DbClient, input: CreateUploadInput): Promise<UploadRecord> {
  try {
    return await db.upload.create({ data: input, select: uploadSelect });
  } catch (error) {
    throw new AppError('INTERNAL', { message: 'Cannot record the upload.', cause: error });
  }
}

/** An upload of this user (uploads are private to whoever sent them); NOT_FOUND otherwise. */
export async function getUploadOfUser(db: DbClient, options: { id: string; userId: string }): Promise<UploadRecord> {
  const upload = isUuid(options.id)
    ? await db.upload.findFirst({ where: { id: options.id, userId: options.userId }, select: uploadSelect })
    : null;
  if (!upload) {
    throw new AppError('NOT_FOUND', { message: `No upload with id ${options.id} of yours.`, details: { argument: 'uploadId' } });
  }
  return upload;
}

/** Uploads a user made since a time (for a rate limit every API instance shares). */
export async function countUploadsSince(db: DbClient, options: { userId: string; since: Date }): Promise<number> {
  return db.upload.count({ where: { userId: options.userId, createdAt: { gte: options.since } } });
}
