import { type PretrainConfigInput, resolvePretrainConfig } from '@dermino/model';
import { z } from 'zod';
import { modelRefSchema } from '../shared/dependencies.js';
import { scheduleForSteps } from './pretrain-loop.js';

export const pretrainPayloadSchema = z
  .object({
    datasetVersionId: z.string().uuid(),
    name: z.string().min(1).max(100).default('dermino-backbone'),
    preset: z.enum(['tiny', 'vit-s16', 'vit-b16']).default('tiny'),
    /** Overrides of the model package's PretrainConfigInput (vit, heads, crops, schedule, loss weights...). */
    config: z.record(z.string(), z.unknown()).default({}),
    steps: z.number().int().min(1).max(10_000_000),
    batchSize: z.number().int().min(2).max(4096).default(32),
    checkpointEvery: z.number().int().min(1).default(25),
    /** Stop training after this many seconds (checkpoint and register at the stop), whatever the step. */
    budgetSeconds: z
      .number()
      .positive()
      .max(7 * 24 * 3600)
      .optional(),
    /**
     * Fill the budget: time a few steps on this machine when the job first starts, and train budgetSeconds /
     * seconds-per-step steps (at most `steps`), so the schedule ends at the budget instead of being cut by it.
     */
    fillBudget: z.boolean().default(false),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(0),
    splits: z
      .array(z.enum(['TRAIN', 'VAL', 'TEST']))
      .min(1)
      .default(['TRAIN']),
    /** Use the version's labels for the label loss (the semi-supervised part). */
    useLabels: z.boolean().default(true),
    after: z.array(z.string().uuid()).max(50).default([]),
    /** Continue from a registered backbone (an imported one, say): its architecture and weights, fresh heads. */
    from: modelRefSchema.optional(),
  })
  .strict()
  .refine((payload) => !payload.fillBudget || payload.budgetSeconds !== undefined, {
    message: 'fillBudget needs budgetSeconds',
    path: ['fillBudget'],
  });

export type PretrainPayload = z.infer<typeof pretrainPayloadSchema>;

export function pretrainConfigOf(
  payload: Pick<PretrainPayload, 'config' | 'preset' | 'seed' | 'steps'>,
): PretrainConfigInput {
  const config = payload.config as PretrainConfigInput;
  return {
    ...config,
    vit: config.vit ?? payload.preset,
    seed: payload.seed,
    schedule: { ...scheduleForSteps(payload.steps), ...(config.schedule ?? {}) },
  };
}

/** Parses and resolves the config once, so a bad config fails the job at once (never retried). */
export function parsePretrainPayload(raw: unknown): PretrainPayload {
  const payload = pretrainPayloadSchema.parse(raw);
  resolvePretrainConfig(pretrainConfigOf(payload));
  return payload;
}
