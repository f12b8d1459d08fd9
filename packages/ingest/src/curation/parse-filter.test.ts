import { describe, expect, it } from 'vitest';
import { parseFilterExpressions } from './parse-filter.js';

describe('parseFilterExpressions', () => {
  it('reads every key', () => {
    expect(
      parseFilterExpressions([
        'diagnosis=mel,nv',
        'confirmation=histopathology',
        'site=Back',
        'skin-type=V,VI',
        'sex=female',
        'age-band=40-49',
        'source=ham10000',
        'device=dermlite',
        'from=2024-01-01',
        'to=2025-01-01',
        'labelled=true',
        'min-blur=12.5',
      ]),
    ).toEqual({
      diagnosis: ['mel', 'nv'],
      confirmation: ['HISTOPATHOLOGY'],
      site: ['back'],
      skinType: ['V', 'VI'],
      sex: ['FEMALE'],
      ageBand: ['40-49'],
      source: ['ham10000'],
      device: ['dermlite'],
      capturedFrom: new Date('2024-01-01'),
      capturedTo: new Date('2025-01-01'),
      labelled: true,
      minBlurVariance: 12.5,
    });
  });

  it.each([
    ['colour=red', '--filter colour=red: unknown key colour'],
    ['sex', '--filter sex: expected key=value'],
    ['sex=robot', '--filter sex=robot: unknown value ROBOT (expected FEMALE, MALE, OTHER, UNKNOWN).'],
    ['from=yesterday', '--filter from=yesterday: "yesterday" is not a date'],
    ['labelled=maybe', '--filter labelled=maybe: expected true or false.'],
  ])('explains %s', (expression, message) => {
    expect(() => parseFilterExpressions([expression])).toThrow(message);
  });

  it('refuses a key given twice', () => {
    expect(() => parseFilterExpressions(['sex=male', 'sex=female'])).toThrow('sex is given twice');
  });
});
