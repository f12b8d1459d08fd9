import { buildASTSchema, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../schema/resolvers.js';
import { loadTypeDefs } from '../schema/type-defs.js';
import { findPermissionGaps } from './check-permission-coverage.js';
import { EVERYONE, PERMISSIONS } from './permissions.js';

describe('permission map coverage', () => {
  it('covers the whole schema', () => {
    expect(findPermissionGaps(buildASTSchema(loadTypeDefs()))).toEqual([]);
  });

  it('names an unlisted type, an unlisted root field and a stale entry', () => {
    const schema = buildSchema('type Query { a: Int, b: T } type T { x: Int } type Mutation { m: Int }');
    expect(
      findPermissionGaps(schema, {
        Query: { fields: { a: EVERYONE, gone: EVERYONE } },
        Mutation: { type: EVERYONE },
        Old: { type: EVERYONE },
      }),
    ).toEqual([
      'Query.gone is in the permission map but not in the schema',
      'root field Query.b has no entry in the permission map',
      'type T has no entry in the permission map',
      'root field Mutation.m has no entry in the permission map',
      'type Old is in the permission map but not in the schema',
    ]);
  });

  it('gives every root field an explicit rule (no type-wide default on Query or Mutation)', () => {
    expect(PERMISSIONS.Query.type).toBeUndefined();
    expect(PERMISSIONS.Mutation.type).toBeUndefined();
  });
});

describe('resolver coverage', () => {
  it('has a resolver for every root field (a missing one would answer null)', () => {
    const schema = buildASTSchema(loadTypeDefs());
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      const own = Object.keys((resolvers as Record<string, object>)[type.name]).sort();
      expect(own, type.name).toEqual(Object.keys(type.getFields()).sort());
    }
  });
});
