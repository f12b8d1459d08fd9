import { AppError, type CurationFilter } from '@dermino/db';

const ENUMS = {
  confirmation: ['HISTOPATHOLOGY', 'CONSENSUS', 'FOLLOW_UP', 'CONFOCAL', 'SINGLE_READER', 'MODEL'],
  'skin-type': ['I', 'II', 'III', 'IV', 'V', 'VI', 'UNKNOWN'],
  sex: ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'],
  status: ['READY', 'PENDING', 'REJECTED'],
} as const;

export const FILTER_KEYS = [
  'diagnosis',
  'confirmation',
  'site',
  'skin-type',
  'sex',
  'age-band',
  'source',
  'device',
  'from',
  'to',
  'labelled',
  'min-blur',
  'status',
] as const;

function bad(expression: string, why: string): never {
  throw new AppError('BAD_INPUT', {
    message: `--filter ${expression}: ${why}.`,
    details: { argument: 'filter' },
  });
}

function enumList<T extends string>(expression: string, values: string[], allowed: readonly T[]): T[] {
  const upper = values.map((value) => value.toUpperCase().replace(/-/g, '_'));
  const unknown = upper.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0)
    bad(expression, `unknown value ${unknown.join(', ')} (expected ${allowed.join(', ')})`);
  return upper as T[];
}

function date(expression: string, value: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) bad(expression, `"${value}" is not a date (use 2024-03-01)`);
  return parsed;
}

/** `--filter key=a,b` expressions (repeatable) into a CurationFilter; a key given twice is an error, not a merge. */
export function parseFilterExpressions(expressions: readonly string[]): CurationFilter {
  const filter: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const expression of expressions) {
    const match = /^([a-z-]+)=(.*)$/.exec(expression.trim());
    if (!match) bad(expression, `expected key=value with key one of ${FILTER_KEYS.join(', ')}`);
    const [, key, rawValue] = match;
    if (!(FILTER_KEYS as readonly string[]).includes(key))
      bad(expression, `unknown key ${key} (expected ${FILTER_KEYS.join(', ')})`);
    if (seen.has(key)) bad(expression, `${key} is given twice; list values with commas instead`);
    seen.add(key);
    const values = rawValue
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length === 0) bad(expression, 'no value');
    if (key === 'confirmation') filter.confirmation = enumList(expression, values, ENUMS.confirmation);
    else if (key === 'skin-type') filter.skinType = enumList(expression, values, ENUMS['skin-type']);
    else if (key === 'sex') filter.sex = enumList(expression, values, ENUMS.sex);
    else if (key === 'status') filter.status = enumList(expression, values, ENUMS.status);
    else if (key === 'from') filter.capturedFrom = date(expression, rawValue);
    else if (key === 'to') filter.capturedTo = date(expression, rawValue);
    else if (key === 'labelled') {
      if (!['true', 'false'].includes(rawValue)) bad(expression, 'expected true or false');
      filter.labelled = rawValue === 'true';
    } else if (key === 'min-blur') {
      const value = Number(rawValue);
      if (!Number.isFinite(value)) bad(expression, `"${rawValue}" is not a number`);
      filter.minBlurVariance = value;
    } else if (key === 'age-band') filter.ageBand = values;
    else filter[key] = key === 'site' ? values.map((value) => value.toLowerCase()) : values;
  }
  return filter as CurationFilter;
}
