// Training benchmark: images/s and achieved GFLOP/s of the hybrid pretraining step per preset on the wasm backend,
// against the backend's own 1024^3 matmul GFLOP/s measured in the same process just before, and the peak RSS
// of the process. Each preset runs in its own child process so its peak RSS is its own.
// Run alone: `npx tsx bench/training.ts` (all presets) or `npx tsx bench/training.ts --preset tiny` (one, JSON out).
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import type { VitPresetName } from '../src/vit/config';
import { hybridStepFlops } from './training-flops';

export interface TrainingBenchRow {
  preset: VitPresetName;
  batch: number;
  steps: number;
  secondsPerStep: number;
  imagesPerSecond: number;
  gflopPerSecond: number;
  matmulGflops: number;
  fractionOfMatmul: number;
  peakRssMb: number;
}

const PLAN: Record<VitPresetName, { batch: number; steps: number; warmup: number }> = {
  tiny: { batch: 32, steps: 3, warmup: 1 },
  'vit-s16': { batch: 2, steps: 1, warmup: 0 },
  'vit-b16': { batch: 2, steps: 1, warmup: 0 },
};

async function matmulGflops(): Promise<number> {
  const a = tf.randomNormal([1024, 1024]);
  let best = 0;
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    const c = tf.matMul(a, a);
    c.dataSync();
    const ms = performance.now() - start;
    c.dispose();
    if (i > 0) best = Math.max(best, (2 * 1024 ** 3) / ms / 1e6);
  }
  a.dispose();
  return best;
}

/** Runs one preset in this process (wasm backend). */
export async function benchPreset(preset: VitPresetName): Promise<TrainingBenchRow> {
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  const { createPretrainState } = await import('../src/train/pretrain-state');
  const { trainStep } = await import('../src/train/train-step');
  const plan = PLAN[preset];
  const state = createPretrainState({ vit: preset, schedule: { epochs: 10, stepsPerEpoch: 10 } });
  const size = state.config.vit.imageSize;
  const images = tf.randomUniform([plan.batch, size, size, 3]) as tf.Tensor4D;
  const reference = await matmulGflops();
  for (let i = 0; i < plan.warmup; i++) trainStep(state, { images });
  const start = performance.now();
  for (let i = 0; i < plan.steps; i++) trainStep(state, { images });
  const secondsPerStep = (performance.now() - start) / 1000 / plan.steps;
  const gflopPerSecond = hybridStepFlops(state.config, plan.batch) / secondsPerStep / 1e9;
  return {
    preset,
    batch: plan.batch,
    steps: plan.steps,
    secondsPerStep,
    imagesPerSecond: plan.batch / secondsPerStep,
    gflopPerSecond,
    matmulGflops: reference,
    fractionOfMatmul: gflopPerSecond / reference,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const run = promisify(execFile);

export async function runTrainingBench(options: { presets?: VitPresetName[]; log?: (line: string) => void } = {}): Promise<TrainingBenchRow[]> {
  const rows: TrainingBenchRow[] = [];
  const script = fileURLToPath(import.meta.url);
  for (const preset of options.presets ?? (Object.keys(PLAN) as VitPresetName[])) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--preset', preset], { maxBuffer: 1 << 24, timeout: 3_600_000 });
    const row = JSON.parse(stdout.trim().split('\n').at(-1)!) as TrainingBenchRow;
    options.log?.(formatTrainingRow(row));
    rows.push(row);
  }
  return rows;
}

export const TRAINING_TABLE_HEADER =
  '| preset | batch | s/step | images/s | GFLOP/s | wasm matmul 1024^3 GFLOP/s | share of matmul | peak RSS MB |\n|---|---|---|---|---|---|---|---|';

export function formatTrainingRow(row: TrainingBenchRow): string {
  return `| ${row.preset} | ${row.batch} | ${row.secondsPerStep.toFixed(2)} | ${row.imagesPerSecond.toFixed(2)} | ${row.gflopPerSecond.toFixed(2)} | ${row.matmulGflops.toFixed(1)} | ${(100 * row.fractionOfMatmul).toFixed(1)}% | ${row.peakRssMb.toFixed(0)} |`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const presetIndex = process.argv.indexOf('--preset');
  if (presetIndex > 0) {
    console.log(JSON.stringify(await benchPreset(process.argv[presetIndex + 1] as VitPresetName)));
  } else {
    console.log(TRAINING_TABLE_HEADER);
    await runTrainingBench({ log: (line) => console.log(line) });
  }
}
