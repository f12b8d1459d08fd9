import { describe, expect, it } from 'vitest';
import { fieldOfFreezeError, parseFreezeForm } from './freeze-form';

function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('parseFreezeForm', () => {
  it('builds the filter from comma lists and checkboxes, leaving out empty fields', () => {
    const parsed = parseFreezeForm(
      formOf([
        ['name', ' melanocytic '],
        ['diagnosis', 'mel, nv ,'],
        ['site', ''],
        ['skinType', 'V'],
        ['skinType', 'VI'],
        ['labelled', 'yes'],
        ['split', '80/10/10'],
        ['groupBy', 'PATIENT'],
        ['seed', '7'],
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      input: {
        name: 'melanocytic',
        filter: { diagnosis: ['mel', 'nv'], skinType: ['V', 'VI'], labelled: true },
        split: '80/10/10',
        groupBy: 'PATIENT',
        seed: 7,
      },
    });
  });

  it('refuses a skin type, confirmation or sex the schema does not have, naming the value', () => {
    expect(parseFreezeForm(formOf([['skinType', 'V'], ['skinType', 'VII']]))).toEqual({
      ok: false,
      field: 'filter',
      message: 'Unknown skin type "VII": one of I, II, III, IV, V, VI, UNKNOWN.',
    });
    expect(parseFreezeForm(formOf([['confirmation', 'BIOPSY']]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('Unknown confirmation "BIOPSY"'),
    });
    expect(parseFreezeForm(formOf([['sex', 'F']]))).toMatchObject({ ok: false, field: 'filter' });
  });

  it('refuses a seed that is not a whole number, naming the field', () => {
    expect(parseFreezeForm(formOf([['seed', '1.5']]))).toMatchObject({ ok: false, field: 'seed' });
  });
});

describe('fieldOfFreezeError', () => {
  it('finds the field an API message is about', () => {
    expect(fieldOfFreezeError('Unknown diagnosis code: zzz.')).toBe('diagnosis');
    expect(fieldOfFreezeError('--split "x" must be two or three non-negative numbers like 70/15/15.')).toBe(
      'split',
    );
    expect(fieldOfFreezeError('The dataset name must be 1 to 100 letters')).toBe('name');
    expect(fieldOfFreezeError('No images match the filter: a dataset version cannot be empty.')).toBe(
      'filter',
    );
  });
});
