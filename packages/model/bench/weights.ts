// Released-weights benchmark: import of a ViT-B/14 checkpoint of the real shape (86.6M parameters, DINOv2's
// layout: 37x37 position grid, LayerScale, mask token) written here as a ~350 MB torch.save zip and as safetensors;
// then the imported backbone served through onnxruntime on 2 threads against onnxruntime's MatMul in the same run.
// Run alone with `npx tsx bench/weights.ts`, or via bench/run.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as ort from 'onnxruntime-node';
import { exportVitToOnnx } from '../src/onnx/export-vit';
import { createRandomImages } from '../src/onnx/testing/random-vit-weights';
import { readWeightsFile } from '../src/weights/read-weights-file';
import { type TensorsToWrite, writeSafetensors, writeTorchZip } from '../src/weights/testing/write-weights';
import { countVitFlops, measureMatmulGflops, sessionOptions, timeRuns } from './serving';

const WIDTH = 768;
const DEPTH = 12;
const PATCH = 14;
const STORED_GRID = 37;

/** DINOv2 ViT-B/14 (dinov2_vitb14_pretrain.pth) tensor names and shapes, filled with seeded uniform values. */
function vitB14Tensors(): TensorsToWrite {
  let state = 12345;
  const random = (length: number, scale: number) => {
    const data = new Float32Array(length);
    for (let i = 0; i < length; i += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      data[i] = (state / 2 ** 32 - 0.5) * 2 * scale;
    }
    return data;
  };
  const D = WIDTH;
  const tensor = (name: string, shape: number[], scale = 0.02): [string, number[], Float32Array] => [
    name,
    shape,
    random(
      shape.reduce((a, b) => a * b, 1),
      scale,
    ),
  ];
  const out: TensorsToWrite = [
    tensor('cls_token', [1, 1, D]),
    tensor('pos_embed', [1, 1 + STORED_GRID ** 2, D]),
    tensor('mask_token', [1, D]),
    tensor('patch_embed.proj.weight', [D, 3, PATCH, PATCH]),
    tensor('patch_embed.proj.bias', [D]),
  ];
  for (let i = 0; i < DEPTH; i += 1) {
    const b = `blocks.${i}.`;
    out.push(tensor(`${b}norm1.weight`, [D]), tensor(`${b}norm1.bias`, [D]));
    out.push(tensor(`${b}attn.qkv.weight`, [3 * D, D]), tensor(`${b}attn.qkv.bias`, [3 * D]));
    out.push(
      tensor(`${b}attn.proj.weight`, [D, D]),
      tensor(`${b}attn.proj.bias`, [D]),
      tensor(`${b}ls1.gamma`, [D]),
    );
    out.push(tensor(`${b}norm2.weight`, [D]), tensor(`${b}norm2.bias`, [D]));
    out.push(tensor(`${b}mlp.fc1.weight`, [4 * D, D]), tensor(`${b}mlp.fc1.bias`, [4 * D]));
    out.push(
      tensor(`${b}mlp.fc2.weight`, [D, 4 * D]),
      tensor(`${b}mlp.fc2.bias`, [D]),
      tensor(`${b}ls2.gamma`, [D]),
    );
  }
  out.push(tensor('norm.weight', [D]), tensor('norm.bias', [D]));
  return out;
}

interface ImportRow {
  file: string;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  /** RSS of the child before the import (Node, tsx, the modules) and its peak during it. */
  rssBeforeMb: number;
  peakRssMb: number;
  summary: string;
}

/** Child process: import one file (sha256 included), report wall and CPU time and the process's peak RSS. */
function importOnce(path: string): ImportRow {
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { provenance } = readWeightsFile(path, { imageSize: 224 });
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const megabytes = provenance.fileBytes / 2 ** 20;
  return {
    file: provenance.fileName,
    megabytes,
    seconds,
    cpuSeconds: (user + system) / 1e6,
    rssBeforeMb,
    peakRssMb,
    summary: provenance.summary,
  };
}

const run = promisify(execFile);

export const WEIGHTS_TABLE_HEADER =
  '| import of released weights | file MiB | wall s | CPU s | RSS before MiB | peak RSS MiB |\n|---|---|---|---|---|---|';

export async function runWeightsBench(options: { log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? console.log;
  const dir = mkdtempSync(join(tmpdir(), 'dermino-weights-bench-'));
  try {
    let tensors: TensorsToWrite | null = vitB14Tensors();
    const files = [join(dir, 'vitb14.pth'), join(dir, 'vitb14.safetensors')];
    writeTorchZip(files[0], tensors);
    writeSafetensors(files[1], tensors);
    tensors = null;
    const script = fileURLToPath(import.meta.url);
    for (const file of files) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--import-file', file], {
        maxBuffer: 1 << 24,
        timeout: 1_800_000,
      });
      const row = JSON.parse(stdout.trim().split('\n').at(-1)!) as ImportRow;
      const cells = [
        `${row.summary}: ${row.file}`,
        row.megabytes.toFixed(0),
        row.seconds.toFixed(2),
        row.cpuSeconds.toFixed(2),
        row.rssBeforeMb.toFixed(0),
        row.peakRssMb.toFixed(0),
      ];
      log(`| ${cells.join(' | ')} |`);
    }
    await serveImported(files[0], log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ONNX embedding throughput of the imported ViT-B/14 on 2 threads, bracketed by MatMul measurements. */
async function serveImported(path: string, log: (line: string) => void): Promise<void> {
  const threads = 2;
  const batch = 8;
  const { config, weights } = readWeightsFile(path, { imageSize: 224 });
  const before = await measureMatmulGflops(threads);
  const session = await ort.InferenceSession.create(
    exportVitToOnnx({ config, weights, outputs: ['embedding'] }),
    sessionOptions(threads),
  );
  const input = new ort.Tensor('float32', createRandomImages(batch, config.imageSize), [batch, 224, 224, 3]);
  const timing = await timeRuns(() => session.run({ input }), 3, 20);
  await session.release();
  const limit = Math.max(before, await measureMatmulGflops(threads));
  const gflop = countVitFlops(config) / 1e9;
  const perCpuSecond = (batch * gflop) / (timing.cpuMsPerRun / 1000);
  const imagesPerSecond = (batch * 1000) / timing.bestWallMs;
  const cpuSecondsPerImage = timing.cpuMsPerRun / 1000 / batch;
  log(
    '\n| serving the imported ViT-B/14 (embedding only) | threads | images/s (best run) | model GFLOP per CPU-s | MatMul GFLOP per CPU-s | of MatMul | 10,000 images (this run) | 10,000 images (2 idle cores) |',
  );
  log('|---|---|---|---|---|---|---|---|');
  log(
    `| batch ${batch}, ${gflop.toFixed(1)} GFLOP per image | ${threads} | ${imagesPerSecond.toFixed(2)} | ${perCpuSecond.toFixed(1)} | ${limit.toFixed(1)} | ${((100 * perCpuSecond) / limit).toFixed(0)}% | ${(10_000 / imagesPerSecond / 60).toFixed(0)} min | ${((10_000 * cpuSecondsPerImage) / threads / 60).toFixed(0)} min |`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const index = process.argv.indexOf('--import-file');
  if (index > 0) {
    console.log(JSON.stringify(importOnce(process.argv[index + 1])));
  } else {
    console.log(
      `load average before: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
    console.log(WEIGHTS_TABLE_HEADER);
    await runWeightsBench();
    console.log(
      `load average after: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
  }
}
