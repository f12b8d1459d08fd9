import { AppError } from '@dermino/db';

/** A page size argument within 1..max, or a BAD_INPUT naming the argument and the range. */
export function checkFirst(
  value: number | null | undefined,
  max: number,
  fallback: number,
  argument = 'first',
): number {
  const first = value ?? fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new AppError('BAD_INPUT', {
      message: `Argument "${argument}" must be from 1 to ${max}; got ${first}.`,
      details: { argument },
    });
  }
  return first;
}
