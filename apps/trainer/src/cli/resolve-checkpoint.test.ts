import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCheckpointDir } from './resolve-checkpoint.js';

function pretrainOut(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'dermino-resolve-'));
  const runDir = path.join(out, 'checkpoints');
  for (const folder of ['step-000010', 'step-000020']) {
    mkdirSync(path.join(runDir, folder), { recursive: true });
    writeFileSync(path.join(runDir, folder, 'manifest.json'), '{}');
  }
  writeFileSync(path.join(runDir, 'latest.json'), JSON.stringify({ step: 20, folder: 'step-000020' }));
  return out;
}

describe('resolveCheckpointDir', () => {
  it('takes the folder pretrain --out wrote, its run folder, or one checkpoint', async () => {
    const out = pretrainOut();
    const latest = path.join(out, 'checkpoints', 'step-000020');
    expect(await resolveCheckpointDir(out)).toBe(latest);
    expect(await resolveCheckpointDir(path.join(out, 'checkpoints'))).toBe(latest);
    const older = path.join(out, 'checkpoints', 'step-000010');
    expect(await resolveCheckpointDir(older)).toBe(older);
  });

  it('says in one line when the folder holds no checkpoint or does not exist', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'dermino-resolve-empty-'));
    await expect(resolveCheckpointDir(empty)).rejects.toThrow(
      `--checkpoint ${empty} holds no checkpoint: give the folder \`dermino pretrain --out\` wrote, its checkpoints/ folder, or one step-NNNNNN/ checkpoint`,
    );
    await expect(resolveCheckpointDir(path.join(empty, 'nope'))).rejects.toThrow(/nope does not exist: give/);
  });
});
