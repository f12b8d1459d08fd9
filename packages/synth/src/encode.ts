import sharp from 'sharp';
import type { RenderedImage } from './render/render-image.js';

export type ImageFormat = 'png' | 'jpeg';

/** Encodes a rendered image for storage (PNG lossless; JPEG quality 90, as dermoscopy archives usually are). */
export async function encodeImage(image: RenderedImage, format: ImageFormat = 'png'): Promise<Buffer> {
  if (format !== 'png' && format !== 'jpeg') {
    throw new Error(`encodeImage: format must be "png" or "jpeg" (got ${JSON.stringify(format)})`);
  }
  const raw = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
  return format === 'png' ? raw.png().toBuffer() : raw.jpeg({ quality: 90 }).toBuffer();
}
