import path from 'node:path';
import { findVersionImages, type ModelArtifactInput, registerModelVersion } from '@dermino/db';
import { exportVitToOnnx, sampleLabelFraction, type WeightMap } from '@dermino/model';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import type { JobHandler } from '../../worker/job-handler.js';
import { describeArtifact, jobFolderKey, readArtifact, writeFileAtomic } from '../shared/artifacts.js';
import { vitConfigOf } from '../shared/backbone.js';
import { cachedEmbeddings } from '../shared/cached-embeddings.js';
import { resolveModel, waitForJobs } from '../shared/dependencies.js';
import { decodeWeights, encodeWeights } from '../shared/weights-file.js';
import { fineTuneBlocks } from './fine-tune-blocks.js';
import { type FinetunePayload, finetunePayloadSchema } from './finetune-payload.js';
import { fitHeadOnEmbeddings } from './fit-head.js';

const pick = <T>(values: ArrayLike<T>, indices: number[]) => indices.map((i) => values[i]);

/**
 * Linear probe or kNN on the backbone's cached embeddings (embedded once with its ONNX export, then heads train in
 * seconds), or fine-tuning of its last blocks in tfjs, at a label fraction; registers a classifier with its parent.
 */
export const finetuneJob: JobHandler<FinetunePayload> = {
  kind: 'FINETUNE',
  parsePayload: (raw) => finetunePayloadSchema.parse(raw),
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const backbone = await resolveModel(context as never, payload.backbone);
    if (backbone.kind !== 'BACKBONE')
      throw new Error(`Model ${backbone.id} is a ${backbone.kind.toLowerCase()}, not a backbone.`);
    const vitConfig = vitConfigOf(backbone);
    await useConfiguredBackend();
    const items = await findVersionImages(db, {
      datasetVersionId: payload.datasetVersionId,
      splits: ['TRAIN', 'VAL'],
      labelledOnly: true,
    });
    const classes = [...new Set(items.map((item) => item.conceptCode!))].sort();
    if (classes.length < 2)
      throw new Error(
        `Dataset version ${payload.datasetVersionId} has ${classes.length} labelled class(es) in train/val; a classifier needs 2.`,
      );
    const labelOf = (item: (typeof items)[number]) => classes.indexOf(item.conceptCode!);
    const trainItems = items.filter((item) => item.split === 'TRAIN');
    const valItems = items.filter((item) => item.split === 'VAL');
    const chosenItems = pick(
      trainItems,
      sampleLabelFraction(trainItems.map(labelOf), payload.labelFraction, payload.seed),
    );
    await log(
      `${payload.method} on ${chosenItems.length} of ${trainItems.length} labelled train images (fraction ${payload.labelFraction}), ${valItems.length} validation images, ${classes.length} classes.`,
    );
    await progress({
      step: 1,
      total: 3,
      metrics: { trainImages: chosenItems.length, valImages: valItems.length },
    });

    const folder = jobFolderKey(job.id);
    const artifacts: ModelArtifactInput[] = [];
    const backboneWeights = decodeWeights(
      await readArtifact(home, backbone, 'backbone-weights'),
      `model ${backbone.id} backbone-weights`,
    );
    let config: Record<string, unknown> = {
      vit: vitConfig,
      method: payload.method,
      labelFraction: payload.labelFraction,
      // The labels it learnt from (the overview's label-efficiency curve).
      trainImages: chosenItems.length,
      seed: payload.seed,
    };
    let metrics: Record<string, unknown>;
    let exportWeights: WeightMap = backboneWeights;
    let classifier: WeightMap | undefined;

    if (payload.method === 'finetune') {
      const tuned = await fineTuneBlocks({
        home,
        vitConfig,
        weights: backboneWeights,
        train: chosenItems,
        val: valItems,
        labelOf,
        classes: classes.length,
        payload,
      });
      for (const failure of tuned.failed.slice(0, 20))
        await log(`Image ${failure.imageId}: ${failure.reason}`, 'warn');
      classifier = tuned.classifier;
      exportWeights = tuned.weights;
      config = { ...config, epochs: payload.epochs, trainableBlocks: tuned.trainableBlocks };
      metrics = {
        trainImages: tuned.trainImages,
        valImages: tuned.valImages,
        valAccuracy: tuned.valAccuracy,
      };
      const weightsKey = path.posix.join(folder, 'backbone.weights');
      await writeFileAtomic(path.join(home, weightsKey), encodeWeights(exportWeights));
      artifacts.push(await describeArtifact(home, 'backbone-weights', weightsKey));
    } else {
      const wanted = [...chosenItems, ...valItems];
      const embedded = await cachedEmbeddings(db, home, backbone, wanted);
      for (const failure of embedded.failed.slice(0, 20))
        await log(`Image ${wanted[failure.index].imageId}: ${failure.reason}`, 'warn');
      await log(
        `Embeddings: ${embedded.cached} from the cache, ${embedded.computed} computed with the backbone's ONNX export.`,
      );
      await progress({ step: 2, total: 3 });
      const fit = fitHeadOnEmbeddings(
        payload.method,
        embedded,
        wanted.map(labelOf),
        chosenItems.length,
        classes.length,
      );
      config = { ...config, ...fit.config };
      metrics = { trainImages: fit.trainImages, valImages: fit.valImages, valAccuracy: fit.valAccuracy };
      classifier = fit.classifier;
      if (fit.memory) {
        const memoryKey = path.posix.join(folder, 'knn-memory.weights');
        await writeFileAtomic(path.join(home, memoryKey), encodeWeights(fit.memory));
        artifacts.push(await describeArtifact(home, 'knn-memory', memoryKey));
      }
    }
    if (classifier) {
      const classifierKey = path.posix.join(folder, 'classifier.weights');
      await writeFileAtomic(path.join(home, classifierKey), encodeWeights(classifier));
      artifacts.push(await describeArtifact(home, 'classifier-weights', classifierKey));
    }
    const onnxKey = path.posix.join(folder, 'model.onnx');
    const metadata = { 'dermino.job': job.id, 'dermino.method': payload.method };
    const onnx = exportVitToOnnx({
      config: vitConfig,
      weights: exportWeights,
      classifier: classifier ? { weights: classifier, classNames: classes } : undefined,
      metadata,
    });
    await writeFileAtomic(path.join(home, onnxKey), onnx);
    artifacts.push(await describeArtifact(home, 'onnx', onnxKey));
    metrics = { ...metrics, labelFraction: payload.labelFraction, method: payload.method };
    const model = await registerModelVersion(db, {
      name:
        payload.name ?? `${backbone.name}-${payload.method}-${Math.round(payload.labelFraction * 100)}pct`,
      kind: 'CLASSIFIER',
      config: JSON.parse(JSON.stringify(config)),
      classes,
      datasetVersionId: payload.datasetVersionId,
      parentId: backbone.id,
      jobId: job.id,
      metrics: JSON.parse(JSON.stringify(metrics)),
      artifacts,
    });
    await progress({ step: 3, total: 3, metrics });
    await log(`Registered classifier ${model.id}: validation accuracy ${metrics.valAccuracy ?? 'n/a'}.`);
  },
};
