import type { IncomingMessage } from 'node:http';
import { AppError } from '@dermino/db';

const MAX_BODY_BYTES = 1024 * 1024;

/** The JSON body of a GraphQL POST; a clear 400 for a body that is too big or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new AppError('BAD_INPUT', { message: 'The request body is larger than 1 MiB.' });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.includes('json')) return Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('BAD_INPUT', { message: 'The request body is not valid JSON.' });
  }
}
