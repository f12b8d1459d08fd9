import path from 'node:path';
import { disposePretrainState, resolvePretrainConfig } from '@dermino/model';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { adapterSummary } from '../backend/webgpu-adapter.js';
import { useBackendOption, useConfiguredBackend } from '../backend/use-backend.js';
import { writeBackboneFiles } from '../jobs/pretrain/export-backbone.js';
import { createHealthProbe, describeHealth } from '../jobs/pretrain/health-probe.js';
import { pretrainConfigOf } from '../jobs/pretrain/pretrain-payload.js';
import { runPretraining } from '../jobs/pretrain/pretrain-loop.js';
import { parseDuration, stepsForBudget } from '../jobs/pretrain/pretrain-budget.js';
import { trainingParallelism } from '../backend/training-replicas.js';
import { createProgressBar } from '../progress/progress-bar.js';
import { loadCliData } from './cli-data.js';

const positive = (value: string, flag: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer, got "${value}"`);
  return n;
};

export function registerPretrainCommand(program: Command, _env: () => Env): void {
  program
    .command('pretrain')
    .description('Hybrid pretraining without the platform: checkpoints, backbone weights and ONNX in --out (resumes an existing --out)')
    .requiredOption('--data <spec>', 'synthetic:N or a folder of images')
    .option('--steps <n>', 'training steps')
    .option('--budget <duration>', 'wall-clock budget (8h, 90m, 300s): steps are timed on this machine to fill it, and training stops at it')
    .requiredOption('--out <dir>', 'output folder')
    .option('--preset <name>', 'tiny, vit-s16 or vit-b16', 'tiny')
    .option('--batch-size <n>', 'images per step', '32')
    .option('--checkpoint-every <n>', 'steps between checkpoints', '25')
    .option('--seed <n>', 'random seed', '0')
    .option('--backend <name>', 'tfjs backend: tensorflow-gpu, webgpu, tensorflow, wasm or cpu (default: DERMINO_BACKEND, else the fastest that loads)')
    .action(async (options: { data: string; steps?: string; budget?: string; out: string; preset: string; batchSize: string; checkpointEvery: string; seed: string; backend?: string }) => {
      useBackendOption(options.backend);
      if (!['tiny', 'vit-s16', 'vit-b16'].includes(options.preset)) throw new Error(`--preset must be tiny, vit-s16 or vit-b16, got "${options.preset}"`);
      if (!options.steps && !options.budget) throw new Error('pretrain needs --steps <n> or --budget <duration>');
      const budgetSeconds = options.budget ? parseDuration(options.budget) : undefined;
      const batchSize = positive(options.batchSize, 'batch-size');
      const configFor = (steps: number) => pretrainConfigOf({ config: {}, preset: options.preset as 'tiny', seed: Number(options.seed), steps });
      const size = resolvePretrainConfig(configFor(1)).vit.imageSize;
      const backend = await useConfiguredBackend();
      const parallel = trainingParallelism(backend);
      console.error(`Backend: ${backend.choice}${backend.adapter ? ` on ${adapterSummary(backend.adapter)}` : ''}, ${parallel.replicas} training thread(s)`);
      const data = await loadCliData(options.data, size, (message) => console.error(`warning: ${message}`));
      let steps = options.steps ? positive(options.steps, 'steps') : 0;
      if (!options.steps && budgetSeconds) {
        const timed = await stepsForBudget({ budgetSeconds, data, config: configFor(1000), batchSize, parallel });
        steps = timed.steps;
        console.error(`Budget ${options.budget}: ${timed.secondsPerStep.toFixed(2)} s per step here (${timed.timedSteps} steps timed after ${timed.warmupSteps} to warm up), so ${steps} steps.`);
      }
      const config = configFor(steps);
      const bar = createProgressBar('pretrain', { unit: 'steps' });
      const runDir = path.join(options.out, 'checkpoints');
      // The images have no ids here: their order in --data is the probe set's order.
      const probe = await createHealthProbe({ runDir, imageIds: Array.from({ length: data.count }, (_, i) => String(i).padStart(9, '0')), pixels: data.pixels, size: data.size });
      const result = await runPretraining({
        data,
        config,
        steps,
        batchSize,
        parallel,
        maxSeconds: budgetSeconds,
        checkpointEvery: positive(options.checkpointEvery, 'checkpoint-every'),
        runDir,
        onStep: (log) => bar.update(log.step, steps),
        onCheckpoint: async (_step, _dir, state) => void (await probe.record(state)),
      }).catch((error: unknown) => {
        probe.dispose();
        throw error;
      });
      bar.stop(`Pretrained ${result.state.step} steps on ${data.count} images (${result.imagesPerSecond.toFixed(1)} images/s${result.state.step < steps ? `, stopped by the budget before step ${steps}` : ''}${result.resumedFrom ? `, resumed at step ${result.resumedFrom}` : ''}).`);
      const health = await probe.finish(result.state).finally(() => probe.dispose());
      console.error(describeHealth(health.final));
      for (const warning of health.verdict.warnings) console.error(`warning: ${warning}`);
      if (health.verdict.collapsed) console.error(`warning: collapsed backbone (the platform would register it as FAILED): ${health.verdict.reasons.join('; ')}`);
      await writeBackboneFiles(result.state, { weights: path.join(options.out, 'backbone.weights'), onnx: path.join(options.out, 'backbone.onnx') });
      disposePretrainState(result.state);
      console.log(`Checkpoint ${result.finalCheckpoint}\nONNX       ${path.join(options.out, 'backbone.onnx')}`);
    });
}
