import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

/** Float32 tensors to write (tests and the benchmark; the committed fixtures come from PyTorch). */
export type TensorsToWrite = Array<[name: string, shape: number[], data: Float32Array]>;

const bytesOf = (data: Float32Array) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** A `.safetensors` file, all F32, streamed tensor by tensor. */
export function writeSafetensors(path: string, tensors: TensorsToWrite): void {
  const header: Record<string, unknown> = {};
  let at = 0;
  for (const [name, shape, data] of tensors) {
    header[name] = { dtype: 'F32', shape, data_offsets: [at, at + data.byteLength] };
    at += data.byteLength;
  }
  let text = JSON.stringify(header);
  text += ' '.repeat((8 - (text.length % 8)) % 8);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(text.length), true);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, length);
    writeSync(fd, new TextEncoder().encode(text));
    for (const [, , data] of tensors) writeSync(fd, bytesOf(data));
  } finally {
    closeSync(fd);
  }
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Pickle (protocol 2) of an OrderedDict of tensors, as torch.save writes a state dict. */
function statePickle(tensors: TensorsToWrite): Uint8Array {
  const out: number[] = [0x80, 0x02];
  const text = (value: string) => {
    const encoded = new TextEncoder().encode(value);
    out.push(0x58, ...u32(encoded.length), ...encoded);
  };
  const int = (value: number) => {
    out.push(0x4a, ...u32(value));
  };
  const global = (module: string, name: string) =>
    out.push(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  const orderedDict = () => {
    global('collections', 'OrderedDict');
    out.push(0x29, 0x52); // EMPTY_TUPLE, REDUCE
  };
  orderedDict();
  out.push(0x28); // MARK
  tensors.forEach(([name, shape], index) => {
    text(name);
    global('torch._utils', '_rebuild_tensor_v2');
    out.push(0x28, 0x28); // MARK (args), MARK (persistent id)
    text('storage');
    global('torch', 'FloatStorage');
    text(String(index));
    text('cpu');
    int(shape.reduce((a, b) => a * b, 1));
    out.push(0x74, 0x51); // TUPLE, BINPERSID
    int(0);
    out.push(0x28);
    for (const dim of shape) int(dim);
    out.push(0x74, 0x28);
    for (let axis = 0; axis < shape.length; axis += 1) int(shape.slice(axis + 1).reduce((a, b) => a * b, 1));
    out.push(0x74, 0x89); // TUPLE, NEWFALSE
    orderedDict();
    out.push(0x74, 0x52); // TUPLE, REDUCE
  });
  out.push(0x75, 0x2e); // SETITEMS, STOP
  return Uint8Array.from(out);
}

const u32 = (value: number) => [
  value & 0xff,
  (value >>> 8) & 0xff,
  (value >>> 16) & 0xff,
  (value >>> 24) & 0xff,
];
const u16 = (value: number) => [value & 0xff, (value >>> 8) & 0xff];

/**
 * A torch.save-style zip (`archive/data.pkl`, `archive/data/<n>`), STORED (as torch writes it) or DEFLATE,
 * streamed member by member. Members stay under 4 GB (no zip64).
 */
export function writeTorchZip(
  path: string,
  tensors: TensorsToWrite,
  options: { deflate?: boolean } = {},
): void {
  const fd = openSync(path, 'w');
  const central: number[][] = [];
  let offset = 0;
  const write = (bytes: Uint8Array | number[]) => {
    const data = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    writeSync(fd, data);
    offset += data.length;
  };
  const member = (name: string, raw: Uint8Array) => {
    const stored = options.deflate ? deflateRawSync(raw) : raw;
    const method = options.deflate ? 8 : 0;
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(raw);
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(method),
      ...u16(0),
      ...u16(0x21),
      ...u32(crc),
      ...u32(stored.length),
      ...u32(raw.length),
      ...u16(nameBytes.length),
    ];
    central.push([
      0x50,
      0x4b,
      0x01,
      0x02,
      ...u16(20),
      ...common,
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offset),
      ...nameBytes,
    ]);
    write([0x50, 0x4b, 0x03, 0x04, ...common, ...u16(0), ...nameBytes]);
    write(stored);
  };
  try {
    member('archive/data.pkl', statePickle(tensors));
    member('archive/version', new TextEncoder().encode('3\n'));
    for (const [index, [, , data]] of tensors.entries()) member(`archive/data/${index}`, bytesOf(data));
    const start = offset;
    for (const entry of central) write(entry);
    const size = offset - start;
    write([
      0x50,
      0x4b,
      0x05,
      0x06,
      0,
      0,
      0,
      0,
      ...u16(central.length),
      ...u16(central.length),
      ...u32(size),
      ...u32(start),
      0,
      0,
    ]);
  } finally {
    closeSync(fd);
  }
}
