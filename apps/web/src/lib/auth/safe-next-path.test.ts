import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNextPath('/cases/abc')).toBe('/cases/abc');
    expect(safeNextPath('/cases?site=back&after=x')).toBe('/cases?site=back&after=x');
  });

  it('falls back for anything that could leave the site or loop back to login', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'cases',
      '/login',
      '/login?next=/x',
      '/auth/expired',
      '/a\nb',
    ]) {
      expect(safeNextPath(next), next).toBe('/');
    }
  });

  it('handles missing and repeated parameters', () => {
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(['/cases/1', '/cases/2'])).toBe('/cases/1');
  });
});
