import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  type DbClient,
  findEvaluations,
  findPredictions,
  type ModelVersionRecord,
} from '@dermino/db';
import { createInferenceSession, type DerminoInferenceSession } from '@dermino/model';
import { fitTemperature } from './fit-temperature.js';

export interface LoadedModel {
  model: ModelVersionRecord;
  session: DerminoInferenceSession;
  /** From the model's newest evaluation; null when it has none (confidence is then uncalibrated). */
  temperature: number | null;
  temperatureEvaluationId: string | null;
}

/** The model's ONNX artifact, checksum verified, so a swapped or corrupted file is never served. */
async function readOnnx(home: string, model: ModelVersionRecord): Promise<Uint8Array> {
  const artifact = model.artifacts.find((a) => a.kind === 'onnx');
  if (!artifact) {
    throw new AppError('CONFLICT', {
      message: `Model ${model.name} (${model.id}) has no ONNX artifact to serve.`,
      details: { argument: 'modelId' },
    });
  }
  const file = path.resolve(home, artifact.storageKey);
  if (!file.startsWith(path.resolve(home) + path.sep)) {
    throw new AppError('CONFLICT', { message: `Model ${model.id} has an invalid artifact path.` });
  }
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('CONFLICT', {
      message: `The ONNX file of model ${model.name} is missing from the model store (${error.code}).`,
    });
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== artifact.sha256) {
    throw new AppError('CONFLICT', {
      message: `The ONNX file of model ${model.name} does not match its registered checksum.`,
    });
  }
  return bytes;
}

async function loadTemperature(db: DbClient, model: ModelVersionRecord) {
  const [latest] = await findEvaluations(db, { modelVersionId: model.id, take: 1 });
  if (!latest) return { temperature: null, temperatureEvaluationId: null };
  const predictions = await findPredictions(db, { evaluationId: latest.id });
  const rows = predictions.flatMap((p) =>
    p.label === null ? [] : [{ probabilities: p.probabilities, label: p.label }],
  );
  return { temperature: fitTemperature(rows), temperatureEvaluationId: latest.id };
}

/** One onnxruntime session per model version; concurrent predictions share its micro-batched runs. */
export async function loadModel(db: DbClient, home: string, model: ModelVersionRecord): Promise<LoadedModel> {
  const bytes = await readOnnx(home, model);
  // Two threads, no spinning: the API shares its cores with the database and other requests.
  const session = await createInferenceSession({
    bytes,
    maxBatchSize: 8,
    maxWaitMs: 3,
    intraOpNumThreads: 2,
    allowSpinning: false,
  });
  const calibration = await loadTemperature(db, model).catch(() => ({
    temperature: null,
    temperatureEvaluationId: null,
  }));
  return { model, session, ...calibration };
}
