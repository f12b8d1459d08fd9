import { describe, expect, it } from 'vitest';
import { decodeCaseCursor, encodeCaseCursor } from './cursor.js';

describe('case cursors', () => {
  it('round-trips the keyset', () => {
    const keyset = {
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
      id: '6f1c1f1e-0000-4000-8000-000000000001',
    };
    const cursor = encodeCaseCursor(keyset);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCaseCursor(cursor)).toEqual(keyset);
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['foreign base64url', Buffer.from('hello world').toString('base64url')],
    ['bad date', Buffer.from('case:yesterday|abc').toString('base64url')],
    ['missing id', Buffer.from('case:2026-01-02T03:04:05.678Z|').toString('base64url')],
    ['injected id', Buffer.from("case:2026-01-02T03:04:05.678Z|x' OR 1=1").toString('base64url')],
  ])('refuses a malformed cursor (%s) as BAD_INPUT naming the argument', (_label, cursor) => {
    expect(() => decodeCaseCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/"after"/) }),
    );
  });
});
