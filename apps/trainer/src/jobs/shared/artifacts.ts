import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelArtifactInput, ModelVersionRecord } from '@dermino/db';

/** Where a job keeps its files, relative to DERMINO_HOME (the artifact storage keys are relative too). */
export function jobFolderKey(jobId: string): string {
  return path.posix.join('models', jobId);
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes a file atomically (temp + rename), so a crash never leaves half an artifact under the final name. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/** The registry row of a file: storage key relative to home, sha256, size. */
export async function describeArtifact(home: string, kind: string, storageKey: string): Promise<ModelArtifactInput> {
  const file = path.join(home, storageKey);
  const [sha256, info] = await Promise.all([sha256File(file), stat(file)]);
  return { kind, storageKey, sha256, bytes: info.size };
}

/** Reads an artifact of a model and checks its checksum, so a corrupted or swapped file is caught before use. */
export async function readArtifact(home: string, model: Pick<ModelVersionRecord, 'id' | 'artifacts'>, kind: string): Promise<Buffer> {
  const artifact = model.artifacts.find((a) => a.kind === kind);
  if (!artifact) throw new Error(`Model ${model.id} has no ${kind} artifact (it has: ${model.artifacts.map((a) => a.kind).join(', ') || 'none'}).`);
  const file = path.join(home, artifact.storageKey);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Model ${model.id}: cannot read ${kind} artifact ${file} (${error.code ?? error.message}).`);
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== artifact.sha256) throw new Error(`Model ${model.id}: ${kind} artifact ${file} has sha256 ${sha256}, the registry says ${artifact.sha256}.`);
  return bytes;
}
