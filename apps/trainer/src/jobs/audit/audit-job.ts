import { clusterPairs, findExactDuplicates, findLabelIssues, findNearDuplicatePairs, findSplitLeakage } from '@dermino/analytics';
import { findEmbeddings, findVersionImages, saveDataAudit } from '@dermino/db';
import { z } from 'zod';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import type { JobHandler } from '../../worker/job-handler.js';
import { afterSchema, modelRefSchema, resolveModel, waitForJobs } from '../shared/dependencies.js';
import { outOfFoldProbabilities } from './out-of-fold.js';

const payloadSchema = z
  .object({
    datasetVersionId: z.string().uuid(),
    /** A model whose stored embeddings (EMBED job) feed label issues and near-duplicates; without it only exact checks run. */
    model: modelRefSchema.optional(),
    nearDuplicateThreshold: z.number().gt(0).max(2).default(0.1),
    folds: z.number().int().min(2).max(20).default(5),
    maxIssues: z.number().int().min(1).max(100_000).default(200),
    after: afterSchema,
  })
  .strict();

type AuditPayload = z.infer<typeof payloadSchema>;

/** Centred copies: a small backbone's embeddings share a large common direction that hides differences in cosine. */
function centre(vectors: number[][], dims: number): Float64Array {
  const mean = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) mean[d] += v[d] / vectors.length;
  return Float64Array.from(vectors.flatMap((v) => v.map((x, d) => x - mean[d])));
}

/** Label issues (confident learning), exact and near duplicates, and split leakage of a dataset version. */
export const auditJob: JobHandler<AuditPayload> = {
  kind: 'AUDIT',
  parsePayload: (raw) => payloadSchema.parse(raw),
  async run(context) {
    const { db, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const model = payload.model ? await resolveModel(context as never, payload.model) : null;
    const items = await findVersionImages(db, { datasetVersionId: payload.datasetVersionId });
    await progress({ step: 1, total: 4 });
    const byImage = new Map(model ? (await findEmbeddings(db, { modelVersionId: model.id })).map((row) => [row.imageId, row.vector]) : []);
    const embedded = items.filter((item) => byImage.has(item.imageId));
    if (model && embedded.length < items.length) await log(`${items.length - embedded.length} images have no embedding of model ${model.id}; left out of the embedding checks.`, 'warn');
    const dims = embedded.length ? byImage.get(embedded[0].imageId)!.length : 0;
    const vectors = centre(embedded.map((item) => byImage.get(item.imageId)!), dims);

    const exact = findExactDuplicates(items.map((item) => item.sha256 ?? `(no hash) ${item.imageId}`)).map((group) => group.map((i) => items[i].imageId));
    const pairs = dims ? findNearDuplicatePairs(vectors, dims, payload.nearDuplicateThreshold) : [];
    const nearGroups = clusterPairs(embedded.length, pairs).filter((g) => g.length > 1).map((g) => g.map((i) => embedded[i].imageId));
    await progress({ step: 2, total: 4 });

    // Embeddings join the leakage check only when every image has one (indices must line up).
    const complete = dims > 0 && embedded.length === items.length;
    const leakageRows = complete ? embedded : items;
    const leakage = findSplitLeakage({
      split: leakageRows.map((i) => i.split!),
      patientId: leakageRows.map((i) => i.patientId),
      lesionId: leakageRows.map((i) => i.lesionId),
      contentHash: leakageRows.map((i) => i.sha256 ?? `(no hash) ${i.imageId}`),
      ...(complete ? { embeddings: vectors, dims, nearDuplicateThreshold: payload.nearDuplicateThreshold } : {}),
    });
    const ids = (indices: number[]) => indices.map((i) => leakageRows[i].imageId);
    await progress({ step: 3, total: 4 });

    let labelIssues: unknown[] = [];
    let labelled = 0;
    const withLabels = embedded.filter((item) => item.conceptCode);
    const classes = [...new Set(withLabels.map((item) => item.conceptCode!))].sort();
    if (withLabels.length >= payload.folds * 2 && classes.length >= 2) {
      await useConfiguredBackend();
      labelled = withLabels.length;
      const features = Float32Array.from(withLabels.flatMap((item) => byImage.get(item.imageId)!));
      const labels = Int32Array.from(withLabels, (item) => classes.indexOf(item.conceptCode!));
      const probabilities = outOfFoldProbabilities(features, labels, dims, classes.length, payload.folds);
      labelIssues = findLabelIssues(probabilities, classes.length, labels).issues.slice(0, payload.maxIssues).map((issue) => ({
        imageId: withLabels[issue.index].imageId,
        givenLabel: classes[issue.givenLabel],
        suggestedLabel: classes[issue.suggestedLabel],
        selfConfidence: issue.selfConfidence,
        margin: issue.margin,
      }));
    } else {
      await log('Too few labelled images with embeddings for confident learning; label issues skipped.', 'warn');
    }
    const report = {
      images: items.length,
      embeddingModelId: model?.id ?? null,
      labelIssues: { checked: labelled, classes, method: `confident learning on ${payload.folds}-fold out-of-sample linear-probe probabilities`, issues: labelIssues },
      // Lists are capped (counts are not), so a loose threshold cannot produce a report too big to store or show.
      duplicates: {
        exactGroups: exact.length,
        exact: exact.slice(0, payload.maxIssues),
        nearPairs: pairs.length,
        nearGroups: nearGroups.length,
        near: nearGroups.slice(0, payload.maxIssues).map((group) => group.slice(0, 50)),
        nearDuplicateThreshold: payload.nearDuplicateThreshold,
        embeddingsCentred: true,
      },
      leakage: {
        patients: leakage.patients.slice(0, payload.maxIssues).map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        lesions: leakage.lesions.slice(0, payload.maxIssues).map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        exactDuplicates: leakage.exactDuplicates.slice(0, payload.maxIssues).map((l) => ({ key: l.key, splits: l.splits, imageIds: ids(l.indices) })),
        nearDuplicatePairs: leakage.nearDuplicates.length,
        nearDuplicates: [...leakage.nearDuplicates]
          .sort((a, b) => a.distance - b.distance)
          .slice(0, payload.maxIssues)
          .map((p) => ({ imageIds: ids([p.a, p.b]), distance: p.distance, splits: p.splits })),
        affectedImages: leakage.affectedImages,
      },
    };
    const audit = await saveDataAudit(db, { datasetVersionId: payload.datasetVersionId, jobId: job.id, report: JSON.parse(JSON.stringify(report)) });
    await progress({ step: 4, total: 4, metrics: { labelIssues: labelIssues.length, exactDuplicates: exact.length, nearDuplicates: nearGroups.length, leakedImages: leakage.affectedImages } });
    await log(`Audit ${audit.id}: ${labelIssues.length} label issues, ${exact.length} exact and ${nearGroups.length} near-duplicate groups, ${leakage.affectedImages} images in leaks.`);
  },
};
