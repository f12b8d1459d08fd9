import path from 'node:path';
import { findVersionImages, type Prisma, registerModelVersion } from '@dermino/db';
import { DEFAULT_COLLAPSE_THRESHOLDS, disposePretrainState, resolvePretrainConfig } from '@dermino/model';
import { trainingParallelism } from '../../backend/training-replicas.js';
import { useConfiguredBackend } from '../../backend/use-backend.js';
import { adapterSummary } from '../../backend/webgpu-adapter.js';
import type { JobHandler } from '../../worker/job-handler.js';
import { describeArtifact, jobFolderKey, readArtifact } from '../shared/artifacts.js';
import { vitConfigOf } from '../shared/backbone.js';
import { resolveModel, waitForJobs } from '../shared/dependencies.js';
import { loadPixels } from '../shared/load-pixels.js';
import { decodeWeights } from '../shared/weights-file.js';
import { conceptEmbeddingsFor } from './concept-labels.js';
import { writeBackboneFiles } from './export-backbone.js';
import { createHealthProbe, describeHealth } from './health-probe.js';
import { plannedSteps } from './planned-steps.js';
import { runPretraining } from './pretrain-loop.js';
import { type PretrainPayload, parsePretrainPayload, pretrainConfigOf } from './pretrain-payload.js';

const thin = <T>(points: T[], max: number) =>
  points.length <= max
    ? points
    : points.filter((_, i) => i % Math.ceil(points.length / max) === 0 || i === points.length - 1);

/**
 * Hybrid pretraining on a dataset version. Checkpoints every N steps; a re-delivered job (after a crash) resumes
 * from its latest checkpoint with the same schedule, and registers its model once (one model per job).
 */
export const pretrainJob: JobHandler<PretrainPayload> = {
  kind: 'PRETRAIN',
  parsePayload: parsePretrainPayload,
  async run(context) {
    const { db, home, job, payload, log, progress } = context;
    await waitForJobs(context as never, payload.after);
    const backend = await useConfiguredBackend();
    await log(
      `Backend: ${backend.choice}${backend.adapter ? ` on ${adapterSummary(backend.adapter)}` : ''}.`,
    );
    // Continued pretraining: the registered backbone's architecture and weights (an imported DINOv2, say).
    const from = payload.from ? await resolveModel(context as never, payload.from) : null;
    if (from && from.kind !== 'BACKBONE')
      throw new Error(`Model ${from.id} is a ${from.kind.toLowerCase()}, not a backbone to continue from.`);
    const initialBackbone = from
      ? decodeWeights(await readArtifact(home, from, 'backbone-weights'), `model ${from.id} backbone-weights`)
      : undefined;
    const configFor = (steps: number) =>
      from
        ? { ...pretrainConfigOf({ ...payload, steps }), vit: vitConfigOf(from) }
        : pretrainConfigOf({ ...payload, steps });
    const vit = resolvePretrainConfig(configFor(payload.steps)).vit;
    if (from)
      await log(
        `Continuing from backbone ${from.name} (${from.id}): ${vit.width} wide, ${vit.depth} blocks, ${vit.imageSize} px.`,
      );
    const images = await findVersionImages(db, {
      datasetVersionId: payload.datasetVersionId,
      splits: payload.splits,
    });
    const loaded = await loadPixels(
      home,
      images.map((image) => image.storageKey),
      vit.imageSize,
      (done, total) =>
        progress({ step: 0, total: payload.steps, metrics: { phase: 'loading images', done, of: total } }),
    );
    for (const failure of loaded.failed.slice(0, 20))
      await log(`Image ${images[failure.index].imageId}: ${failure.reason}`, 'warn');
    const used = loaded.loaded.map((index) => images[index]);
    if (used.length < 2)
      throw new Error(
        `Dataset version ${payload.datasetVersionId} has ${used.length} readable images in ${payload.splits.join('/')}; pretraining needs at least 2.`,
      );
    const codes = payload.useLabels
      ? [...new Set(used.flatMap((image) => (image.conceptCode ? [image.conceptCode] : [])))].sort()
      : [];
    const labels = codes.length
      ? {
          concepts: codes,
          embeddings: await conceptEmbeddingsFor(db, codes, vit.width),
          labelOf: Int32Array.from(used, (image) =>
            image.conceptCode ? codes.indexOf(image.conceptCode) : -1,
          ),
        }
      : undefined;
    const labelled = labels ? labels.labelOf.filter((label) => label >= 0).length : 0;
    const folder = jobFolderKey(job.id);
    const runDir = path.join(home, folder, 'run');
    const data = { pixels: loaded.pixels, count: used.length, size: vit.imageSize, labels };
    const parallel = trainingParallelism(backend);
    const plan = await plannedSteps({ payload, runDir, data, configFor, parallel });
    if (plan.timed)
      await log(
        `Budget ${payload.budgetSeconds} s: ${plan.timed.secondsPerStep.toFixed(2)} s a step here, so ${plan.steps} steps (at most ${payload.steps}).`,
      );
    const { steps } = plan;
    const input = configFor(steps);
    await log(
      `Pretraining on ${used.length} images (${labelled} labelled, ${codes.length} concepts), ${steps} steps of ${payload.batchSize}.`,
    );

    let lastProgress = 0;
    const probe = await createHealthProbe({
      runDir,
      imageIds: used.map((image) => image.imageId),
      pixels: loaded.pixels,
      size: vit.imageSize,
    });
    const result = await runPretraining({
      data,
      config: input,
      steps,
      batchSize: payload.batchSize,
      checkpointEvery: payload.checkpointEvery,
      runDir,
      parallel,
      maxSeconds: payload.budgetSeconds,
      initialBackbone,
      async onStep(step, info) {
        if (step.step === info.resumedFrom + 1 && info.resumedFrom > 0)
          await log(`Resumed from the checkpoint at step ${info.resumedFrom}.`);
        // At most one progress write a second (the last step always): the dashboard polls, it needs no more.
        if (Date.now() - lastProgress < 1000 && step.step < steps) return;
        lastProgress = Date.now();
        const remaining = steps - step.step;
        await progress({
          step: step.step,
          total: steps,
          rate: info.imagesPerSecond,
          etaSeconds:
            info.imagesPerSecond > 0 ? (remaining * payload.batchSize) / info.imagesPerSecond : null,
          metrics: { ...step.losses, lr: step.lr },
        });
      },
      async onCheckpoint(_step, _dir, state) {
        await log(describeHealth(await probe.record(state)));
      },
    }).catch((error: unknown) => {
      probe.dispose();
      throw error;
    });
    try {
      if (result.resumedFrom >= steps)
        await log(`Training had finished (step ${result.resumedFrom}); registering.`);
      const weightsKey = path.posix.join(folder, 'backbone.weights');
      const onnxKey = path.posix.join(folder, 'backbone.onnx');
      await writeBackboneFiles(
        result.state,
        { weights: path.join(home, weightsKey), onnx: path.join(home, onnxKey) },
        { 'dermino.job': job.id },
      );
      const checkpointKey = path.posix.relative(
        home.split(path.sep).join('/'),
        result.finalCheckpoint.split(path.sep).join('/'),
      );
      const artifacts = [
        await describeArtifact(home, 'backbone-weights', weightsKey),
        await describeArtifact(home, 'onnx', onnxKey),
        await describeArtifact(home, 'checkpoint-manifest', path.posix.join(checkpointKey, 'manifest.json')),
        await describeArtifact(home, 'checkpoint-tensors', path.posix.join(checkpointKey, 'tensors.bin')),
      ];
      const last = result.curve.at(-1);
      const health = await probe.finish(result.state);
      for (const warning of health.verdict.warnings) await log(`Health: ${warning}.`, 'warn');
      const statusReason = health.verdict.collapsed
        ? `Collapsed backbone at step ${health.final.step}: ${health.verdict.reasons.join('; ')}.`
        : null;
      const model = await registerModelVersion(db, {
        name: payload.name,
        kind: 'BACKBONE',
        config: JSON.parse(
          JSON.stringify({
            pretrain: result.state.config,
            steps,
            batchSize: payload.batchSize,
            ...(plan.timed
              ? { budgetSeconds: payload.budgetSeconds, secondsPerStep: plan.timed.secondsPerStep }
              : {}),
            images: used.length,
            labelled,
            concepts: codes,
            splits: payload.splits,
            continuedFrom: from?.id,
            // Which backend trained it, and on webgpu the adapter (vendor, architecture, CPU or not).
            backend: { choice: backend.choice, adapter: backend.adapter },
          }),
        ) as Prisma.InputJsonValue,
        datasetVersionId: payload.datasetVersionId,
        // Continued pretraining descends from the backbone it started from, and keeps the licence of its weights.
        parentId: from?.id ?? null,
        licence: from?.licence ?? null,
        jobId: job.id,
        metrics: {
          final: last ?? null,
          curve: thin(result.curve, 200),
          imagesPerSecond: result.imagesPerSecond,
          health: thin(health.points, 200),
          healthVerdict: { ...health.verdict, thresholds: DEFAULT_COLLAPSE_THRESHOLDS },
        } as unknown as Prisma.InputJsonValue,
        status: statusReason ? 'FAILED' : 'READY',
        statusReason,
        artifacts,
      });
      if (model.status === 'FAILED')
        await log(
          `Registered backbone ${model.id} as FAILED; it can never be promoted. ${model.statusReason}`,
          'error',
        );
      else await log(`Registered backbone ${model.id} (${result.imagesPerSecond.toFixed(1)} images/s).`);
    } finally {
      probe.dispose();
      disposePretrainState(result.state);
    }
  },
};
