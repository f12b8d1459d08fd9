import { describe, expect, it } from 'vitest';
import {
  buildCasesHref,
  DEFAULT_PAGE_SIZE,
  hasActiveFilters,
  parseCaseSearch,
  toCaseFilter,
} from './case-search';

describe('parseCaseSearch', () => {
  it('reads every filter, the page size and the cursor stack', () => {
    const search = parseCaseSearch({
      diagnosis: ['mel', 'nv', 'mel'],
      site: 'back',
      source: '',
      skinType: ['V', 'VI'],
      labelled: 'no',
      size: '4',
      after: ['c1', 'c2'],
    });
    expect(search).toMatchObject({
      diagnosis: ['mel', 'nv'],
      site: ['back'],
      source: [],
      skinType: ['V', 'VI'],
      labelled: 'no',
      pageSize: 4,
      after: ['c1', 'c2'],
      ignored: [],
    });
    expect(toCaseFilter(search)).toEqual({
      diagnosis: ['mel', 'nv'],
      site: ['back'],
      skinType: ['V', 'VI'],
      labelled: false,
    });
  });

  it('ignores bad values and says which', () => {
    const search = parseCaseSearch({ skinType: ['VII', 'II'], labelled: 'maybe', size: '500' });
    expect(search.skinType).toEqual(['II']);
    expect(search.labelled).toBeUndefined();
    expect(search.pageSize).toBe(DEFAULT_PAGE_SIZE);
    expect(search.ignored.join(' | ')).toMatch(/skinType "VII".*labelled "maybe".*size "500"/);
  });

  it('treats labelled=any and empty form fields as no filter', () => {
    const search = parseCaseSearch({ diagnosis: '', site: '', labelled: 'any' });
    expect(hasActiveFilters(search)).toBe(false);
    expect(toCaseFilter(search)).toEqual({});
    expect(search.ignored).toEqual([]);
  });
});

describe('buildCasesHref', () => {
  it('round-trips filters and pushes or pops cursors', () => {
    const search = parseCaseSearch({ site: 'back', labelled: 'yes', size: '4', after: 'c1' });
    const next = buildCasesHref(search, [...search.after, 'c2']);
    expect(next).toBe('/cases?site=back&labelled=yes&size=4&after=c1&after=c2');
    const reparsed = parseCaseSearch(Object.fromEntries(groupParams(new URL(next, 'http://x').searchParams)));
    expect(reparsed.after).toEqual(['c1', 'c2']);
    expect(buildCasesHref(reparsed, reparsed.after.slice(0, -1))).toBe(
      '/cases?site=back&labelled=yes&size=4&after=c1',
    );
    expect(buildCasesHref(parseCaseSearch({}))).toBe('/cases');
  });
});

function groupParams(params: URLSearchParams): [string, string[]][] {
  return [...new Set(params.keys())].map((key) => [key, params.getAll(key)]);
}
