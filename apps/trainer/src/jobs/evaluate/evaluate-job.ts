import { buildEvaluationReport } from '@dermino/analytics';
import {
  findVersionImages,
  listConcepts,
  type ModelInputImage,
  promoteModelVersion,
  saveEvaluation,
} from '@dermino/db';
import { z } from 'zod';
import type { JobHandler } from '../../worker/job-handler.js';
import { afterSchema, modelRefSchema, resolveModel, waitForJobs } from '../shared/dependencies.js';
import { scoreImages } from '../shared/score-images.js';
import { buildBaselineReport, describeBaseline } from './baseline-report.js';
import { promoteIfBetter, promotionFailure } from './promote-evaluated-model.js';
import { promoteIfBetterSchema } from './promote-if-better.js';

export const ATTRIBUTE_COLUMNS = ['sex', 'skin_type', 'age_band', 'site', 'device', 'source'] as const;

const payloadSchema = z
  .object({
    model: modelRefSchema,
    datasetVersionId: z.string().uuid(),
    split: z.enum(['TRAIN', 'VAL', 'TEST']).default('TEST'),
    resamples: z.number().int().min(0).max(100_000).default(1000),
    seed: z.number().int().min(0).default(0),
    minGroupSize: z.number().int().min(1).default(30),
    groupBy: z
      .array(z.union([z.enum(ATTRIBUTE_COLUMNS), z.array(z.enum(ATTRIBUTE_COLUMNS)).min(2)]))
      .default([...ATTRIBUTE_COLUMNS]),
    after: afterSchema,
    /** After evaluating, give the model this alias if no model holds it yet (the demo's first champion). */
    promoteIfVacant: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes')
      .optional(),
    /** After evaluating, move the alias here only if this model beats its holder on the same version and split. */
    promoteIfBetter: promoteIfBetterSchema.optional(),
  })
  .strict()
  .refine((payload) => !(payload.promoteIfVacant && payload.promoteIfBetter), {
    message: 'give promoteIfVacant or promoteIfBetter, not both',
    path: ['promoteIfBetter'],
  });

type EvaluatePayload = z.infer<typeof payloadSchema>;

/** The attribute table reports group by, one column per attribute. */
export function attributeTable(
  images: ModelInputImage[],
): Record<(typeof ATTRIBUTE_COLUMNS)[number], (string | null)[]> {
  return {
    sex: images.map((i) => i.sex),
    skin_type: images.map((i) => i.skinType),
    age_band: images.map((i) => i.ageBand),
    site: images.map((i) => i.site),
    device: images.map((i) => i.device),
    source: images.map((i) => i.source),
  };
}

/** Parses once, failing in one line that names each bad field (`promoteIfBetter.alias: unknown "best": ...`). */
export function parseEvaluatePayload(raw: unknown): EvaluatePayload {
  const parsed = payloadSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; '),
  );
}

/** Runs a classifier on a version's split, keeps every prediction, and stores the analytics report. */
export const evaluateJob: JobHandler<EvaluatePayload> = {
  kind: 'EVALUATE',
  parsePayload: parseEvaluatePayload,
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const model = await resolveModel(context as never, payload.model);
    const classes = (model.classes as string[] | null) ?? [];
    if (model.kind !== 'CLASSIFIER' || classes.length < 2)
      throw new Error(`Model ${model.id} is not a classifier with classes; evaluate a fine-tuned model.`);
    const all = await findVersionImages(db, {
      datasetVersionId: payload.datasetVersionId,
      splits: [payload.split],
      labelledOnly: true,
    });
    const images = all.filter((image) => classes.includes(image.conceptCode!));
    if (images.length < all.length)
      await log(
        `${all.length - images.length} images have labels the model does not know; left out.`,
        'warn',
      );
    if (images.length === 0)
      throw new Error(
        `No labelled ${payload.split} images of dataset version ${payload.datasetVersionId} the model can score.`,
      );
    const result = await scoreImages(
      home,
      model,
      images.map((i) => i.storageKey),
      (done, total) => progress({ step: done, total: total + 1 }),
    );
    for (const failure of result.failed.slice(0, 20))
      await log(`Image ${images[failure.index].imageId}: ${failure.reason}`, 'warn');
    const scored = result.scored.map((index) => images[index]);
    const labels = Int32Array.from(scored, (image) => classes.indexOf(image.conceptCode!));
    const concepts = await listConcepts(db);
    const malignant = new Set(concepts.filter((c) => c.malignant).map((c) => c.code));
    const report = buildEvaluationReport(
      {
        probabilities: Float64Array.from(result.probabilities),
        numClasses: classes.length,
        labels,
        classNames: classes,
        malignantClasses: classes.flatMap((code, index) => (malignant.has(code) ? [index] : [])),
        attributes: attributeTable(scored),
        groupBy: payload.groupBy,
      },
      { resamples: payload.resamples, seed: payload.seed, minGroupSize: payload.minGroupSize },
    );
    const k = classes.length;
    const predictions = scored.map((image, row) => {
      const probabilities = Array.from(result.probabilities.subarray(row * k, (row + 1) * k));
      return {
        imageId: image.imageId,
        probabilities,
        predicted: probabilities.indexOf(Math.max(...probabilities)),
        label: labels[row],
      };
    });
    const baseline = await buildBaselineReport({
      db,
      home,
      model,
      datasetVersionId: payload.datasetVersionId,
      classes,
      testKeys: scored.map((image) => image.storageKey),
      labels,
      modelProbabilities: result.probabilities,
      resamples: payload.resamples,
      seed: payload.seed,
    });
    await log(
      describeBaseline(baseline),
      'beats_baseline' in baseline && baseline.beats_baseline ? 'info' : 'warn',
    );
    const evaluation = await saveEvaluation(db, {
      modelVersionId: model.id,
      datasetVersionId: payload.datasetVersionId,
      split: payload.split,
      jobId: job.id,
      report: JSON.parse(JSON.stringify(report)),
      baseline: 'missing' in baseline ? null : JSON.parse(JSON.stringify(baseline)),
      predictions,
    });
    const accuracy = (report.overall as Record<string, { value: number | null }>).accuracy?.value;
    await progress({
      step: images.length + 1,
      total: images.length + 1,
      metrics: { accuracy, n: scored.length },
    });
    await log(`Evaluation ${evaluation.id}: ${scored.length} predictions, accuracy ${accuracy}.`);
    const vacantFailure = payload.promoteIfVacant ? await promotionFailure(db, model) : null;
    if (payload.promoteIfVacant && vacantFailure)
      await log(`Not made ${payload.promoteIfVacant}: ${vacantFailure}.`, 'warn');
    else if (payload.promoteIfVacant) {
      const { moved } = await promoteModelVersion(db, {
        id: model.id,
        alias: payload.promoteIfVacant,
        updatedBy: `job:${job.id}`,
        onlyIfVacant: true,
      });
      await log(
        moved
          ? `Model ${model.id} is now ${payload.promoteIfVacant} (the alias was vacant).`
          : `The ${payload.promoteIfVacant} alias is taken; left as it is.`,
      );
    }
    if (payload.promoteIfBetter) {
      const { split, datasetVersionId } = payload;
      const decision = await promoteIfBetter(db, {
        ...payload.promoteIfBetter,
        model,
        report,
        datasetVersionId,
        split,
        jobId: job.id,
      });
      await log(decision.message);
    }
  },
};
