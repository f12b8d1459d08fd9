import { z } from 'zod';
import { afterSchema, modelRefSchema } from '../shared/dependencies.js';

export const finetunePayloadSchema = z
  .object({
    backbone: modelRefSchema,
    datasetVersionId: z.string().uuid(),
    method: z.enum(['linear', 'knn', 'finetune']),
    /** Share of the train split's labelled images used (stratified, at least one per class): 0.01, 0.1, 1... */
    labelFraction: z.number().gt(0).max(1),
    name: z.string().min(1).max(100).optional(),
    seed: z.number().int().min(0).default(0),
    /** Fine-tune only: epochs, images per step, and how many of the last blocks learn (all when absent). */
    epochs: z.number().int().min(1).max(1000).default(5),
    batchSize: z.number().int().min(1).max(256).default(32),
    trainableBlocks: z.number().int().min(1).max(64).optional(),
    after: afterSchema,
  })
  .strict();

export type FinetunePayload = z.infer<typeof finetunePayloadSchema>;
