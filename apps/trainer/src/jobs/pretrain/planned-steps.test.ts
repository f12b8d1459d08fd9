import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MICRO_CONFIG } from '../../../test/demo-fixture.js';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import { plannedSteps } from './planned-steps.js';
import { parsePretrainPayload } from './pretrain-payload.js';

const data = { pixels: new Float32Array(4 * 16 * 16 * 3).map((_, i) => (i % 7) / 7), count: 4, size: 16 };
const configFor = (steps: number) => ({
  ...MICRO_CONFIG,
  schedule: { epochs: 10, stepsPerEpoch: Math.ceil(steps / 10) },
});
const VERSION = '00000000-0000-4000-8000-000000000001';

describe('plannedSteps', () => {
  beforeAll(() => useConfiguredBackend());

  it("trains the payload's steps when it does not fill a budget", async () => {
    const runDir = mkdtempSync(path.join(os.tmpdir(), 'planned-'));
    const payload = { steps: 40, batchSize: 4, budgetSeconds: 1, fillBudget: false };
    expect(await plannedSteps({ payload, runDir, data, configFor, parallel: undefined })).toEqual({
      steps: 40,
    });
  });

  it('times steps to fill the budget (at most the payload steps), and a re-delivered job reuses the plan', async () => {
    const runDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'planned-')), 'run');
    const small = await plannedSteps({
      payload: { steps: 100_000, batchSize: 4, budgetSeconds: 0.5, fillBudget: true },
      runDir,
      data,
      configFor,
      parallel: undefined,
    });
    expect(small.timed!.secondsPerStep).toBeGreaterThan(0);
    expect(small.steps).toBe(Math.max(1, Math.floor((0.5 * 0.97) / small.timed!.secondsPerStep)));
    expect(JSON.parse(readFileSync(path.join(runDir, 'planned-steps.json'), 'utf8')).steps).toBe(small.steps);
    // The plan survives a crash: the same steps whatever this machine's speed now.
    writeFileSync(
      path.join(runDir, 'planned-steps.json'),
      JSON.stringify({ steps: 7, secondsPerStep: 0.25 }),
    );
    expect(
      await plannedSteps({
        payload: { steps: 100_000, batchSize: 4, budgetSeconds: 0.5, fillBudget: true },
        runDir,
        data,
        configFor,
        parallel: undefined,
      }),
    ).toEqual({ steps: 7, timed: { secondsPerStep: 0.25 } });
    const capped = await plannedSteps({
      payload: { steps: 3, batchSize: 4, budgetSeconds: 60, fillBudget: true },
      runDir: path.join(runDir, 'other'),
      data,
      configFor,
      parallel: undefined,
    });
    expect(capped.steps).toBe(3);
  });

  it('refuses fillBudget without a budget, naming the field', () => {
    expect(() => parsePretrainPayload({ datasetVersionId: VERSION, steps: 10, fillBudget: true })).toThrow(
      /fillBudget needs budgetSeconds/,
    );
    expect(
      parsePretrainPayload({ datasetVersionId: VERSION, steps: 10, budgetSeconds: 60, fillBudget: true })
        .fillBudget,
    ).toBe(true);
  });
});
