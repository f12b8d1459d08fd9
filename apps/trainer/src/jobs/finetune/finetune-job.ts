import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { findVersionImages, type ModelArtifactInput, registerModelVersion } from '@dermino/db';
import { disposeModel, exportVitToOnnx, fineTune, getVitWeights, getWeights, sampleLabelFraction, type WeightMap } from '@dermino/model';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import type { JobHandler } from '../../worker/job-handler.js';
import { describeArtifact, jobFolderKey, writeFileAtomic } from '../shared/artifacts.js';
import { featuresOf, loadBackbone } from '../shared/backbone.js';
import { resolveModel } from '../shared/dependencies.js';
import { loadPixels } from '../shared/load-pixels.js';
import { encodeWeights } from '../shared/weights-file.js';
import { fitKnn } from './fit-knn.js';
import { fitLinearProbe, predictLinear } from './fit-linear.js';
import { type FinetunePayload, finetunePayloadSchema } from './finetune-payload.js';

const pick = <T>(values: ArrayLike<T>, indices: number[]) => indices.map((i) => values[i]);
const pickRows = (rows: Float32Array, dims: number, indices: number[]) => {
  const out = new Float32Array(indices.length * dims);
  indices.forEach((index, row) => out.set(rows.subarray(index * dims, (index + 1) * dims), row * dims));
  return out;
};

/** Linear probe, kNN or full fine-tune of a backbone at a label fraction; registers a classifier with its parent. */
export const finetuneJob: JobHandler<FinetunePayload> = {
  kind: 'FINETUNE',
  parsePayload: (raw) => finetunePayloadSchema.parse(raw),
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    const backbone = await resolveModel(context as never, payload.backbone);
    await useConfiguredBackend();
    const vit = await loadBackbone(home, backbone);
    try {
      const dims = vit.config.width;
      const items = await findVersionImages(db, { datasetVersionId: payload.datasetVersionId, splits: ['TRAIN', 'VAL'], labelledOnly: true });
      const classes = [...new Set(items.map((item) => item.conceptCode!))].sort();
      if (classes.length < 2) throw new Error(`Dataset version ${payload.datasetVersionId} has ${classes.length} labelled class(es) in train/val; a classifier needs 2.`);
      const loaded = await loadPixels(home, items.map((item) => item.storageKey), vit.config.imageSize);
      const used = loaded.loaded.map((index) => items[index]);
      const labels = Int32Array.from(used, (item) => classes.indexOf(item.conceptCode!));
      const trainRows = used.flatMap((item, row) => (item.split === 'TRAIN' ? [row] : []));
      const valRows = used.flatMap((item, row) => (item.split === 'VAL' ? [row] : []));
      const chosen = pick(trainRows, sampleLabelFraction(pick(labels, trainRows), payload.labelFraction, payload.seed));
      await progress({ step: 1, total: 3, metrics: { trainImages: chosen.length, valImages: valRows.length } });
      await log(`${payload.method} on ${chosen.length} of ${trainRows.length} labelled train images (fraction ${payload.labelFraction}), ${valRows.length} validation images, ${classes.length} classes.`);

      const folder = jobFolderKey(job.id);
      const artifacts: ModelArtifactInput[] = [];
      const metadata = { 'dermino.job': job.id, 'dermino.method': payload.method };
      let config: Record<string, unknown> = { vit: vit.config, method: payload.method, labelFraction: payload.labelFraction, seed: payload.seed };
      let metrics: Record<string, unknown> = { trainImages: chosen.length, valImages: valRows.length };
      let exportWeights: WeightMap = getVitWeights(vit);
      let classifier: WeightMap | undefined;

      if (payload.method === 'finetune') {
        const size = vit.config.imageSize;
        const length = size * size * 3;
        const images = tf.tensor4d(pickRows(loaded.pixels, length, chosen), [chosen.length, size, size, 3]);
        const head = fineTune(vit, images, pick(labels, chosen), { classes: classes.length, epochs: payload.epochs, seed: payload.seed });
        images.dispose();
        classifier = getWeights(head.weights);
        tf.dispose(Object.values(head.weights));
        exportWeights = getVitWeights(vit);
        const valFeatures = featuresOf(vit, pickRows(loaded.pixels, length, valRows), valRows.length);
        const predicted = predictLinear(classifier, valFeatures, dims);
        metrics.valAccuracy = valRows.length ? predicted.filter((p, i) => p === labels[valRows[i]]).length / valRows.length : null;
        config = { ...config, epochs: payload.epochs };
      } else {
        const features = featuresOf(vit, loaded.pixels, used.length);
        const train = { features: pickRows(features, dims, chosen), labels: Int32Array.from(pick(labels, chosen)) };
        const val = { features: pickRows(features, dims, valRows), labels: Int32Array.from(pick(labels, valRows)) };
        await progress({ step: 2, total: 3 });
        if (payload.method === 'linear') {
          const fit = fitLinearProbe(train, val, dims, classes.length);
          classifier = fit.weights;
          config = { ...config, weightDecay: fit.weightDecay, standardised: 'folded into weights' };
          metrics.valAccuracy = fit.valAccuracy;
        } else {
          const fit = fitKnn(train, val, dims, classes.length);
          config = { ...config, k: fit.k, temperature: 0.07 };
          metrics.valAccuracy = fit.valAccuracy;
          const memoryKey = path.posix.join(folder, 'knn-memory.weights');
          const memory = {
            features: { shape: [train.labels.length, dims], data: train.features },
            labels: { shape: [train.labels.length], data: Float32Array.from(train.labels) },
          };
          await writeFileAtomic(path.join(home, memoryKey), encodeWeights(memory));
          artifacts.push(await describeArtifact(home, 'knn-memory', memoryKey));
        }
      }
      if (classifier) {
        const classifierKey = path.posix.join(folder, 'classifier.weights');
        await writeFileAtomic(path.join(home, classifierKey), encodeWeights(classifier));
        artifacts.push(await describeArtifact(home, 'classifier-weights', classifierKey));
      }
      if (payload.method === 'finetune') {
        const weightsKey = path.posix.join(folder, 'backbone.weights');
        await writeFileAtomic(path.join(home, weightsKey), encodeWeights(exportWeights));
        artifacts.push(await describeArtifact(home, 'backbone-weights', weightsKey));
      }
      const onnxKey = path.posix.join(folder, 'model.onnx');
      const onnx = exportVitToOnnx({ config: vit.config, weights: exportWeights, classifier: classifier ? { weights: classifier, classNames: classes } : undefined, metadata });
      await writeFileAtomic(path.join(home, onnxKey), onnx);
      artifacts.push(await describeArtifact(home, 'onnx', onnxKey));
      metrics = { ...metrics, labelFraction: payload.labelFraction, method: payload.method };
      const model = await registerModelVersion(db, {
        name: payload.name ?? `${backbone.name}-${payload.method}-${Math.round(payload.labelFraction * 100)}pct`,
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
    } finally {
      disposeModel(vit);
    }
  },
};
