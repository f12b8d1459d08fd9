import { readFile } from 'node:fs/promises';
import { createInferenceSession } from './inference-session';
import { preprocessImage } from './preprocess-image';

export interface EmbedImagesOptions {
  modelPath: string;
  files: string[];
  /** Images per onnxruntime run (default 8). */
  batchSize?: number;
  onProgress?: (progress: { done: number; total: number; skipped: number }) => void;
  /** Called once per skipped file; defaults to nothing (the skipped list is returned as well). */
  onWarning?: (warning: SkippedFile) => void;
  intraOpNumThreads?: number;
}

export interface EmbeddingRow {
  file: string;
  embedding: number[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * Embeds image files with an exported model, in batches, for `dermino embed`. Files that cannot be read or
 * decoded as images are skipped with a warning, never fatal; a model that cannot be loaded is.
 */
export async function embedImages(options: EmbedImagesOptions): Promise<{ rows: EmbeddingRow[]; skipped: SkippedFile[] }> {
  const { files, batchSize = 8, onProgress, onWarning } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`embedImages: batchSize must be a positive integer, got ${batchSize}`);
  const session = await createInferenceSession({
    modelPath: options.modelPath,
    maxBatchSize: batchSize,
    maxWaitMs: 0,
    intraOpNumThreads: options.intraOpNumThreads,
  });
  if (!session.metadata.outputs.includes('embedding')) {
    await session.close();
    throw new Error(`${options.modelPath}: model was exported without the "embedding" output`);
  }
  const rows: EmbeddingRow[] = [];
  const skipped: SkippedFile[] = [];
  try {
    for (let start = 0; start < files.length; start += batchSize) {
      const chunk = files.slice(start, start + batchSize);
      const inputs = await Promise.all(chunk.map((file) => loadInput(file, session.metadata.preprocessing)));
      const ready = inputs.flatMap((input, index) => {
        if (input instanceof Error) {
          const warning = { file: chunk[index], reason: input.message };
          skipped.push(warning);
          onWarning?.(warning);
          return [];
        }
        return [{ file: chunk[index], input }];
      });
      const outputs = await Promise.all(ready.map(({ input }) => session.runImage(input)));
      ready.forEach(({ file }, index) => rows.push({ file, embedding: Array.from(outputs[index].embedding ?? []) }));
      onProgress?.({ done: Math.min(start + batchSize, files.length), total: files.length, skipped: skipped.length });
    }
  } finally {
    await session.close();
  }
  return { rows, skipped };
}

async function loadInput(file: string, spec: Parameters<typeof preprocessImage>[1]): Promise<Float32Array | Error> {
  try {
    const bytes = await readFile(file);
    return await preprocessImage(bytes, spec, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? new Error(`${file}: cannot read file (${code})`) : (error as Error);
  }
}

/** One JSON Lines row: `{"file": "<path>", "embedding": [...]}`. */
export function formatEmbeddingLine(row: EmbeddingRow): string {
  return JSON.stringify({ file: row.file, embedding: row.embedding });
}
