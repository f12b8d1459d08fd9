import { defaultMultiCrop, type MultiCropConfig } from '../augment/multi-crop';
import type { ProjectionHeadConfig } from '../heads/projection-head';
import type { MaskBatchOptions } from '../masking/block-mask';
import { resolveVitConfig, type VitConfig, type VitPresetName } from '../vit/config';
import type { ScheduleConfig } from './schedules';

export type HeadSize = Omit<ProjectionHeadConfig, 'inDim'>;

export interface LossWeights {
  dino: number;
  ibot: number;
  koleo: number;
  label: number;
}

export interface PretrainConfig {
  vit: VitConfig;
  dinoHead: HeadSize;
  ibotHead: HeadSize;
  crops: MultiCropConfig;
  masking: MaskBatchOptions;
  lossWeights: LossWeights;
  /** Teacher target normalisation: EMA centre (DINO) or Sinkhorn-Knopp (DINOv2). */
  centring: 'centre' | 'sinkhorn';
  centreMomentum: number;
  studentTemperature: number;
  schedule: ScheduleConfig;
  /** Max L2 norm of the gradient of each module (backbone, each head); 0 disables clipping. */
  clipGrad: number;
  /**
   * Recompute each student block's activations in the backward pass instead of keeping them (a `tf.customGrad`
   * per block): what lets ViT-S/B steps fit the wasm backend's 4 GB heap. Default: on from width 384 (vit-s16,
   * vit-b16), off for the small CPU models, where memory is no issue (BENCHMARKS.md, "Peak memory per preset").
   */
  checkpointActivations: boolean;
  seed: number;
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends number[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type PretrainConfigInput = Omit<DeepPartial<PretrainConfig>, 'vit'> & {
  vit?: VitPresetName | (Partial<VitConfig> & { preset?: VitPresetName });
};

/** Heads sized for the backbone: the paper's 2048/256/65536 for ViT-S/B, small ones for the CPU preset. */
function defaultHead(vit: VitConfig): HeadSize {
  if (vit.width >= 384) return { hidden: 2048, bottleneck: 256, prototypes: 65536, layers: 3 };
  return { hidden: 128, bottleneck: 32, prototypes: 64, layers: 3 };
}

function defaultSchedule(): ScheduleConfig {
  return {
    epochs: 100,
    stepsPerEpoch: 100,
    lr: 5e-4,
    minLr: 1e-6,
    warmupEpochs: 10,
    weightDecay: 0.04,
    weightDecayEnd: 0.4,
    momentum: 0.992,
    momentumEnd: 1,
    teacherTemperature: 0.07,
    teacherTemperatureWarmupStart: 0.04,
    teacherTemperatureWarmupEpochs: 30,
    freezeLastLayerEpochs: 1,
  };
}

function merge<T extends object>(base: T, override: object | undefined): T {
  return { ...base, ...(override ?? {}) } as T;
}

/** All defaults are merged here, once, and every number is checked. */
export function resolvePretrainConfig(input: PretrainConfigInput = {}): PretrainConfig {
  const vit = resolveVitConfig(input.vit ?? 'tiny');
  const localSize = Math.max(
    vit.patchSize,
    Math.round((vit.imageSize * 96) / 224 / vit.patchSize) * vit.patchSize,
  );
  const crops = merge(defaultMultiCrop(vit.imageSize, localSize, 4), input.crops);
  const config: PretrainConfig = {
    vit,
    dinoHead: merge(defaultHead(vit), input.dinoHead),
    ibotHead: merge(defaultHead(vit), input.ibotHead),
    crops,
    masking: merge(
      { probability: 0.5, ratio: [0.1, 0.5] as [number, number], minBlockPatches: 4, minAspect: 0.3 },
      input.masking,
    ),
    lossWeights: merge({ dino: 1, ibot: 1, koleo: 0.1, label: 1 }, input.lossWeights),
    centring: input.centring ?? 'centre',
    centreMomentum: input.centreMomentum ?? 0.9,
    studentTemperature: input.studentTemperature ?? 0.1,
    schedule: merge(defaultSchedule(), input.schedule),
    clipGrad: input.clipGrad ?? 3,
    checkpointActivations: input.checkpointActivations ?? vit.width >= 384,
    seed: input.seed ?? 0,
  };
  validate(config);
  return config;
}

function validate(config: PretrainConfig): void {
  const fail = (field: string, value: unknown, rule: string) => {
    throw new Error(`pretrain config: ${field} ${rule}, got ${JSON.stringify(value)}`);
  };
  const { crops, schedule, vit } = config;
  for (const [field, size] of [
    ['crops.globalSize', crops.globalSize],
    ['crops.localSize', crops.localSize],
  ] as const) {
    if (!Number.isInteger(size) || size <= 0 || size % vit.patchSize !== 0)
      fail(field, size, `must be a positive multiple of patchSize ${vit.patchSize}`);
  }
  if (crops.globalSize !== vit.imageSize)
    fail('crops.globalSize', crops.globalSize, `must equal vit.imageSize ${vit.imageSize}`);
  if (!Number.isInteger(crops.localCrops) || crops.localCrops < 0)
    fail('crops.localCrops', crops.localCrops, 'must be an integer >= 0');
  for (const [name, value] of Object.entries(config.lossWeights))
    if (!(value >= 0)) fail(`lossWeights.${name}`, value, 'must be >= 0');
  if (config.centring !== 'centre' && config.centring !== 'sinkhorn')
    fail('centring', config.centring, 'must be "centre" or "sinkhorn"');
  for (const key of ['epochs', 'stepsPerEpoch'] as const)
    if (!Number.isInteger(schedule[key]) || schedule[key] <= 0)
      fail(`schedule.${key}`, schedule[key], 'must be a positive integer');
  for (const key of ['lr', 'teacherTemperature', 'teacherTemperatureWarmupStart'] as const)
    if (!(schedule[key] > 0)) fail(`schedule.${key}`, schedule[key], 'must be > 0');
  if (!(schedule.momentum >= 0 && schedule.momentumEnd <= 1))
    fail('schedule.momentum', schedule.momentum, 'must be in [0, 1]');
  if (!(config.studentTemperature > 0)) fail('studentTemperature', config.studentTemperature, 'must be > 0');
  if (!(config.clipGrad >= 0)) fail('clipGrad', config.clipGrad, 'must be >= 0');
  if (typeof config.checkpointActivations !== 'boolean')
    fail('checkpointActivations', config.checkpointActivations, 'must be true or false');
}
