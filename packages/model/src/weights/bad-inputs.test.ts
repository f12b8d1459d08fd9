import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWeightsFile } from './read-weights-file';
import { tinyBackbone } from './testing/tiny-backbone';
import { WEIGHT_FIXTURES } from './testing/weight-fixtures';
import { writeSafetensors } from './testing/write-weights';

const dir = mkdtempSync(join(tmpdir(), 'dermino-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => join(WEIGHT_FIXTURES, name);

const options = { heads: 2, imageSize: 4 };

describe('readWeightsFile refuses bad input with a clear error', () => {
  it('a truncated checkpoint', () => {
    expect(() => readWeightsFile(fixture('bad/truncated.pth'), options)).toThrow(
      /truncated\.pth: not a readable zip archive \(end of central directory not found: the file is truncated/,
    );
  });

  it('a pickle naming os.system, without running it', () => {
    expect(() => readWeightsFile(fixture('bad/os-system.pth'), options)).toThrow(
      /os-system\.pth \(archive\/data\.pkl\): the pickle names the global "os\.system", which is not a tensor or a plain container/,
    );
  });

  it('a state dict with a block missing, listing its keys', () => {
    expect(() => readWeightsFile(fixture('bad/missing-block.pth'), { heads: 4, imageSize: 42 })).toThrow(
      /missing-block\.pth: the backbone's keys \(in DINOv2's names\) do not match its architecture: missing 14 key\(s\): blocks\.1\.norm1\.weight, blocks\.1\.norm1\.bias, blocks\.1\.norm2\.weight/,
    );
  });

  it('a safetensors header whose offsets overlap', () => {
    expect(() => readWeightsFile(fixture('bad/overlap.safetensors'), options)).toThrow(
      /overlap\.safetensors: invalid safetensors file \(tensors "a" \[0, 64\) and "b" \[32, 64\) overlap\)/,
    );
  });

  it('a backbone larger than the memory budget', () => {
    expect(() =>
      readWeightsFile(fixture('plain-registers-module.pth'), {
        heads: 4,
        imageSize: 42,
        memoryBudgetBytes: 100_000,
      }),
    ).toThrow(
      /plain-registers-module\.pth: the backbone's \d+ parameters need 0\.\d MiB as float32, above the memory budget of 0\.1 MiB/,
    );
  });

  it('an unexpected key inside the backbone, named', () => {
    const path = join(dir, 'extra.safetensors');
    writeSafetensors(path, [...tinyBackbone(), ['blocks.0.attn.q_norm.weight', [8], new Float32Array(8)]]);
    expect(() => readWeightsFile(path, options)).toThrow(
      /extra\.safetensors: 1 unexpected key\(s\) in the backbone: blocks\.0\.attn\.q_norm\.weight/,
    );
  });

  it('a tensor of the wrong shape, named with both shapes', () => {
    const path = join(dir, 'shape.safetensors');
    writeSafetensors(
      path,
      tinyBackbone().map(([name, shape, data]) =>
        name === 'blocks.0.norm2.bias' ? [name, [4], data.subarray(0, 4)] : [name, shape, data],
      ),
    );
    expect(() => readWeightsFile(path, options)).toThrow(
      /wrong shape: blocks\.0\.norm2\.bias \[4\] \(expected \[8\]\)/,
    );
  });

  it('a width outside the standard table without --heads', () => {
    const path = join(dir, 'heads.safetensors');
    writeSafetensors(path, tinyBackbone());
    expect(() => readWeightsFile(path, { imageSize: 4 })).toThrow(
      /heads\.safetensors: width 8 is not a standard ViT width .*give the number of heads/,
    );
  });

  it('a format that does not fit the keys', () => {
    expect(() =>
      readWeightsFile(fixture('plain-fp16.pth'), { format: 'hf', heads: 4, imageSize: 24 }),
    ).toThrow(/plain-fp16\.pth: --format hf given, but the keys are DINOv2\/timm style/);
  });

  it('a file that is no checkpoint at all, an empty one, and a missing one', () => {
    const text = join(dir, 'notes.pth');
    writeFileSync(text, 'hello, these are not weights');
    expect(() => readWeightsFile(text)).toThrow(
      /notes\.pth: neither a torch\.save zip checkpoint nor a safetensors file/,
    );
    const empty = join(dir, 'empty.pth');
    writeFileSync(empty, '');
    expect(() => readWeightsFile(empty)).toThrow(/empty\.pth: neither .*, empty\)/);
    expect(() => readWeightsFile(join(dir, 'absent.pth'))).toThrow(
      /absent\.pth: cannot open weights file \(ENOENT\)/,
    );
  });

  it('a student asked of a file that holds only a teacher', () => {
    expect(() =>
      readWeightsFile(fixture('dinov2-teacher-registers-swiglu.pth'), {
        heads: 4,
        imageSize: 42,
        take: 'student',
      }),
    ).toThrow(
      /dinov2-teacher-registers-swiglu\.pth: a student network was asked for, but the file holds only "teacher\.backbone\.\*"/,
    );
  });

  it('an image size that is not a multiple of the patch size', () => {
    expect(() => readWeightsFile(fixture('plain-fp16.pth'), { heads: 4, imageSize: 30 })).toThrow(
      /image size 30 is not a multiple of the patch size 8/,
    );
  });
});
