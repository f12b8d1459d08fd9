import {
  confirmWithEmbedding,
  findExactDuplicates,
  findRatioNearDuplicates,
  findSplitLeakage,
} from '@dermino/analytics';
import { findEmbeddings, findVersionImages, saveDataAudit } from '@dermino/db';
import { z } from 'zod';
import type { JobHandler } from '../../worker/job-handler.js';
import { afterSchema, modelRefSchema, resolveModel, waitForJobs } from '../shared/dependencies.js';
import { findAuditLabelIssues } from './label-issues.js';
import { auditPixelFeatures, THUMBNAIL_DIMS } from './pixel-features.js';

const payloadSchema = z
  .object({
    datasetVersionId: z.string().uuid(),
    /** A model whose stored embeddings (EMBED job) compete with the pixels for label issues and confirm near-copies. */
    model: modelRefSchema.optional(),
    folds: z.number().int().min(2).max(20).default(5),
    /** Lists of exact and near-duplicate groups are capped (their counts are not); label issues never are. */
    maxIssues: z.number().int().min(1).max(100_000).default(200),
    after: afterSchema,
  })
  .strict();

type AuditPayload = z.infer<typeof payloadSchema>;

const flat = (rows: Float64Array[], dims: number) => {
  const out = new Float64Array(rows.length * dims);
  rows.forEach((row, index) => {
    out.set(row, index * dims);
  });
  return out;
};

/** Label issues (confident learning), exact and near duplicates, and split leakage of a dataset version. */
export const auditJob: JobHandler<AuditPayload> = {
  kind: 'AUDIT',
  parsePayload: (raw) => payloadSchema.parse(raw),
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const model = payload.model ? await resolveModel(context as never, payload.model) : null;
    const all = await findVersionImages(db, { datasetVersionId: payload.datasetVersionId });
    await progress({ step: 1, total: 4 });
    const pixels = await auditPixelFeatures(
      home,
      all.map((item) => item.storageKey),
    );
    if (pixels.unreadable)
      await log(
        `${pixels.unreadable} images could not be read; left out of the pixel and embedding checks.`,
        'warn',
      );
    const byImage = new Map(
      model
        ? (await findEmbeddings(db, { modelVersionId: model.id })).map((row) => [row.imageId, row.vector])
        : [],
    );
    const readable = all.flatMap((item, index) => (pixels.thumbnails[index] ? [{ item, index }] : []));
    const embedded =
      model !== null && readable.length > 0 && readable.every(({ item }) => byImage.has(item.imageId));
    if (model && !embedded)
      await log(`Not every image has an embedding of model ${model.id}; the pixels alone are used.`, 'warn');
    const dims = embedded ? byImage.get(readable[0].item.imageId)!.length : 0;
    const embeddingOf = (imageId: string) => Float64Array.from(byImage.get(imageId)!);

    const exact = findExactDuplicates(all.map((item) => item.sha256 ?? `(no hash) ${item.imageId}`)).map(
      (group) => group.map((i) => all[i].imageId),
    );
    const pairs = findRatioNearDuplicates(
      flat(
        readable.map(({ index }) => pixels.thumbnails[index]!),
        THUMBNAIL_DIMS,
      ),
      THUMBNAIL_DIMS,
    );
    const confirmation = embedded
      ? confirmWithEmbedding(
          pairs,
          flat(
            readable.map(({ item }) => embeddingOf(item.imageId)),
            dims,
          ),
          dims,
        )
      : null;
    if (confirmation?.warning) await log(confirmation.warning, 'warn');
    const near = pairs.map((pair, index) => ({
      a: readable[pair.a].item,
      b: readable[pair.b].item,
      ratio: pair.ratio,
      distance: pair.distance,
      confirmed: confirmation ? confirmation.confirmed[index] : null,
    }));
    await progress({ step: 2, total: 4 });

    const leakage = findSplitLeakage({
      split: all.map((i) => i.split!),
      patientId: all.map((i) => i.patientId),
      lesionId: all.map((i) => i.lesionId),
      contentHash: all.map((i) => i.sha256 ?? `(no hash) ${i.imageId}`),
    });
    const ids = (indices: number[]) => indices.map((i) => all[i].imageId);
    const leakedNear = near.filter((pair) => pair.a.split !== pair.b.split);
    const affected = new Set(
      [...leakage.patients, ...leakage.lesions, ...leakage.exactDuplicates].flatMap((group) =>
        ids(group.indices),
      ),
    );
    for (const pair of leakedNear) affected.add(pair.a.imageId).add(pair.b.imageId);
    await progress({ step: 3, total: 4 });

    const labelled = readable.filter(({ item }) => item.conceptCode);
    const classes = new Set(labelled.map(({ item }) => item.conceptCode));
    let labelIssues: ReturnType<typeof findAuditLabelIssues> | null = null;
    if (labelled.length >= payload.folds * 2 && classes.size >= 2) {
      const pixelDims = THUMBNAIL_DIMS + pixels.colourDims;
      labelIssues = findAuditLabelIssues(
        {
          imageIds: labelled.map(({ item }) => item.imageId),
          lesionIds: labelled.map(({ item }) => item.caseId),
          labels: labelled.map(({ item }) => item.conceptCode!),
          pixels: flat(
            labelled.map(({ index }) =>
              Float64Array.from([...pixels.thumbnails[index]!, ...pixels.colours[index]!]),
            ),
            pixelDims,
          ),
          pixelDims,
          embeddings: embedded
            ? flat(
                labelled.map(({ item }) => embeddingOf(item.imageId)),
                dims,
              )
            : null,
          dims,
        },
        payload.folds,
      );
    } else {
      await log('Too few labelled, readable images for confident learning; label issues skipped.', 'warn');
    }
    const report = {
      images: all.length,
      embeddingModelId: model?.id ?? null,
      labelIssues: labelIssues ?? {
        checked: 0,
        classes: [...classes].sort(),
        method: 'skipped: too few labelled images',
        issues: [],
      },
      duplicates: {
        exactGroups: exact.length,
        exact: exact.slice(0, payload.maxIssues),
        nearPairs: near.length,
        nearGroups: near.length,
        near: near.slice(0, payload.maxIssues).map((pair) => [pair.a.imageId, pair.b.imageId]),
        nearPairDetails: near.slice(0, payload.maxIssues).map((pair) => ({
          imageIds: [pair.a.imageId, pair.b.imageId],
          ratio: pair.ratio,
          distance: pair.distance,
          confirmedByEmbedding: pair.confirmed,
        })),
        method:
          "mutual nearest neighbours on 8 x 8 colour thumbnails, nearer than 0.4 x either image's second-nearest and than half the median nearest-neighbour distance; confirmed when the embedding ranks them within each other's 5 nearest",
        nearDuplicateThreshold: null,
        embedding: confirmation
          ? {
              healthy: confirmation.healthy,
              relativeSpread: confirmation.relativeSpread,
              warning: confirmation.warning,
            }
          : null,
      },
      leakage: {
        patients: leakage.patients
          .slice(0, payload.maxIssues)
          .map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        lesions: leakage.lesions
          .slice(0, payload.maxIssues)
          .map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        exactDuplicates: leakage.exactDuplicates
          .slice(0, payload.maxIssues)
          .map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        nearDuplicatePairs: leakedNear.length,
        nearDuplicates: leakedNear.slice(0, payload.maxIssues).map((pair) => ({
          imageIds: [pair.a.imageId, pair.b.imageId],
          distance: pair.distance,
          splits: [pair.a.split, pair.b.split],
        })),
        affectedImages: affected.size,
      },
    };
    const audit = await saveDataAudit(db, {
      datasetVersionId: payload.datasetVersionId,
      jobId: job.id,
      report: JSON.parse(JSON.stringify(report)),
    });
    const issues = labelIssues?.issues.length ?? 0;
    await progress({
      step: 4,
      total: 4,
      metrics: {
        labelIssues: issues,
        exactDuplicates: exact.length,
        nearDuplicates: near.length,
        leakedImages: affected.size,
      },
    });
    await log(
      `Audit ${audit.id}: ${issues} label issues (noise estimate ${labelIssues?.estimatedNoiseRate ?? '-'}, from the ${labelIssues?.features ?? '-'}), ${exact.length} exact and ${near.length} near-duplicate pairs, ${affected.size} images in leaks.`,
    );
  },
};
