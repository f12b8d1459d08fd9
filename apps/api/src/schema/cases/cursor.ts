import { AppError, type CaseKeyset } from '@dermino/db';

const CURSOR_PREFIX = 'case:';
const UUID_LIKE = /^[0-9A-Za-z-]{1,64}$/;

/** Opaque to clients: base64url of `case:<createdAt ISO>|<id>`, the keyset of the last row of a page. */
export function encodeCaseCursor(keyset: CaseKeyset): string {
  return Buffer.from(`${CURSOR_PREFIX}${keyset.createdAt.toISOString()}|${keyset.id}`).toString('base64url');
}

export function decodeCaseCursor(cursor: string): CaseKeyset {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const [createdAtText, id] = text.startsWith(CURSOR_PREFIX)
    ? text.slice(CURSOR_PREFIX.length).split('|')
    : [];
  const createdAt = new Date(createdAtText ?? Number.NaN);
  if (!id || !UUID_LIKE.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError('BAD_INPUT', {
      message:
        'Argument "after" is not a cursor from this API; pass the endCursor of the previous page, or omit it.',
      details: { argument: 'after' },
    });
  }
  return { createdAt, id };
}
