// Public API of @dermino/model. Shared file: each helper edits only its own export lines.
export {};
// ViT backbone (training helper)
export { VIT_PRESETS, resolveVitConfig, mlpHidden, patchCount, type VitConfig, type VitPresetName } from './vit/config';
export { createVit, disposeModel, vitWeightShapes, type VitModel, type VitConfigInput } from './vit/create-vit';
export { vitForward, patchify, type VitForwardOptions, type VitOutput } from './vit/vit-forward';
export { getVitWeights, setVitWeights, getWeights, setWeights, type NamedWeight, type WeightMap } from './vit/weights';
export { normalizeImages, IMAGENET_MEAN, IMAGENET_STD } from './vit/normalize';
export { createRng, type Rng } from './random';
export { registerGradients } from './register-gradients';
// ONNX export and onnxruntime serving (serving helper)
export { exportVitToOnnx, type ExportVitOptions } from './onnx/export-vit';
export { readOnnxMetadata, type DerminoOnnxMetadata } from './onnx/read-onnx-metadata';
export { VIT_OUTPUT_NAMES, METADATA_KEYS, type VitExportConfig, type VitOutputName, type PreprocessingSpec } from './onnx/vit-export-types';
export { createInferenceSession, type CreateInferenceSessionOptions, type DerminoInferenceSession, type ImagePrediction } from './serving/inference-session';
export { preprocessImage } from './serving/preprocess-image';
export { renderExplanationOverlay, type ExplanationMap, type RenderOverlayOptions } from './serving/explanation-map';
export { embedImages, formatEmbeddingLine, type EmbedImagesOptions, type EmbeddingRow, type SkippedFile } from './serving/embed-images';
export { createMicroBatcher, type MicroBatcher } from './serving/micro-batcher';
