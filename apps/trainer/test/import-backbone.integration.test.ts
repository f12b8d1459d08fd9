import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, getModelVersionByAlias, getModelVersionById } from '@dermino/db';
import { readOnnxMetadata } from '@dermino/model';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testHome } from './demo-fixture.js';
import { runDermino } from './run-cli.js';
import { tempDir } from './support.js';

// The fixtures are small random DINOv2-family models written by PyTorch (packages/model/test/fixtures/weights).
const FIXTURES = fileURLToPath(new URL('../../../packages/model/test/fixtures/weights/', import.meta.url));
const dir = tempDir('dermino-import-');
const home = testHome();
const db = createDb({ url: inject('databaseUrl') });
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dermino = runDermino;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const importFolders = () =>
  fs.existsSync(path.join(home, 'models', 'imports'))
    ? fs.readdirSync(path.join(home, 'models', 'imports')).length
    : 0;

describe('dermino import-backbone', () => {
  it('registers a DINOv2 checkpoint (registers, SwiGLU) as a BACKBONE with its licence and provenance, served at 224 px', async () => {
    const weights = path.join(FIXTURES, 'dinov2-teacher-registers-swiglu.pth');
    const out = path.join(dir, 'registers');
    const result = await dermino([
      'import-backbone',
      '--weights',
      weights,
      '--heads',
      '4',
      '--name',
      'fixture-dinov2',
      '--licence',
      'CC-BY-NC-ND-4.0',
      '--alias',
      'fixture-imported',
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    const model = await getModelVersionById(db, { id: printed.modelId });
    expect((await getModelVersionByAlias(db, { alias: 'fixture-imported' })).id).toBe(model.id);
    expect(model).toMatchObject({
      kind: 'BACKBONE',
      name: 'fixture-dinov2',
      licence: 'CC-BY-NC-ND-4.0',
      jobId: null,
    });
    expect(model.provenance).toMatchObject({
      fileName: 'dinov2-teacher-registers-swiglu.pth',
      sha256: sha256(weights),
      format: 'dinov2',
      container: 'torch-zip',
    });
    expect((model.provenance as { architecture: string }).architecture).toMatch(
      /^ViT-32\/14 \(width 32, depth 2, 4 heads, 2 registers, SwiGLU/,
    );
    expect(model.config).toMatchObject({
      vit: { imageSize: 224, patchSize: 14, width: 32, depth: 2, heads: 4, registers: 2, ffn: 'swiglu' },
    });
    // The registry's copies are the files written to --out, checksummed.
    expect(model.artifacts.map((a) => a.kind)).toEqual(['backbone-weights', 'onnx']);
    for (const artifact of model.artifacts) {
      expect(sha256(path.join(home, artifact.storageKey))).toBe(artifact.sha256);
      const written = path.join(out, artifact.kind === 'onnx' ? 'backbone.onnx' : 'backbone.weights');
      expect(sha256(written)).toBe(artifact.sha256);
    }
    const metadata = readOnnxMetadata(fs.readFileSync(path.join(out, 'backbone.onnx')));
    expect(metadata.preprocessing).toEqual({
      layout: 'NHWC',
      imageSize: 224,
      resize: 'shorter-side-centre-crop',
      mean: [0.485, 0.456, 0.406],
      std: [0.229, 0.224, 0.225],
    });
    expect(metadata.outputs).toContain('embedding');
    expect(metadata.extra['dermino.imported_sha256']).toBe(sha256(weights));
  });

  it('takes the student of a training checkpoint only when asked, and says which it took', async () => {
    const weights = path.join(FIXTURES, 'dinov2-train-chunks.pth');
    const teacher = await dermino([
      'import-backbone',
      '--weights',
      weights,
      '--heads',
      '4',
      '--out',
      path.join(dir, 'teacher'),
      '--no-register',
    ]);
    expect(teacher.code, teacher.stderr).toBe(0);
    expect(teacher.stdout).toMatch(/\(dinov2, the teacher\)/);
    const student = await dermino([
      'import-backbone',
      '--weights',
      weights,
      '--heads',
      '4',
      '--student',
      '--out',
      path.join(dir, 'student'),
      '--no-register',
    ]);
    expect(student.stdout).toMatch(/\(dinov2, the student\)/);
    expect(sha256(path.join(dir, 'student', 'backbone.weights'))).not.toBe(
      sha256(path.join(dir, 'teacher', 'backbone.weights')),
    );
  });

  it('writes the files but touches no database with --no-register (it runs with an unreachable DATABASE_URL)', async () => {
    const out = path.join(dir, 'hf');
    const before = await db.modelVersion.count();
    const { code, stdout, stderr } = await runDermino(
      [
        'import-backbone',
        '--weights',
        path.join(FIXTURES, 'hf', 'model.safetensors'),
        '--out',
        out,
        '--no-register',
      ],
      {
        DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none',
        DERMINO_HOME: path.join(dir, 'no-home'),
      },
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/ViT-48\/14 \(width 48, depth 2, 6 heads, 1 registers, SwiGLU/);
    expect(stdout).toMatch(/Not registered/);
    expect(stderr).toMatch(/no --licence given/);
    for (const file of ['backbone.weights', 'backbone.onnx', 'import.json'])
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'no-home'))).toBe(false);
    expect(await db.modelVersion.count()).toBe(before);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'a truncated file',
      ['--weights', path.join(FIXTURES, 'bad', 'truncated.pth')],
      /^dermino: truncated\.pth: .*truncated/,
    ],
    [
      'a pickle naming os.system',
      ['--weights', path.join(FIXTURES, 'bad', 'os-system.pth')],
      /^dermino: os-system\.pth.*"os\.system"/,
    ],
    [
      'a block missing',
      ['--weights', path.join(FIXTURES, 'bad', 'missing-block.pth'), '--heads', '4'],
      /^dermino: missing-block\.pth: .*missing .*blocks\.1\./,
    ],
    [
      'overlapping safetensors offsets',
      ['--weights', path.join(FIXTURES, 'bad', 'overlap.safetensors')],
      /^dermino: overlap\.safetensors: .*overlap/,
    ],
    [
      'a file that does not exist',
      ['--weights', path.join(dir, 'nothing.pth')],
      /^dermino: .*nothing\.pth: cannot open/,
    ],
    [
      'an unknown format',
      ['--weights', path.join(FIXTURES, 'hf', 'model.safetensors'), '--format', 'keras'],
      /^dermino: --format must be one of auto, dinov2, timm, hf, got "keras"/,
    ],
    [
      'a serving size that is no multiple of the patch',
      ['--weights', path.join(FIXTURES, 'hf', 'model.safetensors'), '--image-size', '225'],
      /^dermino: .*225.*14/,
    ],
    [
      'an alias that is not lower-case letters, digits and dashes',
      ['--weights', path.join(FIXTURES, 'hf', 'model.safetensors'), '--alias', 'Base_1'],
      /^dermino: --alias must be lower-case letters, digits and dashes, got "Base_1"$/,
    ],
    [
      'heads that do not divide the width',
      ['--weights', path.join(FIXTURES, 'hf', 'model.safetensors'), '--heads', '5'],
      /^dermino: .*48.*5|^dermino: .*5.*48/,
    ],
  ];
  it.each(bad)('refuses %s in one line and registers nothing', async (_what, args, message) => {
    const models = await db.modelVersion.count();
    const folders = importFolders();
    const result = await dermino([
      'import-backbone',
      ...args,
      '--licence',
      'Apache-2.0',
      '--out',
      path.join(dir, 'bad'),
    ]);
    expect(result.code).toBe(1);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('warning')),
    ).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(await db.modelVersion.count()).toBe(models);
    expect(importFolders()).toBe(folders);
  });
});
