import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PretrainState } from '@dermino/model';
import { resumePretraining, saveCheckpoint } from '@dermino/model/checkpoint';
import { writeFileAtomic } from '../shared/artifacts.js';

// A run folder keeps numbered checkpoints (step-000120/) and latest.json naming the newest complete one. A checkpoint
// is written in full before latest.json moves to it (atomic rename), so a kill at any moment leaves a usable latest.

export interface CurvePoint {
  step: number;
  dino: number;
  ibot: number;
  koleo: number;
  label: number;
  total: number;
  lr: number;
}

interface Latest {
  step: number;
  folder: string;
}

const KEEP = 2;

export async function saveRunCheckpoint(runDir: string, state: PretrainState, curve: CurvePoint[]): Promise<string> {
  const folder = `step-${String(state.step).padStart(6, '0')}`;
  const dir = path.join(runDir, folder);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await saveCheckpoint(dir, state);
  await writeFileAtomic(path.join(dir, 'curve.json'), JSON.stringify(curve));
  await writeFileAtomic(path.join(runDir, 'latest.json'), JSON.stringify({ step: state.step, folder } satisfies Latest));
  const older = (await readdir(runDir)).filter((name) => /^step-\d+$/.test(name) && name !== folder).sort();
  for (const name of older.slice(0, Math.max(0, older.length - (KEEP - 1)))) await rm(path.join(runDir, name), { recursive: true, force: true });
  return dir;
}

/** The newest complete checkpoint of a run, or null for a fresh run. */
export async function findLatestCheckpoint(runDir: string): Promise<{ dir: string; step: number } | null> {
  let latest: Latest;
  try {
    latest = JSON.parse(await readFile(path.join(runDir, 'latest.json'), 'utf8')) as Latest;
  } catch {
    return null;
  }
  return { dir: path.join(runDir, latest.folder), step: latest.step };
}

export async function restoreRunCheckpoint(dir: string): Promise<{ state: PretrainState; curve: CurvePoint[] }> {
  const state = await resumePretraining(dir);
  const curve = JSON.parse(await readFile(path.join(dir, 'curve.json'), 'utf8')) as CurvePoint[];
  return { state, curve };
}
