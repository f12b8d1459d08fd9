import { exportVitToOnnx, type PretrainState, type WeightMap } from '@dermino/model';
import type * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from '../shared/artifacts.js';
import { encodeWeights } from '../shared/weights-file.js';

/** The variables as named float32 arrays, read asynchronously (webgpu cannot read synchronously). */
async function readWeights(weights: Record<string, tf.Variable>): Promise<WeightMap> {
  const out: WeightMap = {};
  for (const [name, variable] of Object.entries(weights))
    out[name] = {
      shape: [...variable.shape],
      data: new Float32Array((await variable.data()) as Float32Array),
    };
  return out;
}

/**
 * The deployable parts of a pretraining state: the teacher backbone (DINO evaluates and serves the EMA teacher) as
 * a weights file for fine-tuning, and as ONNX with the concept head for serving.
 */
export async function backboneOnnx(
  state: PretrainState,
  metadata: Record<string, string> = {},
  weights?: WeightMap,
): Promise<Uint8Array> {
  return exportVitToOnnx({
    config: state.config.vit,
    weights: weights ?? (await readWeights(state.teacher.backbone.weights)),
    conceptHead: state.labelHead
      ? { weights: await readWeights(state.labelHead.weights), concepts: state.labelHead.concepts }
      : undefined,
    metadata,
  });
}

export async function writeBackboneFiles(
  state: PretrainState,
  files: { weights: string; onnx: string },
  metadata: Record<string, string> = {},
): Promise<void> {
  const weights = await readWeights(state.teacher.backbone.weights);
  await writeFileAtomic(files.weights, encodeWeights(weights));
  await writeFileAtomic(files.onnx, await backboneOnnx(state, metadata, weights));
}
