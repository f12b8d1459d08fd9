import { findImportProblemPage, importProblemKeyset, MAX_PROBLEM_PAGE_SIZE } from '@dermino/db';
import type { ImportRunResolvers } from '../../../generated/resolvers-types.js';
import { checkFirst } from '../../../limits/check-first.js';
import { checkListFilter } from '../check-list-filter.js';
import { decodeKeysetCursor } from '../keyset-cursor.js';
import { toConnection } from '../to-connection.js';

export const ImportRun: ImportRunResolvers = {
  problems: async (parent, args, { db }) => {
    checkListFilter(args.filter);
    const orderBy = {
      field: args.orderBy?.field ?? 'ROW',
      direction: args.orderBy?.direction ?? 'ASC',
    } as const;
    // The run's id is in the scope: a cursor of another run's problems is refused.
    const scope = `import-problem:${parent.id}:${orderBy.field}:${orderBy.direction}`;
    const after = args.after ? decodeKeysetCursor(scope, args.after) : null;
    const page = await findImportProblemPage(db, {
      importRunId: parent.id,
      field: args.filter?.field,
      orderBy,
      first: checkFirst(args.first, MAX_PROBLEM_PAGE_SIZE, 100),
      after,
    });
    return toConnection(page, { scope, keysetOf: importProblemKeyset, after });
  },
};
