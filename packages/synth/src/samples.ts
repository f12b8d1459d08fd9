import { classIndexOf } from './classes.js';
import { renderImage } from './render/render-image.js';
import type { SynthImage } from './types.js';

export interface LabelledSample {
  imageId: string;
  /** Index into SYNTH_CLASS_CODES of the true diagnosis. */
  classIndex: number;
  width: number;
  height: number;
  /** Interleaved RGB, 0..255. */
  data: Uint8Array;
}

/**
 * Pixels and true class of each image at a small size, for learning tests (kNN, linear probe).
 * Renders directly at `size`, which is cheap: ~1 ms per image at 32 px.
 */
export function renderSamples(images: readonly SynthImage[], size = 32): LabelledSample[] {
  return images.map((image) => {
    const rendered = renderImage(image, { size });
    return {
      imageId: image.id,
      classIndex: classIndexOf(image.diagnosis),
      width: rendered.width,
      height: rendered.height,
      data: rendered.data,
    };
  });
}
