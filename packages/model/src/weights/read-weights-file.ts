import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { VitConfig } from '../vit/config';
import type { WeightMap } from '../vit/weights';
import type { FileSource } from './file-source';
import { DINOV2_INTERPOLATE_OFFSET } from './interpolate-pos-embed';
import { mapBackboneKeys, type WeightsFormat, type WeightsFormatOption } from './key-map';
import { elementCount } from './lazy-tensor';
import { openWeights } from './open-weights';
import {
  type Architecture,
  expectedTensors,
  inferArchitecture,
  STANDARD_HEADS,
  sameShape,
  toVitWeights,
  unpackTimmGlu,
  vitConfigFor,
} from './to-vit-weights';

export interface ReadWeightsOptions {
  /** Key layout; 'auto' (default) detects it from the keys. */
  format?: WeightsFormatOption;
  /** Attention heads; default: `num_attention_heads` of a config.json beside the file, else the standard table. */
  heads?: number;
  /** Which network of a DINOv2 training checkpoint (teacher + student) to import (default 'teacher'). */
  take?: 'teacher' | 'student';
  /** Serving image size; position embeddings are interpolated to its grid once, here (default 224). */
  imageSize?: number;
  /** The backbone's float32 tensors may take at most this many bytes (default: half the machine's memory). */
  memoryBudgetBytes?: number;
}

export interface WeightsProvenance {
  fileName: string;
  sha256: string;
  fileBytes: number;
  container: 'safetensors' | 'torch-zip';
  format: WeightsFormat;
  /** Key prefix of the backbone taken ('' = top level), and which network of a DINOv2 checkpoint it is. */
  sourcePrefix: string;
  took: 'teacher' | 'student' | null;
  otherBackbones: string[];
  /** Classifier keys inside the backbone that were left out (timm `head.*`). */
  ignoredKeys: string[];
  /** How many tensors of the file lie outside the backbone (heads, student, optimizer state). */
  keysOutsideBackbone: number;
  headsFrom: 'option' | 'config.json' | 'standard table';
  storageDtypes: Record<string, number>;
  architecture: Architecture & { heads: number; parameters: number };
  positionEmbedding: { storedGrid: number; servingGrid: number; interpolation: string };
  maskToken: 'file' | 'zeros (not in the file)';
  /** One line, e.g. "ViT-B/14 (width 768, depth 12, 12 heads, 4 registers, SwiGLU, LayerScale), 86.6M parameters". */
  summary: string;
}

export interface ImportedBackbone {
  config: VitConfig;
  weights: WeightMap;
  provenance: WeightsProvenance;
}

const NAMES: Record<number, string> = { 192: 'Ti', 384: 'S', 768: 'B', 1024: 'L', 1536: 'g' };

/** Reads a released ViT backbone (DINOv2 / DermINO / timm / Hugging Face; .pth or .safetensors). */
export function readWeightsFile(path: string, options: ReadWeightsOptions = {}): ImportedBackbone {
  const opened = openWeights(path);
  const what = opened.file.name;
  try {
    const take = options.take ?? 'teacher';
    const keys = mapBackboneKeys(opened.tensors, { format: options.format ?? 'auto', take, what });
    const tensors = unpackTimmGlu(keys.tensors);
    const arch = inferArchitecture(tensors, what);
    checkKeys(tensors, expectedTensors(arch), what);
    const { heads, headsFrom } = resolveHeads(path, arch.width, options.heads, what);
    const config = vitConfigFor(arch, heads, options.imageSize ?? 224, what);
    const parameters = [...tensors.values()].reduce((sum, t) => sum + elementCount(t.shape), 0);
    const budget = options.memoryBudgetBytes ?? Math.floor(totalmem() / 2);
    const needed = parameters * 4;
    if (needed > budget) {
      throw new Error(
        `${what}: the backbone's ${parameters} parameters need ${mb(needed)} as float32, above the memory budget of ${mb(budget)}`,
      );
    }
    const storageDtypes: Record<string, number> = {};
    for (const tensor of tensors.values())
      storageDtypes[tensor.dtype] = (storageDtypes[tensor.dtype] ?? 0) + 1;
    const weights = toVitWeights(tensors, arch, config);
    const servingGrid = config.imageSize / config.patchSize;
    const traits = [
      `${heads} heads`,
      arch.registers > 0 ? `${arch.registers} registers` : '',
      arch.ffn === 'swiglu' ? 'SwiGLU' : 'MLP',
      arch.layerScale ? 'LayerScale' : '',
    ]
      .filter(Boolean)
      .join(', ');
    const provenance: WeightsProvenance = {
      fileName: what,
      sha256: sha256Of(opened.file),
      fileBytes: opened.file.size,
      container: opened.container,
      format: keys.format,
      sourcePrefix: keys.prefix,
      took: keys.network,
      otherBackbones: keys.otherPrefixes,
      ignoredKeys: keys.ignored,
      keysOutsideBackbone: keys.outsideCount,
      headsFrom,
      storageDtypes,
      architecture: { ...arch, heads, parameters },
      positionEmbedding: {
        storedGrid: arch.positionGrid,
        servingGrid,
        interpolation:
          arch.positionGrid === servingGrid
            ? 'none (same grid)'
            : `bicubic, DINOv2 interpolate_pos_encoding (offset ${DINOV2_INTERPOLATE_OFFSET}, no antialias), once at import`,
      },
      maskToken: arch.maskToken ? 'file' : 'zeros (not in the file)',
      summary: `ViT-${NAMES[arch.width] ?? `${arch.width}`}/${arch.patchSize} (width ${arch.width}, depth ${arch.depth}, ${traits}), ${count(parameters)} parameters`,
    };
    return { config, weights, provenance };
  } finally {
    opened.file.close();
  }
}

const count = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : `${(n / 1e3).toFixed(1)}k`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function checkKeys(
  tensors: Map<string, { shape: number[] }>,
  expected: Map<string, number[]>,
  what: string,
): void {
  const missing = [...expected.keys()].filter((name) => !tensors.has(name));
  const unexpected = [...tensors.keys()].filter((name) => !expected.has(name));
  const wrongShape = [...expected]
    .filter(([name, shape]) => tensors.has(name) && !sameShape(tensors.get(name)!.shape, shape))
    .map(([name, shape]) => `${name} [${tensors.get(name)!.shape}] (expected [${shape}])`);
  const problems = [
    missing.length ? `missing ${missing.length} key(s): ${list(missing)}` : '',
    unexpected.length ? `unexpected ${unexpected.length} key(s): ${list(unexpected)}` : '',
    wrongShape.length ? `wrong shape: ${list(wrongShape)}` : '',
  ].filter(Boolean);
  if (problems.length > 0)
    throw new Error(
      `${what}: the backbone's keys (in DINOv2's names) do not match its architecture: ${problems.join('; ')}`,
    );
}

const list = (items: string[]) =>
  `${items.slice(0, 20).join(', ')}${items.length > 20 ? `, ... (${items.length - 20} more)` : ''}`;

function resolveHeads(path: string, width: number, option: number | undefined, what: string) {
  if (option !== undefined) {
    if (!Number.isInteger(option) || option <= 0)
      throw new Error(`${what}: heads must be a positive integer, got ${option}`);
    return { heads: option, headsFrom: 'option' as const };
  }
  const configPath = join(dirname(path), 'config.json');
  if (existsSync(configPath)) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (error) {
      throw new Error(`${configPath}: not valid JSON (${(error as Error).message})`);
    }
    const heads = parsed.num_attention_heads ?? parsed.num_heads;
    if (heads !== undefined) {
      if (!Number.isInteger(heads) || (heads as number) <= 0)
        throw new Error(`${configPath}: num_attention_heads must be a positive integer, got ${heads}`);
      return { heads: heads as number, headsFrom: 'config.json' as const };
    }
  }
  const standard = STANDARD_HEADS[width];
  if (!standard)
    throw new Error(
      `${what}: width ${width} is not a standard ViT width (384, 768, 1024, 1536); give the number of heads`,
    );
  return { heads: standard, headsFrom: 'standard table' as const };
}

function sha256Of(file: FileSource): string {
  const hash = createHash('sha256');
  const chunk = 16 * 2 ** 20;
  const buffer = new Uint8Array(chunk);
  for (let at = 0; at < file.size; at += chunk) {
    const length = Math.min(chunk, file.size - at);
    hash.update(file.read(at, length, buffer.subarray(0, length)));
  }
  return hash.digest('hex');
}
