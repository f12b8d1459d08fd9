import type { DbClient, Prisma } from './client.js';
import { AppError } from './errors.js';

/** What the API shows of an image; storageKey stays inside (the image route resolves it to a file). */
export const imageSelect = {
  id: true,
  caseId: true,
  source: true,
  status: true,
  width: true,
  height: true,
  modality: true,
  device: true,
  capturedAt: true,
  createdAt: true,
  brightness: true,
  contrast: true,
  colorCast: true,
  blurVariance: true,
} satisfies Prisma.ImageSelect;

export type ImageRecord = Prisma.ImageGetPayload<{ select: typeof imageSelect }>;

export const IMAGE_VARIANTS = ['thumb', 'working', 'original'] as const;
export type ImageVariant = (typeof IMAGE_VARIANTS)[number];

/** File names inside an image's storage folder, as written by @dermino/ingest storeImage. */
export const IMAGE_VARIANT_FILES: Record<ImageVariant, { file: string; contentType: string }> = {
  thumb: { file: 'thumb.webp', contentType: 'image/webp' },
  working: { file: 'working.webp', contentType: 'image/webp' },
  original: { file: 'original.png', contentType: 'image/png' },
};

export interface ImageStorage {
  id: string;
  caseId: string;
  storageKey: string;
}

/** The storage folder key of a stored image; NOT_FOUND when the image is unknown or has no stored file. */
export async function getImageStorage(db: DbClient, options: { imageId: string }): Promise<ImageStorage> {
  const image = await db.image.findUnique({
    where: { id: options.imageId },
    select: { id: true, caseId: true, storageKey: true },
  });
  if (!image) throw new AppError('NOT_FOUND', { message: `No image with id ${options.imageId}.` });
  if (!image.storageKey) {
    throw new AppError('NOT_FOUND', {
      message: `Image ${options.imageId} has no stored file (it is remote only).`,
    });
  }
  return { id: image.id, caseId: image.caseId, storageKey: image.storageKey };
}
