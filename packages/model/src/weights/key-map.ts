import { elementCount, type LazyTensor } from './lazy-tensor';

export type WeightsFormat = 'dinov2' | 'timm' | 'hf';
export type WeightsFormatOption = WeightsFormat | 'auto';

export interface BackboneKeys {
  format: WeightsFormat;
  /** Prefix of the backbone's keys in the file ('' for a plain state dict), after `module.` removal. */
  prefix: string;
  /** Other backbones found in the file (e.g. the student when the teacher was taken). */
  otherPrefixes: string[];
  /** 'teacher' or 'student' when the prefix names one (DINOv2 training checkpoints), else null. */
  network: 'teacher' | 'student' | null;
  /** Tensors renamed to DINOv2's own names (`blocks.<i>.attn.qkv.weight`, torch [out, in] layout). */
  tensors: Map<string, LazyTensor>;
  /** Keys of the backbone that are a classifier, not the backbone (timm `head.*`): left out, listed here. */
  ignored: string[];
  /** Keys of the file outside the backbone (heads, student, optimizer state): how many. */
  outsideCount: number;
}

const stripModule = (key: string) => key.replace(/(^|\.)(module|_orig_mod)\./g, '$1');

/**
 * Finds the backbone in a flat key -> tensor map (teacher unless told otherwise), detects its format and renames
 * its keys to DINOv2's. Keys of the backbone that match no rule are an error that lists them.
 */
export function mapBackboneKeys(
  all: Map<string, LazyTensor>,
  options: { format: WeightsFormatOption; take: 'teacher' | 'student'; what: string },
): BackboneKeys {
  const { what } = options;
  const keys = new Map<string, LazyTensor>();
  for (const [key, tensor] of all) {
    const stripped = stripModule(key);
    if (keys.has(stripped))
      throw new Error(
        `${what}: keys "${key}" and another one both become "${stripped}" without their module. prefix`,
      );
    keys.set(stripped, tensor);
  }
  const roots = [...keys.keys()].flatMap((key) => {
    const match = /^(.*?)(embeddings\.)?cls_token$/.exec(key);
    return match ? [{ prefix: match[1], hf: Boolean(match[2]) }] : [];
  });
  if (roots.length === 0) {
    throw new Error(
      `${what}: no ViT backbone found (no key ends in cls_token); first keys: ${[...keys.keys()].slice(0, 8).join(', ')}`,
    );
  }
  let chosen = roots;
  if (roots.length > 1) {
    chosen = roots.filter((root) => root.prefix.split('.').includes(options.take));
    if (chosen.length !== 1) {
      throw new Error(
        `${what}: ${roots.length} backbones found (${roots.map((r) => r.prefix || '(top level)').join(', ')}); cannot tell which is the ${options.take}`,
      );
    }
  }
  const { prefix, hf } = chosen[0];
  const segments = prefix.split('.');
  const network = segments.includes('teacher') ? 'teacher' : segments.includes('student') ? 'student' : null;
  if (options.take === 'student' && network !== 'student') {
    throw new Error(
      `${what}: a student network was asked for, but the file holds only ${prefix ? `"${prefix}*"` : 'one backbone'}`,
    );
  }
  const backbone = new Map<string, LazyTensor>();
  let outsideCount = 0;
  for (const [key, tensor] of keys) {
    if (key.startsWith(prefix)) backbone.set(key.slice(prefix.length), tensor);
    else outsideCount += 1;
  }
  const detected: WeightsFormat = hf
    ? 'hf'
    : backbone.has('mask_token') || backbone.has('register_tokens')
      ? 'dinov2'
      : 'timm';
  const format = options.format === 'auto' ? detected : options.format;
  if ((format === 'hf') !== (detected === 'hf')) {
    throw new Error(
      `${what}: --format ${format} given, but the keys are ${detected === 'hf' ? 'Hugging Face style (embeddings.*)' : 'DINOv2/timm style (patch_embed.*, blocks.*)'}`,
    );
  }
  const renamed = format === 'hf' ? renameHf(backbone, what) : renameDinov2(backbone);
  if (renamed.unknown.length > 0) {
    const list = renamed.unknown.map((key) => prefix + key);
    throw new Error(
      `${what}: ${list.length} unexpected key(s) in the backbone: ${list.slice(0, 20).join(', ')}${list.length > 20 ? ', ...' : ''}`,
    );
  }
  return {
    format,
    prefix,
    otherPrefixes: roots.map((r) => r.prefix).filter((p) => p !== prefix),
    network,
    tensors: renamed.tensors,
    ignored: renamed.ignored.map((key) => prefix + key),
    outsideCount,
  };
}

interface Renamed {
  tensors: Map<string, LazyTensor>;
  unknown: string[];
  ignored: string[];
}

const BLOCK_PARTS =
  /^(norm1|norm2)\.(weight|bias)$|^attn\.(qkv|proj)\.(weight|bias)$|^mlp\.(fc1|fc2|w12|w3)\.(weight|bias)$/;

/** DINOv2 and timm share names; block chunks `blocks.<chunk>.<i>.` become `blocks.<i>.`. */
function renameDinov2(backbone: Map<string, LazyTensor>): Renamed {
  const out: Renamed = { tensors: new Map(), unknown: [], ignored: [] };
  for (const [key, tensor] of backbone) {
    const block = /^blocks\.(?:\d+\.)?(\d+)\.(.+)$/.exec(key);
    if (block) {
      const [, index, part] = block;
      const layerScale = /^(ls[12])\.gamma$/.exec(part);
      if (layerScale) out.tensors.set(`blocks.${index}.${layerScale[1]}.gamma`, tensor);
      else if (BLOCK_PARTS.test(part)) out.tensors.set(`blocks.${index}.${part}`, tensor);
      else out.unknown.push(key);
      continue;
    }
    const renames: Record<string, string> = { reg_token: 'register_tokens' };
    if (
      /^(patch_embed\.proj\.(weight|bias)|cls_token|pos_embed|mask_token|register_tokens|reg_token|norm\.(weight|bias))$/.test(
        key,
      )
    ) {
      out.tensors.set(renames[key] ?? key, tensor);
    } else if (/^head\.(weight|bias)$/.test(key)) out.ignored.push(key);
    else out.unknown.push(key);
  }
  return out;
}

/** Hugging Face Dinov2Model / Dinov2WithRegistersModel; query, key and value become one qkv (our layout). */
function renameHf(backbone: Map<string, LazyTensor>, what: string): Renamed {
  const out: Renamed = { tensors: new Map(), unknown: [], ignored: [] };
  const top: Record<string, string> = {
    'embeddings.cls_token': 'cls_token',
    'embeddings.mask_token': 'mask_token',
    'embeddings.register_tokens': 'register_tokens',
    'embeddings.position_embeddings': 'pos_embed',
    'embeddings.patch_embeddings.projection.weight': 'patch_embed.proj.weight',
    'embeddings.patch_embeddings.projection.bias': 'patch_embed.proj.bias',
    'layernorm.weight': 'norm.weight',
    'layernorm.bias': 'norm.bias',
  };
  const parts: Record<string, string> = {
    'attention.output.dense': 'attn.proj',
    'mlp.fc1': 'mlp.fc1',
    'mlp.fc2': 'mlp.fc2',
    'mlp.weights_in': 'mlp.w12',
    'mlp.weights_out': 'mlp.w3',
    norm1: 'norm1',
    norm2: 'norm2',
  };
  const qkv = new Map<string, Partial<Record<'query' | 'key' | 'value', LazyTensor>>>();
  for (const [key, tensor] of backbone) {
    if (top[key]) {
      out.tensors.set(top[key], tensor);
      continue;
    }
    const match = /^encoder\.layer\.(\d+)\.(.+)\.(weight|bias|lambda1)$/.exec(key);
    const [index, part, leaf] = match ? match.slice(1) : [];
    const attention = /^attention\.attention\.(query|key|value)$/.exec(part ?? '');
    if (match && attention && leaf !== 'lambda1') {
      const name = `blocks.${index}.attn.qkv.${leaf}`;
      const pieces = qkv.get(name) ?? {};
      pieces[attention[1] as 'query'] = tensor;
      qkv.set(name, pieces);
    } else if (match && /^layer_scale[12]$/.test(part) && leaf === 'lambda1') {
      out.tensors.set(`blocks.${index}.ls${part.slice(-1)}.gamma`, tensor);
    } else if (match && parts[part] && leaf !== 'lambda1') {
      out.tensors.set(`blocks.${index}.${parts[part]}.${leaf}`, tensor);
    } else out.unknown.push(key);
  }
  for (const [name, pieces] of qkv) {
    const missing = (['query', 'key', 'value'] as const).filter((p) => !pieces[p]);
    if (missing.length > 0)
      throw new Error(
        `${what}: ${name.replace('attn.qkv', 'attention.attention.*')}: ${missing.join(', ')} missing`,
      );
    out.tensors.set(name, concatRows([pieces.query!, pieces.key!, pieces.value!]));
  }
  return out;
}

/** Stacks tensors along the first axis (q, k, v -> qkv), read lazily. */
function concatRows(parts: LazyTensor[]): LazyTensor {
  const rows = parts.reduce((sum, part) => sum + part.shape[0], 0);
  const shape = [rows, ...parts[0].shape.slice(1)];
  return {
    dtype: parts[0].dtype,
    shape,
    read() {
      const out = new Float32Array(elementCount(shape));
      let at = 0;
      for (const part of parts) {
        const data = part.read();
        out.set(data, at);
        at += data.length;
      }
      return out;
    },
  };
}
