import { AppError, isUuid } from '@dermino/db';

/** An optional id filter: undefined when absent, a BAD_INPUT naming the argument when it is not a UUID. */
export function checkId(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isUuid(value)) {
    throw new AppError('BAD_INPUT', {
      message: `Argument "${argument}" is not an id from this API.`,
      details: { argument },
    });
  }
  return value;
}
