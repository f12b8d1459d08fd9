import type { FileSource } from './file-source';
import { DTYPE_BYTES, elementCount, type LazyTensor, readFloat32At } from './lazy-tensor';

interface HeaderEntry {
  name: string;
  dtype: string;
  shape: number[];
  begin: number;
  end: number;
}

/** True when the first bytes look like a safetensors header (u64 length, then a JSON object). */
export function looksLikeSafetensors(head: Uint8Array): boolean {
  return (
    head.length >= 9 && head[8] === 0x7b && head[4] === 0 && head[5] === 0 && head[6] === 0 && head[7] === 0
  );
}

/**
 * Reads a `.safetensors` header and checks it fully (offsets inside the data, no two tensors overlapping, byte
 * counts equal to dtype x shape) before any tensor is read. Tensors are read lazily by offset.
 */
export function readSafetensors(file: FileSource): {
  tensors: Map<string, LazyTensor>;
  metadata: Record<string, string>;
} {
  const fail = (why: string): never => {
    throw new Error(`${file.name}: invalid safetensors file (${why})`);
  };
  if (file.size < 8) fail(`${file.size} bytes is shorter than the 8-byte header length`);
  const lengthBytes = file.read(0, 8);
  const headerLength = Number(
    new DataView(lengthBytes.buffer, lengthBytes.byteOffset, 8).getBigUint64(0, true),
  );
  if (headerLength > 100_000_000) fail(`header length ${headerLength} is implausible`);
  if (8 + headerLength > file.size)
    fail(`header of ${headerLength} bytes runs past the end of the ${file.size}-byte file (truncated?)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(file.read(8, headerLength)));
  } catch (error) {
    return fail(`header is not JSON: ${(error as Error).message}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    fail('header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataSize = file.size - dataStart;
  const metadata = (header.__metadata__ ?? {}) as Record<string, string>;
  const entries: HeaderEntry[] = [];
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const info = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const { dtype, shape, data_offsets: offsets } = info ?? {};
    if (typeof dtype !== 'string' || DTYPE_BYTES[dtype] === undefined)
      fail(`tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      fail(`tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isInteger(o) && o >= 0) ||
      offsets[0] > offsets[1]
    ) {
      fail(`tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`);
    }
    const [begin, end] = offsets as [number, number];
    if (end > dataSize)
      fail(
        `tensor "${name}" ends at byte ${end} of the data, which holds only ${dataSize} bytes (truncated?)`,
      );
    const expected = elementCount(shape as number[]) * DTYPE_BYTES[dtype as string];
    if (end - begin !== expected)
      fail(`tensor "${name}" spans ${end - begin} bytes, but ${dtype} [${shape}] needs ${expected}`);
    entries.push({ name, dtype: dtype as string, shape: shape as number[], begin, end });
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  for (let i = 1; i < sorted.length; i += 1) {
    const [previous, current] = [sorted[i - 1], sorted[i]];
    if (current.begin < previous.end) {
      fail(
        `tensors "${previous.name}" [${previous.begin}, ${previous.end}) and "${current.name}" [${current.begin}, ${current.end}) overlap`,
      );
    }
  }
  const tensors = new Map<string, LazyTensor>();
  for (const entry of entries) {
    tensors.set(entry.name, {
      dtype: entry.dtype,
      shape: entry.shape,
      read: () => {
        const what = `${file.name}: tensor "${entry.name}"`;
        return readFloat32At(
          file.read,
          dataStart + entry.begin,
          entry.dtype,
          elementCount(entry.shape),
          what,
        );
      },
    });
  }
  return { tensors, metadata };
}
