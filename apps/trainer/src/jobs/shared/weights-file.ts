import type { WeightMap } from '@dermino/model';

// One file for named float32 tensors: a 4-byte little-endian header length, a JSON index
// [{ name, shape, offset, length }], then the values back to back (float32, little-endian).

export function encodeWeights(weights: WeightMap): Buffer {
  const index: { name: string; shape: number[]; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [name, weight] of Object.entries(weights)) {
    index.push({ name, shape: weight.shape, offset, length: weight.data.length });
    offset += weight.data.length;
  }
  const header = Buffer.from(JSON.stringify(index));
  const data = new Float32Array(offset);
  for (const entry of index) data.set(weights[entry.name].data, entry.offset);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([size, header, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

export function decodeWeights(bytes: Buffer, source: string): WeightMap {
  if (bytes.length < 4) throw new Error(`${source}: not a weights file (too short)`);
  const headerLength = bytes.readUInt32LE(0);
  let index: { name: string; shape: number[]; offset: number; length: number }[];
  try {
    index = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8'));
  } catch {
    throw new Error(`${source}: not a weights file (bad header)`);
  }
  const body = bytes.subarray(4 + headerLength);
  // Copy so the floats are aligned whatever the header length.
  const data = new Float32Array(new Uint8Array(body).buffer);
  const out: WeightMap = {};
  for (const entry of index) {
    if (entry.offset + entry.length > data.length) throw new Error(`${source}: truncated at ${entry.name}`);
    out[entry.name] = { shape: entry.shape, data: data.slice(entry.offset, entry.offset + entry.length) };
  }
  return out;
}
