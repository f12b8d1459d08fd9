import { exportVitToOnnx, getVitWeights, getWeights, type PretrainState } from '@dermino/model';
import { writeFileAtomic } from '../shared/artifacts.js';
import { encodeWeights } from '../shared/weights-file.js';

/**
 * The deployable parts of a pretraining state: the teacher backbone (DINO evaluates and serves the EMA teacher) as
 * a weights file for fine-tuning, and as ONNX with the concept head for serving.
 */
export function backboneOnnx(state: PretrainState, metadata: Record<string, string> = {}): Uint8Array {
  return exportVitToOnnx({
    config: state.config.vit,
    weights: getVitWeights(state.teacher.backbone),
    conceptHead: state.labelHead ? { weights: getWeights(state.labelHead.weights), concepts: state.labelHead.concepts } : undefined,
    metadata,
  });
}

export async function writeBackboneFiles(
  state: PretrainState,
  files: { weights: string; onnx: string },
  metadata: Record<string, string> = {},
): Promise<void> {
  await writeFileAtomic(files.weights, encodeWeights(getVitWeights(state.teacher.backbone)));
  await writeFileAtomic(files.onnx, backboneOnnx(state, metadata));
}
