import { access } from 'node:fs/promises';
import path from 'node:path';
import { findLatestCheckpoint } from '../jobs/pretrain/checkpoint-folder.js';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * The checkpoint folder that `dir` stands for: the folder `pretrain --out` wrote (its checkpoints/ run's latest),
 * a run folder (latest.json), or one checkpoint folder (manifest.json). Anything else is a one-line error.
 */
export async function resolveCheckpointDir(dir: string): Promise<string> {
  for (const runDir of [path.join(dir, 'checkpoints'), dir]) {
    const latest = await findLatestCheckpoint(runDir);
    if (latest) return latest.dir;
  }
  if (await exists(path.join(dir, 'manifest.json'))) return dir;
  const why = (await exists(dir)) ? 'holds no checkpoint' : 'does not exist';
  throw new Error(
    `--checkpoint ${dir} ${why}: give the folder \`dermino pretrain --out\` wrote, its checkpoints/ folder, or one step-NNNNNN/ checkpoint`,
  );
}
