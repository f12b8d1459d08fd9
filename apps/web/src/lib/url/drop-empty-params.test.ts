import { describe, expect, it } from 'vitest';
import { dropEmptyParams } from './drop-empty-params';

describe('dropEmptyParams', () => {
  it('drops empty fields and keeps the rest in order, repeats included', () => {
    expect(dropEmptyParams('?diagnosis=&site=back&source=&site=face&labelled=')).toBe('?site=back&site=face');
  });

  it('returns an empty search when every field was empty', () => {
    expect(dropEmptyParams('?diagnosis=&site=')).toBe('');
  });

  it('returns null when there is nothing to drop', () => {
    expect(dropEmptyParams('?site=back&after=abc')).toBeNull();
    expect(dropEmptyParams('')).toBeNull();
  });
});
