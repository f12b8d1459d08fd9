import { IntakeError } from './errors.js';

export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/**
 * The format by magic bytes, before any decoder sees the file: a decoder never parses SVG, PDF, HEIC or a renamed
 * text file, whatever its name says.
 */
export function sniffFormat(input: Buffer): AcceptedFormat {
  if (input.length === 0) throw new IntakeError('EMPTY', 'The file is empty (0 bytes).');
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (
    input.length >= 8 &&
    input.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (input.length >= 12 && ascii(input, 0, 4) === 'RIFF' && ascii(input, 8, 12) === 'WEBP') return 'webp';
  if (input.length >= 4 && (ascii(input, 0, 4) === 'II*\0' || ascii(input, 0, 4) === 'MM\0*')) return 'tiff';
  throw new IntakeError(
    'UNSUPPORTED_FORMAT',
    `Not a supported image: the content is ${describeContent(input)} (accepted: JPEG, PNG, WebP, TIFF).`,
  );
}

function describeContent(input: Buffer): string {
  const head = ascii(input, 0, 16);
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('BM')) return 'a BMP image';
  if (/^\s*<(\?xml|svg)/i.test(head)) return 'XML/SVG';
  if (ascii(input, 4, 8) === 'ftyp') return 'an ISO media file (HEIC/AVIF/MP4)';
  if (input[0] === 0x50 && input[1] === 0x4b) return 'a ZIP archive';
  const sample = input.subarray(0, 512);
  const printable = sample.filter(
    (byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte < 127),
  );
  return printable.length === sample.length ? 'text' : 'unrecognised binary data';
}
