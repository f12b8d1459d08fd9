import { buildSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selects-field.js';

const schema = buildSchema(`
  type Page { totalCount: Int! items: [Int!]! }
  type Query { page: Page! other: Page! }
`);

/** What `page`'s resolver sees for `query`. */
function asked(query: string): boolean {
  let seen: boolean | null = null;
  const rootValue = {
    page: (_args: unknown, _context: unknown, info: Parameters<typeof selectsField>[0]) => {
      seen = selectsField(info, 'totalCount');
      return { totalCount: 1, items: [] };
    },
    other: () => ({ totalCount: 2, items: [] }),
  };
  const result = execute({ schema, document: parse(query), rootValue });
  expect((result as { errors?: unknown }).errors).toBeUndefined();
  if (seen === null) throw new Error('page was not resolved');
  return seen;
}

describe('selectsField', () => {
  it('sees the field asked directly, and not when only other fields are asked', () => {
    expect(asked('{ page { totalCount items } }')).toBe(true);
    expect(asked('{ page { items } }')).toBe(false);
    expect(asked('{ page { items } other { totalCount } }')).toBe(false);
  });

  it('sees it under an alias, but not a different field aliased to its name', () => {
    expect(asked('{ page { total: totalCount } }')).toBe(true);
    expect(asked('{ page { totalCount: items } }')).toBe(false);
  });

  it('sees it through named and inline fragments, nested, and in merged occurrences', () => {
    expect(asked('{ page { ...A } } fragment A on Page { ...B } fragment B on Page { totalCount }')).toBe(
      true,
    );
    expect(asked('{ page { ... on Page { totalCount } } }')).toBe(true);
    expect(asked('{ page { items } page { totalCount } }')).toBe(true);
    expect(asked('{ page { ...A } } fragment A on Page { items }')).toBe(false);
  });

  it('counts a field under @include or @skip as asked (never computes too little)', () => {
    expect(asked('{ page { totalCount @include(if: false) items } }')).toBe(true);
  });
});
