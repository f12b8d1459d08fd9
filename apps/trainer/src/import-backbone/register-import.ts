import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Db, type ModelVersionRecord, registerModelVersion } from '@dermino/db';
import { describeArtifact } from '../jobs/shared/artifacts.js';
import type { ImportedFiles } from './import-backbone.js';

/**
 * Copies an import's files into the model store (`<home>/models/imports/<id>/`) and registers a BACKBONE with its
 * licence and provenance. Nothing is left behind when registration fails: the copied folder is removed.
 */
export async function registerImportedBackbone(
  db: Db,
  home: string,
  imported: ImportedFiles,
  options: { name: string; licence: string | null },
): Promise<ModelVersionRecord> {
  const folder = path.posix.join('models', 'imports', randomUUID());
  const weightsKey = path.posix.join(folder, 'backbone.weights');
  const onnxKey = path.posix.join(folder, 'backbone.onnx');
  await mkdir(path.join(home, folder), { recursive: true });
  try {
    await copyFile(imported.files.weights, path.join(home, weightsKey));
    await copyFile(imported.files.onnx, path.join(home, onnxKey));
    const artifacts = [
      await describeArtifact(home, 'backbone-weights', weightsKey),
      await describeArtifact(home, 'onnx', onnxKey),
    ];
    const { provenance } = imported;
    return await registerModelVersion(db, {
      name: options.name,
      kind: 'BACKBONE',
      config: JSON.parse(
        JSON.stringify({
          vit: imported.config,
          imported: { fileName: provenance.fileName, format: provenance.format, taken: provenance.taken },
        }),
      ),
      jobId: null,
      licence: options.licence,
      provenance: JSON.parse(JSON.stringify(provenance)),
      artifacts,
    });
  } catch (error) {
    await rm(path.join(home, folder), { recursive: true, force: true });
    throw error;
  }
}
