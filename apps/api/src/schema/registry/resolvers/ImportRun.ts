import { findImportProblems } from '@dermino/db';
import type { ImportRunResolvers } from '../../../generated/resolvers-types.js';
import { checkFirst } from '../../../limits/check-first.js';

export const ImportRun: ImportRunResolvers = {
  problems: (parent, args, { db }) =>
    findImportProblems(db, { importRunId: parent.id, take: checkFirst(args.first, 500, 100) }),
};
