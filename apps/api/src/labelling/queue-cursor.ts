import { AppError } from '@dermino/db';

const PREFIX = 'lq:';

/** Opaque to clients: base64url of `lq:<batch id>|<position>`. */
export function encodeQueueCursor(batchId: string, position: number): string {
  return Buffer.from(`${PREFIX}${batchId}|${position}`).toString('base64url');
}

export function decodeQueueCursor(cursor: string): { batchId: string; position: number } {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const [batchId, positionText] = text.startsWith(PREFIX) ? text.slice(PREFIX.length).split('|') : [];
  const position = Number(positionText);
  if (!batchId || !Number.isInteger(position) || position < 0) {
    throw new AppError('BAD_INPUT', {
      message:
        'Argument "after" is not a labelling-queue cursor; pass the endCursor of the previous page, or omit it.',
      details: { argument: 'after' },
    });
  }
  return { batchId, position };
}
