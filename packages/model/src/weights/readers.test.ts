import { describe, expect, it } from 'vitest';
import { bytesSource } from './file-source';
import { interpolatePosEmbed } from './interpolate-pos-embed';
import { toFloat32 } from './lazy-tensor';
import { unpickle } from './safe-pickle';
import { readSafetensors } from './safetensors';

const u16le = (values: number[]) => new Uint8Array(Uint16Array.from(values).buffer);
const noGlobals = { globals: {}, persistentLoad: () => null, what: 'test.pkl' };

describe('half-precision conversion', () => {
  it('F16: one, minus two, the smallest subnormal, infinity', () => {
    expect(Array.from(toFloat32(u16le([0x3c00, 0xc000, 0x0001, 0x7c00]), 'F16', 4, 't'))).toEqual([
      1,
      -2,
      2 ** -24,
      Number.POSITIVE_INFINITY,
    ]);
  });
  it('BF16: the top half of a float32', () => {
    expect(Array.from(toFloat32(u16le([0x3f80, 0xc040, 0x3e20]), 'BF16', 3, 't'))).toEqual([1, -3, 0.15625]);
  });
  it('integers are refused, naming the dtype', () => {
    expect(() => toFloat32(new Uint8Array(8), 'I64', 1, 'x.pth: tensor "step"')).toThrow(
      /x\.pth: tensor "step": dtype I64 is not a floating-point type/,
    );
  });
});

describe('safe pickle', () => {
  it('refuses a protocol-4 STACK_GLOBAL naming posix.system before anything is called', () => {
    const text = (s: string) => [0x8c, s.length, ...new TextEncoder().encode(s)];
    const bytes = Uint8Array.from([
      0x80,
      0x04,
      ...text('posix'),
      ...text('system'),
      0x93,
      ...text('id'),
      0x85,
      0x52,
      0x2e,
    ]);
    expect(() => unpickle(bytes, noGlobals)).toThrow(
      /test\.pkl: the pickle names the global "posix\.system"/,
    );
  });
  it('reads nested dicts, tuples, ints, floats and strings; truncated data is an error', () => {
    // {'a': (1, -2, 3.5), 'b': 'x'} as pickle protocol 2 writes it.
    const bytes = Uint8Array.from([
      0x80, 0x02, 0x7d, 0x71, 0x00, 0x28, 0x58, 1, 0, 0, 0, 0x61, 0x4b, 1, 0x4a, 0xfe, 0xff, 0xff, 0xff, 0x47,
      0x40, 0x0c, 0, 0, 0, 0, 0, 0, 0x87, 0x71, 0x01, 0x58, 1, 0, 0, 0, 0x62, 0x58, 1, 0, 0, 0, 0x78, 0x75,
      0x2e,
    ]);
    const value = unpickle(bytes, noGlobals) as Map<string, unknown>;
    expect(Object.fromEntries(value)).toEqual({ a: [1, -2, 3.5], b: 'x' });
    expect(() => unpickle(bytes.subarray(0, 20), noGlobals)).toThrow(
      /test\.pkl: pickle data ends early \(truncated\?\)/,
    );
  });
});

describe('safetensors header checks', () => {
  const file = (header: object, dataBytes: number) => {
    const text = new TextEncoder().encode(JSON.stringify(header));
    const out = new Uint8Array(8 + text.length + dataBytes);
    new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
    out.set(text, 8);
    return bytesSource('w.safetensors', out);
  };
  it('byte counts must equal dtype x shape, and offsets lie inside the data', () => {
    expect(() => readSafetensors(file({ a: { dtype: 'F16', shape: [3], data_offsets: [0, 8] } }, 8))).toThrow(
      /tensor "a" spans 8 bytes, but F16 \[3\] needs 6/,
    );
    expect(() =>
      readSafetensors(file({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 12)),
    ).toThrow(/tensor "a" ends at byte 16 of the data, which holds only 12 bytes \(truncated\?\)/);
    expect(() =>
      readSafetensors(file({ a: { dtype: 'Q4', shape: [4], data_offsets: [0, 16] } }, 16)),
    ).toThrow(/tensor "a" has unknown dtype "Q4"/);
  });
});

describe('DINOv2 position interpolation', () => {
  it('keeps the CLS row and a constant grid stays constant (the bicubic weights sum to 1)', () => {
    const from = Float32Array.from({ length: (1 + 16) * 2 }, (_, i) => (i < 2 ? 7 + i : 0.5));
    const out = interpolatePosEmbed(from, 2, 4, 3, { hasClassRow: true });
    expect(Array.from(out.subarray(0, 2))).toEqual([7, 8]);
    for (const v of out.subarray(2)) expect(v).toBeCloseTo(0.5, 6);
  });
});
