// Training benchmark: images/s and achieved GFLOP/s of the hybrid pretraining step per preset on the wasm backend,
// against the backend's own 1024^3 matmul measured in the same process before and after (the better one), both
// per second of process CPU time because the cores are shared, and the peak RSS
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
  /** Process CPU seconds per step: on shared cores the wall clock also counts time spent waiting for a core. */
  cpuSecondsPerStep: number;
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

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** wasm 1024^3 matmul, GFLOP per process-CPU second (the wasm backend is single-threaded), best of 3. */
function matmulGflops(): number {
  const a = tf.randomNormal([1024, 1024]);
  let best = 0;
  for (let i = 0; i < 4; i++) {
    const start = cpuSeconds();
    const c = tf.matMul(a, a);
    c.dataSync();
    const seconds = cpuSeconds() - start;
    c.dispose();
    if (i > 0) best = Math.max(best, (2 * 1024 ** 3) / seconds / 1e9);
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
  const before = matmulGflops();
  for (let i = 0; i < plan.warmup; i++) trainStep(state, { images });
  const start = performance.now();
  const startCpu = cpuSeconds();
  for (let i = 0; i < plan.steps; i++) trainStep(state, { images });
  const secondsPerStep = (performance.now() - start) / 1000 / plan.steps;
  const cpuSecondsPerStep = (cpuSeconds() - startCpu) / plan.steps;
  const reference = Math.max(before, matmulGflops());
  const gflopPerSecond = hybridStepFlops(state.config, plan.batch) / cpuSecondsPerStep / 1e9;
  return {
    preset,
    batch: plan.batch,
    steps: plan.steps,
    secondsPerStep,
    cpuSecondsPerStep,
    imagesPerSecond: plan.batch / secondsPerStep,
    gflopPerSecond,
    matmulGflops: reference,
    fractionOfMatmul: gflopPerSecond / reference,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const run = promisify(execFile);

export async function runTrainingBench(
  options: { presets?: VitPresetName[]; log?: (line: string) => void } = {},
): Promise<TrainingBenchRow[]> {
  const rows: TrainingBenchRow[] = [];
  const script = fileURLToPath(import.meta.url);
  for (const preset of options.presets ?? (Object.keys(PLAN) as VitPresetName[])) {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--preset', preset], {
        maxBuffer: 1 << 26,
        timeout: 3_600_000,
      });
      const row = JSON.parse(stdout.trim().split('\n').at(-1)!) as TrainingBenchRow;
      options.log?.(formatTrainingRow(row));
      rows.push(row);
    } catch (error) {
      // vit-s16/b16 steps keep more activations for autograd than the wasm backend's 4 GB (32-bit) heap holds.
      const reason = /memory access out of bounds|out of memory|Aborted\(\)/i.test(String(error))
        ? 'out of wasm memory (4 GB heap)'
        : String(error).split('\n')[0].slice(0, 120);
      options.log?.(`| ${preset} | ${PLAN[preset].batch} | failed: ${reason} | | | | | | |`);
    }
  }
  return rows;
}

export const TRAINING_TABLE_HEADER =
  '| training (tfjs wasm) | batch | wall s/step | CPU s/step | images/s (wall) | step GFLOP per CPU-s | matmul 1024³ GFLOP per CPU-s | of matmul | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|';

export function formatTrainingRow(row: TrainingBenchRow): string {
  const cells = [
    row.preset,
    row.batch,
    row.secondsPerStep.toFixed(2),
    row.cpuSecondsPerStep.toFixed(2),
    row.imagesPerSecond.toFixed(2),
    row.gflopPerSecond.toFixed(2),
    row.matmulGflops.toFixed(1),
  ];
  return `| ${cells.join(' | ')} | ${(100 * row.fractionOfMatmul).toFixed(1)}% | ${row.peakRssMb.toFixed(0)} |`;
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
