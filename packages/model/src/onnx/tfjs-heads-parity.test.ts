import * as tf from '@tensorflow/tfjs-core';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../test/backend';
import { classifierLogits, createLinearClassifier } from '../eval/linear-probe';
import { createLabelHead, labelHeadForward } from '../heads/label-head';
import { VIT_PRESETS } from '../vit/config';
import { createVit, disposeModel } from '../vit/create-vit';
import { vitForward } from '../vit/vit-forward';
import { getVitWeights, getWeights, setVitWeights } from '../vit/weights';
import { exportVitToOnnx } from './export-vit';
import { createRandomClassifier, createRandomImages, createRandomVitWeights } from './testing/random-vit-weights';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (value, i) => Math.abs(value - b[i])));
};

describe('exported heads agree with the training code', () => {
  beforeAll(() => useTestBackend('wasm'));

  it('linear-probe probabilities and label-head concept scores match tfjs (tiny preset)', async () => {
    const config = VIT_PRESETS.tiny;
    const classNames = ['akiec', 'bcc', 'mel', 'nv'];
    const model = createVit('tiny');
    setVitWeights(model, createRandomVitWeights(config, 21));
    const classifier = createLinearClassifier(config.width, classNames.length);
    const randomHead = createRandomClassifier(config.width, classNames, 22);
    classifier.weights['head.weight'].assign(tf.tensor(randomHead['head.weight'].data, randomHead['head.weight'].shape));
    classifier.weights['head.bias'].assign(tf.tensor(randomHead['head.bias'].data, randomHead['head.bias'].shape));
    const conceptTable = { dim: 4, concepts: { melanocytic: [1, 0.2, 0, 0], malignant: [0, 1, 0.5, 0], vascular: [0.1, 0, 0, 1] } };
    const labelHead = createLabelHead(config.width, conceptTable, { seed: 3 });

    const batch = 3;
    const images = createRandomImages(batch, config.imageSize, 23);
    const [probabilities, conceptScores] = tf.tidy(() => {
      const { cls } = vitForward(model, tf.tensor4d(images, [batch, config.imageSize, config.imageSize, 3]));
      return [tf.softmax(classifierLogits(classifier, cls)).dataSync(), tf.sigmoid(labelHeadForward(labelHead, cls)).dataSync()];
    });
    const bytes = exportVitToOnnx({
      config: model.config,
      weights: getVitWeights(model),
      classifier: { weights: getWeights(classifier.weights), classNames },
      conceptHead: { weights: getWeights(labelHead.weights), concepts: labelHead.concepts },
      outputs: ['probabilities', 'concept_scores'],
    });
    disposeModel(model);
    disposeModel(classifier);
    disposeModel(labelHead);

    const session = await ort.InferenceSession.create(bytes, { logSeverityLevel: 3 });
    const out = await session.run({ input: new ort.Tensor('float32', images, [batch, config.imageSize, config.imageSize, 3]) });
    await session.release();
    expect(maxAbsDiff(out.probabilities.data as Float32Array, probabilities)).toBeLessThan(1e-5);
    expect(maxAbsDiff(out.concept_scores.data as Float32Array, conceptScores)).toBeLessThan(1e-5);
    // Random heads on different images must not give flat outputs, or the comparison proves little.
    expect(Math.max(...probabilities) - Math.min(...probabilities)).toBeGreaterThan(0.1);
  });
});
