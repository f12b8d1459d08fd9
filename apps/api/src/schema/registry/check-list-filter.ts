import { AppError } from '@dermino/db';

const MAX_VALUES = 50;
const MAX_LENGTH = 200;

/**
 * Filter values reach SQL as bound parameters, so metacharacters are harmless; these limits keep a request
 * from becoming a huge IN list or a megabyte of text, and name the field that was wrong.
 */
export function checkListFilter(filter: Record<string, unknown> | null | undefined): void {
  for (const [key, values] of Object.entries(filter ?? {})) {
    if (!Array.isArray(values)) continue;
    const argument = `filter.${key}`;
    if (values.length > MAX_VALUES) {
      throw new AppError('BAD_INPUT', {
        message: `${argument} has ${values.length} values; at most ${MAX_VALUES}.`,
        details: { argument },
      });
    }
    const long = values.find((value) => typeof value === 'string' && value.length > MAX_LENGTH);
    if (long !== undefined) {
      throw new AppError('BAD_INPUT', {
        message: `${argument} has a value of ${long.length} characters; at most ${MAX_LENGTH}.`,
        details: { argument },
      });
    }
  }
}
