import { type FileSource, openFileSource } from './file-source';
import type { LazyTensor } from './lazy-tensor';
import { PickleDict, type PickleValue } from './safe-pickle';
import { looksLikeSafetensors, readSafetensors } from './safetensors';
import { looksLikeLegacyTorch, looksLikeZip, readTorchZip, TorchTensor } from './torch-zip';

export interface OpenedWeights {
  container: 'safetensors' | 'torch-zip';
  /** Every tensor of the file by its dotted path (nested dicts joined with '.'). */
  tensors: Map<string, LazyTensor>;
  file: FileSource;
}

/** Opens a `.safetensors` or torch.save zip file by its content (not its name); tensors stay lazy. */
export function openWeights(path: string): OpenedWeights {
  const file = openFileSource(path);
  try {
    const head = file.read(0, Math.min(16, file.size));
    if (looksLikeZip(head))
      return { container: 'torch-zip', tensors: flattenTensors(readTorchZip(file), file.name), file };
    if (looksLikeSafetensors(head))
      return { container: 'safetensors', tensors: readSafetensors(file).tensors, file };
    if (looksLikeLegacyTorch(head)) {
      throw new Error(
        `${file.name}: legacy (pre-1.6) torch.save format; re-save it with torch.save(obj, path) from PyTorch >= 1.6`,
      );
    }
    throw new Error(
      `${file.name}: neither a torch.save zip checkpoint nor a safetensors file (${file.size} bytes${file.size === 0 ? ', empty' : ''})`,
    );
  } catch (error) {
    file.close();
    throw error;
  }
}

/** Nested dicts -> dotted paths of their tensors; other leaves (iteration counters, ...) carry no weights. */
export function flattenTensors(root: PickleValue, what: string): Map<string, LazyTensor> {
  const out = new Map<string, LazyTensor>();
  const visit = (value: PickleValue, path: string) => {
    if (value instanceof TorchTensor) {
      out.set(path, value);
    } else if (value instanceof PickleDict) {
      for (const [key, child] of value) visit(child, path ? `${path}.${String(key)}` : String(key));
    }
  };
  visit(root, '');
  if (out.size === 0) throw new Error(`${what}: the checkpoint holds no tensors`);
  return out;
}
