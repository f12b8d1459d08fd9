import path from 'node:path';
import { disposePretrainState, resolvePretrainConfig } from '@dermino/model';
import type { Command } from 'commander';
import type { Env } from '../env.js';
import { useConfiguredBackend } from '../backend/use-backend.js';
import { writeBackboneFiles } from '../jobs/pretrain/export-backbone.js';
import { pretrainConfigOf } from '../jobs/pretrain/pretrain-payload.js';
import { runPretraining } from '../jobs/pretrain/pretrain-loop.js';
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
    .requiredOption('--steps <n>', 'training steps')
    .requiredOption('--out <dir>', 'output folder')
    .option('--preset <name>', 'tiny, vit-s16 or vit-b16', 'tiny')
    .option('--batch-size <n>', 'images per step', '32')
    .option('--checkpoint-every <n>', 'steps between checkpoints', '25')
    .option('--seed <n>', 'random seed', '0')
    .action(async (options: { data: string; steps: string; out: string; preset: string; batchSize: string; checkpointEvery: string; seed: string }) => {
      if (!['tiny', 'vit-s16', 'vit-b16'].includes(options.preset)) throw new Error(`--preset must be tiny, vit-s16 or vit-b16, got "${options.preset}"`);
      const steps = positive(options.steps, 'steps');
      const config = pretrainConfigOf({ config: {}, preset: options.preset as 'tiny', seed: Number(options.seed), steps });
      const size = resolvePretrainConfig(config).vit.imageSize;
      const backend = await useConfiguredBackend();
      console.error(`Backend: ${backend.choice}`);
      const data = await loadCliData(options.data, size, (message) => console.error(`warning: ${message}`));
      const bar = createProgressBar('pretrain', { unit: 'steps' });
      const result = await runPretraining({
        data,
        config,
        steps,
        batchSize: positive(options.batchSize, 'batch-size'),
        checkpointEvery: positive(options.checkpointEvery, 'checkpoint-every'),
        runDir: path.join(options.out, 'checkpoints'),
        onStep: (log) => bar.update(log.step, steps),
      });
      bar.stop(`Pretrained ${steps} steps on ${data.count} images (${result.imagesPerSecond.toFixed(1)} images/s${result.resumedFrom ? `, resumed at step ${result.resumedFrom}` : ''}).`);
      await writeBackboneFiles(result.state, { weights: path.join(options.out, 'backbone.weights'), onnx: path.join(options.out, 'backbone.onnx') });
      disposePretrainState(result.state);
      console.log(`Checkpoint ${result.finalCheckpoint}\nONNX       ${path.join(options.out, 'backbone.onnx')}`);
    });
}
