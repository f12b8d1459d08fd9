import { describe, expect, it } from 'vitest';
import { curationHref } from './curation-href';

describe('curationHref', () => {
  it('keeps the filters, version, run and size, and replaces the cursor stack', () => {
    const params = {
      source: 'ham',
      skinType: ['II', 'IV'],
      version: 'v1',
      run: 'r1',
      size: '4',
      after: ['c1'],
    };
    const href = new URL(curationHref(params, ['c1', 'c2']), 'http://x');
    expect(href.pathname).toBe('/curation');
    expect(href.searchParams.get('source')).toBe('ham');
    expect(href.searchParams.getAll('skinType')).toEqual(['II', 'IV']);
    expect(href.searchParams.get('version')).toBe('v1');
    expect(href.searchParams.get('run')).toBe('r1');
    expect(href.searchParams.get('size')).toBe('4');
    expect(href.searchParams.getAll('after')).toEqual(['c1', 'c2']);
  });

  it('drops empty parameters, and every cursor for the first page', () => {
    expect(curationHref({ site: '', after: ['c1'] }, [])).toBe('/curation');
    expect(curationHref({ site: 'back', labelled: undefined }, [])).toBe('/curation?site=back');
  });
});
