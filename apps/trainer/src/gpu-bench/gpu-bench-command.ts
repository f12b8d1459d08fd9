import os from 'node:os';
import { registerGradients, type VitPresetName } from '@dermino/model';
import { type Command, InvalidArgumentError } from 'commander';
import { BACKEND_ORDER, type BackendChoice, selectBackend } from '../backend/select-backend.js';
import { measureThroughput, type ThroughputRow } from './measure-throughput.js';

const PRESETS: VitPresetName[] = ['tiny', 'vit-s16', 'vit-b16'];
/** Batches that fit the wasm heap (4 GB) without activation checkpointing; pass --batch for more on a GPU. */
const DEFAULT_BATCH: Record<VitPresetName, number> = { tiny: 32, 'vit-s16': 8, 'vit-b16': 4 };

const integerAtLeast = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`"${value}" is not an integer >= ${min}.`);
  return n;
};
const positiveList = (value: string) => value.split(',').map(integerAtLeast(1));

function parsePresets(value: string): VitPresetName[] {
  return value.split(',').map((name) => {
    if (!PRESETS.includes(name as VitPresetName))
      throw new InvalidArgumentError(`unknown preset "${name}"; known: ${PRESETS.join(', ')}.`);
    return name as VitPresetName;
  });
}

function parseBackend(value: string): BackendChoice | 'webgpu' {
  const known = [...BACKEND_ORDER, 'webgpu'];
  if (!known.includes(value))
    throw new InvalidArgumentError(`unknown backend "${value}"; known: ${known.join(', ')}.`);
  return value as BackendChoice | 'webgpu';
}

/** Three significant digits: a CPU adapter's figures are thousandths, a GPU's thousands. */
const figure = (value: number) => (value >= 1000 ? value.toFixed(0) : value.toPrecision(3));

export function formatRow(row: ThroughputRow): string {
  return `| ${row.preset} | ${row.backend} | ${row.batch} | ${row.steps} | ${figure(row.secondsPerStep)} | ${figure(row.imagesPerSecond)} | ${figure(row.gflopPerStep)} | ${figure(row.gflops)} |`;
}

interface BenchOptions {
  backend: BackendChoice;
  preset: VitPresetName[];
  batch?: number[];
  steps: number;
  warmup: number;
  json?: boolean;
}

export function registerGpuBenchCommand(program: Command): void {
  program
    .command('bench')
    .description(
      'Pretraining throughput (step time, images/s, achieved GFLOP/s) of ViT presets on one backend',
    )
    .option('--backend <name>', BACKEND_ORDER.join(', '), parseBackend, 'webgpu')
    .option('--preset <names>', `comma-separated: ${PRESETS.join(', ')}`, parsePresets, PRESETS)
    .option(
      '--batch <n>',
      `images per step, one for all presets or one per preset (default ${PRESETS.map((p) => `${p} ${DEFAULT_BATCH[p]}`).join(', ')})`,
      positiveList,
    )
    .option('--steps <n>', 'timed steps per preset', integerAtLeast(1), 3)
    .option('--warmup <n>', 'untimed steps first (shader compilation, heap growth)', integerAtLeast(0), 1)
    .option('--json', 'one JSON object per preset instead of a table')
    .action(async (options: BenchOptions) => {
      if (options.batch && options.batch.length !== 1 && options.batch.length !== options.preset.length)
        throw new Error(
          `--batch: give one value or one per preset (${options.preset.length}), got ${options.batch.length}.`,
        );
      const log = (message: string) => console.error(message);
      log(
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(', ')} on ${os.availableParallelism()} cores, node ${process.version}`,
      );
      await selectBackend({ forced: options.backend, log });
      registerGradients();
      if (!options.json)
        console.log(
          '| preset | backend | batch | steps | s/step | images/s | GFLOP/step | GFLOP/s |\n|---|---|---|---|---|---|---|---|',
        );
      let failed = 0;
      for (const [i, preset] of options.preset.entries()) {
        const batch = options.batch ? (options.batch[i] ?? options.batch[0]) : DEFAULT_BATCH[preset];
        try {
          const row = await measureThroughput({
            preset,
            batch,
            steps: options.steps,
            warmup: options.warmup,
          });
          if (!Number.isFinite(row.loss)) throw new Error(`the loss is ${row.loss}: the step did not train`);
          console.log(options.json ? JSON.stringify(row) : formatRow(row));
        } catch (error) {
          failed++;
          const reason = ((error as Error).message ?? String(error)).split('\n')[0];
          console.log(
            options.json
              ? JSON.stringify({ preset, batch, error: reason })
              : `| ${preset} | ${options.backend} | ${batch} | failed: ${reason} |`,
          );
        }
      }
      if (failed) process.exitCode = 1;
    });
}
