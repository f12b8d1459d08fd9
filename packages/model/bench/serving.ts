// Serving benchmark: onnxruntime-node images/s of exported ViTs against the machine's MatMul GFLOP/s through
// onnxruntime, measured in the same run. Run alone with `npx tsx bench/serving.ts`, or via bench/run.ts.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { exportVitToOnnx } from '../src/onnx/export-vit';
import { createGraphBuilder } from '../src/onnx/graph-builder';
import { createRandom, createRandomClassifier, createRandomImages, createRandomVitWeights } from '../src/onnx/testing/random-vit-weights';
import type { VitExportConfig } from '../src/onnx/vit-export-types';
import { createInferenceSession } from '../src/serving/inference-session';
import { VIT_PRESETS } from '../src/vit/config';

export interface ServingBenchRow {
  name: string;
  /** onnxruntime intra-op threads. */
  threads: number;
  /** Wall clock, best run. */
  imagesPerSecond: number;
  /** Model GFLOP per second of process CPU time. */
  gflopPerCpuSecond: number;
  /** onnxruntime MatMul GFLOP per CPU-second at the same thread count (best shape, best of before and after). */
  matmulGflopPerCpuSecond: number;
  /** gflopPerCpuSecond / matmulGflopPerCpuSecond. */
  fractionOfMatmul: number;
}

const HAM10000_CLASSES = ['akiec', 'bcc', 'bkl', 'df', 'mel', 'nv', 'vasc'];

/** Multiply-adds x 2 of one forward pass (patch embedding, attention, MLP); LayerNorm/softmax/GELU left out. */
export function countVitFlops(config: VitExportConfig): number {
  const { imageSize, patchSize, width: D, depth } = config;
  const patches = (imageSize / patchSize) ** 2;
  const T = patches + 1;
  const hidden = Math.round(D * config.mlpRatio);
  const embed = patches * patchSize * patchSize * 3 * D;
  const block = T * D * 3 * D + 2 * T * T * D + T * D * D + 2 * T * D * hidden;
  return 2 * (embed + depth * block);
}

interface Timing {
  /** Fastest single run: what the machine gives when nothing else is running. */
  bestWallMs: number;
  /** Process CPU time per run (all threads): unaffected by time spent waiting for a core. */
  cpuMsPerRun: number;
}

/**
 * Times runs after one warm-up until both minRuns and minSeconds are reached. The cores are shared with other
 * processes, so wall time swings with their load; CPU time per run (with spinning off) does not, and is what
 * the model and the MatMul are compared on.
 */
export async function timeRuns(run: () => Promise<unknown>, minRuns: number, minSeconds: number): Promise<Timing> {
  await run();
  let bestWallMs = Infinity;
  let runs = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  while (runs < minRuns || performance.now() - start < minSeconds * 1000) {
    const runStart = performance.now();
    await run();
    bestWallMs = Math.min(bestWallMs, performance.now() - runStart);
    runs += 1;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { bestWallMs, cpuMsPerRun: (cpu.user + cpu.system) / 1000 / runs };
}

// Spinning off: an idle thread that spins burns CPU time that would be charged to the model or the MatMul.
export const sessionOptions = (threads: number) => ({
  logSeverityLevel: 3 as const,
  intraOpNumThreads: threads,
  extra: { session: { intra_op: { allow_spinning: '0' } } },
});

// Square products and the MLP shape of vit-s16 (batch 1 and 16): the best of them is the machine's MatMul limit.
const MATMUL_SHAPES: Array<[number, number, number]> = [[1536, 1536, 1536], [1024, 1024, 1024], [197, 384, 1536], [3152, 384, 1536]];

function randomValues(length: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length }, () => random() * 2 - 1);
}

/** GFLOP per CPU-second of float32 MatMul [M, K] x [K, N] through onnxruntime, best over MATMUL_SHAPES. */
export async function measureMatmulGflops(threads: number): Promise<number> {
  let best = 0;
  for (const [m, k, n] of MATMUL_SHAPES) {
    const graph = createGraphBuilder('matmul_limit');
    graph.addInput('a', [m, k]);
    graph.addInitializer('b', [k, n], randomValues(k * n, 1));
    graph.addNode('MatMul', ['a', 'b'], ['c']);
    graph.addOutput('c', [m, n]);
    const session = await ort.InferenceSession.create(graph.serialize({}), sessionOptions(threads));
    const feeds = { a: new ort.Tensor('float32', randomValues(m * k, 2), [m, k]) };
    const { cpuMsPerRun } = await timeRuns(() => session.run(feeds), 8, 1);
    await session.release();
    best = Math.max(best, (2 * m * k * n) / (cpuMsPerRun * 1e6));
  }
  return best;
}

/** The exported graph as served (7-class head, embedding, patch tokens, rollout and CLS attention outputs). */
async function measureModel(preset: 'tiny' | 'vit-s16', batch: number, threads: number): Promise<ServingBenchRow> {
  const config = VIT_PRESETS[preset];
  const weights = createRandomVitWeights(config, 1);
  const classifier = { weights: createRandomClassifier(config.width, HAM10000_CLASSES), classNames: HAM10000_CLASSES };
  const session = await ort.InferenceSession.create(exportVitToOnnx({ config, weights, classifier }), sessionOptions(threads));
  const input = new ort.Tensor('float32', createRandomImages(batch, config.imageSize), [batch, config.imageSize, config.imageSize, 3]);
  const timing = await timeRuns(() => session.run({ input }), 3, 3);
  await session.release();
  return toRow(`${preset} batch ${batch}`, threads, batch, timing, config);
}

/** End to end through createInferenceSession().predict: JPEG decode, resize/crop, normalise, micro-batched run. */
async function measurePredict(batch: number, threads: number): Promise<ServingBenchRow> {
  const config = VIT_PRESETS['vit-s16'];
  const bytes = exportVitToOnnx({ config, weights: createRandomVitWeights(config, 1) });
  const session = await createInferenceSession({ bytes, maxBatchSize: batch, intraOpNumThreads: threads, allowSpinning: false });
  const pixels = Buffer.from(createRandomImages(1, 600, 4).subarray(0, 600 * 450 * 3).map((v) => 128 + 40 * v));
  const jpeg = await sharp(pixels, { raw: { width: 600, height: 450, channels: 3 } }).jpeg().toBuffer();
  const images = new Array<Buffer>(batch).fill(jpeg);
  const timing = await timeRuns(() => session.predict(images), 3, 3);
  await session.close();
  return toRow(`vit-s16 predict() of 600x450 JPEGs, batch ${batch}`, threads, batch, timing, config);
}

function toRow(name: string, threads: number, batch: number, timing: Timing, config: VitExportConfig): ServingBenchRow {
  const imagesPerSecond = (batch * 1000) / timing.bestWallMs;
  const gflopPerCpuSecond = (batch * countVitFlops(config)) / (timing.cpuMsPerRun * 1e6);
  return { name, threads, imagesPerSecond, gflopPerCpuSecond, matmulGflopPerCpuSecond: 0, fractionOfMatmul: 0 };
}

/**
 * For each thread count, the rows are bracketed by MatMul measurements; the limit is the better of the two,
 * so the ratio is never flattered by a MatMul run that happened to be slowed down.
 */
export async function runServingBench(options: { threads?: number[]; log?: (line: string) => void } = {}): Promise<ServingBenchRow[]> {
  const { threads: threadCounts = [1, 2], log = console.log } = options;
  const rows: ServingBenchRow[] = [];
  for (const threads of threadCounts) {
    const before = await measureMatmulGflops(threads);
    const group: ServingBenchRow[] = [];
    for (const preset of ['tiny', 'vit-s16'] as const) {
      for (const batch of [1, 32]) group.push(await measureModel(preset, batch, threads));
    }
    group.push(await measurePredict(32, threads));
    const limit = Math.max(before, await measureMatmulGflops(threads));
    for (const row of group) {
      row.matmulGflopPerCpuSecond = limit;
      row.fractionOfMatmul = row.gflopPerCpuSecond / limit;
      log(formatServingRow(row));
    }
    rows.push(...group);
  }
  return rows;
}

export const SERVING_TABLE_HEADER =
  '| serving (onnxruntime-node) | threads | images/s (best run) | model GFLOP per CPU-s | MatMul GFLOP per CPU-s | of MatMul |\n|---|---|---|---|---|---|';

export function formatServingRow(row: ServingBenchRow): string {
  const cells = [row.name, row.threads, row.imagesPerSecond.toFixed(1), row.gflopPerCpuSecond.toFixed(1), row.matmulGflopPerCpuSecond.toFixed(1)];
  return `| ${cells.join(' | ')} | ${(100 * row.fractionOfMatmul).toFixed(0)}% |`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`load average before: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(SERVING_TABLE_HEADER);
  await runServingBench();
}
