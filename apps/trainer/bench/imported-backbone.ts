// `npm run bench:imported -w apps/trainer [images]`: what a user gets from `dermino import-backbone` with the fixture
// DINOv2 (patch 14, 2 registers, SwiGLU; width 32, 2 blocks) served at 224 px: the import's time, the time to embed a
// demo-sized registry (2,000 stored images by default) with its ONNX export, against decoding and preprocessing the
// same images alone (the reference, same run), and the seconds a linear probe and kNN take on the cached embeddings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelVersionRecord } from '@dermino/db';
import { storeImage } from '@dermino/ingest';
import { preprocessImage, readOnnxMetadata, sampleLabelFraction } from '@dermino/model';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import { useConfiguredBackend } from '../src/backend/use-backend.js';
import { importBackbone } from '../src/import-backbone/import-backbone.js';
import { fitHeadOnEmbeddings } from '../src/jobs/finetune/fit-head.js';
import { describeArtifact } from '../src/jobs/shared/artifacts.js';
import { imageFile } from '../src/jobs/shared/load-pixels.js';
import { scoreImages } from '../src/jobs/shared/score-images.js';

const IMAGES = Number(process.argv[2] ?? 2000);
const FIXTURE = fileURLToPath(
  new URL(
    '../../../packages/model/test/fixtures/weights/dinov2-teacher-registers-swiglu.pth',
    import.meta.url,
  ),
);
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');
const seconds = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
};

console.log(`load average at start: ${load()}`);
await useConfiguredBackend();
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-bench-import-'));
try {
  // 1. The import, three times (the first pays for loading onnxruntime).
  const imports = [];
  for (let i = 0; i < 3; i++)
    imports.push(
      await seconds(() =>
        importBackbone({ weightsPath: FIXTURE, outDir: path.join(home, `import-${i}`), heads: 4 }),
      ),
    );
  const imported = imports[2].value;
  for (const [i, run] of imports.entries()) {
    const s = run.value.seconds;
    console.log(
      `import ${i + 1}: ${run.seconds.toFixed(2)} s (read ${s.read.toFixed(2)}, ONNX export + write ${s.export.toFixed(2)}, check run ${s.check.toFixed(2)})`,
    );
  }

  // 2. A registry of stored images (the intake's working copies, as the demo seed stores them).
  const cohort = generateCohort({ seed: 11, imageCount: IMAGES });
  const keys: string[] = [];
  const labels: number[] = [];
  const classes = [...new Set(cohort.images.map((image) => image.diagnosis))].sort();
  for (const image of cohort.images.slice(0, IMAGES)) {
    keys.push(
      (
        await storeImage(await encodeImage(renderImage(image, { size: 256 }), 'png'), {
          root: path.join(home, 'images'),
        })
      ).storageKey,
    );
    labels.push(classes.indexOf(image.diagnosis));
  }
  const onnxKey = path.relative(home, imported.files.onnx);
  const model = {
    id: 'bench',
    artifacts: [await describeArtifact(home, 'onnx', onnxKey)],
    classes: null,
    config: {},
  } as unknown as ModelVersionRecord;
  const spec = readOnnxMetadata(fs.readFileSync(imported.files.onnx)).preprocessing;

  // 3. Reference: decode + preprocess every image at 224 px (what embedding costs without the model).
  const reference = await seconds(async () => {
    for (const key of keys) await preprocessImage(fs.readFileSync(imageFile(home, key)), spec);
  });
  // 4. Embedding with the imported backbone's ONNX export (the EMBED job's path, pgvector writes aside).
  const embedded = await seconds(() => scoreImages(home, model, keys));
  const { embeddings, dims, scored } = embedded.value;
  console.log(
    `decode + preprocess ${IMAGES} images at 224 px: ${reference.seconds.toFixed(1)} s (${(IMAGES / reference.seconds).toFixed(0)} images/s)`,
  );
  console.log(
    `embed ${scored.length} images (ONNX, ${dims}-d): ${embedded.seconds.toFixed(1)} s (${(IMAGES / embedded.seconds).toFixed(0)} images/s), ${((reference.seconds / embedded.seconds) * 100).toFixed(0)}% of it decoding`,
  );

  // 5. Heads on the cached embeddings: 70% train, 30% validation, at 1, 10 and 100% of the train labels.
  const cut = Math.floor(scored.length * 0.7);
  const scoredLabels = scored.map((index) => labels[index]);
  for (const fraction of [0.01, 0.1, 1]) {
    const train = sampleLabelFraction(scoredLabels.slice(0, cut), fraction, 0);
    const rows = [...train, ...Array.from({ length: scored.length - cut }, (_, i) => cut + i)];
    const features = new Float32Array(rows.length * dims);
    for (const [i, row] of rows.entries())
      features.set(embeddings.subarray(row * dims, (row + 1) * dims), i * dims);
    const cache = { features, dims, embedded: rows.map((_, i) => i) };
    const labelOf = rows.map((row) => scoredLabels[row]);
    for (const method of ['linear', 'knn'] as const) {
      const fit = await seconds(async () =>
        fitHeadOnEmbeddings(method, cache, labelOf, train.length, classes.length),
      );
      console.log(
        `${method} ${fraction * 100}% (${train.length} labels): ${fit.seconds.toFixed(2)} s, validation accuracy ${fit.value.valAccuracy?.toFixed(3)}`,
      );
    }
  }
} finally {
  fs.rmSync(home, { recursive: true, force: true });
  console.log(`load average at end: ${load()}`);
}
