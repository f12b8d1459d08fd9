import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { exportVitToOnnx } from '../onnx/export-vit';
import { createInferenceSession } from '../serving/inference-session';
import { createVit, disposeModel } from '../vit/create-vit';
import { vitForward } from '../vit/vit-forward';
import { setVitWeights } from '../vit/weights';
import { type ReadWeightsOptions, readWeightsFile } from './read-weights-file';
import { maxAbsDiff, referenceInput, referenceOutputs, WEIGHT_FIXTURES } from './testing/weight-fixtures';

interface Case {
  file: string;
  options: ReadWeightsOptions;
  network?: 'teacher' | 'student';
  /** What the importer must report. */
  expect: Record<string, unknown>;
}

const cases: Case[] = [
  {
    file: 'dinov2-train-chunks.pth',
    options: { heads: 4, imageSize: 42 },
    network: 'teacher',
    expect: {
      format: 'dinov2',
      sourcePrefix: 'model.teacher.backbone.',
      took: 'teacher',
      depth: 2,
      registers: 0,
      ffn: 'mlp',
      grid: [3, 3],
    },
  },
  {
    file: 'dinov2-train-chunks.pth',
    options: { heads: 4, imageSize: 42, take: 'student' },
    network: 'student',
    expect: {
      format: 'dinov2',
      sourcePrefix: 'model.student.backbone.',
      took: 'student',
      depth: 2,
      registers: 0,
      ffn: 'mlp',
      grid: [3, 3],
    },
  },
  {
    file: 'dinov2-teacher-registers-swiglu.pth',
    options: { heads: 4, imageSize: 42 },
    expect: {
      format: 'dinov2',
      sourcePrefix: 'teacher.backbone.',
      took: 'teacher',
      depth: 2,
      registers: 2,
      ffn: 'swiglu',
      grid: [4, 3],
    },
  },
  {
    file: 'plain-registers-module.pth',
    options: { heads: 4, imageSize: 42 },
    expect: {
      format: 'dinov2',
      sourcePrefix: '',
      took: null,
      depth: 2,
      registers: 4,
      ffn: 'mlp',
      grid: [5, 3],
    },
  },
  {
    file: 'plain-fp16.pth',
    options: { heads: 4, imageSize: 24 },
    expect: {
      format: 'dinov2',
      sourcePrefix: '',
      took: null,
      depth: 2,
      registers: 0,
      ffn: 'mlp',
      grid: [2, 3],
      dtype: 'F16',
    },
  },
  {
    file: 'hf/model.safetensors',
    options: { imageSize: 42 },
    expect: {
      format: 'hf',
      sourcePrefix: 'dinov2.',
      took: null,
      depth: 2,
      registers: 1,
      ffn: 'swiglu',
      grid: [3, 3],
      headsFrom: 'config.json',
    },
  },
  {
    file: 'timm-reg-bf16.safetensors',
    options: { heads: 4, imageSize: 42 },
    expect: {
      format: 'timm',
      sourcePrefix: '',
      took: null,
      depth: 3,
      registers: 2,
      ffn: 'mlp',
      grid: [3, 3],
      dtype: 'BF16',
    },
  },
];

describe('readWeightsFile on checkpoints PyTorch wrote', () => {
  beforeAll(() => useTestBackend('wasm'));

  it.each(cases)(
    '$file ($network): tfjs and ONNX match PyTorch to < 1e-4',
    async ({ file, options, network, expect: want }) => {
      const { config, weights, provenance } = readWeightsFile(join(WEIGHT_FIXTURES, file), options);
      const arch = provenance.architecture;
      expect({
        format: provenance.format,
        sourcePrefix: provenance.sourcePrefix,
        took: provenance.took,
        depth: arch.depth,
        registers: arch.registers,
        ffn: arch.ffn,
        grid: [provenance.positionEmbedding.storedGrid, provenance.positionEmbedding.servingGrid],
        ...('dtype' in want ? { dtype: Object.keys(provenance.storageDtypes).join() } : {}),
        ...('headsFrom' in want ? { headsFrom: provenance.headsFrom } : {}),
      }).toEqual(want);
      expect(provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
      const reference = referenceOutputs(file, network);
      expect(config.imageSize).toBe(reference.imageSize);
      const input = referenceInput(config.imageSize);

      const before = tf.memory().numTensors;
      const model = createVit(config);
      setVitWeights(model, weights);
      const x = tf.tensor4d(input, [2, config.imageSize, config.imageSize, 3]);
      const outputs = tf.tidy(() => {
        const { cls: clsToken, patches: patchTokens } = vitForward(model, x);
        return [clsToken, patchTokens];
      });
      const [cls, patches] = outputs.map((tensor) => tensor.dataSync());
      tf.dispose([x, ...outputs]);
      disposeModel(model);
      expect(tf.memory().numTensors).toBe(before);
      expect(maxAbsDiff(cls, reference.cls)).toBeLessThan(1e-4);
      expect(maxAbsDiff(patches, reference.patches)).toBeLessThan(1e-4);

      const session = await ort.InferenceSession.create(
        exportVitToOnnx({ config, weights, outputs: ['embedding', 'patch_tokens'] }),
        { logSeverityLevel: 3 },
      );
      const result = await session.run({
        input: new ort.Tensor('float32', input, [2, config.imageSize, config.imageSize, 3]),
      });
      await session.release();
      expect(maxAbsDiff(result.embedding.data as Float32Array, reference.cls)).toBeLessThan(1e-4);
      expect(maxAbsDiff(result.patch_tokens.data as Float32Array, reference.patches)).toBeLessThan(1e-4);
      // The two images differ, so must their embeddings: agreement on near-constant outputs would prove little.
      expect(
        maxAbsDiff(reference.cls.slice(0, config.width), reference.cls.slice(config.width)),
      ).toBeGreaterThan(0.1);
    },
  );
});

describe('an imported backbone with registers, served', () => {
  it('runs through createInferenceSession: CLS embedding as PyTorch, explanation maps over the patches only', async () => {
    const file = 'plain-registers-module.pth';
    const { config, weights, provenance } = readWeightsFile(join(WEIGHT_FIXTURES, file), {
      heads: 4,
      imageSize: 42,
    });
    const bytes = exportVitToOnnx({
      config,
      weights,
      metadata: { 'dermino.provenance': JSON.stringify(provenance) },
    });
    const session = await createInferenceSession({ bytes });
    try {
      expect(session.metadata.config).toMatchObject({ registers: 4, patchSize: 14, imageSize: 42 });
      const reference = referenceOutputs(file);
      const image = referenceInput(42).subarray(0, 42 * 42 * 3);
      const outputs = await session.runImage(image);
      expect(maxAbsDiff(outputs.embedding!, reference.cls.slice(0, config.width))).toBeLessThan(1e-4);
      for (const name of ['cls_attention', 'attention_rollout']) {
        const map = outputs[name]!;
        expect(map.length).toBe(9);
        expect(map.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      }
      // The CLS row of the last block's attention over the 9 patches: the registers' share is left out, so < 1.
      const patchShare = outputs.cls_attention!.reduce((a, b) => a + b, 0);
      expect(patchShare).toBeGreaterThan(0);
      expect(patchShare).toBeLessThan(1);
    } finally {
      await session.close();
    }
  });
});
