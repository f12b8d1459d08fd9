import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDb, createJob, findAuditEvents, registerModelVersion } from '@dermino/db';
import { encodeImage, generateCohort, renderImage } from '@dermino/synth';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tempDir } from './support.js';

const bin = fileURLToPath(new URL('../bin/dermino.mjs', import.meta.url));
const run = promisify(execFile);
const dir = tempDir('dermino-cli-');
const db = createDb({ url: inject('databaseUrl') });
afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function dermino(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        DERMINO_HOME: dir,
        DERMINO_BACKEND: 'wasm',
        ...env,
      },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('the dermino CLI', () => {
  it('pretrains on synthetic images, exports the checkpoint to ONNX, and embeds a folder (skipping non-images)', async () => {
    const out = path.join(dir, 'run');
    const pretrain = await dermino([
      'pretrain',
      '--preset',
      'tiny',
      '--data',
      'synthetic:12',
      '--steps',
      '2',
      '--batch-size',
      '4',
      '--out',
      out,
    ]);
    expect(pretrain.code, pretrain.stderr).toBe(0);
    expect(pretrain.stderr).toMatch(/Pretrained 2 steps on 12 images/);
    // Representation health of the final state on the 12 images (the probe set), as the PRETRAIN job logs it.
    expect(pretrain.stderr).toMatch(
      /Health at step 2 on 12 probe images: embedding std [\d.e-]+ \(x sqrt\(64\) = [\d.]+\), RankMe [\d.]+ of 12,/,
    );
    expect(
      JSON.parse(fs.readFileSync(path.join(out, 'checkpoints', 'health.json'), 'utf8')).map(
        (p: { step: number }) => p.step,
      ),
    ).toEqual([2]);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'checkpoints', 'latest.json'), 'utf8')).step).toBe(2);
    const onnx = path.join(dir, 'exported.onnx');
    // The folder pretrain --out wrote stands for its latest checkpoint.
    const exported = await dermino(['export-onnx', '--checkpoint', out, '--out', onnx]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.readFileSync(onnx)).toEqual(fs.readFileSync(path.join(out, 'backbone.onnx')));
    const notACheckpoint = await dermino(['export-onnx', '--checkpoint', path.join(dir), '--out', onnx]);
    expect(notACheckpoint.code).toBe(1);
    expect(notACheckpoint.stderr.trim().split('\n')).toEqual([
      `dermino: --checkpoint ${dir} holds no checkpoint: give the folder \`dermino pretrain --out\` wrote, its checkpoints/ folder, or one step-NNNNNN/ checkpoint`,
    ]);

    const images = path.join(dir, 'images');
    fs.mkdirSync(images);
    for (const [index, image] of generateCohort({ seed: 3, imageCount: 2 }).images.slice(0, 2).entries()) {
      fs.writeFileSync(
        path.join(images, `${index}.png`),
        await encodeImage(renderImage(image, { size: 40 }), 'png'),
      );
    }
    fs.writeFileSync(path.join(images, 'notes.txt'), 'not an image');
    const jsonl = path.join(dir, 'embeddings.jsonl');
    const embedded = await dermino(['embed', '--model', onnx, '--images', images, '--out', jsonl]);
    expect(embedded.code, embedded.stderr).toBe(0);
    expect(embedded.stderr).toMatch(/notes\.txt/);
    const lines = fs
      .readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => path.basename(l.file))).toEqual(['0.png', '1.png']);
    expect(lines[0].embedding).toHaveLength(64);
  });

  it('moves an alias between models with `models promote`, records each move, and lists it as JSON', async () => {
    const models: Awaited<ReturnType<typeof registerModelVersion>>[] = [];
    for (const name of ['cli-a', 'cli-b']) {
      const job = await createJob(db, { kind: 'FINETUNE', payload: {} });
      models.push(
        await registerModelVersion(db, {
          name,
          kind: 'CLASSIFIER',
          config: {},
          jobId: job.id,
          artifacts: [],
        }),
      );
    }
    for (const model of models) {
      const promoted = await dermino([
        'models',
        'promote',
        model.id,
        '--alias',
        'cli-champion',
        '--by',
        'manager@test',
      ]);
      expect(promoted.code, promoted.stderr).toBe(0);
    }
    const listed = await dermino(['models', 'list', '--json']);
    const rows = JSON.parse(listed.stdout) as { id: string; aliases: { alias: string }[] }[];
    expect(rows.find((r) => r.id === models[1].id)!.aliases.map((a) => a.alias)).toEqual(['cli-champion']);
    expect(rows.find((r) => r.id === models[0].id)!.aliases).toEqual([]);
    const [move] = await findAuditEvents(db, {
      entityType: 'ModelVersion',
      entityId: models[1].id,
      action: 'model.alias',
    });
    expect(move.details).toMatchObject({
      alias: 'cli-champion',
      from: models[0].id,
      to: models[1].id,
      by: 'manager@test',
    });
  });

  it('fails in one line when the database cannot be reached; --debug adds the stack', async () => {
    const unreachable = { DATABASE_URL: 'postgresql://dermino:x@127.0.0.1:1/dermino' };
    const plain = await dermino(['jobs', 'list'], unreachable);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      "dermino: Can't reach database server at 127.0.0.1:1: is the platform running (npm start), and is DATABASE_URL right?\n",
    );
    const debug = await dermino(['jobs', 'list', '--debug'], unreachable);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/Can't reach database server[\s\S]*\n\s+at /);
  });

  it('refuses a job with a bad payload before queueing it, naming the field', async () => {
    const result = await dermino([
      'train',
      'pretrain',
      '--dataset-version',
      '00000000-0000-4000-8000-000000000000',
      '--steps',
      '0',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid pretrain job: steps/);
  });
});
