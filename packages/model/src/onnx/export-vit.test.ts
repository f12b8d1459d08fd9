import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportVitToOnnx } from './export-vit';
import { readOnnxMetadata } from './read-onnx-metadata';
import { createRandomClassifier, createRandomImages, createRandomVitWeights } from './testing/random-vit-weights';
import { referenceRollout, referenceVitForward } from './testing/reference-vit';
import type { VitExportConfig } from './vit-export-types';

const config: VitExportConfig = { imageSize: 16, patchSize: 4, width: 24, depth: 2, heads: 3, mlpRatio: 2, layerScale: 0.1, dropPath: 0 };
const classNames = ['nevus', 'melanoma', 'bcc', 'seb-k'];
const concepts = ['pigmented', 'malignant', 'vascular', 'keratinising', 'inflammatory'];

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

async function runExported(bytes: Uint8Array, images: Float32Array, batch: number, size: number) {
  const session = await ort.InferenceSession.create(bytes);
  try {
    return await session.run({ input: new ort.Tensor('float32', images, [batch, size, size, 3]) });
  } finally {
    await session.release();
  }
}

describe('exportVitToOnnx', () => {
  it.each([
    ['with LayerScale', config],
    ['without LayerScale', { ...config, layerScale: 0, mlpRatio: 1.5 }],
  ])('matches the float64 reference forward (%s) on every output', async (_label, cfg) => {
    const weights = createRandomVitWeights(cfg, 7);
    const classifier = { weights: createRandomClassifier(cfg.width, classNames), classNames };
    const conceptHead = { weights: createRandomClassifier(cfg.width, concepts, 4, 'label_head'), concepts };
    const batch = 3;
    const images = createRandomImages(batch, cfg.imageSize);
    const out = await runExported(exportVitToOnnx({ config: cfg, weights, classifier, conceptHead }), images, batch, cfg.imageSize);
    const N = (cfg.imageSize / cfg.patchSize) ** 2;
    expect(out.embedding.dims).toEqual([batch, cfg.width]);
    expect(out.patch_tokens.dims).toEqual([batch, N, cfg.width]);
    expect(out.probabilities.dims).toEqual([batch, classNames.length]);
    expect(out.concept_scores.dims).toEqual([batch, concepts.length]);
    expect(out.attention_rollout.dims).toEqual([batch, N]);
    expect(out.cls_attention.dims).toEqual([batch, N]);
    const imageLength = cfg.imageSize * cfg.imageSize * 3;
    for (let b = 0; b < batch; b += 1) {
      const ref = referenceVitForward(cfg, weights, images.subarray(b * imageLength, (b + 1) * imageLength), classifier.weights);
      const pick = (name: string, length: number) => (out[name].data as Float32Array).subarray(b * length, (b + 1) * length);
      expect(maxAbsDiff(pick('embedding', cfg.width), ref.embedding)).toBeLessThan(1e-4);
      expect(maxAbsDiff(pick('patch_tokens', N * cfg.width), ref.patchTokens.flat())).toBeLessThan(1e-4);
      expect(maxAbsDiff(pick('probabilities', classNames.length), ref.probabilities!)).toBeLessThan(1e-5);
      const conceptScores = concepts.map((_, k) => {
        const logit = ref.embedding.reduce((sum, e, d) => sum + e * conceptHead.weights['label_head.weight'].data[d * concepts.length + k], conceptHead.weights['label_head.bias'].data[k]);
        return 1 / (1 + Math.exp(-logit));
      });
      expect(maxAbsDiff(pick('concept_scores', concepts.length), conceptScores)).toBeLessThan(1e-5);
      expect(maxAbsDiff(pick('cls_attention', N), ref.attentions[cfg.depth - 1][0].slice(1))).toBeLessThan(1e-5);
      expect(maxAbsDiff(pick('attention_rollout', N), referenceRollout(ref.attentions))).toBeLessThan(1e-5);
    }
    // Different images must give different embeddings, or the comparison above proves little.
    const emb = out.embedding.data as Float32Array;
    expect(maxAbsDiff(emb.subarray(0, cfg.width), emb.subarray(cfg.width, 2 * cfg.width))).toBeGreaterThan(0.1);
  });

  it('exports only the requested outputs and records config, classes and preprocessing in metadata', async () => {
    const weights = createRandomVitWeights(config);
    const bytes = exportVitToOnnx({ config, weights, outputs: ['embedding'], metadata: { 'dermino.model_version': 'mv-1' } });
    const session = await ort.InferenceSession.create(bytes);
    expect(session.outputNames).toEqual(['embedding']);
    await session.release();
    const metadata = readOnnxMetadata(bytes);
    expect(metadata.config.width).toBe(24);
    expect(metadata.classNames).toEqual([]);
    expect(metadata.concepts).toEqual([]);
    expect(metadata.preprocessing).toMatchObject({ layout: 'NHWC', imageSize: 16, mean: [0.485, 0.456, 0.406] });
    expect(metadata.outputs).toEqual(['embedding']);
    expect(metadata.extra['dermino.model_version']).toBe('mv-1');
  });

  it('names the missing or misshapen weight', () => {
    const weights = createRandomVitWeights(config);
    delete weights['blocks.1.attn.proj.bias'];
    expect(() => exportVitToOnnx({ config, weights })).toThrow(/"blocks\.1\.attn\.proj\.bias" is missing/);
    const wrong = createRandomVitWeights(config);
    wrong['pos_embed'] = { shape: [10, 24], data: new Float32Array(240) };
    expect(() => exportVitToOnnx({ config, weights: wrong })).toThrow(/"pos_embed" has shape \[10,24\], expected \[17,24\]/);
  });

  it('rejects an impossible config and a probabilities output without classifier', () => {
    const weights = createRandomVitWeights(config);
    expect(() => exportVitToOnnx({ config: { ...config, patchSize: 5 }, weights })).toThrow(/imageSize 16 is not a multiple of patchSize 5/);
    expect(() => exportVitToOnnx({ config, weights, outputs: ['probabilities'] })).toThrow(/needs a classifier/);
    expect(() => exportVitToOnnx({ config, weights, outputs: ['concept_scores'] })).toThrow(/needs a conceptHead/);
  });
});
