import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './measure-operation.js';

const schema = buildSchema(`
  type Query { items(first: Int = 20): [Item!]! me: Item }
  type Item { id: ID! children(first: Int): [Item!]! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return measureOperation(schema, document, operation, variables);
}

describe('measureOperation', () => {
  it('weights fields by the page sizes above them (defaults, literals and variables)', () => {
    // items (1) + 20 ids + 20 children fields + 20*5 ids
    expect(measure('{ items { id children(first: 5) { id } } }')).toEqual({
      depth: 3,
      aliases: 0,
      cost: 141,
    });
    expect(measure('query($n: Int) { items(first: $n) { id } }', { n: 50 }).cost).toBe(51);
  });

  it('expands fragments and counts aliases', () => {
    const size = measure(
      '{ a: me { ...F } b: me { ...F } } fragment F on Item { id children(first: 2) { x: id } }',
    );
    expect(size).toEqual({ depth: 3, aliases: 4, cost: 2 * (1 + 1 + 1 + 2) });
  });

  it('clamps an absurd page so the resolver, not the cost, names the argument', () => {
    expect(measure('{ items(first: 100000) { id } }').cost).toBe(101);
  });
});
