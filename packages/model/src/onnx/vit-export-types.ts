/** The subset of the ViT config (see src/vit/CONTRACT.md) the exported graph depends on. */
export interface VitExportConfig {
  imageSize: number;
  patchSize: number;
  width: number;
  depth: number;
  heads: number;
  mlpRatio: number;
  layerScale: number;
  layerNormEps?: number;
  dropPath?: number;
  /** Register tokens between CLS and the patches (dropped from the outputs). */
  registers?: number;
  ffn?: 'mlp' | 'swiglu';
}

export interface NamedWeight {
  shape: number[];
  data: Float32Array;
}

export type NamedWeights = Record<string, NamedWeight>;

export const VIT_OUTPUT_NAMES = [
  'embedding',
  'probabilities',
  'concept_scores',
  'patch_tokens',
  'attention_rollout',
  'cls_attention',
] as const;
export type VitOutputName = (typeof VIT_OUTPUT_NAMES)[number];

/** ImageNet statistics on 0-1 RGB values: the contract's input normalisation. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** How serving turns a file into the model input; stored in the ONNX metadata. */
export interface PreprocessingSpec {
  layout: 'NHWC';
  imageSize: number;
  /** Scale so the shorter side is imageSize, then crop the centre square (sharp `fit: 'cover'`). */
  resize: 'shorter-side-centre-crop';
  mean: number[];
  std: number[];
}

export const METADATA_KEYS = {
  config: 'dermino.config',
  classNames: 'dermino.class_names',
  concepts: 'dermino.concepts',
  preprocessing: 'dermino.preprocessing',
  outputs: 'dermino.outputs',
} as const;
