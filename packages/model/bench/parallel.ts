// Data-parallel pretraining benchmark: images/s of the tiny step with 1 and 2 replicas (one wasm backend per worker
// thread, gradients averaged every step), each replica on the same per-replica batch, and the step's achieved
// GFLOP per CPU-second against the single-thread wasm 1024^3 matmul, all in one process and one run.
// Run alone: `npx tsx bench/parallel.ts [--replicas 1,2] [--batch 32] [--steps 6] [--no-independent]`.
// The reference for the scaling: as many independent one-replica trainings as replicas, in separate processes timed
// over the same window (no gradients exchanged). Their summed images/s is what this machine gives the step on that
// many cores; the data-parallel trainer can at best match it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { hybridStepFlops } from './training-flops';

export interface ParallelBenchRow {
  replicas: number;
  batch: number;
  secondsPerStep: number;
  imagesPerSecond: number;
  /** Process CPU seconds per step (all threads). */
  cpuSecondsPerStep: number;
  gflopPerCpuSecond: number;
}

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

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

export async function runParallelBench(
  options: { replicas?: number[]; batch?: number; steps?: number; log?: (line: string) => void } = {},
) {
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  const { registerGradients } = await import('../src/register-gradients');
  registerGradients();
  const { createPretrainState, disposePretrainState } = await import('../src/train/pretrain-state');
  const { createParallelTrainer } = await import('../src/train/parallel/parallel-trainer');
  const perReplica = options.batch ?? 32;
  const steps = options.steps ?? 6;
  const before = matmulGflops();
  const rows: ParallelBenchRow[] = [];
  for (const replicas of options.replicas ?? [1, 2]) {
    const state = createPretrainState({ vit: 'tiny', schedule: { epochs: 10, stepsPerEpoch: 10 } });
    const trainer = await createParallelTrainer(state, {
      replicas,
      backend: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
    });
    const batch = perReplica * replicas;
    const images = tf.randomUniform([batch, 32, 32, 3]) as tf.Tensor4D;
    await trainer.step({ images });
    const start = performance.now();
    const startCpu = cpuSeconds();
    for (let i = 0; i < steps; i++) await trainer.step({ images });
    const secondsPerStep = (performance.now() - start) / 1000 / steps;
    const cpuSecondsPerStep = (cpuSeconds() - startCpu) / steps;
    const row = {
      replicas,
      batch,
      secondsPerStep,
      imagesPerSecond: batch / secondsPerStep,
      cpuSecondsPerStep,
      gflopPerCpuSecond: hybridStepFlops(state.config, batch) / cpuSecondsPerStep / 1e9,
    };
    rows.push(row);
    await trainer.close();
    images.dispose();
    disposePretrainState(state);
  }
  const matmul = Math.max(before, matmulGflops());
  for (const row of rows) options.log?.(formatParallelRow(row, matmul, rows[0]));
  return { rows, matmul };
}

/** One replica's timed steps in this process, started when the parent says so (a line on stdin). */
async function independentChild(batch: number, steps: number) {
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  const { registerGradients } = await import('../src/register-gradients');
  registerGradients();
  const { createPretrainState } = await import('../src/train/pretrain-state');
  const { createParallelTrainer } = await import('../src/train/parallel/parallel-trainer');
  const state = createPretrainState({ vit: 'tiny', schedule: { epochs: 10, stepsPerEpoch: 10 } });
  const trainer = await createParallelTrainer(state, {
    replicas: 1,
    backend: { module: '@tensorflow/tfjs-backend-wasm', name: 'wasm' },
  });
  const images = tf.randomUniform([batch, 32, 32, 3]) as tf.Tensor4D;
  await trainer.step({ images });
  console.log('READY');
  await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
  const start = performance.now();
  for (let i = 0; i < steps; i++) await trainer.step({ images });
  console.log(JSON.stringify({ secondsPerStep: (performance.now() - start) / 1000 / steps }));
  await trainer.close();
  process.exit(0);
}

/**
 * `count` independent one-replica trainings in separate processes, warmed up, then timed from one start signal:
 * their summed images/s (the machine's ceiling for the step on `count` cores).
 */
export async function independentImagesPerSecond(
  count: number,
  batch: number,
  steps: number,
): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      [...process.execArgv, self, '--independent-child', String(batch), String(steps)],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  const lines = children.map((child) => createInterface({ input: child.stdout! }));
  const next = (i: number) =>
    new Promise<string>((resolve, reject) => {
      lines[i].once('line', resolve);
      children[i].once('exit', (code) =>
        reject(new Error(`independent replica ${i} exited with code ${code}`)),
      );
    });
  const ready = await Promise.all(children.map((_, i) => next(i)));
  if (ready.some((line) => line !== 'READY')) throw new Error(`independent replicas: ${ready.join(', ')}`);
  const results = children.map((_, i) => next(i));
  for (const child of children) child.stdin!.write('go\n');
  const rows = (await Promise.all(results)).map((line) => JSON.parse(line) as { secondsPerStep: number });
  return rows.reduce((sum, row) => sum + batch / row.secondsPerStep, 0);
}

export const PARALLEL_TABLE_HEADER =
  '| tiny step (tfjs wasm) | replicas | batch | wall s/step | images/s (wall) | vs 1 replica | step GFLOP per CPU-s | of 1-thread matmul 1024³ |\n|---|---|---|---|---|---|---|---|';

export function formatParallelRow(row: ParallelBenchRow, matmul: number, single: ParallelBenchRow): string {
  const cells = [
    'data-parallel',
    row.replicas,
    row.batch,
    row.secondsPerStep.toFixed(3),
    row.imagesPerSecond.toFixed(1),
    `${(row.imagesPerSecond / single.imagesPerSecond).toFixed(2)}x`,
    row.gflopPerCpuSecond.toFixed(2),
    `${((100 * row.gflopPerCpuSecond) / matmul).toFixed(1)}% (matmul ${matmul.toFixed(1)})`,
  ];
  return `| ${cells.join(' | ')} |`;
}

const childAt = process.argv.indexOf('--independent-child');
if (childAt > 0) {
  await independentChild(Number(process.argv[childAt + 1]), Number(process.argv[childAt + 2]));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  console.log(PARALLEL_TABLE_HEADER);
  const batch = arg('--batch') ? Number(arg('--batch')) : 32;
  const steps = arg('--steps') ? Number(arg('--steps')) : 6;
  const { rows } = await runParallelBench({
    replicas: arg('--replicas')?.split(',').map(Number),
    batch,
    steps,
    log: (line) => console.log(line),
  });
  if (!process.argv.includes('--no-independent')) {
    for (const row of rows.filter((r) => r.replicas > 1)) {
      const ceiling = await independentImagesPerSecond(row.replicas, batch, steps);
      console.log(
        `${row.replicas} independent one-replica trainings at once (separate processes, same window): ${ceiling.toFixed(1)} images/s in all, ${(ceiling / rows[0].imagesPerSecond).toFixed(2)}x one alone; the data-parallel trainer gives ${(row.imagesPerSecond / ceiling).toFixed(2)} of that`,
      );
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} after`,
  );
}
