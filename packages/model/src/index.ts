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
