import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './select-backend.js';

// tfjs-node(-gpu) cannot be installed on this machine (their install downloads libtensorflow), and its only WebGPU
// adapter is a CPU one (llvmpipe) or none, so the order below is exercised for real: the three are tried, refused,
// and wasm is chosen.
describe('selectBackend', () => {
  it('fails loudly when the forced backend cannot load, naming it and why', async () => {
    await expect(selectBackend({ forced: 'tensorflow' })).rejects.toThrow(
      /DERMINO_BACKEND=tensorflow cannot be used: .*tfjs-node/,
    );
  });

  it('picks the first backend that loads, logs it with the skipped ones, and keeps it for the process', async () => {
    const lines: string[] = [];
    const selected = await selectBackend({ log: (line) => lines.push(line) });
    expect(selected.choice).toBe('wasm');
    expect(selected.skipped.map((s) => s.choice)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow']);
    // Here: no Vulkan loader; on a machine with one but no GPU, a CPU adapter or none.
    expect(selected.skipped[1].reason).toMatch(/^(no Vulkan loader|only a CPU adapter|no WebGPU adapter)/);
    expect(tf.getBackend()).toBe('wasm');
    expect(lines).toEqual([
      expect.stringMatching(
        /^tfjs backend: wasm \(skipped tensorflow-gpu: .*; webgpu: .*; tensorflow: .*\)$/,
      ),
    ]);
    expect(await selectBackend({ forced: 'cpu' })).toBe(selected);
  });
});
