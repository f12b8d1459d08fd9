import path from 'node:path';
import {
  createInferenceSession,
  exportVitToOnnx,
  readWeightsFile,
  type VitConfig,
  type WeightsFormatOption,
  type WeightsProvenance,
} from '@dermino/model';
import { writeFileAtomic } from '../jobs/shared/artifacts.js';
import { encodeWeights } from '../jobs/shared/weights-file.js';

export interface ImportBackboneOptions {
  weightsPath: string;
  outDir: string;
  format?: WeightsFormatOption;
  imageSize?: number;
  heads?: number;
  /** Take the student of a DINOv2 training checkpoint instead of the teacher (the released, evaluated network). */
  student?: boolean;
}

/** What the registry keeps of an import: enough to find the file again and to know what it was. */
export interface ImportProvenance {
  fileName: string;
  sha256: string;
  fileBytes: number;
  format: string;
  container: string;
  /** One line, e.g. "ViT-B/14 (width 768, depth 12, 12 heads, 4 registers, SwiGLU, LayerScale), 86.6M parameters". */
  architecture: string;
  taken: 'teacher' | 'student' | null;
  details: WeightsProvenance;
}

export interface ImportedFiles {
  config: VitConfig;
  provenance: ImportProvenance;
  files: { weights: string; onnx: string; manifest: string };
  seconds: { read: number; export: number; check: number };
}

const since = (start: number) => (performance.now() - start) / 1000;

/**
 * Reads released weights (DINOv2, DermINO, timm, Hugging Face), writes them as the project's backbone weights file
 * and as ONNX (embedding = CLS after the final norm; ImageNet mean/std on RGB 0..1 in the metadata), and runs the
 * ONNX once so a file that reads but does not compute is refused before anything is registered.
 */
export async function importBackbone(options: ImportBackboneOptions): Promise<ImportedFiles> {
  let start = performance.now();
  const imported = readWeightsFile(options.weightsPath, {
    format: options.format ?? 'auto',
    heads: options.heads,
    imageSize: options.imageSize ?? 224,
    take: options.student ? 'student' : 'teacher',
  });
  const read = since(start);
  const { config, weights } = imported;
  const details = imported.provenance;
  const provenance: ImportProvenance = {
    fileName: details.fileName,
    sha256: details.sha256,
    fileBytes: details.fileBytes,
    format: details.format,
    container: details.container,
    architecture: details.summary,
    taken: details.took,
    details,
  };
  start = performance.now();
  // No attention rollout: a backbone serves embeddings (EMBED, similar cases), and the rollout's per-block T x T
  // products made embedding 1.7x slower at 224 px (classifiers fine-tuned from it export their own, with it).
  const onnx = exportVitToOnnx({
    config,
    weights,
    outputs: ['embedding', 'patch_tokens', 'cls_attention'],
    metadata: {
      'dermino.imported_from': details.fileName,
      'dermino.imported_sha256': details.sha256,
      'dermino.imported_format': details.format,
    },
  });
  const files = {
    weights: path.join(options.outDir, 'backbone.weights'),
    onnx: path.join(options.outDir, 'backbone.onnx'),
    manifest: path.join(options.outDir, 'import.json'),
  };
  await writeFileAtomic(files.weights, encodeWeights(weights));
  await writeFileAtomic(files.onnx, onnx);
  const exported = since(start);
  start = performance.now();
  await checkOnnx(onnx, config, details.fileName);
  const check = since(start);
  await writeFileAtomic(files.manifest, `${JSON.stringify({ config, provenance }, null, 1)}\n`);
  return { config, provenance, files, seconds: { read, export: exported, check } };
}

/** One grey image through onnxruntime: the embedding must have the backbone's width and be finite. */
async function checkOnnx(bytes: Uint8Array, config: VitConfig, what: string): Promise<void> {
  const session = await createInferenceSession({ bytes, maxBatchSize: 1, maxWaitMs: 0 });
  try {
    const size = config.imageSize;
    const input = new Float32Array(size * size * 3);
    const embedding = (await session.runImage(input)).embedding ?? new Float32Array();
    const finite = embedding.every(Number.isFinite);
    if (embedding.length !== config.width || !finite) {
      throw new Error(
        `${what}: the exported model gives ${embedding.length} values${finite ? '' : ' that are not all finite'}, expected ${config.width} finite ones`,
      );
    }
  } finally {
    await session.close();
  }
}
