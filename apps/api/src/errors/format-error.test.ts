import { AppError } from '@dermino/db';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError } from './format-error.js';

// How graphql-js hands a resolver's error to formatError: wrapped, with a path.
function fromResolver(error: Error) {
  const wrapped = new GraphQLError(error.message, { path: ['cases'], originalError: error });
  return {
    wrapped,
    formatted: { message: error.message, path: ['cases'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
  };
}

describe('formatError', () => {
  it('maps AppError codes to extensions.code', () => {
    const { wrapped, formatted } = fromResolver(
      new AppError('BAD_INPUT', { message: 'first too big', details: { argument: 'first' } }),
    );
    expect(createFormatError({ maskUnknown: true })(formatted, wrapped)).toEqual({
      message: 'first too big',
      path: ['cases'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it('masks unknown errors outside development and keeps them in development', () => {
    const { wrapped, formatted } = fromResolver(new Error('connection string postgres://secret@db'));
    expect(createFormatError({ maskUnknown: true })(formatted, wrapped)).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(createFormatError({ maskUnknown: false })(formatted, wrapped).message).toMatch(
      /postgres:\/\/secret/,
    );
  });

  it('passes validation errors through', () => {
    const error = new GraphQLError('Value "VII" does not exist in "SkinType" enum.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const formatted = { message: error.message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(createFormatError({ maskUnknown: true })(formatted, error)).toBe(formatted);
  });

  it("shows Apollo's own 4xx refusals (no code) as BAD_REQUEST, and still masks a coded-less 500", () => {
    const refusal = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400 } },
    });
    const formatted = { message: refusal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(createFormatError({ maskUnknown: true })(formatted, refusal)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    const bug = new GraphQLError('secret detail', { extensions: { http: { status: 500 } } });
    expect(createFormatError({ maskUnknown: true })(formatted, bug).message).toBe('Internal server error');
  });
});
