import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';

// tfjs-node(-gpu) cannot be installed on this machine (their install downloads libtensorflow), so the order below is
// exercised for real: both are tried, fail, and wasm is chosen.
describe('selectBackend', () => {
  it('fails loudly when the forced backend cannot load, naming it and why', async () => {
    await expect(selectBackend({ forced: 'tensorflow' })).rejects.toThrow(/DERMINO_BACKEND=tensorflow cannot be used: .*tfjs-node/);
  });

  it('picks the first backend that loads, logs it with the skipped ones, and keeps it for the process', async () => {
    const lines: string[] = [];
    const selected = await selectBackend({ log: (line) => lines.push(line) });
    expect(selected.choice).toBe('wasm');
    expect(selected.skipped.map((s) => s.choice)).toEqual(['tensorflow-gpu', 'tensorflow']);
    expect(tf.getBackend()).toBe('wasm');
    expect(lines).toEqual([expect.stringMatching(/^tfjs backend: wasm \(skipped tensorflow-gpu: .*; tensorflow: .*\)$/)]);
    expect(await selectBackend({ forced: 'cpu' })).toBe(selected);
  });
});
