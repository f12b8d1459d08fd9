import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { deriveConceptEmbeddings } from '../concepts/concept-embeddings';
import { assignNamedMoments, flatAdamWNames, readNamedMoments } from '../train/flat-adamw';
import type { PretrainConfig } from '../train/pretrain-config';
import {
  createPretrainState,
  namespaced,
  type PretrainState,
  studentParameters,
} from '../train/pretrain-state';

// A checkpoint is one folder: manifest.json (format, step, config, concepts, tensor index) and tensors.bin
// (all float32 tensors back to back, little-endian). Tensor names: student.*, teacher.*, label_head.*,
// centre.dino, centre.ibot, adamw.m.*, adamw.v.*. The manifest is written last, so a folder with a manifest is complete.

const FORMAT = 'dermino-pretrain-checkpoint';
const VERSION = 1;

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

export interface CheckpointManifest {
  format: typeof FORMAT;
  version: number;
  step: number;
  optimizerStep: number;
  config: PretrainConfig;
  concepts: string[] | null;
  tensors: TensorEntry[];
}

function stateTensors(state: PretrainState): Record<string, tf.Variable> {
  const out: Record<string, tf.Variable> = {};
  for (const [name, v] of Object.entries(namespaced(state.student))) out[`student.${name}`] = v;
  for (const [name, v] of Object.entries(namespaced(state.teacher))) out[`teacher.${name}`] = v;
  for (const [name, v] of Object.entries(state.labelHead?.weights ?? {})) out[name] = v;
  out['centre.dino'] = state.centres.dino;
  out['centre.ibot'] = state.centres.ibot;
  return out;
}

/** The AdamW moments' names on disk, per parameter (in memory they are flat buckets). */
function momentNames(state: PretrainState): string[] {
  const names = flatAdamWNames(state.optimizer);
  return [...names.map((n) => `adamw.m.${n}`), ...names.map((n) => `adamw.v.${n}`)];
}

export async function saveCheckpoint(dir: string, state: PretrainState): Promise<void> {
  const tensors = stateTensors(state);
  // Read asynchronously: webgpu cannot read synchronously.
  const values: Record<string, { shape: number[]; data: Float32Array }> = {};
  for (const [name, v] of Object.entries(tensors))
    values[name] = { shape: [...v.shape], data: (await v.data()) as Float32Array };
  const moments = await readNamedMoments(state.optimizer);
  const params = studentParameters(state);
  for (const kind of ['m', 'v'] as const)
    for (const [name, data] of Object.entries(moments[kind]))
      values[`adamw.${kind}.${name}`] = { shape: [...params[name].shape], data };
  const entries: TensorEntry[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(values)) {
    entries.push({ name, shape: value.shape, offset, length: value.data.length });
    offset += value.data.length;
  }
  const data = new Float32Array(offset);
  for (const entry of entries) data.set(values[entry.name].data, entry.offset);
  const manifest: CheckpointManifest = {
    format: FORMAT,
    version: VERSION,
    step: state.step,
    optimizerStep: state.optimizer.step,
    config: state.config,
    concepts: state.labelHead?.concepts ?? null,
    tensors: entries,
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'tensors.bin'), Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  await writeFile(join(dir, 'manifest.json.tmp'), JSON.stringify(manifest, null, 1));
  await rename(join(dir, 'manifest.json.tmp'), join(dir, 'manifest.json'));
}

export async function readCheckpointManifest(dir: string): Promise<CheckpointManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new Error(`checkpoint ${dir}: no manifest.json (not a checkpoint folder, or an interrupted save)`);
  }
  const manifest = JSON.parse(text) as CheckpointManifest;
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw new Error(
      `checkpoint ${dir}: unsupported format ${manifest.format} v${manifest.version} (expected ${FORMAT} v${VERSION})`,
    );
  }
  return manifest;
}

/** Paths (a.b.c) where two configs differ, with both values. */
function configDifferences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      configDifferences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [`${path}: checkpoint ${JSON.stringify(a)} vs model ${JSON.stringify(b)}`];
}

/** Restores a checkpoint into a state built with the same config; a different config fails naming the fields. */
export async function loadCheckpoint(dir: string, state: PretrainState): Promise<void> {
  const manifest = await readCheckpointManifest(dir);
  // Activation checkpointing changes how a step is computed, not what: a run may resume with it on or off
  // (and checkpoints from before the option lack the field).
  const differences = configDifferences(manifest.config, state.config).filter(
    (difference) => !difference.startsWith('checkpointActivations:'),
  );
  if (differences.length)
    throw new Error(`checkpoint ${dir} was made with another config:\n  ${differences.join('\n  ')}`);
  const concepts = state.labelHead?.concepts ?? null;
  if (JSON.stringify(concepts) !== JSON.stringify(manifest.concepts)) {
    throw new Error(
      `checkpoint ${dir}: label-head concepts differ (checkpoint ${JSON.stringify(manifest.concepts)}, model ${JSON.stringify(concepts)})`,
    );
  }
  const buffer = await readFile(join(dir, 'tensors.bin'));
  const data = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
  const tensors = stateTensors(state);
  const moments = new Set(momentNames(state));
  const names = new Set(manifest.tensors.map((t) => t.name));
  const missing = [...Object.keys(tensors), ...moments].filter((n) => !names.has(n));
  if (missing.length) throw new Error(`checkpoint ${dir}: missing tensors ${missing.slice(0, 5).join(', ')}`);
  const momentValues = { m: {} as Record<string, Float32Array>, v: {} as Record<string, Float32Array> };
  for (const entry of manifest.tensors) {
    const target = tensors[entry.name];
    if (!target && !moments.has(entry.name))
      throw new Error(`checkpoint ${dir}: unexpected tensor ${entry.name}`);
    if (entry.offset + entry.length > data.length)
      throw new Error(`checkpoint ${dir}: tensors.bin is truncated at ${entry.name}`);
    const values = data.subarray(entry.offset, entry.offset + entry.length);
    if (!target) {
      const kind = entry.name.startsWith('adamw.m.') ? 'm' : 'v';
      momentValues[kind][entry.name.slice('adamw.m.'.length)] = values;
      continue;
    }
    const value = tf.tensor(values, entry.shape);
    target.assign(value);
    value.dispose();
  }
  assignNamedMoments(state.optimizer, momentValues);
  state.step = manifest.step;
  state.optimizer.step = manifest.optimizerStep;
}

/** Rebuilds a state from a checkpoint folder alone (config and concept list come from the manifest). */
export async function resumePretraining(dir: string): Promise<PretrainState> {
  const manifest = await readCheckpointManifest(dir);
  // Label-head weights are overwritten by the checkpoint; placeholder embeddings only fix the concept order.
  const conceptEmbeddings = manifest.concepts
    ? deriveConceptEmbeddings(
        manifest.concepts.map((code) => ({ code })),
        manifest.config.vit.width,
      )
    : undefined;
  const state = createPretrainState(manifest.config as never, { conceptEmbeddings });
  await loadCheckpoint(dir, state);
  return state;
}

export async function removeCheckpoint(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
