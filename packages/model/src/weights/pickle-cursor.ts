/** Little-endian reads from pickle bytes, failing (naming the file) when the data ends early. */
export class PickleCursor {
  at = 0;
  private readonly view: DataView;
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fail: (why: string) => never,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private advance(n: number): number {
    if (this.at + n > this.bytes.length) this.fail('pickle data ends early (truncated?)');
    const start = this.at;
    this.at += n;
    return start;
  }

  u8(): number {
    return this.bytes[this.advance(1)];
  }
  u16(): number {
    return this.view.getUint16(this.advance(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.advance(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.advance(4), true);
  }
  u64(): number {
    return Number(this.view.getBigUint64(this.advance(8), true));
  }
  /** BINFLOAT is big-endian. */
  f64be(): number {
    return this.view.getFloat64(this.advance(8), false);
  }
  take(n: number): Uint8Array {
    const start = this.advance(n);
    return this.bytes.subarray(start, start + n);
  }
  text(n: number): string {
    return this.decoder.decode(this.take(n));
  }
  /** Two's-complement little-endian integer (LONG1). */
  long(n: number): number {
    const raw = this.take(n);
    let value = 0n;
    for (let i = raw.length - 1; i >= 0; i -= 1) value = (value << 8n) | BigInt(raw[i]);
    if (raw.length > 0 && raw[raw.length - 1] & 0x80) value -= 1n << BigInt(raw.length * 8);
    return Number(value);
  }
  /** A newline-terminated text line (GLOBAL's module and name). */
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end < 0) this.fail('pickle data ends inside a text line (truncated?)');
    return this.text(end - this.at + 1).slice(0, -1);
  }
}
