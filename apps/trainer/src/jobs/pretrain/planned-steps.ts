import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PretrainConfigInput } from '@dermino/model';
import { stepsForBudget } from './pretrain-budget.js';
import type { PretrainData, PretrainRunOptions } from './pretrain-loop.js';
import type { PretrainPayload } from './pretrain-payload.js';

export interface PlannedSteps {
  steps: number;
  /** Set when the steps were timed to fill the budget (in this call or when the job first started). */
  timed?: { secondsPerStep: number };
}

/**
 * The steps a PRETRAIN job trains: its payload's, or with `fillBudget` as many as fill `budgetSeconds` on this
 * machine (at most the payload's). The plan is written next to the run's checkpoints when the job first starts, so
 * a re-delivered job resumes with the same number of steps, hence the same schedule.
 */
export async function plannedSteps(options: {
  payload: Pick<PretrainPayload, 'steps' | 'batchSize' | 'budgetSeconds' | 'fillBudget'>;
  runDir: string;
  data: PretrainData;
  configFor: (steps: number) => PretrainConfigInput;
  parallel: PretrainRunOptions['parallel'];
}): Promise<PlannedSteps> {
  const { payload, runDir } = options;
  if (!payload.fillBudget || payload.budgetSeconds === undefined) return { steps: payload.steps };
  const file = path.join(runDir, 'planned-steps.json');
  const saved = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as { steps: number; secondsPerStep: number },
    () => null,
  );
  if (saved && Number.isInteger(saved.steps) && saved.steps >= 1 && saved.steps <= payload.steps)
    return { steps: saved.steps, timed: { secondsPerStep: saved.secondsPerStep } };
  const timed = await stepsForBudget({
    budgetSeconds: payload.budgetSeconds,
    data: options.data,
    config: options.configFor(payload.steps),
    batchSize: payload.batchSize,
    parallel: options.parallel,
  });
  const steps = Math.min(payload.steps, timed.steps);
  await mkdir(runDir, { recursive: true });
  await writeFile(file, JSON.stringify({ steps, secondsPerStep: timed.secondsPerStep }));
  return { steps, timed: { secondsPerStep: timed.secondsPerStep } };
}
