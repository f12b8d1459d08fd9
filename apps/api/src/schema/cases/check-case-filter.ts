import { AppError } from '@dermino/db';
import type { CaseFilter } from '../../generated/resolvers-types.js';

const MAX_VALUES = 50;
const MAX_LENGTH = 200;

/**
 * Filter values travel to SQL as parameters, never as text, so metacharacters are harmless; the limits here
 * keep a request from becoming a huge IN list or a megabyte of text, and say which field was wrong.
 */
export function checkCaseFilter(filter: CaseFilter | null | undefined): void {
  if (!filter) return;
  for (const key of ['diagnosis', 'site', 'source', 'skinType'] as const) {
    const values = filter[key];
    if (!values) continue;
    const argument = `filter.${key}`;
    if (values.length > MAX_VALUES) {
      throw new AppError('BAD_INPUT', {
        message: `${argument} has ${values.length} values; at most ${MAX_VALUES}.`,
        details: { argument },
      });
    }
    const long = values.find((value) => value.length > MAX_LENGTH);
    if (long !== undefined) {
      throw new AppError('BAD_INPUT', {
        message: `${argument} has a value of ${long.length} characters; at most ${MAX_LENGTH}.`,
        details: { argument },
      });
    }
  }
}
