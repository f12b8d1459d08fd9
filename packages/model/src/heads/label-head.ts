import * as tf from '@tensorflow/tfjs-core';
import { linear } from '../nn/layers';
import { createRng } from '../random';
import { nextId } from '../vit/create-vit';

/** Linear layer on the student CLS scoring every diagnosis concept: `label_head.weight [D, C]`, `.bias [C]`. */
export interface LabelHead {
  concepts: string[];
  weights: Record<string, tf.Variable>;
}

/**
 * Columns start as the unit-normalised concept embeddings. When the embedding size differs from the
 * backbone width, a fixed seeded Gaussian projection (scaled 1/sqrt(width)) maps them first: random
 * projections keep cosine similarities approximately (Johnson-Lindenstrauss), so related concepts still start close.
 */
export function createLabelHead(
  width: number,
  embeddings: { dim: number; concepts: Record<string, number[]> },
  options: { seed?: number } = {},
): LabelHead {
  const concepts = Object.keys(embeddings.concepts);
  if (concepts.length === 0) throw new Error('label head: the concept embedding table is empty');
  const rng = createRng(options.seed ?? 7);
  const projection =
    embeddings.dim === width
      ? null
      : Array.from({ length: embeddings.dim * width }, () => rng.normal() / Math.sqrt(width));
  const weight = new Float32Array(width * concepts.length);
  concepts.forEach((code, c) => {
    const source = embeddings.concepts[code];
    const column = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      if (!projection) column[j] = source[j];
      else for (let i = 0; i < embeddings.dim; i++) column[j] += source[i] * projection[i * width + j];
    }
    const norm = Math.hypot(...column) || 1;
    for (let j = 0; j < width; j++) weight[j * concepts.length + c] = column[j] / norm;
  });
  const w = tf.tensor2d(weight, [width, concepts.length]);
  // Bias starts at the log-odds of a 1-in-C prior (as RetinaNet's prior init): with 0 the BCE first pushes every
  // labelled CLS feature away from all concept columns at once, a shared push that collapses features.
  const prior = 1 / Math.max(2, concepts.length);
  const b = tf.fill([concepts.length], Math.log(prior / (1 - prior)));
  const weights = {
    'label_head.weight': tf.variable(w, true, `label_head/weight/${nextId()}`),
    'label_head.bias': tf.variable(b, true, `label_head/bias/${nextId()}`),
  };
  tf.dispose([w, b]);
  return { concepts, weights };
}

export function labelHeadForward(head: LabelHead, cls: tf.Tensor2D): tf.Tensor2D {
  return linear(cls, head.weights['label_head.weight'], head.weights['label_head.bias']);
}
