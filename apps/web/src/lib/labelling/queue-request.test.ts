import { describe, expect, it } from 'vitest';
import { parseQueueSearch, QUEUE_PAGE_SIZE } from './queue-request';

describe('the workbench URL', () => {
  it('defaults to the uncertainty queue over the whole registry', () => {
    expect(parseQueueSearch({})).toEqual({
      ok: true,
      request: { strategy: 'UNCERTAINTY', filter: {}, pageSize: QUEUE_PAGE_SIZE, blind: false },
    });
  });

  it('reads a strategy in any case and repeated filters', () => {
    const parsed = parseQueueSearch({
      strategy: 'random',
      site: ['back', ' face '],
      source: 'site-a',
      skinType: 'iv',
    });
    expect(parsed).toMatchObject({
      ok: true,
      request: {
        strategy: 'RANDOM',
        filter: { site: ['back', 'face'], source: ['site-a'], skinType: ['IV'] },
      },
    });
  });

  it('reads a blind read', () => {
    expect(parseQueueSearch({ blind: '1' })).toMatchObject({ ok: true, request: { blind: true } });
    expect(parseQueueSearch({ blind: 'no' })).toMatchObject({ ok: true, request: { blind: false } });
  });

  it('names an unknown strategy or skin type', () => {
    expect(parseQueueSearch({ strategy: 'loudest' })).toEqual({
      ok: false,
      message: 'Unknown strategy "LOUDEST": use one of UNCERTAINTY, DIVERSITY, RANDOM, DISAGREEMENT.',
    });
    expect(parseQueueSearch({ skinType: ['II', 'VII'] })).toEqual({
      ok: false,
      message: 'Unknown skin type "VII": use I to VI or UNKNOWN.',
    });
  });
});
