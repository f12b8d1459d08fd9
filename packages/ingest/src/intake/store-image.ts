import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { IntakeError } from './errors.js';
import { computePerceptualHash } from './perceptual-hash.js';

export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'tiff'] as const;
export const DEFAULT_MAX_PIXELS = 40_000_000;
export const WORKING_SIZE = 512;
export const THUMBNAIL_SIZE = 160;

export interface StoreImageOptions {
  /** `<DERMINO_HOME>/images` */
  root: string;
  maxPixels?: number;
}

export interface StoredImage {
  sha256: string;
  storageKey: string;
  width: number;
  height: number;
  format: string;
  perceptualHash: string;
  /** True when a file with this content was already stored. */
  existed: boolean;
}

async function inspect(input: Buffer, maxPixels: number) {
  if (input.length === 0) throw new IntakeError('EMPTY', 'The file is empty.');
  let metadata: Metadata;
  try {
    // Reads the header only: a decompression bomb is refused before any pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new IntakeError('UNSUPPORTED_FORMAT', 'Not an image (accepted: JPEG, PNG, WebP, TIFF).');
  }
  const format = metadata.format ?? 'unknown';
  if (!(ACCEPTED_FORMATS as readonly string[]).includes(format)) {
    throw new IntakeError('UNSUPPORTED_FORMAT', `Unsupported image format "${format}" (accepted: JPEG, PNG, WebP, TIFF).`);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width * height > maxPixels) {
    throw new IntakeError('TOO_LARGE', `The image is ${width}x${height} pixels, above the limit of ${maxPixels} pixels.`);
  }
  return { format, metadata };
}

/**
 * Safe intake of one image: checks the content (not the name), refuses oversized or corrupt files, applies the EXIF
 * orientation, strips all metadata, and stores original / working copy / thumbnail under its sha256.
 */
export async function storeImage(input: Buffer, options: StoreImageOptions): Promise<StoredImage> {
  const { format } = await inspect(input, options.maxPixels ?? DEFAULT_MAX_PIXELS);
  const sha256 = createHash('sha256').update(input).digest('hex');
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  const folder = path.join(options.root, storageKey);

  let oriented: { data: Buffer; info: OutputInfo };
  try {
    // failOn 'truncated' refuses a file whose pixel data ends early; sharp writes no metadata unless asked.
    oriented = await sharp(input, { failOn: 'truncated', limitInputPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .removeAlpha()
      .png({ compressionLevel: 6 })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new IntakeError('CORRUPT', `The image is corrupt or truncated: ${(error as Error).message}`);
  }
  const perceptualHash = await computePerceptualHash(oriented.data);
  const existed = await fs
    .access(path.join(folder, 'thumb.webp'))
    .then(() => true)
    .catch(() => false);
  if (!existed) {
    await fs.mkdir(folder, { recursive: true });
    const fit = { fit: 'inside' as const, withoutEnlargement: true };
    const [working, thumb] = await Promise.all([
      sharp(oriented.data).resize(WORKING_SIZE, WORKING_SIZE, fit).webp({ quality: 90 }).toBuffer(),
      sharp(oriented.data).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, fit).webp({ quality: 80 }).toBuffer(),
    ]);
    // Thumbnail last: its presence marks a complete folder.
    await fs.writeFile(path.join(folder, 'original.png'), oriented.data);
    await fs.writeFile(path.join(folder, 'working.webp'), working);
    await fs.writeFile(path.join(folder, 'thumb.webp'), thumb);
  }
  return {
    sha256,
    storageKey,
    width: oriented.info.width,
    height: oriented.info.height,
    format,
    perceptualHash,
    existed,
  };
}
