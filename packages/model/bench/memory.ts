// Peak memory (and time) of the hybrid pretraining step per preset on the wasm backend, with and without activation
// checkpointing, at 2 global + the config's 4 local crops. Each run is its own child process, so the wasm heap
// (which grows and never shrinks) is that run's high-water mark.
// `npm run bench:memory -w @dermino/model` (all), or one run:
// `npx tsx bench/memory.ts --preset vit-s16 --checkpoint on --batch 8 --steps 3` (JSON out).
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import type { VitPresetName } from '../src/vit/config';

interface MemoryRun {
  preset: VitPresetName;
  checkpoint: boolean;
  batch: number;
  steps: number;
}

interface MemoryRow extends MemoryRun {
  crops: string;
  /** tfjs-tracked bytes of the state (weights, teacher, AdamW moments) before the first step. */
  stateMb: number;
  /** Highest tfjs-tracked byte count (every tensor's data) seen during the steps. */
  peakTrackedMb: number;
  /** Size of the wasm linear memory after the steps: its high-water mark, fragmentation and scratch included. */
  heapMb: number;
  wallSecondsPerStep: number;
  cpuSecondsPerStep: number;
  losses: number[];
  peakRssMb: number;
}

const MB = 1024 * 1024;

/** Follows every change of the engine's byte count: a precise peak, without tf.profile's per-kernel records. */
function trackPeakBytes(): () => number {
  const state = tf.engine().state as unknown as { numBytes: number };
  let value = state.numBytes;
  let peak = value;
  Object.defineProperty(state, 'numBytes', {
    configurable: true,
    get: () => value,
    set: (next: number) => {
      value = next;
      if (next > peak) peak = next;
    },
  });
  return () => peak;
}

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function runOne(run: MemoryRun): Promise<MemoryRow> {
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  const { createPretrainState } = await import('../src/train/pretrain-state');
  const { trainStep } = await import('../src/train/train-step');
  const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
  const state = createPretrainState({ vit: run.preset, checkpointActivations: run.checkpoint });
  const { crops, vit } = state.config;
  const images = tf.randomUniform(
    [run.batch, vit.imageSize, vit.imageSize, 3],
    0,
    1,
    'float32',
    1,
  ) as tf.Tensor4D;
  const stateBytes = tf.memory().numBytes;
  const peak = trackPeakBytes();
  const losses: number[] = [];
  let start = 0;
  let startCpu = 0;
  for (let step = 0; step < run.steps; step++) {
    // The first step is a warm-up for the timing (kernel set-up, heap growth); memory counts over all of them.
    if (step === 1 || run.steps === 1) [start, startCpu] = [performance.now(), cpuSeconds()];
    losses.push(trainStep(state, { images }).losses.total);
  }
  const timed = Math.max(1, run.steps - 1);
  return {
    ...run,
    crops: `2x${crops.globalSize} + ${crops.localCrops}x${crops.localSize}`,
    stateMb: stateBytes / MB,
    peakTrackedMb: peak() / MB,
    heapMb: heap() / MB,
    wallSecondsPerStep: (performance.now() - start) / 1000 / timed,
    cpuSecondsPerStep: (cpuSeconds() - startCpu) / timed,
    losses,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const PLAN: MemoryRun[] = (['tiny', 'vit-s16', 'vit-b16'] as const).flatMap((preset) =>
  [true, false].map((checkpoint) => ({
    preset,
    checkpoint,
    batch: 8,
    steps: { tiny: 4, 'vit-s16': 3, 'vit-b16': 2 }[preset],
  })),
);

export const MEMORY_TABLE_HEADER =
  '| preset | crops | batch | checkpointing | state MB | peak tracked MB | wasm heap MB | wall s/step | CPU s/step | losses |\n|---|---|---|---|---|---|---|---|---|---|';

function formatRow(row: MemoryRow): string {
  const cells = [
    row.preset,
    row.crops,
    row.batch,
    row.checkpoint ? 'on' : 'off',
    row.stateMb.toFixed(0),
    row.peakTrackedMb.toFixed(0),
    row.heapMb.toFixed(0),
    row.wallSecondsPerStep.toFixed(2),
    row.cpuSecondsPerStep.toFixed(2),
    row.losses.map((l) => l.toFixed(3)).join(', '),
  ];
  return `| ${cells.join(' | ')} |`;
}

const exec = promisify(execFile);

async function runAll(plan: MemoryRun[]): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`load average at start: ${load()}`);
  console.log(MEMORY_TABLE_HEADER);
  for (const run of plan) {
    const args = ['--preset', run.preset, '--checkpoint', run.checkpoint ? 'on' : 'off'];
    args.push('--batch', String(run.batch), '--steps', String(run.steps));
    try {
      const { stdout } = await exec(process.execPath, ['--import', 'tsx', script, ...args], {
        maxBuffer: 1 << 26,
        timeout: 3_600_000,
      });
      console.log(formatRow(JSON.parse(stdout.trim().split('\n').at(-1)!) as MemoryRow));
    } catch (error) {
      const reason = /memory access out of bounds|out of memory|Aborted\(\)|Array buffer allocation/i.test(
        String(error),
      )
        ? 'out of wasm memory (4 GB heap)'
        : String(error).split('\n')[0].slice(0, 160);
      const mode = run.checkpoint ? 'on' : 'off';
      console.log(`| ${run.preset} | | ${run.batch} | ${mode} | failed: ${reason} | | | | | |`);
    }
  }
  console.log(`load average at end: ${load()}`);
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const preset = argument('preset') as VitPresetName | undefined;
  const checkpoint = argument('checkpoint');
  const batch = Number(argument('batch') ?? 8);
  const steps = Number(argument('steps') ?? 3);
  if (!Number.isInteger(batch) || batch < 2) throw new Error(`--batch must be an integer >= 2, got ${batch}`);
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`--steps must be a positive integer, got ${steps}`);
  if (checkpoint !== undefined && checkpoint !== 'on' && checkpoint !== 'off')
    throw new Error(`--checkpoint must be on or off, got ${checkpoint}`);
  if (preset && checkpoint) {
    console.log(JSON.stringify(await runOne({ preset, checkpoint: checkpoint === 'on', batch, steps })));
  } else {
    await runAll(preset ? PLAN.filter((run) => run.preset === preset) : PLAN);
  }
}
