import { findEmbeddings, findRegistryImages, findVersionImages, listConcepts, saveDriftReport } from '@dermino/db';
import { z } from 'zod';
import type { JobHandler } from '../../worker/job-handler.js';
import { afterSchema, modelRefSchema, resolveModel, waitForJobs } from '../shared/dependencies.js';
import { scoreImages } from '../shared/score-images.js';
import { loadPixels } from '../shared/load-pixels.js';
import { calibratedAlerts, windowCalibration } from './calibrated-alerts.js';
import { performanceBySkinType } from './performance-by-skin-type.js';
import { chooseWindowExamples } from './window-examples.js';
import { type DriftRows, windowStatistics } from './window-stats.js';

const payloadSchema = z
  .object({
    /** The classifier whose inputs and outputs are watched. */
    model: modelRefSchema,
    /** Months at the start that form the reference window. */
    referenceMonths: z.number().int().min(2).max(120).default(3),
    maxPerWindow: z.number().int().min(20).max(100_000).default(300),
    permutations: z.number().int().min(10).max(10_000).default(200),
    /** Reference pseudo-windows per month that calibrate every alarm line. */
    resamples: z.number().int().min(20).max(2_000).default(100),
    /** Months with fewer images are greyed, never alarmed. */
    minWindowSize: z.number().int().min(5).max(100_000).default(30),
    seed: z.number().int().min(0).default(0),
    after: afterSchema,
  })
  .strict();

type DriftPayload = z.infer<typeof payloadSchema>;

/** Reference months vs each later month: metadata, image quality, embeddings, predictions and CBPE, with alerts. */
export const driftJob: JobHandler<DriftPayload> = {
  kind: 'DRIFT',
  parsePayload: (raw) => payloadSchema.parse(raw),
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const model = await resolveModel(context as never, payload.model);
    if (model.kind !== 'CLASSIFIER') throw new Error(`Model ${model.id} is not a classifier; drift watches a classifier's inputs and outputs.`);
    const images = (await findRegistryImages(db)).filter((image) => image.capturedAt !== null);
    const months = [...new Set(images.map((image) => image.capturedAt!.toISOString().slice(0, 7)))].sort();
    if (months.length <= payload.referenceMonths) {
      throw new Error(`Images span ${months.length} month(s); drift needs more than the ${payload.referenceMonths} reference months.`);
    }
    const total = images.length + months.length;
    const scored = await scoreImages(home, model, images.map((i) => i.storageKey), (done) => progress({ step: done, total }));
    const used = scored.scored.map((index) => images[index]);
    if (scored.failed.length) await log(`${scored.failed.length} images could not be scored; left out.`, 'warn');
    // pgvector is the source of truth for embeddings when the backbone's are stored; else the served model's own.
    let embeddings = scored.embeddings;
    if (model.parentId) {
      const stored = new Map((await findEmbeddings(db, { modelVersionId: model.parentId })).map((row) => [row.imageId, row.vector]));
      if (used.every((image) => stored.has(image.imageId))) embeddings = Float32Array.from(used.flatMap((image) => stored.get(image.imageId)!));
      else await log('Not every image has a stored embedding of the backbone; using the embeddings computed now.');
    }
    const classes = (model.classes as string[]) ?? [];
    const malignant = new Set((await listConcepts(db)).filter((c) => c.malignant).map((c) => c.code));
    const data: DriftRows = {
      month: used.map((image) => image.capturedAt!.toISOString().slice(0, 7)),
      metadata: {
        device: used.map((i) => i.device ?? '(none)'),
        source: used.map((i) => i.source),
        modality: used.map((i) => i.modality),
        site: used.map((i) => i.site),
        sex: used.map((i) => i.sex),
        skin_type: used.map((i) => i.skinType),
        age_band: used.map((i) => i.ageBand ?? '(none)'),
      },
      quality: {
        brightness: used.map((i) => i.quality.brightness),
        contrast: used.map((i) => i.quality.contrast),
        colorCast: used.map((i) => i.quality.colorCast),
        blurVariance: used.map((i) => i.quality.blurVariance),
      },
      probabilities: scored.probabilities,
      classes: classes.length,
      malignantClasses: classes.flatMap((code, index) => (malignant.has(code) ? [index] : [])),
      embeddings,
      dims: scored.dims,
    };
    const referenceSet = new Set(months.slice(0, payload.referenceMonths));
    const reference = data.month.flatMap((month, i) => (referenceSet.has(month) ? [i] : []));
    const windows = [];
    for (const [index, month] of months.entries()) {
      const current = data.month.flatMap((m, i) => (m === month ? [i] : []));
      if (current.length === 0) continue;
      windows.push({ window: month, reference: referenceSet.has(month), stats: windowStatistics(data, reference, current, payload) });
      await progress({ step: used.length + index + 1, total, metrics: { window: month } });
    }
    // Pixels as well as the backbone: a device change shows in them even while the backbone is weak.
    const thumbnails = await loadPixels(home, used.map((image) => image.storageKey), 8);
    if (thumbnails.failed.length) await log(`${thumbnails.failed.length} images could not be read for pixel drift; the pixel statistic is left out.`, 'warn');
    const calibrated = calibratedAlerts(
      {
        month: data.month,
        caseId: used.map((image) => image.caseId),
        metadata: data.metadata,
        quality: data.quality,
        thumbnails: thumbnails.failed.length ? null : thumbnails.pixels,
        thumbnailDims: 8 * 8 * 3,
        embeddings,
        dims: data.dims,
        probabilities: scored.probabilities,
        classes: data.classes,
      },
      months.slice(0, payload.referenceMonths),
      { resamples: payload.resamples, seed: payload.seed, minWindowSize: payload.minWindowSize },
    );
    const alerts = calibrated.alerts;
    const labels = await heldOutLabels(context, model, used.map((image) => image.imageId), classes);
    const exampleRows = { ...data, imageId: used.map((i) => i.imageId), capturedOn: used.map((i) => i.capturedAt!.toISOString().slice(0, 10)) };
    const performanceRows = { probabilities: scored.probabilities, classes: data.classes, skinType: data.metadata.skin_type, labels };
    const extras = windows.map(({ window }, index) => {
      const current = data.month.flatMap((m, i) => (m === window ? [i] : []));
      const performance = performanceBySkinType(performanceRows, current);
      return {
        realisedAccuracy: performance.overall.realisedAccuracy,
        performanceBySkinType: performance,
        examples: chooseWindowExamples(exampleRows, reference, current, alerts.filter((a) => a.window === window), { seed: payload.seed + index }),
      };
    });
    const referenceDates = used.filter((image) => referenceSet.has(image.capturedAt!.toISOString().slice(0, 7))).map((image) => image.capturedAt!.getTime());
    const report = await saveDriftReport(db, {
      modelVersionId: model.id,
      jobId: job.id,
      referenceFrom: new Date(Math.min(...referenceDates)),
      referenceTo: new Date(Math.max(...referenceDates)),
      windows: JSON.parse(JSON.stringify(windows.map(({ window, reference: isReference, stats }, index) => ({ window, reference: isReference, ...stats, ...extras[index], ...windowCalibration(calibrated.report, window) })))),
      alerts: JSON.parse(JSON.stringify(alerts)),
    });
    await progress({ step: total, total, metrics: { windows: windows.length, alerts: alerts.length } });
    const { summary } = calibrated;
    await log(`Drift report ${report.id}: ${windows.length} monthly windows, ${alerts.length} alerts; alarmed ${summary.alarmedWindows.join(', ') || 'none'} of ${summary.monitoredWindows} monitored months; expected false-alarm rate ${summary.expectedFalseAlarmRate} per month; greyed (under ${payload.minWindowSize} images) ${summary.greyedWindows.join(', ') || 'none'}.`);
  },
};

/**
 * Class indices of the labels the model did not fit on (its dataset version's VAL and TEST splits): the realised
 * accuracy beside CBPE's estimate. A model without a dataset version has none.
 */
async function heldOutLabels(context: { db: Parameters<typeof findVersionImages>[0] }, model: { datasetVersionId?: string | null }, imageIds: string[], classes: string[]) {
  if (!model.datasetVersionId) return imageIds.map(() => null);
  const items = await findVersionImages(context.db, { datasetVersionId: model.datasetVersionId, splits: ['VAL', 'TEST'], labelledOnly: true });
  const byImage = new Map(items.map((item) => [item.imageId, item.conceptCode ? classes.indexOf(item.conceptCode) : -1]));
  return imageIds.map((id) => {
    const label = byImage.get(id);
    return label === undefined || label < 0 ? null : label;
  });
}
