/** Value of a schedule at a step: linear warm-up from `warmupStart` to `base`, then cosine from `base` to `final`. */
export function cosineSchedule(
  step: number,
  {
    base,
    final,
    totalSteps,
    warmupSteps = 0,
    warmupStart = 0,
  }: {
    base: number;
    final: number;
    totalSteps: number;
    warmupSteps?: number;
    warmupStart?: number;
  },
): number {
  if (step < warmupSteps) return warmupStart + ((base - warmupStart) * step) / warmupSteps;
  const span = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / span);
  return final + 0.5 * (base - final) * (1 + Math.cos(Math.PI * progress));
}

/** Linear warm-up from `start` to `end` over `warmupSteps`, then constant (DINO teacher temperature). */
export function linearWarmup(step: number, start: number, end: number, warmupSteps: number): number {
  if (warmupSteps <= 0 || step >= warmupSteps) return end;
  return start + ((end - start) * step) / warmupSteps;
}

export interface ScheduleConfig {
  epochs: number;
  stepsPerEpoch: number;
  /** Peak learning rate, reached after `warmupEpochs`. */
  lr: number;
  minLr: number;
  warmupEpochs: number;
  weightDecay: number;
  weightDecayEnd: number;
  /** Teacher EMA momentum, cosine from `momentum` to `momentumEnd`. */
  momentum: number;
  momentumEnd: number;
  teacherTemperature: number;
  teacherTemperatureWarmupStart: number;
  teacherTemperatureWarmupEpochs: number;
  /** The prototype layers get no updates during the first `freezeLastLayerEpochs`. */
  freezeLastLayerEpochs: number;
}

export interface ScheduleValues {
  lr: number;
  weightDecay: number;
  momentum: number;
  teacherTemperature: number;
  lastLayerFrozen: boolean;
}

export function scheduleAt(config: ScheduleConfig, step: number): ScheduleValues {
  const totalSteps = config.epochs * config.stepsPerEpoch;
  return {
    lr: cosineSchedule(step, {
      base: config.lr,
      final: config.minLr,
      totalSteps,
      warmupSteps: config.warmupEpochs * config.stepsPerEpoch,
    }),
    weightDecay: cosineSchedule(step, { base: config.weightDecay, final: config.weightDecayEnd, totalSteps }),
    momentum: cosineSchedule(step, { base: config.momentum, final: config.momentumEnd, totalSteps }),
    teacherTemperature: linearWarmup(
      step,
      config.teacherTemperatureWarmupStart,
      config.teacherTemperature,
      config.teacherTemperatureWarmupEpochs * config.stepsPerEpoch,
    ),
    lastLayerFrozen: step < config.freezeLastLayerEpochs * config.stepsPerEpoch,
  };
}
