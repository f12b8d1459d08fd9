import { resolvePretrainConfig } from '@dermino/model';
import { describe, expect, it } from 'vitest';
import { parsePretrainPayload, pretrainConfigOf } from '../jobs/pretrain/pretrain-payload.js';
import { DEMO_BUDGET, demoBudgetWith } from './demo-pipeline.js';

describe('the demo pretraining budget', () => {
  it('keeps colour (no hue or saturation jitter, no greyscale or solarisation), uses the 8 rotations/flips, weights the label loss 3 and fills 5 minutes', () => {
    const payload = parsePretrainPayload({
      datasetVersionId: '00000000-0000-4000-8000-000000000000',
      preset: DEMO_BUDGET.preset,
      config: DEMO_BUDGET.config,
      steps: DEMO_BUDGET.steps,
      batchSize: DEMO_BUDGET.batchSize,
      checkpointEvery: DEMO_BUDGET.checkpointEvery,
      budgetSeconds: DEMO_BUDGET.budgetSeconds,
      fillBudget: DEMO_BUDGET.fillBudget,
    });
    const config = resolvePretrainConfig(pretrainConfigOf(payload));
    expect(config.crops.jitter).toMatchObject({ hue: 0, saturation: 0, brightness: 0.2 });
    expect(config.crops).toMatchObject({
      greyscaleProbability: 0,
      solarizeProbability: 0,
      localCrops: 2,
      dihedral: true,
    });
    expect(config.crops.blurProbability).toEqual({ global1: 1, global2: 0.1, local: 0.5 });
    expect(config.lossWeights).toEqual({ dino: 1, ibot: 1, koleo: 0.1, label: 3 });
    expect(config.schedule.epochs * config.schedule.stepsPerEpoch).toBe(DEMO_BUDGET.steps);
    expect(payload.budgetSeconds).toBeLessThanOrEqual(300);
    // The steps fill the 5 minutes on the machine at hand (timed when the job starts), at most DEMO_BUDGET.steps.
    expect(payload.fillBudget).toBe(true);
  });

  it('continues in the background by default (no time budget), and DERMINO_DEMO_CONTINUE_STEPS changes or ends it', () => {
    expect(DEMO_BUDGET.continuation?.steps).toBeGreaterThan(DEMO_BUDGET.steps);
    expect(demoBudgetWith(undefined)).toBe(DEMO_BUDGET);
    expect(demoBudgetWith(0).continuation).toBeUndefined();
    expect(demoBudgetWith(800)).toEqual({ ...DEMO_BUDGET, continuation: { steps: 800 } });
  });
});
