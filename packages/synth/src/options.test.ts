import { describe, expect, it } from 'vitest';
import { generateCohort } from './cohort.js';
import { SynthOptionsError } from './options.js';
import { renderImage } from './render/render-image.js';

describe('option validation', () => {
  it.each([
    [{ seed: 1.5 }, /option "seed" must be an integer/],
    [{ seed: -1 }, /option "seed"/],
    [{ imageCount: 0 }, /option "imageCount" must be an integer in \[1,/],
    [{ labelledFraction: 1.5 }, /option "labelledFraction" must be a number in \[0, 1\] \(got 1.5\)/],
    [{ labelNoise: Number.NaN }, /option "labelNoise"/],
    [{ nearDuplicateFraction: 0.9 }, /option "nearDuplicateFraction" must be a number in \[0, 0.5\]/],
    [{ classPrior: { xyz: 1 } }, /option "classPrior.xyz" is not a class/],
    [{ classPrior: { nv: -1 } }, /option "classPrior.nv" must be a finite number >= 0/],
    [{ classPrior: { nv: 0 } }, /option "classPrior" must give at least one class a weight > 0/],
    [{ startDate: 'not a date' }, /option "startDate"/],
    [
      { months: 12, drift: { site: 'site-b', month: 12 } },
      /option "drift.month" must be an integer in \[1, 11\]/,
    ],
    [{ drift: { site: 'site-z', month: 3 } }, /option "drift.site" must be one of site-a, site-b, site-c/],
    [{ idPrefix: 'has space' }, /option "idPrefix"/],
  ])('rejects %j', (options, message) => {
    expect(() => generateCohort(options as never)).toThrow(SynthOptionsError);
    expect(() => generateCohort(options as never)).toThrow(message);
  });

  it('names the option on the error object', () => {
    try {
      generateCohort({ hairFraction: 2 });
      expect.unreachable();
    } catch (error) {
      expect((error as SynthOptionsError).option).toBe('hairFraction');
    }
  });

  it('rejects a bad render size', () => {
    const [image] = generateCohort({ seed: 1, imageCount: 1 }).images;
    expect(() => renderImage(image, { size: 4 })).toThrow(
      /option "size" must be an integer in \[8, 4096\] \(got 4\)/,
    );
    expect(() => renderImage(image, { size: 32.5 })).toThrow(/option "size"/);
  });
});
