import * as tf from '@tensorflow/tfjs-core';
import { headForward } from '../heads/projection-head';
import { sinkhornKnopp, teacherSoftmaxCentred } from '../losses/dino-loss';
import type { PretrainState } from '../train/pretrain-state';
import { scheduleAt } from '../train/schedules';
import { normalizeImages } from '../vit/normalize';
import { vitForward } from '../vit/vit-forward';
import { effectiveRank } from './effective-rank';
import type { EmbeddingInput } from './embedding-matrix';
import { normalisedEmbeddingStd } from './embedding-spread';
import { teacherCentreKl, teacherEntropy } from './teacher-distribution';

export interface RepresentationHealth {
  /** Mean per-dimension std of the L2-normalised teacher CLS embeddings; about 1/sqrt(width) when spread. */
  embeddingStd: number;
  /** RankMe of the teacher CLS embeddings (1..min(probe images, width)). */
  effectiveRank: number;
  /** Mean entropy (nats) of the teacher's targets on the probe images; log(prototypes) when uniform. */
  teacherEntropy: number;
  /** Mean KL (nats) of each image's teacher target to the mean target over the probe set. */
  teacherCentreKl: number;
  width: number;
  prototypes: number;
  probeImages: number;
}

/**
 * The health of a pretraining state on fixed probe images [N, H, W, 3] in 0..1: the teacher backbone (the model
 * that is exported and served) and its DINO head with the centring and teacher temperature of the current step,
 * as training sees them, without augmentation.
 */
export function measureRepresentationHealth(
  state: PretrainState,
  images: tf.Tensor4D,
  options: { batchSize?: number } = {},
): RepresentationHealth {
  const { cls, probs } = probeOutputs(state, images, options);
  try {
    return healthOf(cls, probs, cls.shape[1], probs.shape[1], images.shape[0]);
  } finally {
    tf.dispose([cls, probs]);
  }
}

/** measureRepresentationHealth reading the embeddings back asynchronously (webgpu cannot read synchronously). */
export async function measureRepresentationHealthAsync(
  state: PretrainState,
  images: tf.Tensor4D,
  options: { batchSize?: number } = {},
): Promise<RepresentationHealth> {
  const { cls, probs } = probeOutputs(state, images, options);
  try {
    const [clsRows, probRows] = await Promise.all([cls.array(), probs.array()]);
    return healthOf(clsRows, probRows, cls.shape[1], probs.shape[1], images.shape[0]);
  } finally {
    tf.dispose([cls, probs]);
  }
}

function healthOf(
  cls: EmbeddingInput,
  probs: EmbeddingInput,
  width: number,
  prototypes: number,
  probeImages: number,
): RepresentationHealth {
  return {
    embeddingStd: normalisedEmbeddingStd(cls),
    effectiveRank: effectiveRank(cls),
    teacherEntropy: teacherEntropy(probs),
    teacherCentreKl: teacherCentreKl(probs),
    width,
    prototypes,
    probeImages,
  };
}

/** The teacher's CLS embeddings and targets on the probe images (the caller disposes them). */
function probeOutputs(state: PretrainState, images: tf.Tensor4D, options: { batchSize?: number }) {
  const batchSize = options.batchSize ?? 64;
  const count = images.shape[0];
  const temperature = scheduleAt(state.config.schedule, state.step).teacherTemperature;
  return tf.tidy(() => {
    const clsChunks: tf.Tensor2D[] = [];
    const logitChunks: tf.Tensor2D[] = [];
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      const batch = tf.slice(images, [start, 0, 0, 0], [size, -1, -1, -1]) as tf.Tensor4D;
      const out = vitForward(state.teacher.backbone, normalizeImages(batch));
      clsChunks.push(out.cls);
      logitChunks.push(headForward(state.teacher.dinoHead, out.cls));
    }
    const logits = tf.concat(logitChunks, 0) as tf.Tensor2D;
    return {
      cls: tf.concat(clsChunks, 0) as tf.Tensor2D,
      probs:
        state.config.centring === 'sinkhorn'
          ? sinkhornKnopp(logits, temperature)
          : teacherSoftmaxCentred(logits, state.centres.dino, temperature),
    };
  });
}
