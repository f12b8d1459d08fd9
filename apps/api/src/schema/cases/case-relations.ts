import type { CaseRelations } from '@dermino/db';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldsAt } from '../selects-field.js';

/**
 * The relations the query's Case selection at `path` reads, so the case SQL reads no others: `diagnosis` is
 * computed from the annotations.
 */
export function caseRelationsAt(info: GraphQLResolveInfo, path: readonly string[]): CaseRelations {
  const fields = selectedFieldsAt(info, path);
  return { images: fields.has('images'), annotations: fields.has('annotations') || fields.has('diagnosis') };
}
