// Turns the freeze form into FreezeDatasetVersionInput, and an API refusal back into the field it is about.

import type { CurationFilterInput, FreezeDatasetVersionInput } from '@/gql/graphql';
import { CONFIRMATIONS, SEXES, SKIN_TYPES } from './dataset-types';

export type FreezeField = 'name' | 'diagnosis' | 'site' | 'source' | 'split' | 'seed' | 'filter';

export type FreezeFormInput = FreezeDatasetVersionInput;

export type ParsedFreezeForm =
  | { ok: true; input: FreezeFormInput }
  | { ok: false; field: FreezeField; message: string };

interface FormLike {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const strings = (values: unknown[]) =>
  values.filter((value): value is string => typeof value === 'string' && value !== '');

// The checkboxes only offer schema values; anything else came from a hand-made request.
const CHOICES = {
  skinType: { label: 'skin type', values: SKIN_TYPES },
  confirmation: { label: 'confirmation', values: CONFIRMATIONS },
  sex: { label: 'sex', values: SEXES },
} as const;

function isChoice<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Only what the API cannot see is checked here (the seed must be a number, enum choices must be schema values);
 * everything else the API judges.
 */
export function parseFreezeForm(form: FormLike): ParsedFreezeForm {
  const seedText = text(form, 'seed') || '0';
  if (!/^-?\d{1,9}$/.test(seedText)) {
    return { ok: false, field: 'seed', message: `Seed "${seedText}" must be a whole number.` };
  }
  const filter: CurationFilterInput = {};
  for (const name of ['diagnosis', 'site', 'source'] as const) {
    const values = list(text(form, name));
    if (values.length > 0) filter[name] = values;
  }
  const skinTypes = strings(form.getAll('skinType'));
  const confirmations = strings(form.getAll('confirmation'));
  const sexes = strings(form.getAll('sex'));
  for (const [name, values] of [
    ['skinType', skinTypes],
    ['confirmation', confirmations],
    ['sex', sexes],
  ] as const) {
    const { label, values: allowed } = CHOICES[name];
    const unknown = values.find((value) => !isChoice(allowed, value));
    if (unknown !== undefined) {
      return {
        ok: false,
        field: 'filter',
        message: `Unknown ${label} "${unknown}": one of ${allowed.join(', ')}.`,
      };
    }
  }
  if (skinTypes.length > 0) filter.skinType = skinTypes.filter((value) => isChoice(SKIN_TYPES, value));
  if (confirmations.length > 0)
    filter.confirmation = confirmations.filter((value) => isChoice(CONFIRMATIONS, value));
  if (sexes.length > 0) filter.sex = sexes.filter((value) => isChoice(SEXES, value));
  const labelled = text(form, 'labelled');
  if (labelled === 'yes' || labelled === 'no') filter.labelled = labelled === 'yes';
  const note = text(form, 'note');
  return {
    ok: true,
    input: {
      name: text(form, 'name'),
      filter,
      split: text(form, 'split') || '70/15/15',
      groupBy: text(form, 'groupBy') === 'PATIENT' ? 'PATIENT' : 'LESION',
      seed: Number(seedText),
      ...(note ? { note } : {}),
    },
  };
}

/** The API names the argument in its message ("dataset name", "--split", "diagnosis code", "No images match"). */
export function fieldOfFreezeError(message: string): FreezeField {
  if (/split/i.test(message)) return 'split';
  if (/diagnosis|concept/i.test(message)) return 'diagnosis';
  if (/dataset name|\bname\b/i.test(message)) return 'name';
  if (/\bsite\b/i.test(message)) return 'site';
  if (/\bsource\b/i.test(message)) return 'source';
  return 'filter';
}
