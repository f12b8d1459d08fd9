import type { ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Below this, compression costs more time than the bytes it saves. */
export const COMPRESS_MIN_BYTES = 1024;

type Encoding = 'br' | 'gzip';

const encoders: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Brotli's default quality (11) takes tens of ms on a page; 4 is about gzip's speed with smaller output.
  br: (body) =>
    promisify(zlib.brotliCompress)(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: (body) => promisify(zlib.gzip)(body),
};

/** br when the client names it, else gzip (named or `*`); an encoding with q=0 is refused. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (name) weights.set(name, q ? Number(q.slice(2)) : 1);
  }
  const allows = (name: Encoding) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (weights.has('br') && allows('br')) return 'br';
  return allows('gzip') ? 'gzip' : null;
}

/**
 * Ends the response with `body`, compressed when the client accepts it and it is worth it
 * (node:zlib on the thread pool, so the event loop keeps serving).
 */
export async function endCompressed(res: ServerResponse, body: string, acceptEncoding: string | undefined) {
  const vary = res.getHeader('vary');
  res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const bytes = Buffer.from(body);
  const encoding = bytes.length >= COMPRESS_MIN_BYTES ? chooseEncoding(acceptEncoding) : null;
  if (!encoding) {
    res.end(bytes);
    return;
  }
  const compressed = await encoders[encoding](bytes);
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', compressed.length);
  res.end(compressed);
}
