import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { IntakeError } from './errors.js';
import { perceptualHashOfRaw, type RawInfo } from './perceptual-hash.js';
import { sniffFormat } from './sniff-format.js';

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

type Facts = Pick<StoredImage, 'width' | 'height' | 'format' | 'perceptualHash'>;
const FACTS_FILE = 'intake.json';

async function readHeader(input: Buffer, maxPixels: number): Promise<string> {
  const sniffed = sniffFormat(input);
  let metadata: Metadata;
  try {
    // Reads the header only: a decompression bomb is refused before any pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new IntakeError(
      'CORRUPT',
      `The image is corrupt or truncated (unreadable ${sniffed.toUpperCase()} header): ${(error as Error).message}`,
    );
  }
  if (metadata.format !== sniffed && !(sniffed === 'tiff' && metadata.format === 'tiff')) {
    throw new IntakeError('CORRUPT', `The file starts like ${sniffed} but decodes as ${metadata.format}.`);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width < 1 || height < 1)
    throw new IntakeError('CORRUPT', `The image header gives no size (${width}x${height}).`);
  if (width * height > maxPixels) {
    throw new IntakeError(
      'TOO_LARGE',
      `The image is ${width}x${height} pixels, above the limit of ${maxPixels} pixels.`,
    );
  }
  return sniffed;
}

/** intake.json is written last: present means the folder is complete, and one read answers both questions. */
async function readFacts(folder: string): Promise<Facts | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(folder, FACTS_FILE), 'utf8')) as Facts;
  } catch {
    return null;
  }
}

async function writeVariants(folder: string, original: Buffer, raw: Buffer, info: RawInfo, facts: Facts) {
  const input = { raw: info };
  const fit = { fit: 'inside' as const, withoutEnlargement: true };
  const small = info.width <= THUMBNAIL_SIZE && info.height <= THUMBNAIL_SIZE;
  // WebP effort 2 instead of 4 halves the encode time of the working copy for a few percent more bytes.
  const [working, thumb] = await Promise.all([
    sharp(raw, input).resize(WORKING_SIZE, WORKING_SIZE, fit).webp({ quality: 90, effort: 2 }).toBuffer(),
    // An image that already fits the thumbnail needs no second encode.
    small
      ? null
      : sharp(raw, input).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, fit).webp({ quality: 80, effort: 2 }).toBuffer(),
  ]);
  await fs.mkdir(folder, { recursive: true });
  await Promise.all([
    fs.writeFile(path.join(folder, 'original.png'), original),
    fs.writeFile(path.join(folder, 'working.webp'), working),
    fs.writeFile(path.join(folder, 'thumb.webp'), thumb ?? working),
  ]);
  // Facts last: their presence marks a complete folder.
  await fs.writeFile(path.join(folder, FACTS_FILE), JSON.stringify(facts));
}

async function storeDecoded(
  sha256: string,
  encodeOriginal: () => Promise<Buffer>,
  raw: Buffer,
  info: RawInfo,
  format: string,
  root: string,
): Promise<StoredImage> {
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  const folder = path.join(root, storageKey);
  const known = await readFacts(folder);
  if (known) return { sha256, storageKey, ...known, format, existed: true };
  const facts: Facts = { width: info.width, height: info.height, format, perceptualHash: '' };
  const [original, perceptualHash] = await Promise.all([encodeOriginal(), perceptualHashOfRaw(raw, info)]);
  facts.perceptualHash = perceptualHash;
  await writeVariants(folder, original, raw, info, facts);
  return { sha256, storageKey, ...facts, existed: false };
}

/**
 * Safe intake of one image file: checks the content (not the name), refuses oversized or corrupt files, applies
 * the EXIF orientation, strips all metadata, and stores original / working copy / thumbnail under its sha256.
 * The file is decoded once; every variant is made from those pixels.
 */
export async function storeImage(input: Buffer, options: StoreImageOptions): Promise<StoredImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const format = await readHeader(input, maxPixels);
  const sha256 = createHash('sha256').update(input).digest('hex');
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    // failOn 'truncated' refuses a file whose pixel data ends early; raw output carries no metadata at all.
    decoded = await sharp(input, { failOn: 'truncated', limitInputPixels: maxPixels })
      .rotate()
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new IntakeError('CORRUPT', `The image is corrupt or truncated: ${(error as Error).message}`);
  }
  const info: RawInfo = {
    width: decoded.info.width,
    height: decoded.info.height,
    channels: decoded.info.channels,
  };
  const encode = () => sharp(decoded.data, { raw: info }).png({ compressionLevel: 6 }).toBuffer();
  return storeDecoded(sha256, encode, decoded.data, info, format, options.root);
}

/**
 * Intake of raw pixels (e.g. a row of a HAM10000 pixel CSV): stored exactly like a decoded file; the sha256 is
 * that of the lossless PNG written as the original.
 */
export async function storeRawImage(
  pixels: Buffer,
  info: RawInfo,
  options: StoreImageOptions,
): Promise<StoredImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const { width, height, channels } = info;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    ![1, 3, 4].includes(channels)
  ) {
    throw new IntakeError('CORRUPT', `Raw pixels need a positive width and height and 1, 3 or 4 channels.`);
  }
  if (width * height > maxPixels) {
    throw new IntakeError(
      'TOO_LARGE',
      `The image is ${width}x${height} pixels, above the limit of ${maxPixels} pixels.`,
    );
  }
  if (pixels.length !== width * height * channels) {
    throw new IntakeError(
      'CORRUPT',
      `Expected ${width * height * channels} pixel values, got ${pixels.length}.`,
    );
  }
  const encoder = sharp(pixels, { raw: info });
  // libvips would widen one channel to sRGB; a greyscale source stays greyscale.
  const original = await (channels === 1 ? encoder.toColourspace('b-w') : encoder)
    .png({ compressionLevel: 6 })
    .toBuffer();
  const sha256 = createHash('sha256').update(original).digest('hex');
  return storeDecoded(sha256, async () => original, pixels, info, 'raw', options.root);
}
