import { AppError } from '@dermino/db';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 or says where it is not: a Latin-1 or Windows-1252 export fails on its first accented byte. */
export function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < bytes.length; index++) {
      if (bytes[index] === 0x0a) {
        try {
          strict.decode(bytes.subarray(lineStart, index));
        } catch {
          break;
        }
        line++;
        lineStart = index + 1;
      }
    }
    const lineEnd = bytes.indexOf(0x0a, lineStart);
    const lineBytes = bytes.subarray(lineStart, lineEnd === -1 ? bytes.length : lineEnd);
    // Feed the line byte by byte to a streaming decoder: it throws at the first byte that breaks UTF-8.
    const stream = new TextDecoder('utf-8', { fatal: true });
    let column = 0;
    try {
      for (; column < lineBytes.length; column++)
        stream.decode(lineBytes.subarray(column, column + 1), { stream: true });
    } catch {
      // The decoder notices a cut-short sequence at the byte after it: point at the sequence's lead byte.
      while (column > 0 && lineBytes[column] < 0xc0 && lineBytes[column - 1] >= 0x80) column--;
    }
    const byte = lineBytes[column] ?? 0;
    throw new AppError('BAD_INPUT', {
      message: `${what} is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} at line ${line}, column ${column + 1} (re-save the file as UTF-8).`,
      details: { line },
    });
  }
}
