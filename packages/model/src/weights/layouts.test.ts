import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWeights } from './open-weights';
import { readWeightsFile } from './read-weights-file';
import { tinyBackbone } from './testing/tiny-backbone';
import { WEIGHT_FIXTURES } from './testing/weight-fixtures';
import { type TensorsToWrite, writeSafetensors, writeTorchZip } from './testing/write-weights';

const dir = mkdtempSync(join(tmpdir(), 'dermino-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => join(WEIGHT_FIXTURES, name);
const options = { heads: 2, imageSize: 4 };

describe('torch zip checkpoints written member by member', () => {
  it.each([false, true])('reads the same tensors STORED and DEFLATE (deflate: %s)', (deflate) => {
    const path = join(dir, `tiny-${deflate}.pth`);
    writeTorchZip(path, tinyBackbone(), { deflate });
    const { weights, provenance } = readWeightsFile(path, options);
    expect(provenance.container).toBe('torch-zip');
    expect(provenance.summary).toBe('ViT-8/2 (width 8, depth 1, 2 heads, MLP), 1.0k parameters');
    // cls_token holds sin(0..7); the q/k/v weight is transposed to [in, out]: element [i][o] = sin(o * 8 + i).
    expect(Array.from(weights.cls_token.data)).toEqual(
      Array.from({ length: 8 }, (_, i) => Math.fround(Math.sin(i))),
    );
    expect(weights['blocks.0.attn.qkv.weight'].shape).toEqual([8, 24]);
    expect(weights['blocks.0.attn.qkv.weight'].data[1 * 24 + 5]).toBe(Math.fround(Math.sin(5 * 8 + 1)));
  });
});

describe('timm layouts of the same backbone', () => {
  it("packed SwiGLU (fc1 = [w12], fc2 = w3) and no mask token import as DINOv2's w12 / w3", () => {
    const source = fixture('dinov2-teacher-registers-swiglu.pth');
    const { tensors, file } = openWeights(source);
    const timm: TensorsToWrite = [];
    for (const [key, tensor] of tensors) {
      if (!key.startsWith('teacher.backbone.') || key.endsWith('mask_token')) continue;
      const name = key
        .slice('teacher.backbone.'.length)
        .replace('mlp.w12.', 'mlp.fc1.')
        .replace('mlp.w3.', 'mlp.fc2.')
        .replace('register_tokens', 'reg_token');
      timm.push([name, tensor.shape, tensor.read()]);
    }
    file.close();
    const path = join(dir, 'timm-packed.safetensors');
    writeSafetensors(path, timm);
    const original = readWeightsFile(source, { heads: 4, imageSize: 42 });
    const imported = readWeightsFile(path, { heads: 4, imageSize: 42 });
    expect(imported.provenance.format).toBe('timm');
    expect(imported.config).toEqual(original.config);
    expect(imported.provenance.maskToken).toBe('zeros (not in the file)');
    for (const [name, weight] of Object.entries(original.weights)) {
      if (name === 'mask_token') continue;
      expect(imported.weights[name].shape).toEqual(weight.shape);
      expect(imported.weights[name].data).toEqual(weight.data);
    }
  });
});
