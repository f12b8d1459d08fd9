import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';

/** Random access to a file by offset, so multi-GB checkpoints are read a tensor at a time. */
export interface FileSource {
  name: string;
  size: number;
  /** Exactly `length` bytes at `offset` (throws naming the file if the file is shorter). */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
  close(): void;
}

export function openFileSource(path: string): FileSource {
  const name = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new Error(
      `${path}: cannot open weights file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const size = fstatSync(fd).size;
  return {
    name,
    size,
    read(offset, length, into) {
      if (offset < 0 || offset + length > size) {
        throw new Error(
          `${name}: read of ${length} bytes at offset ${offset} lies past the end of the ${size}-byte file (truncated?)`,
        );
      }
      const out = into ?? new Uint8Array(length);
      let done = 0;
      // readSync reads at most 2 GB per call.
      while (done < length) {
        const n = readSync(fd, out, done, Math.min(length - done, 1 << 30), offset + done);
        if (n <= 0) throw new Error(`${name}: unexpected end of file at offset ${offset + done}`);
        done += n;
      }
      return out;
    },
    close() {
      closeSync(fd);
    },
  };
}

/** The same interface over bytes already in memory (tests, small files). */
export function bytesSource(name: string, bytes: Uint8Array): FileSource {
  return {
    name,
    size: bytes.length,
    read(offset, length, into) {
      if (offset < 0 || offset + length > bytes.length) {
        throw new Error(
          `${name}: read of ${length} bytes at offset ${offset} lies past the end of the ${bytes.length}-byte file (truncated?)`,
        );
      }
      const view = bytes.subarray(offset, offset + length);
      if (!into) return view;
      into.set(view);
      return into;
    },
    close() {},
  };
}
