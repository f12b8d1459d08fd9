import { AppError, findCases, MAX_CASE_PAGE_SIZE } from '@dermino/db';
import { requireUser } from '../../../../context.js';
import type { QueryResolvers } from '../../../../generated/resolvers-types.js';
import { selectsField } from '../../../selects-field.js';
import { caseRelationsAt } from '../../case-relations.js';
import { checkCaseFilter } from '../../check-case-filter.js';
import { decodeCaseCursor, encodeCaseCursor } from '../../cursor.js';

const DEFAULT_PAGE_SIZE = 20;

export const cases: QueryResolvers['cases'] = async (_parent, args, context, info) => {
  const { db } = context;
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_CASE_PAGE_SIZE) {
    throw new AppError('BAD_INPUT', {
      message: `Argument "first" must be from 1 to ${MAX_CASE_PAGE_SIZE}; got ${first}.`,
      details: { argument: 'first' },
    });
  }
  checkCaseFilter(args.filter);
  const after = args.after ? decodeCaseCursor(args.after) : null;
  // Every case read is audited: one event per page listing its cases, written by the page's own statement
  // (one row, not 50, and no second round trip: the embedded database runs one statement at a time).
  const page = await findCases(db, {
    filter: args.filter,
    first,
    after,
    // The count reads every matching case, however many: only when the query asks for totalCount.
    withTotal: selectsField(info, 'totalCount'),
    // Images and annotations only when the page shows them.
    relations: caseRelationsAt(info, ['edges', 'node']),
    audit: {
      userId: requireUser(context).id,
      action: 'case.list',
      entityType: 'CaseList',
      entityId: context.requestId,
    },
  });
  // Cursors are encoded only if asked for (a list page usually wants endCursor alone).
  const edges = page.cases.map((node) => ({
    node,
    get cursor() {
      return encodeCaseCursor(node);
    },
  }));
  return {
    edges,
    get totalCount() {
      if (page.totalCount === null) throw new Error('totalCount resolved though the query did not select it');
      return page.totalCount;
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      // Forward paging only: a page that starts after a cursor has rows before it.
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
