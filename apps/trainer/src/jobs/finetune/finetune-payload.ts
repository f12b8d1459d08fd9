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
    /** Full fine-tune only. */
    epochs: z.number().int().min(1).max(1000).default(5),
    after: afterSchema,
  })
  .strict();

export type FinetunePayload = z.infer<typeof finetunePayloadSchema>;
