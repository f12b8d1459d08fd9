import sharp from 'sharp';
import type { PreprocessingSpec } from '../onnx/vit-export-types';

/**
 * Decodes an image buffer and returns the model input for one image: [S, S, 3] float32 NHWC, normalised.
 * Resize: EXIF-orient, scale so the shorter side is S, crop the centre square (sharp `fit: 'cover'`), drop alpha.
 * `label` names the image in errors (file path or "image 3").
 */
export async function preprocessImage(image: Uint8Array, spec: PreprocessingSpec, label = 'image'): Promise<Float32Array> {
  const size = spec.imageSize;
  let decoded: { data: Buffer; info: { channels: number; width: number; height: number } };
  try {
    // failOn 'truncated' rejects cut-off files instead of silently filling them with grey.
    decoded = await sharp(image, { failOn: 'truncated' })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new Error(`${label}: not a decodable image (${firstLine((error as Error).message)})`);
  }
  if (decoded.info.channels !== 3 || decoded.data.length !== size * size * 3) {
    throw new Error(`${label}: decoded to ${decoded.info.channels} channels ${decoded.info.width}x${decoded.info.height}, expected RGB ${size}x${size}`);
  }
  return normalizePixels(decoded.data, spec);
}

/** 0-255 RGB bytes -> (value / 255 - mean[c]) / std[c]. */
export function normalizePixels(pixels: Uint8Array, spec: Pick<PreprocessingSpec, 'mean' | 'std'>): Float32Array {
  const out = new Float32Array(pixels.length);
  const scale = spec.std.map((std) => 1 / (255 * std));
  const shift = spec.mean.map((mean, c) => mean / spec.std[c]);
  for (let index = 0; index < pixels.length; index += 1) {
    const channel = index % 3;
    out[index] = pixels[index] * scale[channel] - shift[channel];
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
