import { beforeAll, describe, expect, it } from 'vitest';
import { MICRO_CONFIG } from '../../../test/demo-fixture.js';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import { parseDuration, stepsForBudget } from './pretrain-budget.js';

describe('parseDuration', () => {
  it('reads hours, minutes, seconds and plain seconds', () => {
    expect(parseDuration('8h')).toBe(8 * 3600);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('300s')).toBe(300);
    expect(parseDuration('45')).toBe(45);
  });

  it('names the flag and the bad value', () => {
    expect(() => parseDuration('8 hours')).toThrow(
      '--budget must be a duration such as 8h, 90m, 1h30m or 300s, got "8 hours"',
    );
    expect(() => parseDuration('0h')).toThrow(/got "0h"/);
    expect(() => parseDuration('')).toThrow(/got ""/);
  });
});

describe('stepsForBudget', () => {
  beforeAll(() => useConfiguredBackend());
  const data = { pixels: new Float32Array(4 * 16 * 16 * 3).map((_, i) => (i % 7) / 7), count: 4, size: 16 };
  const options = { data, config: MICRO_CONFIG, batchSize: 4 };

  it('warms up 20 steps and times 16 when the budget is long (a fresh trainer starts slow)', async () => {
    const timed = await stepsForBudget({ ...options, budgetSeconds: 8 * 3600 });
    expect(timed).toMatchObject({ warmupSteps: 20, timedSteps: 16 });
    expect(timed.steps).toBe(Math.floor((8 * 3600 * 0.97) / timed.secondsPerStep));
  });

  it('spends at most 5% of a short budget on the timing: 1 warm-up step and 3 timed ones at least', async () => {
    const timed = await stepsForBudget({ ...options, budgetSeconds: 0.2 });
    expect(timed).toMatchObject({ warmupSteps: 1, timedSteps: 3 });
    expect(timed.steps).toBe(Math.max(1, Math.floor((0.2 * 0.97) / timed.secondsPerStep)));
  });
});
