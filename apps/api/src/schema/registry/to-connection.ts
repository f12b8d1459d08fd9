import type { Keyset, KeysetPage } from '@dermino/db';
import { encodeKeysetCursor } from './keyset-cursor.js';

/** A Relay connection from a keyset page; the cursor of each edge is its row's keyset under `scope`. */
export function toConnection<T>(
  page: KeysetPage<T>,
  options: { scope: string; keysetOf: (row: T) => Keyset; after: Keyset | null },
) {
  const edges = page.rows.map((node) => ({
    cursor: encodeKeysetCursor(options.scope, options.keysetOf(node)),
    node,
  }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // Forward paging only: a page that starts after a cursor has rows before it.
      hasPreviousPage: options.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
