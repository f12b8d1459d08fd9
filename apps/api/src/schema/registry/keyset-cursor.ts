import { AppError, type Keyset } from '@dermino/db';

const ID_LIKE = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Opaque to clients: base64url of `<scope>:<value>|<id>`, the keyset of the last row of a page. The scope names
 * the list and its order (e.g. `job:CREATED_AT:DESC`), so a cursor of another list or order is refused.
 * Values: `d<ISO date>`, `s<text>`, `i<integer>`, or `n` for null.
 */
export function encodeKeysetCursor(scope: string, keyset: Keyset): string {
  const { value } = keyset;
  const text =
    value === null
      ? 'n'
      : value instanceof Date
        ? `d${value.toISOString()}`
        : typeof value === 'number'
          ? `i${value}`
          : `s${value}`;
  return Buffer.from(`${scope}:${text}|${keyset.id}`).toString('base64url');
}

export function decodeKeysetCursor(scope: string, cursor: string): Keyset {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const body = text.startsWith(`${scope}:`) ? text.slice(scope.length + 1) : '';
  const bar = body.lastIndexOf('|');
  const id = bar >= 0 ? body.slice(bar + 1) : '';
  const value = readValue(body.slice(0, Math.max(bar, 0)));
  if (!ID_LIKE.test(id) || value === undefined) {
    throw new AppError('BAD_INPUT', {
      message:
        'Argument "after" is not a cursor of this list in this order; pass the endCursor of the previous page, or omit it.',
      details: { argument: 'after' },
    });
  }
  return { value, id };
}

/** The value of a cursor, undefined when it is not one. */
function readValue(text: string): Keyset['value'] | undefined {
  if (text === 'n') return null;
  if (text.startsWith('s')) return text.slice(1);
  if (text.startsWith('i')) {
    // A 32-bit integer, as the Int columns ordered by (row numbers): a larger one would fail in SQL, not here.
    const number = /^i-?\d{1,10}$/.test(text) ? Number(text.slice(1)) : Number.NaN;
    return Math.abs(number) <= 2 ** 31 - 1 ? number : undefined;
  }
  if (!text.startsWith('d')) return undefined;
  const date = new Date(text.slice(1));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
