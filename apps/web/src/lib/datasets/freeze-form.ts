// Turns the freeze form into FreezeDatasetVersionInput, and an API refusal back into the field it is about.

export type FreezeField = 'name' | 'diagnosis' | 'site' | 'source' | 'split' | 'seed' | 'filter';

export interface FreezeFormInput {
  name: string;
  filter: Record<string, string[] | boolean>;
  split: string;
  groupBy: 'LESION' | 'PATIENT';
  seed: number;
  note?: string;
}

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

/** Only what the API cannot see is checked here (the seed must be a number); everything else the API judges. */
export function parseFreezeForm(form: FormLike): ParsedFreezeForm {
  const seedText = text(form, 'seed') || '0';
  if (!/^-?\d{1,9}$/.test(seedText)) {
    return { ok: false, field: 'seed', message: `Seed "${seedText}" must be a whole number.` };
  }
  const filter: FreezeFormInput['filter'] = {};
  for (const name of ['diagnosis', 'site', 'source'] as const) {
    const values = list(text(form, name));
    if (values.length > 0) filter[name] = values;
  }
  for (const name of ['skinType', 'confirmation', 'sex'] as const) {
    const values = strings(form.getAll(name));
    if (values.length > 0) filter[name] = values;
  }
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
