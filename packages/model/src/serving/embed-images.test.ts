import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedImages, formatEmbeddingLine } from './embed-images';
import { createInferenceSession } from './inference-session';
import { createTempDir, createTestImage, exportTinyModel, tinyServingConfig, writeTempModel } from './testing/fixtures';

describe('embedImages', () => {
  it('embeds every image in batches, skips non-images with a warning and reports progress', async () => {
    const dir = await createTempDir();
    const { bytes } = exportTinyModel({ classifier: false });
    const modelPath = await writeTempModel(dir, bytes);
    const images = await Promise.all([1, 2, 3].map((seed) => createTestImage(seed, 30, 30, seed === 2 ? 'jpeg' : 'png')));
    const files = await Promise.all(images.map(async (image, index) => {
      const file = join(dir, `lesion-${index}.${index === 1 ? 'jpg' : 'png'}`);
      await writeFile(file, image);
      return file;
    }));
    const notes = join(dir, 'notes.txt');
    await writeFile(notes, 'clinical notes');
    const truncated = join(dir, 'truncated.png');
    await writeFile(truncated, images[0].subarray(0, images[0].length - 30));
    const warnings: string[] = [];
    const progress: number[] = [];
    const result = await embedImages({
      modelPath,
      files: [files[0], notes, files[1], truncated, files[2], join(dir, 'gone.png')],
      batchSize: 2,
      onProgress: ({ done }) => progress.push(done),
      onWarning: ({ file }) => warnings.push(file),
    });
    expect(result.rows.map((row) => row.file)).toEqual(files);
    expect(warnings).toEqual([notes, truncated, join(dir, 'gone.png')]);
    expect(result.skipped[2].reason).toMatch(/cannot read file \(ENOENT\)/);
    expect(progress).toEqual([2, 4, 6]);
    const session = await createInferenceSession({ bytes });
    const expected = await session.predict(images);
    await session.close();
    result.rows.forEach((row, index) => {
      expect(row.embedding).toHaveLength(tinyServingConfig.width);
      row.embedding.forEach((value, d) => expect(value).toBeCloseTo(expected[index].embedding[d], 5));
    });
    const line = JSON.parse(formatEmbeddingLine(result.rows[0]));
    expect(Object.keys(line)).toEqual(['file', 'embedding']);
    expect(line.embedding).toEqual(result.rows[0].embedding);
  });

  it('fails loudly on a model that is not ONNX and on a bad batch size', async () => {
    const dir = await createTempDir();
    const modelPath = join(dir, 'model.onnx');
    await writeFile(modelPath, 'garbage');
    await expect(embedImages({ modelPath, files: [] })).rejects.toThrow(/not an ONNX model/);
    await expect(embedImages({ modelPath, files: [], batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer/);
  });
});
