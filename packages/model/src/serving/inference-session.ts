import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { readOnnxMetadata, type DerminoOnnxMetadata } from '../onnx/read-onnx-metadata';
import { createMicroBatcher } from './micro-batcher';
import { preprocessImage } from './preprocess-image';
import { toExplanationMap, type ExplanationMap } from './explanation-map';

export interface CreateInferenceSessionOptions {
  /** Path of an ONNX file written by exportVitToOnnx, or its bytes. */
  modelPath?: string;
  bytes?: Uint8Array;
  /** Largest batch one onnxruntime run takes (default 8: on CPU, ViT-S/16 loses cache locality above ~8). */
  maxBatchSize?: number;
  /** How long a lone request waits for others to share its run (default 5 ms). */
  maxWaitMs?: number;
  /** onnxruntime intra-op threads (default: onnxruntime's choice, all cores). */
  intraOpNumThreads?: number;
  /**
   * Let idle intra-op threads spin (onnxruntime's default, lowest latency). On cores shared with other
   * processes, false gives the cycles back instead of burning them.
   */
  allowSpinning?: boolean;
}

export interface ImagePrediction {
  embedding: Float32Array;
  /** Softmax over metadata.classNames (models exported with a classifier only). */
  probabilities?: Float32Array;
  predictedClass?: { name: string; probability: number };
  /** Sigmoid score per metadata.concepts entry (models exported with a concept head only). */
  conceptScores?: Float32Array;
  /** Shannon entropy of the probabilities in nats (0 = certain, ln C = uniform). */
  entropy?: number;
  explanation?: ExplanationMap;
}

export type ModelOutputs = Partial<Record<string, Float32Array>>;

export interface DerminoInferenceSession {
  metadata: DerminoOnnxMetadata;
  /** Decodes, preprocesses and runs images; concurrent calls share batched runs. */
  predict(images: Uint8Array[]): Promise<ImagePrediction[]>;
  /** Runs one already-preprocessed image [S, S, 3] through the batcher; returns that image's raw outputs. */
  runImage(input: Float32Array): Promise<ModelOutputs>;
  close(): Promise<void>;
}

/** Loads an exported model once and serves it; preprocessing follows the model's own metadata. */
export async function createInferenceSession(options: CreateInferenceSessionOptions): Promise<DerminoInferenceSession> {
  const { maxBatchSize = 8, maxWaitMs = 5 } = options;
  const source = options.modelPath ?? 'model bytes';
  const bytes = await loadModelBytes(options);
  const metadata = readOnnxMetadata(bytes, source);
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      logSeverityLevel: 3,
      graphOptimizationLevel: 'all',
      ...(options.intraOpNumThreads ? { intraOpNumThreads: options.intraOpNumThreads } : {}),
      ...(options.allowSpinning === false ? { extra: { session: { intra_op: { allow_spinning: '0' } } } } : {}),
    });
  } catch (error) {
    throw new Error(`${source}: onnxruntime could not load the model (${(error as Error).message})`);
  }
  const size = metadata.preprocessing.imageSize;
  const imageLength = size * size * 3;
  const outputNames = session.outputNames;

  const batcher = createMicroBatcher<Float32Array, ModelOutputs>({
    maxBatchSize,
    maxWaitMs,
    async runBatch(inputs) {
      const batch = new Float32Array(inputs.length * imageLength);
      inputs.forEach((input, index) => batch.set(input, index * imageLength));
      const results = await session.run({ input: new ort.Tensor('float32', batch, [inputs.length, size, size, 3]) });
      return inputs.map((_, index) => sliceOutputs(results, outputNames, index, inputs.length));
    },
  });

  const runImage = (input: Float32Array) => {
    if (input.length !== imageLength) {
      return Promise.reject(new Error(`runImage: input has ${input.length} values, expected ${size}x${size}x3 = ${imageLength}`));
    }
    return batcher.submit(input);
  };

  return {
    metadata,
    runImage,
    async predict(images) {
      const inputs = await Promise.all(images.map((image, index) => preprocessImage(image, metadata.preprocessing, `image ${index}`)));
      const outputs = await Promise.all(inputs.map(runImage));
      return outputs.map((output) => toPrediction(output, metadata.classNames));
    },
    async close() {
      await batcher.drain();
      await session.release();
    },
  };
}

async function loadModelBytes(options: CreateInferenceSessionOptions): Promise<Uint8Array> {
  if (options.bytes) return options.bytes;
  if (!options.modelPath) throw new Error('createInferenceSession: give modelPath or bytes');
  try {
    return await readFile(options.modelPath);
  } catch (error) {
    throw new Error(`${options.modelPath}: cannot read model file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function sliceOutputs(results: ort.InferenceSession.ReturnType, names: readonly string[], index: number, batch: number): ModelOutputs {
  const sliced: ModelOutputs = {};
  for (const name of names) {
    const data = results[name].data as Float32Array;
    const length = data.length / batch;
    sliced[name] = data.slice(index * length, (index + 1) * length);
  }
  return sliced;
}

export function toPrediction(output: ModelOutputs, classNames: string[]): ImagePrediction {
  if (!output.embedding) throw new Error('model has no "embedding" output');
  const prediction: ImagePrediction = { embedding: output.embedding };
  const probabilities = output.probabilities;
  if (probabilities) {
    let best = 0;
    let entropy = 0;
    probabilities.forEach((p, c) => {
      if (p > probabilities[best]) best = c;
      if (p > 0) entropy -= p * Math.log(p);
    });
    prediction.probabilities = probabilities;
    prediction.predictedClass = { name: classNames[best] ?? String(best), probability: probabilities[best] };
    prediction.entropy = entropy;
  }
  if (output.concept_scores) prediction.conceptScores = output.concept_scores;
  if (output.attention_rollout) prediction.explanation = toExplanationMap('attention_rollout', output.attention_rollout);
  else if (output.cls_attention) prediction.explanation = toExplanationMap('cls_attention', output.cls_attention);
  return prediction;
}
