import { inflateRawSync } from 'node:zlib';
import type { FileSource } from './file-source';

/** One member of a zip archive; `read(start, length)` reads from its (uncompressed) data. */
export interface ZipEntry {
  name: string;
  size: number;
  read(start: number, length: number, into?: Uint8Array): Uint8Array;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip's central directory (zip64 included) and gives lazy access to its members. STORED members (what
 * torch.save writes) are read in place by offset; DEFLATE members are inflated on first read.
 */
export function readZipDirectory(file: FileSource): Map<string, ZipEntry> {
  const fail = (why: string): never => {
    throw new Error(`${file.name}: not a readable zip archive (${why})`);
  };
  const tailLength = Math.min(file.size, 22 + 65535);
  const tail = file.read(file.size - tailLength, tailLength);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tailView.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('end of central directory not found: the file is truncated or not a zip');
  let count = tailView.getUint16(eocd + 10, true);
  let dirSize = tailView.getUint32(eocd + 12, true);
  let dirOffset = tailView.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && tailView.getUint32(locator, true) === EOCD64_LOCATOR) {
    const record = Number(tailView.getBigUint64(locator + 8, true));
    const head = file.read(record, 56);
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    if (view.getUint32(0, true) !== EOCD64) fail('zip64 end of central directory record missing');
    count = Number(view.getBigUint64(32, true));
    dirSize = Number(view.getBigUint64(40, true));
    dirOffset = Number(view.getBigUint64(48, true));
  }
  if (dirOffset + dirSize > file.size)
    fail(
      `central directory at ${dirOffset}+${dirSize} lies past the end of the ${file.size}-byte file (truncated?)`,
    );
  const dir = file.read(dirOffset, dirSize);
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > dir.length || view.getUint32(at, true) !== CENTRAL)
      fail(`central directory entry ${n} is damaged`);
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength));
    // zip64 extra field: the 64-bit values follow in this order for each 32-bit field that is saturated.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 1) {
        let field = extra + 4;
        const next = () => {
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = next();
        if (compressed === 0xffffffff) compressed = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      extra += 4 + length;
    }
    at = extraEnd + commentLength;
    if (method !== 0 && method !== 8)
      fail(`member ${name} uses compression method ${method} (only STORED and DEFLATE are read)`);
    entries.set(name, createEntry(file, name, method, localOffset, compressed, size, fail));
  }
  return entries;
}

function createEntry(
  file: FileSource,
  name: string,
  method: number,
  localOffset: number,
  compressed: number,
  size: number,
  fail: (why: string) => never,
): ZipEntry {
  let dataStart = -1;
  let inflated: Uint8Array | null = null;
  const start = () => {
    if (dataStart >= 0) return dataStart;
    const local = file.read(localOffset, 30);
    const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
    if (local.length < 30 || view.getUint32(0, true) !== LOCAL) fail(`local header of ${name} is damaged`);
    dataStart = localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    if (dataStart + compressed > file.size) fail(`member ${name} ends past the end of the file (truncated?)`);
    return dataStart;
  };
  return {
    name,
    size,
    read(offset, length, into) {
      if (offset < 0 || offset + length > size)
        fail(`read of ${length} bytes at ${offset} lies outside member ${name} (${size} bytes)`);
      if (method === 0) return file.read(start() + offset, length, into);
      inflated ??= inflateRawSync(file.read(start(), compressed));
      if (inflated.length !== size)
        fail(`member ${name} inflates to ${inflated.length} bytes, expected ${size}`);
      const view = inflated.subarray(offset, offset + length);
      if (!into) return view;
      into.set(view);
      return into;
    },
  };
}
