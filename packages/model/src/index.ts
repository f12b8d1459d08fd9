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
// Heads, losses, augmentation, pretraining, evaluation (training helper; checkpoints: '@dermino/model/checkpoint')
export { createProjectionHead, headForward, headBottleneck, headWeightShapes, DEFAULT_HEAD, type ProjectionHead, type ProjectionHeadConfig } from './heads/projection-head';
export { createLabelHead, labelHeadForward, type LabelHead } from './heads/label-head';
export { parseConceptEmbeddings, deriveConceptEmbeddings, cosineSimilarity, type ConceptEmbeddings, type TaxonomyNode } from './concepts/concept-embeddings';
export { dinoLoss, teacherSoftmaxCentred, sinkhornKnopp, updateCentre, type DinoLossInput } from './losses/dino-loss';
export { ibotLoss, maskedPositions, type IbotLossInput, type MaskedPositions } from './losses/ibot-loss';
export { koleoLoss } from './losses/koleo-loss';
export { labelLoss, type LabelLossInput } from './losses/label-loss';
export { blockMask, sampleMasks, type BlockMaskOptions, type MaskBatchOptions } from './masking/block-mask';
export { multiCrop, defaultMultiCrop, randomCropBoxes, type MultiCropConfig, type MultiCropViews } from './augment/multi-crop';
export { colourJitter, randomGreyscale, randomBlur, randomSolarize, type ColourJitter } from './augment/photometric';
export { resolvePretrainConfig, type PretrainConfig, type PretrainConfigInput, type LossWeights, type HeadSize } from './train/pretrain-config';
export { PRETRAIN_RECIPES, type PretrainRecipe, type PretrainRecipeName } from './train/pretrain-recipes';
export { createPretrainState, disposePretrainState, studentParameters, type PretrainState, type Network } from './train/pretrain-state';
export { trainStep, type PretrainBatch, type StepLog } from './train/train-step';
export { computeStepGradients, applyStepGradients, type StepGradients } from './train/train-step';
export { trainStepAsync, computeStepGradientTensors, applyStepGradientTensors, type StepGradientTensors } from './train/train-step';
export { createParallelTrainer, type ParallelTrainer, type ParallelTrainerOptions } from './train/parallel/parallel-trainer';
export type { ReplicaBackend } from './train/parallel/protocol';
export { scheduleAt, cosineSchedule, linearWarmup, type ScheduleConfig, type ScheduleValues } from './train/schedules';
export { createAdamW, applyAdamW, clipByGlobalNorm, clipByGlobalNormTensor, type AdamWState, type AdamWOptions } from './train/adamw';
export { extractFeatures, sampleLabelFraction, accuracy } from './eval/features';
export { knnClassify, type KnnOptions } from './eval/knn';
export { trainLinearProbe, predictClasses, classWeights, classifierLogits, createLinearClassifier, weightedCrossEntropy, type LinearClassifier, type LinearProbeOptions } from './eval/linear-probe';
export { fineTune, type FineTuneOptions } from './eval/fine-tune';
// Released weights: DINOv2 / DermINO / timm / Hugging Face checkpoints -> the ViT (weights helper, issue 12)
export { readWeightsFile, type ReadWeightsOptions, type ImportedBackbone, type WeightsProvenance } from './weights/read-weights-file';
export { STANDARD_HEADS, type Architecture } from './weights/to-vit-weights';
export type { WeightsFormat, WeightsFormatOption } from './weights/key-map';
// ONNX export and onnxruntime serving (serving helper)
export { exportVitToOnnx, type ExportVitOptions } from './onnx/export-vit';
export { readOnnxMetadata, type DerminoOnnxMetadata } from './onnx/read-onnx-metadata';
export { VIT_OUTPUT_NAMES, METADATA_KEYS, type VitExportConfig, type VitOutputName, type PreprocessingSpec } from './onnx/vit-export-types';
export { createInferenceSession, type CreateInferenceSessionOptions, type DerminoInferenceSession, type ImagePrediction } from './serving/inference-session';
export { preprocessImage } from './serving/preprocess-image';
export { renderExplanationOverlay, type ExplanationMap, type RenderOverlayOptions } from './serving/explanation-map';
export { embedImages, formatEmbeddingLine, type EmbedImagesOptions, type EmbeddingRow, type SkippedFile } from './serving/embed-images';
export { createMicroBatcher, type MicroBatcher } from './serving/micro-batcher';
// Representation health of pretraining (health helper)
export { normalisedEmbeddingStd } from './health/embedding-spread';
export { effectiveRank, singularValues } from './health/effective-rank';
export { teacherEntropy, teacherCentreKl } from './health/teacher-distribution';
export { measureRepresentationHealth, measureRepresentationHealthAsync, type RepresentationHealth } from './health/probe-health';
export { checkCollapse, DEFAULT_COLLAPSE_THRESHOLDS, type CollapseThresholds, type CollapseVerdict } from './health/collapse-check';
