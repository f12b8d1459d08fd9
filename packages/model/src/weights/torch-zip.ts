import type { FileSource } from './file-source';
import { DTYPE_BYTES, elementCount, type LazyTensor, readFloat32At } from './lazy-tensor';
import { PickleDict, type PickleGlobal, type PickleValue, unpickle } from './safe-pickle';
import { readZipDirectory, type ZipEntry } from './zip-reader';

const STORAGE_DTYPES: Record<string, string> = {
  FloatStorage: 'F32',
  HalfStorage: 'F16',
  BFloat16Storage: 'BF16',
  DoubleStorage: 'F64',
  LongStorage: 'I64',
  IntStorage: 'I32',
  ShortStorage: 'I16',
  CharStorage: 'I8',
  ByteStorage: 'U8',
  BoolStorage: 'BOOL',
};

interface StorageType {
  storageDtype: string;
}
interface Storage {
  dtype: string;
  entry: ZipEntry;
}

/** A tensor of a torch checkpoint: a view (offset, shape, strides in elements) of a storage blob. */
export class TorchTensor implements LazyTensor {
  constructor(
    private readonly storage: Storage,
    private readonly offset: number,
    readonly shape: number[],
    private readonly stride: number[],
  ) {}

  get dtype() {
    return this.storage.dtype;
  }

  read(): Float32Array {
    const { dtype, entry } = this.storage;
    const item = DTYPE_BYTES[dtype];
    const count = elementCount(this.shape);
    const what = `tensor stored in ${entry.name}`;
    const contiguous = this.shape.every(
      (_, axis) => this.shape[axis] === 1 || this.stride[axis] === elementCount(this.shape.slice(axis + 1)),
    );
    if (contiguous || count === 0) return readFloat32At(entry.read, this.offset * item, dtype, count, what);
    // A strided view: read the span it covers, then gather its elements in row-major order.
    const span = 1 + this.shape.reduce((sum, dim, axis) => sum + (dim - 1) * this.stride[axis], 0);
    const all = readFloat32At(entry.read, this.offset * item, dtype, span, what);
    const out = new Float32Array(count);
    const index = new Array(this.shape.length).fill(0);
    for (let i = 0; i < count; i += 1) {
      out[i] = all[index.reduce((sum, value, axis) => sum + value * this.stride[axis], 0)];
      for (let axis = this.shape.length - 1; axis >= 0; axis -= 1) {
        index[axis] += 1;
        if (index[axis] < this.shape[axis]) break;
        index[axis] = 0;
      }
    }
    return out;
  }
}

const fn = (call: (args: PickleValue[]) => PickleValue): PickleGlobal => ({ call });

/** True for the zip signature torch.save (>= 1.6) writes. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** True for the legacy (pre-1.6, non-zip) torch.save format, which starts with a pickled magic number. */
export function looksLikeLegacyTorch(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x80 && head[1] === 0x02 && head[2] === 0x8a && head[3] === 0x0a;
}

/**
 * Reads a torch.save zip checkpoint: the object in `<prefix>/data.pkl` with every tensor left lazy (its blob
 * `<prefix>/data/<key>` is read when the tensor is). Dicts come back as PickleDict (a Map).
 */
export function readTorchZip(file: FileSource): PickleValue {
  const entries = readZipDirectory(file);
  const pickleEntry = [...entries.values()].find((entry) => /^[^/]+\/data\.pkl$/.test(entry.name));
  if (!pickleEntry)
    throw new Error(`${file.name}: a zip, but not a torch.save checkpoint (no <name>/data.pkl member)`);
  const prefix = pickleEntry.name.slice(0, -'data.pkl'.length);
  const storages = new Map<string, Storage>();
  const globals: Record<string, PickleGlobal> = {
    // OrderedDict() then SETITEMS, as torch.save writes it, or OrderedDict([(key, value), ...]).
    'collections.OrderedDict': fn(
      (args) => new PickleDict(Array.isArray(args[0]) ? (args[0] as Array<[PickleValue, PickleValue]>) : []),
    ),
    'torch._utils._rebuild_tensor_v2': fn((args) => {
      const [storage, offset, shape, stride] = args as [Storage, number, number[], number[]];
      if (!storage || !Array.isArray(shape) || !Array.isArray(stride))
        throw new Error(`${file.name}: malformed _rebuild_tensor_v2 arguments`);
      return new TorchTensor(storage, offset, shape, stride);
    }),
    'torch._utils._rebuild_parameter': fn((args) => args[0]),
  };
  for (const [name, dtype] of Object.entries(STORAGE_DTYPES))
    globals[`torch.${name}`] = {
      storageDtype: dtype,
      call: () => {
        throw new Error(`${file.name}: a storage type was called`);
      },
    } as PickleGlobal & StorageType;
  const persistentLoad = (id: PickleValue): Storage => {
    const [kind, type, key, , numel] = id as [string, StorageType, string, string, number];
    if (kind !== 'storage' || !type?.storageDtype)
      throw new Error(`${file.name}: unknown persistent id ${JSON.stringify(kind)}`);
    const cached = storages.get(key);
    if (cached) return cached;
    const entry = entries.get(`${prefix}data/${key}`);
    if (!entry) throw new Error(`${file.name}: storage blob ${prefix}data/${key} is missing (truncated?)`);
    const needed = Number(numel) * DTYPE_BYTES[type.storageDtype];
    if (entry.size < needed)
      throw new Error(
        `${file.name}: storage ${key} holds ${entry.size} bytes, ${needed} expected (truncated?)`,
      );
    const storage = { dtype: type.storageDtype, entry };
    storages.set(key, storage);
    return storage;
  };
  return unpickle(pickleEntry.read(0, pickleEntry.size), {
    globals,
    persistentLoad,
    what: `${file.name} (${pickleEntry.name})`,
  });
}
