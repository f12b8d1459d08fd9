/**
 * Image quality statistics on raw 8-bit pixels, the ones the registry stores per image and the drift monitor
 * compares over time. Pure TypeScript, no image library.
 */
export interface RawImage {
  width: number;
  height: number;
  /** 1 (grey), 3 (RGB) or 4 (RGBA; alpha ignored). */
  channels: number;
  /** Interleaved, row-major, 0..255. */
  data: ArrayLike<number>;
}

export interface ImageQuality {
  /** Mean luma, 0..255 (BT.601: 0.299 R + 0.587 G + 0.114 B). */
  brightness: number;
  /** RMS contrast: population standard deviation of luma, 0..127.5. */
  contrast: number;
  /**
   * Distance of the mean chromaticity from grey: with (r, g, b) = (mean R, mean G, mean B) / (their sum),
   * sqrt((r - 1/3)^2 + (g - 1/3)^2 + (b - 1/3)^2). 0 for neutral, up to sqrt(2/3) ~ 0.816 for a pure primary.
   * Independent of exposure (scaling all channels leaves it unchanged); 0 for grey or black images.
   */
  colorCast: number;
  /**
   * Variance of the 3x3 Laplacian [0 1 0; 1 -4 1; 0 1 0] of luma over interior pixels (no padding).
   * Low means blurry. Needs at least 3x3 pixels.
   */
  blurVariance: number;
}

function validateImage(image: RawImage): void {
  if (image === null || typeof image !== 'object') {
    throw new TypeError('measureImageQuality: image must be an object { width, height, channels, data }');
  }
  const { width, height, channels, data } = image;
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 3) {
      throw new RangeError(`measureImageQuality: ${name} must be an integer >= 3 (got ${value})`);
    }
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new RangeError(`measureImageQuality: channels must be 1, 3 or 4 (got ${channels})`);
  }
  if (!data || typeof data.length !== 'number') {
    throw new TypeError('measureImageQuality: data must be an array of pixel values');
  }
  if (data.length !== width * height * channels) {
    throw new RangeError(
      `measureImageQuality: data has ${data.length} values, expected width*height*channels = ${width}*${height}*${channels} = ${width * height * channels}`,
    );
  }
}

/** Luma per pixel, and the per-channel sums needed for the colour cast. */
function computeLuma(image: RawImage): { luma: Float64Array; sums: [number, number, number] } {
  const { width, height, channels, data } = image;
  const luma = new Float64Array(width * height);
  const sums: [number, number, number] = [0, 0, 0];
  for (let pixel = 0; pixel < luma.length; pixel++) {
    const offset = pixel * channels;
    const r = data[offset];
    const g = channels === 1 ? r : data[offset + 1];
    const b = channels === 1 ? r : data[offset + 2];
    sums[0] += r;
    sums[1] += g;
    sums[2] += b;
    luma[pixel] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  return { luma, sums };
}

function meanAndVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  const mean = sum / values.length;
  let squares = 0;
  for (let index = 0; index < values.length; index++) squares += (values[index] - mean) ** 2;
  return { mean, variance: squares / values.length };
}

function laplacianVariance(luma: Float64Array, width: number, height: number): number {
  const responses = new Float64Array((width - 2) * (height - 2));
  let cursor = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const centre = y * width + x;
      responses[cursor++] =
        luma[centre - width] + luma[centre + width] + luma[centre - 1] + luma[centre + 1] - 4 * luma[centre];
    }
  }
  return meanAndVariance(responses).variance;
}

export function measureImageQuality(image: RawImage): ImageQuality {
  validateImage(image);
  const { luma, sums } = computeLuma(image);
  const { mean, variance } = meanAndVariance(luma);
  const total = sums[0] + sums[1] + sums[2];
  const colorCast = total === 0 ? 0 : Math.hypot(...sums.map((sum) => sum / total - 1 / 3));
  return {
    brightness: mean,
    contrast: Math.sqrt(variance),
    colorCast,
    blurVariance: laplacianVariance(luma, image.width, image.height),
  };
}
